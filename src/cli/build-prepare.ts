/**
 * Worker thread of `npm run build`. It reads the library once, then: in a rebuild (search records of an earlier
 * build in the cache), writes the search records as pages for Pagefind to read at once; validates the library and
 * says whether it is valid (Astro waits for that); in a first build, writes the records now; then looks for the
 * reference warnings (never errors, so not waited for) and sends all messages. Content with errors gets no records
 * in a first build, and never a published index. On a thread of its own so that the memory of the loaded library
 * (hundreds of MB at 10,000) is given back when it ends, instead of staying in the build process while Astro renders.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { openBuildCache, contentModelVersion } from '../lib/build-cache.ts';
import { cachedReferenceFinder } from '../lib/crossref.ts';
import { ASTRO_CACHE_DIR, ROOT } from '../lib/paths.ts';
import type { FoundReference } from '../lib/references.ts';
import { formatProblem } from '../lib/problems.ts';
import { searchRecordMaker, writeRecordPages, type RecordShard, type SearchRecord } from '../lib/search-index.ts';
import { loadLibrary, parseDirective, readLibraryFiles, referenceWarnings } from '../lib/validate.ts';

/** Kept with Astro's cache: a build of another content folder has its own. */
const RECORD_CACHE = path.join(ASTRO_CACHE_DIR, 'vanban', 'search-records.json');
/** Citations found in the Markdown bodies (Astro keeps its own, found in the rendered text: src/data/library.ts). */
const REFERENCE_CACHE = path.join(ASTRO_CACHE_DIR, 'vanban', 'references-markdown.json');
const RECORD_PAGES = path.join(ASTRO_CACHE_DIR, 'vanban', 'search-pages');

/** The content has no errors: Astro may go on. */
export interface Valid { kind: 'valid' }
/** The search records, as pages in one folder per shard. */
export interface Records { kind: 'records'; shards: RecordShard[] }
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
  const code = contentModelVersion(path.join(ROOT, 'src/lib'));
  const read = readLibraryFiles(contentDir);
  const { registry } = read;
  const records = openBuildCache<SearchRecord | null>(RECORD_CACHE, code);
  // A record depends on its file's text and on the registry (the issuer's name and scope).
  const registryKey = createHash('sha256').update(JSON.stringify(registry)).digest('base64url');
  const recordOf = registry && searchRecordMaker(registry);
  const sendRecords = (list: (SearchRecord | null)[]) => {
    const made = list.filter((r): r is SearchRecord => r !== null);
    post({ kind: 'records', shards: writeRecordPages(made, RECORD_PAGES) });
  };

  // A rebuild sends the records before validating: Pagefind, the longest path of a rebuild, starts sooner (10,000
  // directives: records sent ~4.3 s after the build starts instead of ~6.7 s).
  // They are the same records as below when the library is valid, and an index of an invalid library is never
  // published (the build stops before Astro writes anything).
  const early = records.warm && recordOf !== null;
  if (early) sendRecords(read.files.map(({ text }) => records.get([registryKey, text], () => { const d = parseDirective(text); return d && recordOf(d); })));

  const lib = loadLibrary(contentDir, read);
  const errors = lib.problems.filter((p) => p.severity !== 'warning').length;
  const refused = errors > 0 || !registry;
  if (!refused) {
    post({ kind: 'valid' });
    if (!early) {
      const texts = new Map(read.files.map(({ file, text }) => [file, text]));
      sendRecords(lib.directives.map((d) => records.get([registryKey, texts.get(d.file)], () => recordOf!(d))));
    }
    records.save();
  }
  const references = openBuildCache<FoundReference[]>(REFERENCE_CACHE, code);
  lib.problems.push(...referenceWarnings(lib, cachedReferenceFinder(references)));
  references.save();
  post({ kind: 'verdict', messages: lib.problems.map((p) => formatProblem(p)), errors, refused, directives: lib.directives.length });
}

if (parentPort) run((workerData as { contentDir: string }).contentDir, (m) => parentPort!.postMessage(m));
