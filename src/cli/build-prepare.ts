/**
 * Worker thread of `npm run build`: load and validate the library, report the verdict at once (Astro waits for
 * it), then turn the library into search records. On a thread of its own so that the memory of the loaded library
 * (hundreds of MB at 10,000) is given back when it ends, instead of staying in the build process while Astro renders.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatProblem } from '../lib/problems.ts';
import { searchRecords, type SearchRecord } from '../lib/search-index.ts';
import { loadLibrary, referenceWarnings } from '../lib/validate.ts';

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
  lib.problems.push(...referenceWarnings(lib));
  const errors = lib.problems.filter((p) => p.severity !== 'warning').length;
  const refused = errors > 0 || !lib.registry;
  post({ kind: 'verdict', messages: lib.problems.map((p) => formatProblem(p)), errors, refused, directives: lib.directives.length });
  if (!refused) post({ kind: 'records', records: searchRecords(lib.directives, lib.registry!) });
}

if (parentPort) run((workerData as { contentDir: string }).contentDir, (m) => parentPort!.postMessage(m));
