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
