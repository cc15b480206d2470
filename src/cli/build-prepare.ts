/**
 * Worker thread of `npm run build`. It loads the library and says at once whether it is valid (Astro waits for
 * that; reference warnings never refuse content, so they are not waited for), writes the search records as pages
 * for Pagefind to read, then looks for the reference warnings and sends all messages. Content with errors gets
 * its verdict without records. On a thread of its own so that the memory of the loaded library (hundreds of MB at
 * 10,000) is given back when it ends, instead of staying in the build process while Astro renders.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { openBuildCache, contentModelVersion } from '../lib/build-cache.ts';
import { cachedReferenceFinder } from '../lib/crossref.ts';
import { ASTRO_CACHE_DIR, ROOT } from '../lib/paths.ts';
import type { FoundReference } from '../lib/references.ts';
import { formatProblem } from '../lib/problems.ts';
import { searchRecords, writeRecordPages } from '../lib/search-index.ts';
import { loadLibrary, referenceWarnings } from '../lib/validate.ts';

/** Kept with Astro's cache: a build of another content folder has its own. */
const RECORD_CACHE = path.join(ASTRO_CACHE_DIR, 'vanban', 'search-records.json');
/** Citations found in the Markdown bodies (Astro keeps its own, found in the rendered text: src/data/library.ts). */
const REFERENCE_CACHE = path.join(ASTRO_CACHE_DIR, 'vanban', 'references-markdown.json');
const RECORD_PAGES = path.join(ASTRO_CACHE_DIR, 'vanban', 'search-pages');

/** The content has no errors: Astro may go on. */
export interface Valid { kind: 'valid' }
/** The search records, as pages under `dir`. */
export interface Records { kind: 'records'; dir: string; pages: number }
export interface Verdict {
  kind: 'verdict';
  /** Problems, formatted for the console, warnings included. */
  messages: string[];
  errors: number;
  /** Errors, or no readable registry. */
  refused: boolean;
  directives: number;
}
export type PrepareMessage = Valid | Records | Verdict;

function run(contentDir: string, post: (m: PrepareMessage) => void): void {
  const lib = loadLibrary(contentDir);
  const errors = lib.problems.filter((p) => p.severity !== 'warning').length;
  const refused = errors > 0 || !lib.registry;
  const code = contentModelVersion(path.join(ROOT, 'src/lib'));
  if (!refused) {
    post({ kind: 'valid' });
    const records = openBuildCache<string>(RECORD_CACHE, code);
    writeRecordPages(searchRecords(lib.directives, lib.registry!, records), RECORD_PAGES);
    records.save();
    post({ kind: 'records', dir: RECORD_PAGES, pages: lib.directives.length });
  }
  const references = openBuildCache<FoundReference[]>(REFERENCE_CACHE, code);
  lib.problems.push(...referenceWarnings(lib, cachedReferenceFinder(references)));
  references.save();
  post({ kind: 'verdict', messages: lib.problems.map((p) => formatProblem(p)), errors, refused, directives: lib.directives.length });
}

if (parentPort) run((workerData as { contentDir: string }).contentDir, (m) => parentPort!.postMessage(m));
