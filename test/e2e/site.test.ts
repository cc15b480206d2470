/**
 * The real site, built from the seed directives and searched in real Chromium: directive page,
 * browsing, Vietnamese search as people type it, filters, sort, and the data files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';

const TQ = 'van-ban/ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu/';
const BT = 'van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-03-07-554-cv-duk/';

let browser: Browser;
let server: StaticServer;
let outDir: string;
let page: Page;

beforeAll(async () => {
  ({ outDir } = await buildSite());
  server = await serveStatic(outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(p: string): Promise<Page> {
  page = await browser.newPage();
  await page.goto(server.url + p);
  return page;
}

/** Run a search on the search page and return the result links, best first. */
async function search(query: string, extra: Record<string, string> = {}): Promise<string[]> {
  const p = await open(`tim-kiem/?${new URLSearchParams({ q: query, ...extra })}`);
  await p.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById('search-status')?.textContent ?? ''));
  const links = await p.$$eval('#search-results li a.doc-list__title', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  await p.close();
  return links.map((l) => l.replace(/^\//, ''));
}

describe('directive page', () => {
  test('shows the formal layout and the metadata panel', async () => {
    const p = await open(TQ);
    expect(await p.getAttribute('html', 'lang')).toBe('vi');
    const head = await p.textContent('.formal__head');
    expect(head).toContain('TỈNH ỦY TUYÊN QUANG');
    expect(head).toContain('BAN DÂN VẬN');
    expect(head).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(head).toContain('Số 234-CV/BDVTU');
    expect(head).toContain('Tuyên Quang, ngày 07 tháng 9 năm 2021');
    expect(await p.textContent('h1')).toBe('Về công tác triển khai các biện pháp cấp bách phòng, chống dịch');
    expect(await p.$$eval('.formal__recipients li', (li) => li.length)).toBe(3);
    expect(await p.textContent('.formal__body')).toContain('Thực hiện Văn bản số 635-CV/TU ngày 24/8/2021');
    expect(await p.textContent('.formal__signer')).toMatch(/K\/T TRƯỞNG BAN\s*PHÓ TRƯỞNG BAN[\s\S]*Vương Thúy Hằng/);
    expect(await p.textContent('.formal__distribution')).toContain('Lưu VT');
    const field = (f: string) => p.textContent(`.meta-panel [data-field="${f}"]`);
    expect(await field('number')).toBe('234-CV/BDVTU');
    expect(await field('type')).toBe('Công văn');
    expect(await field('issuer')).toBe('Ban Dân vận Tỉnh ủy Tuyên Quang');
    expect(await field('issued')).toBe('07/09/2021');
    expect(await field('place')).toBe('Tuyên Quang');
    expect(await field('signer')).toContain('Vương Thúy Hằng');
    expect(await p.getAttribute('.meta-panel [data-field="permalink"]', 'href')).toBe(`http://localhost:4321/${TQ}`);
    // No script on a directive page: the search box is a plain form.
    expect(await p.$$eval('script:not([type="application/ld+json"])', (s) => s.length)).toBe(0);
    await p.close();
  });

  test('carries schema.org Legislation data and Open Graph tags', async () => {
    const p = await open(BT);
    const ld = JSON.parse((await p.textContent('script[type="application/ld+json"]'))!);
    expect(ld).toMatchObject({
      '@type': 'Legislation',
      legislationIdentifier: '554-CV/ĐUK',
      legislationType: 'Công văn',
      legislationDate: '2022-03-07',
      name: 'Thực hiện công tác dân vận năm 2022',
      legislationPassedBy: { name: 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre' },
      url: `http://localhost:4321/${BT}`,
    });
    expect(ld.citation.map((c: { legislationIdentifier: string }) => c.legislationIdentifier)).toContain('21-CTr/TU');
    expect(await p.getAttribute('meta[property="og:title"]', 'content')).toBe('Công văn 554-CV/ĐUK: Thực hiện công tác dân vận năm 2022');
    expect(await p.getAttribute('meta[property="og:url"]', 'content')).toBe(`http://localhost:4321/${BT}`);
    expect(await p.getAttribute('link[rel="canonical"]', 'href')).toBe(`http://localhost:4321/${BT}`);
    await p.close();
  });

  test('the formal layout reads in document order: issuer, number, subject, addressees, body, signer', async () => {
    const p = await open(TQ);
    // The order a screen reader follows is the DOM order of the text.
    const text = (await p.textContent('.formal'))!.replace(/\s+/g, ' ');
    const at = (s: string) => text.indexOf(s);
    const order = [
      'BAN DÂN VẬN',
      'Số 234-CV/BDVTU',
      'Về công tác triển khai',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Kính gửi',
      'Thực hiện Văn bản số 635-CV/TU',
      'Nơi nhận',
      'Vương Thúy Hằng',
    ];
    expect(order.map(at).every((i) => i >= 0)).toBe(true);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
    await p.close();
  });

  test('prints as the paper document only', async () => {
    const p = await open(BT);
    await p.emulateMedia({ media: 'print' });
    expect(await p.isVisible('.meta-panel')).toBe(false);
    expect(await p.isVisible('.site-header')).toBe(false);
    expect(await p.isVisible('.formal__signer-name')).toBe(true);
    await p.close();
  });
});

describe('browsing', () => {
  test('by issuer: tree of national bodies then provinces, down to the directive', async () => {
    const p = await open('co-quan/');
    const headings = await p.$$eval('main h2', (h) => h.map((x) => x.textContent?.trim() ?? ''));
    expect(headings[0]).toBe('Trung ương');
    expect(headings.slice(1).map((h) => h.replace(/\s*\(\d+\)$/, ''))).toEqual(['Bến Tre', 'Tuyên Quang']);
    await p.click('text=Ban Dân vận Tỉnh ủy Tuyên Quang');
    await p.waitForURL(/co-quan\/ban-dan-van-tinh-uy-tuyen-quang\/$/);
    expect(await p.textContent('h1')).toBe('Ban Dân vận Tỉnh ủy Tuyên Quang');
    await p.click('.doc-list__title');
    await p.waitForURL(new RegExp(`${TQ}$`));
    await p.close();
  });

  test('by year and month, newest first with counts', async () => {
    const p = await open('nam/');
    const years = await p.$$eval('main h2', (h) => h.map((x) => x.textContent?.replace(/\s+/g, ' ').trim()));
    expect(years).toEqual(['Năm 2022 (1)', 'Năm 2021 (1)']);
    await p.click('text=Năm 2022');
    expect(await p.$$eval('.doc-list__title', (a) => a.map((x) => x.textContent))).toEqual(['Thực hiện công tác dân vận năm 2022']);
    await p.click('text=Tháng 3');
    await p.waitForURL(/thang\/2022-03\/$/);
    expect(await p.textContent('h1')).toBe('Văn bản tháng 3/2022');
    await p.close();
  });

  test('home lists the newest directive first', async () => {
    const p = await open('');
    const titles = await p.$$eval('.doc-list__title', (a) => a.map((x) => (x as HTMLAnchorElement).pathname));
    expect(titles).toEqual([`/${BT}`, `/${TQ}`]);
    await p.close();
  });
});

describe('search', () => {
  test('without accents and with đ typed as d', async () => {
    expect((await search('dang uy khoi'))[0]).toBe(BT);
    expect((await search('phong chong dich'))[0]).toBe(TQ);
    expect((await search('Đảng ủy Khối'))[0]).toBe(BT);
  });

  test('either tone placement finds the same directives', async () => {
    const a = await search('Tỉnh uỷ Tuyên Quang');
    expect(a[0]).toBe(TQ);
    expect(await search('Tỉnh ủy Tuyên Quang')).toEqual(a);
  });

  test('by number in the ways people write it', async () => {
    for (const q of ['234-CV/BDVTU', '234/BDVTU', '234 CV', '554-CV/ĐUK', '554 cv duk']) {
      const hits = await search(q);
      expect(hits[0], q).toBe(q.startsWith('234') ? TQ : BT);
    }
  });

  test('results show the passage the query matched, as printed, with the query words marked', async () => {
    const p = await open(`tim-kiem/?q=${encodeURIComponent('dang uy khoi')}`);
    await p.waitForSelector('#search-results li:first-child .excerpt');
    const excerpt = (await p.textContent('#search-results li:first-child .excerpt')) ?? '';
    expect(excerpt).not.toMatch(/Đảng dảng|dảng ủy/);
    const marked = await p.$$eval('#search-results li:first-child .excerpt mark', (m) => m.map((x) => x.textContent));
    // The words in a row: the passage where they stand together, not the opening.
    expect(excerpt).toMatch(/Đảng ủy Khối/);
    expect(marked).toEqual(expect.arrayContaining(['Đảng', 'ủy', 'Khối']));
    await p.close();
  });

  test('filters by issuer and year, and sorts newest first', async () => {
    expect(new Set(await search('dan van'))).toEqual(new Set([TQ, BT]));
    expect(await search('dan van', { issuer: 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre' })).toEqual([BT]);
    expect(await search('dan van', { year: '2021' })).toEqual([TQ]);
    expect(await search('dan van', { sort: 'newest' })).toEqual([BT, TQ]);
    expect(await search('dan van', { sort: 'oldest' })).toEqual([TQ, BT]);
  });

  test('the filter menus list issuers, types and years, and choosing one narrows the results', async () => {
    const before = server.requests.length;
    const p = await open(`tim-kiem/?q=${encodeURIComponent('dan van')}`);
    await p.waitForSelector('#search-results li');
    expect(await p.$$eval('#f-year option', (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['', '2022', '2021']);
    const options = (id: string) => p.$$eval(`#${id} option`, (o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(await options('f-scope')).toEqual(['', 'Bến Tre', 'Tuyên Quang']);
    expect(await p.isDisabled('#f-issuer')).toBe(true);
    // No filter file, and not the list of issuers, is fetched until a filter is used.
    expect(server.requests.slice(before).filter((r) => r.includes('/filter/') || r.includes('co-quan.json'))).toEqual([]);
    await p.selectOption('#f-year', '2022');
    await p.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1);
    expect(p.url()).toContain('year=2022');

    // A scope narrows the results and fills the issuer menu with its bodies; going back to all scopes empties it.
    await p.selectOption('#f-year', '');
    await p.selectOption('#f-scope', 'Bến Tre');
    await p.waitForFunction(() => !(document.getElementById('f-issuer') as HTMLSelectElement).disabled);
    expect(await options('f-issuer')).toEqual(['', 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre']);
    await p.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1);
    expect(await p.$eval('#search-results li a', (a) => (a as HTMLAnchorElement).pathname)).toBe(`/${BT}`);
    expect(new URL(p.url()).searchParams.get('scope')).toBe('Bến Tre');
    await p.selectOption('#f-issuer', 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre');
    await p.waitForFunction(() => new URL(location.href).searchParams.has('issuer'));
    expect(await p.textContent('#search-status')).toBe('Tìm thấy 1 văn bản.');
    await p.selectOption('#f-scope', '');
    await p.waitForFunction(() => (document.getElementById('f-issuer') as HTMLSelectElement).disabled);
    await p.waitForFunction(() => document.querySelectorAll('#search-results li').length === 2);
    expect(new URL(p.url()).searchParams.has('issuer')).toBe(false);
    await p.close();
  });

  test('an address with only an issuer selects its scope too', async () => {
    const p = await open(`tim-kiem/?${new URLSearchParams({ q: 'dan van', issuer: 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre' })}`);
    await p.waitForSelector('#search-results li');
    expect(await p.inputValue('#f-scope')).toBe('Bến Tre');
    expect(await p.inputValue('#f-issuer')).toBe('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre');
    expect(await p.$$eval('#search-results li a.doc-list__title', (as) => as.length)).toBe(1);
    await p.close();
  });

  test('the search box in the header of any page leads to results', async () => {
    const p = await open(TQ);
    await p.fill('#site-search', 'dang uy khoi');
    await p.press('#site-search', 'Enter');
    await p.waitForSelector('#search-results li');
    expect(await p.$eval('#search-results li a', (a) => (a as HTMLAnchorElement).pathname)).toBe(`/${BT}`);
    await p.close();
  });
});

describe('data files', () => {
  test('catalog.json describes every directive', () => {
    const catalog = JSON.parse(fs.readFileSync(path.join(outDir, 'catalog.json'), 'utf8'));
    expect(catalog.directives).toHaveLength(2);
    const d = catalog.directives.find((x: { number: string }) => x.number === '554-CV/ĐUK');
    expect(d).toMatchObject({
      id: 'dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-03-07-554-cv-duk',
      url: `/${BT}`,
      type: 'cong-van',
      typeName: 'Công văn',
      title: 'Thực hiện công tác dân vận năm 2022',
      issued: '2022-03-07',
      issuer: { id: 'dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre', name: 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre' },
      signer: { name: 'Phạm Hữu Dự', title: 'Phó Bí thư', authority: 'T/M Ban Thường vụ' },
    });
    expect(Array.isArray(d.references)).toBe(true);
    expect(Array.isArray(d.referencedBy)).toBe(true);
  });

  test('feed, sitemap, robots and 404 are there', async () => {
    const feed = fs.readFileSync(path.join(outDir, 'feed.xml'), 'utf8');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.indexOf('554-CV/ĐUK')).toBeLessThan(feed.indexOf('234-CV/BDVTU'));
    const sitemap = fs.readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<sitemapindex');
    expect(sitemap).toContain('<loc>http://localhost:4321/sitemap-2021.xml</loc>');
    expect(fs.readFileSync(path.join(outDir, 'sitemap-2021.xml'), 'utf8')).toContain(`<loc>http://localhost:4321/${TQ}</loc>`);
    expect(fs.readFileSync(path.join(outDir, 'sitemap-trang.xml'), 'utf8')).toContain(
      '<loc>http://localhost:4321/co-quan/ban-dan-van-tinh-uy-tuyen-quang/</loc>',
    );
    expect(fs.readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: http://localhost:4321/sitemap.xml');
    const res = await fetch(`${server.url}khong-co-trang-nay/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy trang');
  });
});
