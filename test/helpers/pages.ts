/** The pages quality checks (axe, Lighthouse) visit: one of each kind. Paths are under the base. */
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, REPO_ROOT } from './build-site.ts';

/** The search page with a query; wait for `SEARCH_RESULT` before judging it. */
export const SEARCH_PAGE = 'tim-kiem/?q=dang%20uy%20khoi';
export const SEARCH_RESULT = '#search-results li';

export const PAGES: Readonly<Record<string, string>> = {
  home: '',
  directive: 'van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-03-07-554-cv-duk/',
  issuers: 'co-quan/',
  issuer: 'co-quan/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/',
  types: 'loai/',
  type: 'loai/cong-van/',
  years: 'nam/',
  year: 'nam/2022/',
  month: 'thang/2022-03/',
  missing: 'tham-chieu-thieu/',
  search: SEARCH_PAGE,
  notFound: '404.html',
};

/** A content folder with the cross-reference fixture library (test/fixtures/crossref) and the seed directives. */
export function makeCrossrefLibrary(prefix = 'vanban-xref-'): string {
  const dir = path.join(makeTempDir(prefix), 'content');
  fs.cpSync(path.join(REPO_ROOT, 'test/fixtures/crossref'), dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(REPO_ROOT, 'content/directives'))) {
    fs.copyFileSync(path.join(REPO_ROOT, 'content/directives', f), path.join(dir, 'directives', f));
  }
  return dir;
}
