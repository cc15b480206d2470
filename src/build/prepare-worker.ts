/**
 * Worker thread of `npm run build`: the build's one pass over the library. It reads the library once, then: in a
 * rebuild (search records of an earlier build in the cache), writes the search records as pages for Pagefind to read
 * at once; parses and checks every file and finds the citations, writes the checked library for Astro's content
 * loader and says it is valid (Astro waits for that); in a first build, writes the records now; then sends the
 * problems (errors and warnings). Content with errors gets no snapshot, no records in a first build, and never a
 * published index. On a thread of its own so that the memory of the loaded library (hundreds of MB at 10,000) is
 * given back when it ends, instead of staying in the build process while Astro renders.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { moduleVersion, openBuildCache } from './cache.ts';
import { cachedReferenceFinder } from './cache.ts';
import { ASTRO_CACHE_DIR } from '../settings.ts';
import type { FoundReference } from '../model/references.ts';
import { formatProblem } from '../content/problems.ts';
import { writeRecordPages, type RecordShard } from '../search/pagefind-index.ts';
import { searchRecordMaker, type SearchRecord } from '../search/record.ts';
import { readDirectiveText, readLibrary, readLibraryFiles } from '../content/library.ts';
import { snapshotOf, writeSnapshot } from './snapshot.ts';

/** Kept with Astro's cache: a build of another content folder has its own. */
const RECORD_CACHE = path.join(ASTRO_CACHE_DIR, 'vanban', 'search-records.json');
/** Citations found in each text (src/content/library.ts libraryGraph), kept for the next build. */
const REFERENCE_CACHE = path.join(ASTRO_CACHE_DIR, 'vanban', 'references-markdown.json');
const RECORD_PAGES = path.join(ASTRO_CACHE_DIR, 'vanban', 'search-pages');
/** The checked library handed to Astro's content loader. */
const SNAPSHOT = path.join(ASTRO_CACHE_DIR, 'vanban', 'library.json');
/** The modules that make what the caches keep (their versions follow these and what they import). */
const RECORD_MAKER = new URL('../search/record.ts', import.meta.url);
const REFERENCE_FINDER = new URL('../model/references.ts', import.meta.url);

/** The content has no errors: Astro may go on, with the library checked in this pass (src/build/snapshot.ts). */
export interface Valid { kind: 'valid'; snapshot: string }
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
  const read = readLibraryFiles(contentDir);
  const { registry } = read;
  const records = openBuildCache<SearchRecord | null>(RECORD_CACHE, moduleVersion([RECORD_MAKER]));
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
  if (early) sendRecords(read.files.map(({ text }) => records.get([registryKey, text], () => { const d = readDirectiveText(text); return d && recordOf(d); })));

  // The one pass: every file parsed and checked, the citations found (each text searched once, unchanged texts not
  // at all) and handed to Astro as a snapshot.
  const references = openBuildCache<FoundReference[]>(REFERENCE_CACHE, moduleVersion([REFERENCE_FINDER]));
  const checked = readLibrary(contentDir, { read, find: cachedReferenceFinder(references) });
  const { library: lib, errors } = checked;
  const refused = errors > 0;
  if (!refused) {
    writeSnapshot(SNAPSHOT, snapshotOf(checked));
    post({ kind: 'valid', snapshot: SNAPSHOT });
    references.save();
    if (!early) {
      const texts = new Map(read.files.map(({ file, text }) => [file, text]));
      sendRecords(lib.directives.map((d) => records.get([registryKey, texts.get(d.file)], () => recordOf!(d))));
    }
    records.save();
  }
  post({ kind: 'verdict', messages: checked.problems.map((p) => formatProblem(p)), errors, refused, directives: lib.directives.length });
}

if (parentPort) run((workerData as { contentDir: string }).contentDir, (m) => parentPort!.postMessage(m));
