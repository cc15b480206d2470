/**
 * Cross-references on a built library: the seeds plus directives they cite (test/fixtures/crossref),
 * with `01-CT/TU` in two provinces and `05-CT/TU` twice in one. Links are followed both ways in Chromium,
 * and a warm-cache rebuild must pick up an added and a removed directive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { buildSite, makeTempDir, REPO_ROOT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/crossref');
const P554 = 'van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-03-07-554-cv-duk/';
const P234 = 'van-ban/ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu/';
const BT_21 = '/van-ban/tinh-uy-ben-tre/2022-02-18-21-ctr-tu/';
const BT_01 = '/van-ban/tinh-uy-ben-tre/2020-10-17-01-ct-tu/';

/** A content folder with the fixture library and the two seed directives. */
function makeLibrary(): string {
  const dir = path.join(makeTempDir('vanban-xref-'), 'content');
  fs.cpSync(FIXTURE, dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(REPO_ROOT, 'content/directives'))) {
    fs.copyFileSync(path.join(REPO_ROOT, 'content/directives', f), path.join(dir, 'directives', f));
  }
  return dir;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Links and marks of the citations inside a directive's body. */
/**
 * This library is indexed in two shards (src/search/shards.ts), as a large one is: searching, sorting and
 * rebuilding are tested across them.
 */
const SHARDED = { SEARCH_SHARD_MIN: '5' };

/** The text and titles of every page in a built Pagefind index, all shards (their fragments: gzip, a signature, then JSON). */
function indexedText(outDir: string): string {
  const dirs = ['pagefind/fragment', 'pagefind-1/fragment'].map((d) => path.join(outDir, d));
  return dirs
    .flatMap((dir) => fs.readdirSync(dir).map((f) => path.join(dir, f)))
    .map((f) => {
      const json = gunzipSync(fs.readFileSync(f))
        .toString('utf8')
        .replace(/^pagefind_dcd/, '');
      const fragment = JSON.parse(json) as { content: string; meta: { title?: string } };
      return `${fragment.meta.title ?? ''}\n${fragment.content}`;
    })
    .join('\n');
}

async function bodyRefs(page: Page) {
  return page.$$eval('.formal__body .ref', (els) =>
    els.map((e) => ({
      text: e.textContent ?? '',
      href: e instanceof HTMLAnchorElement ? e.pathname : null,
      cls: e.className,
    })),
  );
}

