/** The site built for `SITE_BASE=/vanban/` and served only under /vanban/: links, assets, feed and search all stay inside. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';

let browser: Browser;
let server: StaticServer;
let outDir: string;

beforeAll(async () => {
  // Two index shards (src/search/shards.ts), one directive each: the merged one must load and link under /vanban/ too.
  ({ outDir } = await buildSite({ base: '/vanban/', siteUrl: 'https://intranet.example/', env: { SEARCH_SHARD_MIN: '1' } }));
  server = await serveStatic(outDir, { base: '/vanban/' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const MAIN_PAGES = ['', 'co-quan/', 'loai/', 'nam/', 'van-ban/ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu/'];

/**
 * Open the main pages of a site served at `s`, check every link and asset of the site's own origin lies under
 * `prefix` (`onPage` checks more of each page), then fetch each once: returns what failed and how many were seen.
 */
async function walkLinks(s: StaticServer, prefix: string, onPage: (p: string, page: Page) => Promise<void> = async () => {}) {
  const page = await browser.newPage();
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const seen = new Set<string>();
  for (const p of MAIN_PAGES) {
    await page.goto(s.url + p);
    const refs = await page.$$eval('a[href], link[href], script[src], img[src]', (els) =>
      els.map((e) => (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src),
    );
    for (const ref of refs) {
      const u = new URL(ref);
      if (u.origin !== s.origin) continue; // canonical/permalink use SITE_URL
      expect(u.pathname.startsWith(prefix), `${ref} on ${p}`).toBe(true);
      seen.add(u.pathname + u.search);
    }
    await onPage(p, page);
  }
  for (const p of seen) {
    const res = await fetch(s.origin + p);
    if (res.status !== 200) failed.push(`${res.status} ${p}`);
  }
  await page.close();
  return { failed, seen: seen.size };
}

test('every link and asset on the main pages resolves under /vanban/', async () => {
  const { failed, seen } = await walkLinks(server, '/vanban/');
  expect(failed).toEqual([]);
  expect(seen).toBeGreaterThan(15);
});

test('search loads its index from /vanban/pagefind/ and links results under /vanban/', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}co-quan/`);
  await page.fill('#site-search', 'dang uy khoi');
  await page.press('#site-search', 'Enter');
  await page.waitForSelector('#search-results li a');
  const href = await page.$eval('#search-results li a', (a) => (a as HTMLAnchorElement).pathname);
  expect(href).toBe('/vanban/van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-03-07-554-cv-duk/');
  expect(server.requests.some((r) => r.startsWith('/vanban/pagefind/pagefind.js'))).toBe(true);
  expect(server.requests.filter((r) => r.includes('pagefind') && !r.startsWith('/vanban/'))).toEqual([]);
  // The Tuyên Quang directive is in the older shard (pagefind-1/).
  await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent('Tuyên Quang')}`);
  await page.waitForSelector('#search-results li a');
  expect(await page.$$eval('#search-results li a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname))).toContain(
    '/vanban/van-ban/ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu/',
  );
  expect(server.requests.some((r) => r.startsWith('/vanban/pagefind-1/pagefind-entry.json'))).toBe(true);
  expect(server.requests.filter((r) => r.includes('pagefind') && !r.startsWith('/vanban/'))).toEqual([]);
  await page.goBack();
  await page.click('#search-results li a');
  await page.waitForURL(/554-cv-duk\/$/);
  expect(await page.textContent('.meta-panel [data-field="number"]')).toBe('554-CV/ĐUK');
  await page.close();
});

test('feed, sitemap and canonical links use SITE_URL and the base', async () => {
  const feed = fs.readFileSync(path.join(outDir, 'feed.xml'), 'utf8');
  expect(feed).toContain('href="https://intranet.example/vanban/van-ban/');
  expect(feed).not.toMatch(/href="https:\/\/intranet\.example\/van-ban\//);
  for (const file of ['sitemap.xml', 'sitemap-trang.xml', 'sitemap-2022.xml']) {
    const sitemap = fs.readFileSync(path.join(outDir, file), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length, file).toBeGreaterThan(0);
    for (const loc of locs) expect(loc).toMatch(/^https:\/\/intranet\.example\/vanban\//);
  }
  const html = fs.readFileSync(path.join(outDir, 'van-ban/ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu/index.html'), 'utf8');
  expect(html).toContain(
    '<link rel="canonical" href="https://intranet.example/vanban/van-ban/ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu/"',
  );
});

test('a base in Vietnamese letters works end to end: links, canonical URLs and the current page mark', async () => {
  const base = '/văn-bản/';
  const { outDir: dir } = await buildSite({ base, siteUrl: 'https://intranet.example' });
  const s = await serveStatic(dir, { base });
  const encoded = encodeURI(base);
  const { failed, seen } = await walkLinks(s, encoded, async (p, page) => {
    const canonical = await page.$eval('link[rel="canonical"]', (l) => (l as HTMLLinkElement).href);
    expect(canonical).toBe(`https://intranet.example${encoded}${p}`);
    expect(await page.$eval('meta[property="og:url"]', (m) => m.getAttribute('content'))).toBe(canonical);
  });
  expect(failed).toEqual([]);
  expect(seen).toBeGreaterThan(15);
  const page = await browser.newPage();
  await page.goto(`${s.url}co-quan/`);
  expect(await page.$eval('.site-nav a[aria-current="page"]', (a) => a.textContent)).toBe('Cơ quan ban hành');
  await page.close();
  await s.close();
});

test('hosting settings that cannot work are refused before the build starts, naming the variable', async () => {
  for (const [env, message] of [
    [{ SITE_BASE: '/../' }, /SITE_BASE="\/\.\.\/" không dùng được/],
    [{ SITE_BASE: '/%2e%2e/' }, /SITE_BASE="\/%2e%2e\/" không dùng được/],
    [
      { SITE_URL: 'intranet.example' },
      /SITE_URL="intranet\.example" không phải địa chỉ web đầy đủ; ghi cả giao thức, ví dụ SITE_URL=https:\/\/intranet\.example/,
    ],
    [{ SITE_URL: 'javascript:alert(1)' }, /SITE_URL="javascript:alert\(1\)" phải bắt đầu bằng http:\/\/ hoặc https:\/\//],
    [
      { SITE_URL: 'http://a/b/' },
      /SITE_URL="http:\/\/a\/b\/" có đường dẫn \/b\/, nhưng trang được dựng dưới SITE_BASE=\/; ghi SITE_URL=http:\/\/a và SITE_BASE=\/b\//,
    ],
  ] as const) {
    const err: Error = await buildSite({ env: env as Record<string, string> }).then(
      () => new Error('built'),
      (e: Error) => e,
    );
    expect(err.message).toMatch(/exit code 1/);
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/\n\s+at /);
  }
});
