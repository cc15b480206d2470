/**
 * The search quality set (test/search-queries.ts) in real Chromium over the search library: every query must bring
 * its directive first (or into the first three). The issuer a query names is offered as a filter.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';
import { assembleSearchLibrary, runCases, type CaseResult } from '../../tools/search-eval.ts';
import { buildSite, makeTempDir } from '../helpers/build-site.ts';
import { SEARCH_CASES } from '../search-queries.ts';

let browser: Browser;
let server: StaticServer;
let results: CaseResult[];
let outDir: string;
let cleanup = () => {};

beforeAll(async () => {
  const content = makeTempDir('vanban-search-');
  assembleSearchLibrary(content);
  const built = await buildSite({ contentDir: content });
  cleanup = () => {
    built.cleanup();
    fs.rmSync(content, { recursive: true, force: true });
  };
  outDir = built.outDir;
  server = await serveStatic(outDir);
  browser = await launchBrowser();
  results = await runCases(browser, server.url, SEARCH_CASES);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup();
});

describe('search quality set', () => {
  test('has at least 60 queries of every kind, naming directives the library has', () => {
    expect(SEARCH_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SEARCH_CASES.map((c) => c.kind))).toEqual(new Set(['issuer', 'subject', 'number', 'typing']));
    const dir = path.join(outDir, 'van-ban');
    for (const c of SEARCH_CASES)
      for (const id of [...(c.first ?? []), ...(c.top3 ?? [])]) expect(fs.existsSync(path.join(dir, id)), id).toBe(true);
  });

  test.each(SEARCH_CASES.map((c, i) => [c.q, i] as const))('%s', (_q, i) => {
    const r = results[i]!;
    expect({ top1: r.top1, top3: r.top3, got: r.got.slice(0, 3) }).toMatchObject({ top1: true, top3: true });
  });
});

describe('a query that names a body', () => {
  test('offers that body as a filter, and the filter narrows to its directives', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent('ban dan van tinh uy tuyen quang')}`);
    await page.waitForSelector('#search-issuer:not([hidden]) a');
    expect(await page.textContent('#search-issuer')).toBe('Lọc theo cơ quan: Ban Dân vận Tỉnh ủy Tuyên Quang');
    await page.click('#search-issuer a');
    await page.waitForFunction(() => /Tìm thấy/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.$$eval('#search-results li a.doc-list__title', (as) => as.map((a) => (a as HTMLAnchorElement).pathname))).toEqual([
      '/van-ban/ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu/',
    ]);
    expect(await page.inputValue('#f-issuer')).toBe('Ban Dân vận Tỉnh ủy Tuyên Quang');
    await page.close();
  });
});

describe('a result’s passage', () => {
  test('shows the words the query matched, not the opening, and links to the part they lie in', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 700 } });
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent('bao ve rung dau nguon')}`);
    await page.waitForFunction(() => /Tìm thấy/.test(document.getElementById('search-status')?.textContent ?? ''));
    const first = page.locator('#search-results li').first();
    expect(await first.locator('.excerpt').innerHTML()).toContain(
      '<mark>Bảo</mark> <mark>vệ</mark> <mark>rừng</mark> <mark>đầu</mark> <mark>nguồn</mark>',
    );
    const part = first.locator('.doc-list__part a');
    expect(await part.textContent()).toBe('khoản 2 Mục II');
    await part.click();
    await page.waitForURL(/#muc-ii-2$/);
    // The reader lands on the part: it is the target, in view, and its text is the passage's.
    const target = page.locator(':target');
    expect(await target.getAttribute('id')).toBe('muc-ii-2');
    expect(await target.textContent()).toContain('Bảo vệ rừng đầu nguồn');
    expect(await target.isVisible()).toBe(true);
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(700);
    await page.close();
  });

  test('a long directive offers its parts as a table of contents whose links land on them', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}van-ban/ubnd-tinh-lang-son/2023-04-13-90-kh-ubnd/`);
    await page.click('.contents summary');
    const links = page.locator('.contents a');
    expect(await links.allTextContents()).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP', 'III. TỔ CHỨC THỰC HIỆN']);
    await links.nth(2).click();
    await page.waitForURL(/#muc-iii$/);
    expect(await page.locator(':target').textContent()).toBe('III. TỔ CHỨC THỰC HIỆN');
    await page.close();
  });
});
