/**
 * A clerk's originals as they come from the office — a Word file, a PDF exported from Word, a scanned page — imported
 * into an empty library (the scan with --ocr, with no network at all), built, and read in Chromium: each page offers
 * its original, whose bytes are the ones imported, and the scan is marked for checking.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';
import { buildSite, makeTempDir, REPO_ROOT } from '../helpers/build-site.ts';
import { checkLinks, formatBroken } from '../helpers/link-check.ts';
import { DISTRICT, makeDocx, makePdf, PARTY, renderPage, scannedPdf, STATE } from '../../tools/make-originals.ts';
import { runOffline } from '../helpers/offline.ts';

let browser: Browser;
let server: StaticServer;
let outDir: string;
let content: string;
const originals: Record<string, Buffer> = {};
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

const PAGES = {
  docx: 'van-ban/ban-tuyen-giao-tinh-uy-bac-ninh/2022-06-20-312-cv-btgtu/',
  pdf: 'van-ban/so-y-te-tinh-nam-dinh/2022-03-05-2345-syt-nvy/',
  scan: 'van-ban/ban-dan-van-tinh-uy-ha-tinh/2023-08-12-45-cv-bdvtu/',
};

beforeAll(async () => {
  const root = makeTempDir('vanban-formats-');
  const raw = path.join(root, 'raw');
  fs.mkdirSync(raw);
  originals.docx = await makeDocx(PARTY);
  originals.pdf = Buffer.from(await makePdf(STATE));
  originals.scan = Buffer.from(await scannedPdf(await renderPage(await makePdf(DISTRICT), 200)));
  fs.writeFileSync(path.join(raw, 'cong-van-312.docx'), originals.docx);
  fs.writeFileSync(path.join(raw, 'cong-van-2345.pdf'), originals.pdf);
  fs.writeFileSync(path.join(raw, 'ban-quet.pdf'), originals.scan);
  content = path.join(root, 'content');
  const imp = runOffline(process.execPath, ['src/cli/import.ts', '--init', '--ocr', '--out', content, raw], {
    cwd: REPO_ROOT,
    env: { OCR_CACHE_DIR: path.join(root, 'ocr-cache') },
  });
  expect(imp.status, `${imp.isolation}\n${imp.stdout}\n${imp.stderr}`).toBe(0);
  expect(imp.stdout).toMatch(/Đã nhập 3, bỏ qua 0, lỗi 0/);
  ({ outDir } = await buildSite({ contentDir: content }));
  server = await serveStatic(outDir);
  browser = await launchBrowser();
}, 280_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('each page offers its original, and the bytes downloaded are the ones imported', async () => {
  const page = await browser.newPage();
  for (const [kind, p] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
    await page.goto(server.url + p);
    const link = page.locator('[data-field="original"] a');
    expect(await link.textContent(), p).toMatch(kind === 'docx' ? /Tải về \(Word, \d+ KB\)/ : /Tải về \(PDF, \d+ KB\)/);
    const shown = await page.textContent('[data-field="sha256"]');
    expect(shown).toBe(sha(originals[kind]!));
    const download = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).toString());
    expect(download.status()).toBe(200);
    expect(sha(await download.body())).toBe(shown);
  }
  await page.close();
});

test('the scan is recognised, marked for checking, and listed for editors', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + PAGES.scan);
  expect(await page.textContent('.meta-panel [data-field="number"]')).toBe('45-CV/BDVTU');
  expect(await page.textContent('[data-field="original"]')).toMatch(
    /Chữ được nhận dạng \(OCR\) từ bản quét, độ tin cậy \d+%\..*Chưa được đối chiếu với bản gốc\./s,
  );
  await page.goto(`${server.url}can-doi-chieu/`);
  expect(await page.$$eval('.doc-list__title', (as) => as.map((a) => (a as HTMLAnchorElement).pathname))).toEqual([`/${PAGES.scan}`]);
  await page.close();
  const text = fs.readFileSync(path.join(content, 'directives', 'ban-dan-van-tinh-uy-ha-tinh--2023-08-12-45-cv-bdvtu.md'), 'utf8');
  expect(text).toMatch(/^review:\n {2}reason: ocr\n {2}confidence: \d+$/m);
  expect(text).toMatch(/^ {2}extraction: ocr$/m);
});

test('catalog.json and the structured data list the originals; every link of the site resolves', () => {
  const catalog = JSON.parse(fs.readFileSync(path.join(outDir, 'catalog.json'), 'utf8')) as {
    directives: { id: string; original: { url: string; sha256: string; extraction: string } | null }[];
  };
  const byId = new Map(catalog.directives.map((d) => [d.id, d.original]));
  expect(byId.get('so-y-te-tinh-nam-dinh/2022-03-05-2345-syt-nvy')).toMatchObject({
    url: '/goc/so-y-te-tinh-nam-dinh--2022-03-05-2345-syt-nvy.pdf',
    sha256: sha(originals.pdf!),
    extraction: 'text-layer',
  });
  const html = fs.readFileSync(path.join(outDir, PAGES.docx, 'index.html'), 'utf8');
  const ld = JSON.parse(/<script type="application\/ld\+json"[^>]*>([^<]+)<\/script>/.exec(html)![1]!);
  expect(ld.associatedMedia).toMatchObject({ '@type': 'MediaObject', sha256: sha(originals.docx!) });
  const { broken, checked } = checkLinks({ distDir: outDir, siteUrl: 'http://localhost:4321' });
  expect(formatBroken(broken)).toBe('');
  expect(checked).toBeGreaterThan(50);
});
