/** A library for the quality checks: the cross-reference fixtures and the seeds (the pages are in tools/quality-pages.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, REPO_ROOT } from './build-site.ts';

export { PAGES, SEARCH_PAGE, SEARCH_RESULT } from '../../tools/quality-pages.ts';

/** A content folder with the cross-reference fixture library (test/fixtures/crossref) and the seed directives. */
export function makeCrossrefLibrary(prefix = 'vanban-xref-'): string {
  const dir = path.join(makeTempDir(prefix), 'content');
  fs.cpSync(path.join(REPO_ROOT, 'test/fixtures/crossref'), dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(REPO_ROOT, 'content/directives'))) {
    fs.copyFileSync(path.join(REPO_ROOT, 'content/directives', f), path.join(dir, 'directives', f));
  }
  return dir;
}