describe('a library with the directives the seeds cite', () => {
  let server: StaticServer;
  let outDir: string;
  let page: Page;
  beforeAll(async () => {
    ({ outDir } = await buildSite({ contentDir: makeLibrary(), env: SHARDED }));
    server = await serveStatic(outDir);
  });
  afterAll(async () => {
    await server?.close();
  });

  test('citations in the body link to the right directive, in the citing province', async () => {
    page = await browser.newPage();
    await page.goto(server.url + P554);
    const refs = await bodyRefs(page);
    const by = (n: string) => refs.find((r) => r.text.includes(n));
    expect(by('21-CTr/TU')).toMatchObject({ href: BT_21, text: 'Chương trình số 21-CTr/TU, ngày 18/02/2022 của Ban Thường vụ Tỉnh ủy' });
    // Bến Tre's 01-CT/TU, never Tuyên Quang's.
    expect(by('01-CT/TU')?.href).toBe(BT_01);
    expect(by('75-KH/ĐUK')?.href).toBe('/van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-02-17-75-kh-duk/');
    expect(by('217-QĐ/TW')?.href).toBe('/van-ban/bo-chinh-tri/2013-12-12-217-qd-tw/');
    // Not in the library: marked, not a link to nowhere.
    expect(by('218-QĐ/TW')).toMatchObject({ href: null, cls: 'ref ref--missing' });
    await page.close();
  });

  test('links work both ways: cited page lists its citers', async () => {
    page = await browser.newPage();
    await page.goto(server.url + P554);
    await page.click(`.formal__body a.ref[href="${BT_21}"]`);
    await page.waitForURL(new RegExp(`${BT_21}$`));
    const citedBy = await page.$$eval('[data-list="incoming"] li', (li) => li.map((l) => l.textContent?.replace(/\s+/g, ' ').trim()));
    expect(citedBy).toHaveLength(1);
    expect(citedBy[0]).toMatch(/^Được thực hiện bởi Công văn 554-CV\/ĐUK ngày 07\/03\/2022 của Đảng ủy Khối/);
    // And 21-CTr/TU's own citation of 01-CT/TU is listed as what it cites.
    expect(await page.$$eval('[data-list="outgoing"] li a', (a) => a.map((x) => (x as HTMLAnchorElement).pathname))).toEqual([BT_01]);
    await page.click('[data-list="incoming"] li a');
    await page.waitForURL(new RegExp(`${P554}$`));
    const outgoing = await page.$$eval('[data-list="outgoing"] li', (li) => li.map((l) => l.getAttribute('data-status')));
    expect(outgoing.filter((s) => s === 'resolved')).toHaveLength(6);
    expect(outgoing.filter((s) => s === 'missing')).toHaveLength(1);
    await page.close();
  });

  test('a citation of a part lands on that part of the cited directive, whose page lists it per part', async () => {
    page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}van-ban/tinh-uy-ben-tre/2021-09-23-08-ct-tu/`);
    const link = page.locator('.formal__body a.ref', { hasText: 'Điều 5 của Quyết định số 217-QĐ/TW' });
    expect(await link.getAttribute('href')).toBe('/van-ban/bo-chinh-tri/2013-12-12-217-qd-tw/#phu-luc-1-dieu-5');
    expect(await page.locator('.formal__body a.ref', { hasText: 'điểm a Điều 3' }).getAttribute('href')).toBe(
      '/van-ban/bo-chinh-tri/2013-12-12-217-qd-tw/#phu-luc-1-dieu-3-diem-a',
    );
    await link.click();
    await page.waitForURL(/#phu-luc-1-dieu-5$/);
    const target = page.locator(':target');
    expect(await target.textContent()).toBe('Điều 5. Nội dung phản biện xã hội');
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(640);
    // The cited page says which of its parts are cited, and by what.
    const parts = await page.$$eval('[data-list="cited-parts"] li', (li) => li.map((l) => l.textContent?.replace(/\s+/g, ' ').trim()));
    expect(parts).toEqual(['điểm a Điều 3 Phụ lục 1: Chỉ thị 08-CT/TU', 'Điều 5 Phụ lục 1: Chỉ thị 08-CT/TU']);
    expect(await page.locator('[data-list="cited-parts"] a[href="#phu-luc-1-dieu-5"]').count()).toBe(1);
    await page.close();
  });

  test('a seed from Tuyên Quang resolves its provincial citation there', async () => {
    page = await browser.newPage();
    await page.goto(server.url + P234);
    expect((await bodyRefs(page))[0]?.href).toBe('/van-ban/tinh-uy-tuyen-quang/2021-08-24-635-cv-tu/');
    await page.close();
  });

  test('two same-number candidates: shown as ambiguous, never guessed; a later one is never a candidate', async () => {
    page = await browser.newPage();
    await page.goto(`${server.url}van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2018-03-01-30-kh-duk/`);
    expect((await bodyRefs(page))[0]).toMatchObject({ href: null, cls: 'ref ref--ambiguous' });
    expect(await page.$$eval('[data-list="outgoing"] li[data-status="ambiguous"] ul a', (a) => a.length)).toBe(2);
    await page.goto(`${server.url}van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2013-03-01-12-kh-duk/`);
    expect((await bodyRefs(page))[0]?.href).toBe('/van-ban/tinh-uy-ben-tre/2011-06-01-05-ct-tu/');
    await page.close();
  });

  test('the missing-citations page lists what the library lacks, with who cites it', async () => {
    page = await browser.newPage();
    await page.goto(`${server.url}tham-chieu-thieu/`);
    const rows = await page.$$eval('.missing-table tbody tr', (tr) =>
      tr.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim())),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('218-QĐ/TW');
    expect(rows[0]![1]).toBe('Trung ương');
    expect(rows[0]![2]).toContain('554-CV/ĐUK');
    expect(await page.textContent('#ambiguous + p + ul')).toContain('30-KH/ĐUK');
    await page.close();
  });

  test('search shows ten results at a time, on the page itself (no web worker to download)', async () => {
    const p = await browser.newPage();
    const from = server.requests.length;
    await p.goto(`${server.url}tim-kiem/?q=tinh+uy`);
    await p.waitForFunction(() => /Tìm thấy \d+/.test(document.getElementById('search-status')?.textContent ?? ''));
    const total = Number(/Tìm thấy (\d+)/.exec((await p.textContent('#search-status'))!)![1]);
    expect(total).toBeGreaterThan(10);
    expect(await p.locator('#search-results > li').count()).toBe(10);
    await p.click('#search-more');
    await p.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, Math.min(total, 20));
    expect(await p.isHidden('#search-more')).toBe(total <= 20);
    expect(server.requests.slice(from).some((r) => r.includes('pagefind-worker'))).toBe(false);
    await p.close();
  });

  test('sorted by date, the results of both index shards come in one order, newest or oldest first', async () => {
    expect(fs.existsSync(path.join(outDir, 'pagefind-1/pagefind-entry.json'))).toBe(true);
    // A merged shard has its index only: the script and WebAssembly come from the first.
    expect(fs.existsSync(path.join(outDir, 'pagefind-1/pagefind.js'))).toBe(false);
    const allDates = async (sort: string) => {
      const p = await browser.newPage();
      await p.goto(`${server.url}tim-kiem/?q=tinh+uy&sort=${sort}`);
      await p.waitForFunction(() => /Tìm thấy \d+/.test(document.getElementById('search-status')?.textContent ?? ''));
      const total = Number(/Tìm thấy (\d+)/.exec((await p.textContent('#search-status'))!)![1]);
      while (await p.isVisible('#search-more')) {
        const n = await p.locator('#search-results > li').count();
        await p.click('#search-more');
        await p.waitForFunction((k) => document.querySelectorAll('#search-results > li').length > k, n);
      }
      const dates = await p.$$eval('#search-results time', (t) => t.map((x) => x.getAttribute('datetime')!));
      await p.close();
      expect(dates).toHaveLength(total);
      return dates;
    };
    const newest = await allDates('newest');
    expect(newest).toEqual([...newest].sort().reverse());
    // Both shards answered: the older one holds half the library.
    const catalog = JSON.parse(fs.readFileSync(path.join(outDir, 'catalog.json'), 'utf8')) as { directives: { issued: string }[] };
    const median = catalog.directives
      .map((d) => d.issued)
      .sort()
      .reverse()[Math.ceil(catalog.directives.length / 2)]!;
    expect(newest.some((d) => d <= median) && newest.some((d) => d > median)).toBe(true);
    expect(await allDates('oldest')).toEqual([...newest].reverse());
  });

  test('catalog.json carries references and referencedBy', () => {
    const { directives } = JSON.parse(fs.readFileSync(path.join(outDir, 'catalog.json'), 'utf8'));
    const d554 = directives.find((d: { number: string }) => d.number === '554-CV/ĐUK');
    expect(d554.references).toContainEqual(
      expect.objectContaining({ number: '21-CTr/TU', target: 'tinh-uy-ben-tre/2022-02-18-21-ctr-tu' }),
    );
    expect(d554.references).toContainEqual(expect.objectContaining({ number: '218-QĐ/TW', target: null }));
    const bt01 = directives.find((d: { id: string }) => d.id === 'tinh-uy-ben-tre/2020-10-17-01-ct-tu');
    expect(new Set(bt01.referencedBy)).toEqual(
      new Set([d554.id, 'tinh-uy-ben-tre/2022-02-18-21-ctr-tu', 'dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-02-17-75-kh-duk']),
    );
    const tq01 = directives.find((d: { id: string }) => d.id === 'tinh-uy-tuyen-quang/2020-11-20-01-ct-tu');
    expect(tq01.referencedBy).toEqual([]);
  });
});

describe('a much-cited directive', () => {
  test('its page lists the newest citers and links to a paginated list of all of them', async () => {
    const content = makeLibrary();
    for (let i = 1; i <= 25; i++) {
      const day = String(i).padStart(2, '0');
      fs.writeFileSync(
        path.join(content, 'directives', `many-${i}.md`),
        `---
number: ${100 + i}-KH/ĐUK
type: ke-hoach
title: Kế hoạch thứ ${i} thực hiện Chỉ thị 01-CT/TU
issuer: dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre
issued: 2021-03-${day}
---

Thực hiện Chỉ thị số 01-CT/TU, ngày 17/10/2020 của Ban Thường vụ Tỉnh ủy.
`,
      );
    }
    const { outDir } = await buildSite({ contentDir: content });
    const server = await serveStatic(outDir);
    const page = await browser.newPage();
    await page.goto(server.url + BT_01.slice(1));
    // 25 plans + 21-CTr/TU + 75-KH/ĐUK + the seed 554-CV/ĐUK cite it; the page shows the newest 10.
    expect(await page.$$eval('[data-list="incoming"] li', (li) => li.length)).toBe(10);
    await page.click('text=Xem tất cả 28 văn bản dẫn chiếu đến văn bản này');
    await page.waitForURL(/dan-chieu\/tinh-uy-ben-tre\/2020-10-17-01-ct-tu\/$/);
    expect(await page.$$eval('.doc-list__item', (li) => li.length)).toBe(20);
    await page.click('a[rel="next"]');
    expect(await page.$$eval('.doc-list__item', (li) => li.length)).toBe(8);
    await page.close();
    await server.close();
  });
});

describe('with the build cache kept between builds', () => {
  test('adding a directive links existing citations; removing it unlinks them', async () => {
    const content = makeLibrary();
    const root = path.dirname(content);
    const cacheDir = path.join(root, 'astro-cache');
    const outDir = path.join(root, 'dist');
    const moved = path.join(root, 'bt-21-ctr.md');
    fs.renameSync(path.join(content, 'directives/bt-21-ctr.md'), moved);

    const refTo = async (n: string) => {
      const server = await serveStatic(outDir);
      const page = await browser.newPage();
      await page.goto(server.url + P554);
      const ref = (await bodyRefs(page)).find((r) => r.text.includes(n));
      await page.close();
      await server.close();
      return ref;
    };

    await buildSite({ contentDir: content, cacheDir, outDir, env: SHARDED });
    expect(await refTo('21-CTr/TU')).toMatchObject({ href: null, cls: 'ref ref--missing' });

    fs.renameSync(moved, path.join(content, 'directives/bt-21-ctr.md'));
    await buildSite({ contentDir: content, cacheDir, outDir, env: SHARDED });
    expect(fs.existsSync(path.join(cacheDir, 'data-store.json'))).toBe(true);
    expect((await refTo('21-CTr/TU'))?.href).toBe(BT_21);

    // The citing page's own file is unchanged, yet it shows the cited directive's title: a rebuild must update it.
    const file21 = path.join(content, 'directives/bt-21-ctr.md');
    fs.writeFileSync(
      file21,
      fs
        .readFileSync(file21, 'utf8')
        .replace('title: Về công tác dân vận của Tỉnh ủy năm 2022', 'title: Về công tác dân vận năm 2022 (sửa tên)'),
    );
    // Astro colours its log when CI is set: compare the plain text.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape code of a terminal colour
    const stdout = (await buildSite({ contentDir: content, cacheDir, outDir, env: SHARDED })).stdout.replace(/\u001b\[[0-9;]*m/g, '');
    const citing = fs.readFileSync(path.join(outDir, P554, 'index.html'), 'utf8');
    expect(citing).toContain('Về công tác dân vận năm 2022 (sửa tên)');
    expect(citing).not.toContain('Về công tác dân vận của Tỉnh ủy năm 2022');
    // ...it was rendered again, while a page nothing changed for was reused (copied from Astro's page cache into the
    // new site, src/build/publish.ts).
    expect(stdout).not.toMatch(/554-cv-duk\/index\.html \((?:cached|restored)\)/);
    expect(stdout).toMatch(/2013-12-12-217-qd-tw\/index\.html \(restored\)/);
    // The browse lists that show it have the new title too; a list it is not in is reused (src/site/views.ts cache keys).
    for (const list of ['co-quan/tinh-uy-ben-tre', 'nam/2022', 'thang/2022-02', 'loai/chuong-trinh']) {
      expect(fs.readFileSync(path.join(outDir, list, 'index.html'), 'utf8'), list).toContain('Về công tác dân vận năm 2022 (sửa tên)');
    }
    expect(stdout).toMatch(/nam\/2013\/index\.html \(restored\)/);
    // A rebuild writes the search index alongside Astro (src/cli/build.ts); the new index has the new title.
    expect(stdout).toContain('cùng lúc với Astro');
    expect(indexedText(outDir)).toContain('Về công tác dân vận năm 2022 (sửa tên)');
    expect(fs.readdirSync(root).filter((f) => f.startsWith('.dist'))).toEqual([]);
    // Astro's content store module is replaced by one that reads the store file (src/build/store-read-at-render.ts).
    expect(stdout).not.toContain('Không tìm thấy mô-đun kho nội dung của Astro');

    const bt01Title = 'Về phong trào thi đua "Đồng Khởi mới" giai đoạn 2020 - 2025';
    expect(indexedText(outDir)).toContain(bt01Title);
    fs.rmSync(path.join(content, 'directives/bt-01-ct.md'));
    await buildSite({ contentDir: content, cacheDir, outDir, env: SHARDED });
    // ...and it is gone from the search index too (the record pages Pagefind reads are kept between builds).
    expect(indexedText(outDir)).not.toContain(bt01Title);
    // ...and from the lists it was in, whose counts drop by one.
    const year2020 = fs.readFileSync(path.join(outDir, 'nam/2020/index.html'), 'utf8');
    expect(year2020).not.toContain('Đồng Khởi mới');
    expect(year2020).toContain('<p>1 văn bản, mới nhất trước.</p>');
    expect(fs.readFileSync(path.join(outDir, 'co-quan/tinh-uy-ben-tre/index.html'), 'utf8')).not.toContain('Đồng Khởi mới');
    expect(await refTo('01-CT/TU')).toMatchObject({ href: null, cls: 'ref ref--missing' });
    // Its page is gone: each build publishes a whole new site (src/build/publish.ts).
    expect(fs.existsSync(path.join(outDir, BT_01.slice(1)))).toBe(false);
  });
});
