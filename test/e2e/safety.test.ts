/**
 * A directive full of script payloads (body, subject, issuer name, signer, lists) is built for real and
 * opened in Chromium: nothing runs, nothing loads from another origin, and the text is still there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { buildSite, REPO_ROOT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';

let browser: Browser;
let server: StaticServer;
let outDir: string;

beforeAll(async () => {
  ({ outDir } = await buildSite({ contentDir: path.join(REPO_ROOT, 'test/fixtures/hostile') }));
  server = await serveStatic(outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PAGE = 'van-ban/co-quan-doc-hai/2024-05-02-99-cv-btn/';

/** Open a page, hover and click around, and report whether any payload ran or any foreign request was made. */
async function probe(p: string): Promise<{ page: Page; ran: unknown; dialogs: string[]; foreign: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin)) foreign.push(r.url());
  });
  await page.goto(server.url + p);
  await page.mouse.move(200, 300);
  for (const el of await page.$$('main p, main a, main li')) await el.hover({ force: true, timeout: 500 }).catch(() => {});
  const ran = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
  return { page, ran, dialogs, foreign };
}

test('the directive page runs nothing and shows the text', async () => {
  const { page, ran, dialogs, foreign } = await probe(PAGE);
  expect(ran).toBeNull();
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  const html = fs.readFileSync(path.join(outDir, PAGE, 'index.html'), 'utf8');
  const body = html.slice(html.indexOf('class="formal__body"'), html.indexOf('class="formal__foot"'));
  expect(body).not.toMatch(/<(?:script|iframe|img|svg|object|embed|form|input|style)\b/i);
  expect(body).not.toMatch(/\son\w+=|javascript:|data:text/i);
  const text = await page.textContent('.formal__body');
  expect(text).toContain('Đoạn mở đầu có mã độc');
  expect(text).toContain('Vẫn hiện chữ của khối div.');
  expect(text).toContain('Đoạn cuối cùng, an toàn.');
  // Character references outside Unicode: U+FFFD, not a build that dies (past seven digits CommonMark reads no
  // reference at all, and the text stays as written).
  expect(text).toContain('Ký tự ngoài bảng mã \uFFFD và &#99999999; không làm hỏng trang.');
  // Frontmatter values are text, escaped, never markup.
  expect(await page.textContent('h1')).toBe(
    `Về kiểm tra an toàn <script>window.__pwned='title'</script><img src=x onerror="window.__pwned='title-img'">`,
  );
  expect(await page.textContent('.meta-panel [data-field="issuer"]')).toContain('<script>');
  expect(await page.textContent('.formal__signer-name')).toContain('<svg onload=');
  expect(await page.$$eval('main script, main img, main iframe, main svg', (e) => e.length)).toBe(0);
  await page.close();
});

test('lists, search results and browse pages that show the same values run nothing', async () => {
  for (const p of ['', 'co-quan/', 'co-quan/co-quan-doc-hai/', 'loai/cong-van/', 'nam/2024/', 'tim-kiem/?q=kiem%20tra%20an%20toan']) {
    const { page, ran, dialogs, foreign } = await probe(p);
    if (p.startsWith('tim-kiem')) {
      await page.waitForSelector('#search-results li');
      expect(await page.textContent('#search-results li a')).toContain('<script>');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    }
    expect({ p, ran, dialogs, foreign }).toEqual({ p, ran: null, dialogs: [], foreign: [] });
    await page.close();
  }
});

test('a file with CR-only line endings is read like any other and gets its page', () => {
  const html = fs.readFileSync(path.join(outDir, 'van-ban/co-quan-doc-hai/2024-05-03-100-cv-btn/index.html'), 'utf8');
  expect(html).toContain('Về một văn bản lưu với dòng kết thúc kiểu Mac cũ');
  expect(html).toMatch(/<p>Tệp này chỉ dùng ký tự CR để xuống dòng\.<\/p>\s*<p>Đoạn thứ hai\.<\/p>/);
});

test('every page carries a Content Security Policy that forbids foreign and inline scripts', () => {
  const html = fs.readFileSync(path.join(outDir, PAGE, 'index.html'), 'utf8');
  const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(?: 'sha256-[^']+')*;/);
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).toContain("object-src 'none'");
});
