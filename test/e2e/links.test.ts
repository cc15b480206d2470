/**
 * No broken links: the link checker (test/helpers/link-check.ts) on a hand-made site with known
 * breakage, then on the real build of the cross-reference library at `/` and at `/vanban/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, makeTempDir } from '../helpers/build-site.ts';
import { checkLinks, formatBroken, type BrokenLink } from '../helpers/link-check.ts';
import { makeCrossrefLibrary } from '../helpers/pages.ts';

const P554 = 'van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-03-07-554-cv-duk/';
const BT_21 = 'van-ban/tinh-uy-ben-tre/2022-02-18-21-ctr-tu/';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
}

const html = (head: string, body: string) => `<!doctype html><html lang="vi"><head>${head}</head><body>${body}</body></html>`;

describe('the checker itself, on a hand-made site', () => {
  const SITE = 'https://intranet.example';
  let dist: string;
  let broken: BrokenLink[];
  let checked: number;
  beforeAll(() => {
    dist = makeTempDir('vanban-linkcheck-');
    writeTree(dist, {
      'index.html': html(
        `<link rel="canonical" href="${SITE}/vanban/"><meta property="og:url" content="${SITE}/vanban/"><link rel="stylesheet" href="/vanban/s.css">`,
        `<a href="#main">skip</a><main id="main">
          <a href="/vanban/ok/">ok</a> <a href="ok/#part-2">relative ok</a> <a href="/vanban/ok/?q=x&amp;y=1">query ok</a>
          <a href="/vanban/missing/">missing page</a>
          <a href="/vanban/ok/#nowhere">missing fragment</a>
          <a href="/ok/">forgot the base</a>
          <a href="https://cdn.example.com/x.js">external</a>
          <a href="${SITE}/vanban/ok/">absolute SITE_URL in a nav link</a>
          <a data-field="permalink" href="${SITE}/vanban/ok/">permalink ok</a>
          <a href="mailto:vanthu@example.gov.vn">mail ok</a>
          <!-- <a href="/vanban/commented-out/">ignored</a> -->
          <script>const s = '<a href="/vanban/in-script/">';</script>
          <img src="/vanban/logo.png" alt=""><form action="/vanban/tim-kiem/"></form></main>`,
      ),
      'ok/index.html': html('', '<h2 id="part-2">Part 2</h2>'),
      's.css': 'body { background: url("bg.png"); } /* url(/vanban/commented.png) */',
      'bg.png': '',
      'tim-kiem/index.html': html('', '<form action=""></form>'),
      '404.html': html('', '<a href="ok/">relative on 404</a>'),
      'feed.xml': `<?xml version="1.0"?><feed><link href="${SITE}/vanban/feed.xml"/><entry><id>${SITE}/vanban/ok/</id><link href="${SITE}/vanban/gone/"/></entry></feed>`,
      'sitemap.xml': `<?xml version="1.0"?><urlset><url><loc>${SITE}/vanban/ok/</loc></url><url><loc>https://elsewhere.example/</loc></url></urlset>`,
    });
    ({ broken, checked } = checkLinks({ distDir: dist, base: '/vanban/', siteUrl: SITE }));
  });

  test('finds exactly the broken links, with the page they are on', () => {
    const found = broken.map((b) => `${b.page} ${b.url}`).sort();
    expect(found, formatBroken(broken)).toEqual(
      [
        '404.html ok/',
        '/vanban/missing/',
        '/vanban/ok/#nowhere',
        '/ok/',
        'https://cdn.example.com/x.js',
        `${SITE}/vanban/ok/`,
        '/vanban/logo.png',
        `feed.xml ${SITE}/vanban/gone/`,
        'sitemap.xml https://elsewhere.example/',
      ]
        .map((s) => (s.includes(' ') ? s : `index.html ${s}`))
        .sort(),
    );
    expect(checked).toBeGreaterThan(20);
  });

  test('says why each one is broken', () => {
    const why = (url: string) => broken.find((b) => b.url === url)?.reason;
    expect(why('/vanban/missing/')).toMatch(/no such file/);
    expect(why('/vanban/ok/#nowhere')).toMatch(/no element with id="nowhere"/);
    expect(why('/ok/')).toMatch(/outside the base path/);
    expect(why('https://cdn.example.com/x.js')).toMatch(/external/);
    expect(why(`${SITE}/vanban/ok/`)).toMatch(/absolute SITE_URL/);
    expect(why('ok/')).toMatch(/404 page/);
  });

  test('fixing the site makes it pass', () => {
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      html(`<link rel="canonical" href="${SITE}/vanban/">`, '<a href="/vanban/ok/#part-2">ok</a>'),
    );
    fs.writeFileSync(path.join(dist, '404.html'), html('', '<a href="/vanban/">home</a>'));
    fs.writeFileSync(path.join(dist, 'feed.xml'), `<feed><link href="${SITE}/vanban/feed.xml"/></feed>`);
    fs.writeFileSync(path.join(dist, 'sitemap.xml'), `<urlset><url><loc>${SITE}/vanban/</loc></url></urlset>`);
    const res = checkLinks({ distDir: dist, base: '/vanban/', siteUrl: SITE });
    expect(res.broken, formatBroken(res.broken)).toEqual([]);
  });
});

describe.each([
  { base: '/', siteUrl: 'http://localhost:4321' },
  { base: '/vanban/', siteUrl: 'https://intranet.example/' },
])('the real site at base $base', ({ base, siteUrl }) => {
  let outDir: string;
  beforeAll(async () => {
    ({ outDir } = await buildSite({ base, siteUrl, contentDir: makeCrossrefLibrary('vanban-links-') }));
  });

  test('has no broken or external links', () => {
    const res = checkLinks({ distDir: outDir, base, siteUrl });
    expect(res.broken, `\n${formatBroken(res.broken)}\n`).toEqual([]);
    // It really crawled the site: every directive page, the feed and the sitemap.
    expect(res.files).toContain(`${P554}index.html`);
    expect(res.files).toEqual(expect.arrayContaining(['feed.xml', 'sitemap.xml', '404.html', 'robots.txt']));
    expect(res.checked).toBeGreaterThan(500);
  });

  test('a page removed from the build shows up as broken links to it', () => {
    const key = (b: BrokenLink) => `${b.page} ${b.where} ${b.url}`;
    const before = new Set(checkLinks({ distDir: outDir, base, siteUrl }).broken.map(key));
    const copy = path.join(makeTempDir('vanban-links-cut-'), 'dist');
    fs.cpSync(outDir, copy, { recursive: true });
    fs.rmSync(path.join(copy, BT_21), { recursive: true });
    const added = checkLinks({ distDir: copy, base, siteUrl }).broken.filter((b) => !before.has(key(b)));
    // Only links to the removed page break, and from everywhere that lists it.
    expect(
      added.filter((b) => !b.url.includes('2022-02-18-21-ctr-tu')),
      formatBroken(added),
    ).toEqual([]);
    const pages = added.map((b) => b.page);
    expect(pages).toEqual(expect.arrayContaining([`${P554}index.html`, 'feed.xml', 'catalog.json', 'thang/2022-02/index.html']));
    // The sitemap (or one of the sitemaps its index lists).
    expect(
      pages.filter((p) => /^sitemap[^/]*\.xml$/.test(p)),
      pages.join('\n'),
    ).not.toEqual([]);
  });
});
