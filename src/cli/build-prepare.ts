/**
 * Worker thread of `npm run build`: load the library, turn it into search records (Pagefind can start on them
 * at once), then finish validating it and report the verdict (Astro waits for it; nothing is written before).
 * Content with errors gets its verdict without records. On a thread of its own so that the memory of the loaded
 * library (hundreds of MB at 10,000) is given back when it ends, instead of staying in the build process while
 * Astro renders.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ASTRO_CACHE_DIR } from '../lib/paths.ts';
import { formatProblem } from '../lib/problems.ts';
import { openRecordCache } from '../lib/search-record-cache.ts';
import { searchRecords, type SearchRecord } from '../lib/search-index.ts';
import { loadLibrary, referenceWarnings } from '../lib/validate.ts';

/** Kept with Astro's cache: a build of another content folder has its own. */
const RECORD_CACHE = path.join(ASTRO_CACHE_DIR, 'vanban', 'search-records.json');

export interface Verdict {
  kind: 'verdict';
  /** Problems, formatted for the console, warnings included. */
  messages: string[];
  errors: number;
  /** Errors, or no readable registry. */
  refused: boolean;
  directives: number;
}
export interface Records { kind: 'records'; records: SearchRecord[] }

function run(contentDir: string, post: (m: Verdict | Records) => void): void {
  const lib = loadLibrary(contentDir);
  // Reference warnings never refuse content: the verdict is known before they are looked for.
  const errors = lib.problems.filter((p) => p.severity !== 'warning').length;
  const refused = errors > 0 || !lib.registry;
  if (!refused) {
    const cache = openRecordCache(RECORD_CACHE);
    post({ kind: 'records', records: searchRecords(lib.directives, lib.registry!, cache) });
    cache.save();
  }
  lib.problems.push(...referenceWarnings(lib));
  post({ kind: 'verdict', messages: lib.problems.map((p) => formatProblem(p)), errors, refused, directives: lib.directives.length });
}

if (parentPort) run((workerData as { contentDir: string }).contentDir, (m) => parentPort!.postMessage(m));
