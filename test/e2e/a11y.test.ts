/**
 * Accessibility in Chromium: axe-core on every kind of page (no serious or critical violation),
 * the search page driven by keyboard alone with a visible focus, and no horizontal scroll at 320 px.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { makeCrossrefLibrary, PAGES, SEARCH_RESULT } from '../helpers/pages.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string | undefined }[];
}

function formatViolations(page: string, vs: AxeViolation[]): string {
  return vs
    .map((v) =>
      [
        `[${v.impact}] ${page}: ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.map(
          (n) => `    ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const { outDir } = await buildSite({ contentDir: makeCrossrefLibrary('vanban-a11y-') });
  server = await serveStatic(outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: Page, p: string): Promise<void> {
  const res = await page.goto(server.url + p);
  expect(res?.status(), p).toBe(200);
  if (p.startsWith('tim-kiem/?q=')) await page.waitForSelector(SEARCH_RESULT);
}

/** axe-core's violations on the current page. */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Injected through the DevTools protocol: an inline <script> would be refused by the site's CSP.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

describe('axe-core', () => {
  const minor: string[] = [];
  afterAll(() => {
    // Moderate and minor findings do not fail the run but are worth reading.
    if (minor.length) console.warn(`axe: moderate/minor findings\n${minor.join('\n')}`);
  });

  test.each(Object.entries(PAGES))('%s page has no serious or critical violation', async (name, p) => {
    const page = await browser.newPage();
    await open(page, p);
    const violations = await runAxe(page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    minor.push(...violations.filter((v) => !serious.includes(v)).map((v) => formatViolations(name, [v])));
    expect(serious, `\n${formatViolations(`${name} (/${p})`, serious)}\n`).toEqual([]);
    // The page really was the one under test and axe really ran on it.
    expect(await page.evaluate(() => document.querySelectorAll('main h1').length)).toBe(1);
    await page.close();
  });

  test('sees a planted problem (the check can fail)', async () => {
    const page = await browser.newPage();
    await open(page, PAGES['home']!);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = '<img src="favicon.svg"><a href="/">nhạt</a>';
      // Through the CSSOM: the CSP refuses style attributes.
      Object.assign(p.querySelector('a')!.style, { color: '#ccc', background: '#fff' });
      document.querySelector('main')!.append(p);
    });
    const ids = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
    await page.close();
  });
});

/** What the focused element is, and whether its focus can be seen. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? '').trim().slice(0, 60),
      inResults: !!el.closest('#search-results'),
      visible: outline || shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
    };
  });
}

describe('keyboard', () => {
  test('search page: Tab to the query, type, Enter, Tab through filters to the first result; focus always visible', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/`);
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').includes('Nhập từ khóa'));

    const stops: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
    const tab = async () => {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(
        f,
        `focus lost after ${stops.length + 1} Tab presses: ${stops.map((x) => `${x.tag}#${x.id} "${x.text}"`).join(' → ')}`,
      ).not.toBeNull();
      stops.push(f!);
      return f!;
    };

    // From the top of the page to the search page's own input.
    while (stops.length < 20 && (await tab()).id !== 'q');
    expect(stops.at(-1)?.id, stops.map((s) => s.id || s.text).join(' → ')).toBe('q');
    expect(stops[0]?.text).toBe('Bỏ qua, đến nội dung chính');

    await page.keyboard.type('dang uy khoi');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results li a');
    expect(await page.textContent('#search-status')).toMatch(/^Tìm thấy \d+ văn bản\.$/);
    // Let the as-you-type timer (250 ms) run out: redrawing results is checked on its own below.
    await page.waitForTimeout(600);

    // Onwards: the filters, then the first result link.
    const before = stops.length;
    while (stops.length < before + 15 && !(await tab()).inResults);
    const after = stops.slice(before);
    const ids = after.map((s) => s.id);
    for (const id of ['f-scope', 'f-type', 'f-year', 'sort']) expect(ids, ids.join(' → ')).toContain(id);
    const first = after.at(-1)!;
    expect(first).toMatchObject({ tag: 'a', inResults: true });
    expect(first.text).toBe(await page.textContent('#search-results li:first-child a'));
    expect(ids.indexOf('f-scope')).toBeLessThan(after.length - 1);

    const hidden = stops.filter((s) => !s.visible);
    expect(hidden, hidden.map((s) => `${s.tag}#${s.id} "${s.text}": ${s.style}`).join('\n')).toEqual([]);

    // Enter on the focused result opens it.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/van-ban\//);
    await page.close();
  });

  test('search page: results shown after Enter stay put (a pending as-you-type search must not redraw them under the focus)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/`);
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').includes('Nhập từ khóa'));
    await page.focus('#q');
    await page.keyboard.type('dang uy khoi');
    await page.keyboard.press('Enter');
    const first = await page.waitForSelector('#search-results li a');
    await first.focus().catch(() => {}); // may already be gone
    await page.waitForTimeout(600);
    expect(await first.evaluate((a) => a.isConnected && document.activeElement === a), 'the focused first result was replaced').toBe(true);
    await page.close();
  });
});

describe('narrow screens', () => {
  test('a planted wide element is caught', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await open(page, PAGES['home']!);
    await page.evaluate(() => {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<pre>2345/UBND-VX-2345/UBND-VX-2345/UBND-VX-2345/UBND-VX</pre>');
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeGreaterThan(320);
    await page.close();
  });

  test.each(Object.entries(PAGES))('%s page does not scroll sideways at 320 px', async (name, p) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await open(page, p);
    const { scrollWidth, widest } = await page.evaluate(() => {
      const root = document.documentElement;
      // The element sticking out furthest, to say what to fix.
      let widest = '';
      let right = root.clientWidth;
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect().right;
        if (r > right + 0.5) {
          right = r;
          widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(r)} px)`;
        }
      }
      return { scrollWidth: root.scrollWidth, widest };
    });
    expect(scrollWidth, `${name} (/${p}) is ${scrollWidth} px wide; widest: ${widest}`).toBeLessThanOrEqual(320);
    await page.close();
  });
});
