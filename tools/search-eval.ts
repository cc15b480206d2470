/**
 * Search quality, measured the way a reader meets it: the site built from a library, each query typed into the search
 * page's address in Chromium, the result links read off the page. Shared by test/e2e/search-quality.test.ts (which
 * asserts every case) and tools/search-quality.ts (which reports the rates in docs/search-quality.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { SearchCase } from '../test/search-queries.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The search library: the seeds, the cross-reference fixtures and the search fixtures, under the latter's registry. */
export function assembleSearchLibrary(dir: string): void {
  fs.mkdirSync(path.join(dir, 'directives'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/search/issuers.yaml'), path.join(dir, 'issuers.yaml'));
  for (const from of ['content/directives', 'test/fixtures/crossref/directives', 'test/fixtures/search/directives']) {
    for (const f of fs.readdirSync(path.join(ROOT, from)).filter((n) => n.endsWith('.md')))
      fs.copyFileSync(path.join(ROOT, from, f), path.join(dir, 'directives', f));
  }
}

export interface CaseResult {
  case: SearchCase;
  /** Directive ids of the results, best first (the first ten). */
  got: string[];
  top1: boolean;
  top3: boolean;
}

/** Whether the results meet the case: `first` holds the first result, and every `top3` id is in the first three. */
export function judge(c: SearchCase, got: readonly string[]): { top1: boolean; top3: boolean } {
  const wanted = c.first ?? c.top3 ?? [];
  const top1 = wanted.includes(got[0] ?? '') && (!c.top3 || c.top3.every((id) => got.slice(0, 3).includes(id)));
  const top3 = c.top3 ? c.top3.every((id) => got.slice(0, 3).includes(id)) : got.slice(0, 3).some((id) => wanted.includes(id));
  return { top1: c.first ? top1 : top3, top3 };
}

/** Run every case on the site served at `siteUrl` (ending in `/`). */
export async function runCases(browser: Browser, siteUrl: string, cases: readonly SearchCase[]): Promise<CaseResult[]> {
  const page = await browser.newPage();
  const out: CaseResult[] = [];
  try {
    for (const c of cases) {
      await page.goto(`${siteUrl}tim-kiem/?${new URLSearchParams({ q: c.q })}`);
      await page.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById('search-status')?.textContent ?? ''));
      const links = await page.$$eval('#search-results li a.doc-list__title', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      const got = links.map((l) => l.replace(/^\/van-ban\//, '').replace(/\/$/, ''));
      out.push({ case: c, got, ...judge(c, got) });
    }
  } finally {
    await page.close();
  }
  return out;
}

/** Top-1 and top-3 rates, over all cases and per kind. */
export function rates(results: readonly CaseResult[]): { kind: string; n: number; top1: number; top3: number }[] {
  const kinds = ['all', ...new Set(results.map((r) => r.case.kind))];
  return kinds.map((kind) => {
    const rs = results.filter((r) => kind === 'all' || r.case.kind === kind);
    return { kind, n: rs.length, top1: rs.filter((r) => r.top1).length, top3: rs.filter((r) => r.top3).length };
  });
}
