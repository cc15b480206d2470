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
import { isMainThread, workerData } from 'node:worker_threads';
import { serve } from '../workers/rpc.ts';
import { moduleVersion, openBuildCache } from './cache.ts';
import { cachedReferenceFinder } from './cache.ts';
import { ASTRO_CACHE_DIR } from '../settings.ts';
import type { FoundReference } from '../model/references.ts';
import type { DirectiveData } from '../model/schema.ts';
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
export interface Valid {
  snapshot: string;
  /** The kept originals the site offers, relative to the content folder (`sources/<name>`). */
  originals: string[];
}
/** The search records, as pages in one folder per shard, and the folder that also holds their passage files. */
export interface Records {
  shards: RecordShard[];
  dir: string;
}
export interface Verdict {
  /** Problems, formatted for the console, warnings included. */
  messages: string[];
  errors: number;
  /** Errors, or no readable registry. */
  refused: boolean;
  directives: number;
}

/**
 * Asked all at once when the worker starts; each answered when it is known. `valid` and `records` are never answered
 * for refused content (the build stops at the verdict).
 */
export type PrepareProtocol = {
  valid: { params: null; result: Valid };
  records: { params: null; result: Records };
  verdict: { params: null; result: Verdict };
};

interface Answers {
  valid(v: Valid): void;
  records(r: Records): void;
  verdict(v: Verdict): void;
}

/** The originals the directives keep (src/model/schema.ts `source.original`). */
const keptOriginals = (directives: readonly { data: DirectiveData }[]) =>
  directives.flatMap((d) => (typeof d.data.source === 'object' && d.data.source.original ? [d.data.source.original] : []));

/** Let an answer just given go out before the next long step: replies are posted when the event loop turns. */
const sent = () => new Promise<void>((resolve) => setImmediate(resolve));

async function run(contentDir: string, answer: Answers): Promise<void> {
  const read = readLibraryFiles(contentDir);
  const { registry } = read;
  const records = openBuildCache<SearchRecord | null>(RECORD_CACHE, moduleVersion([RECORD_MAKER]));
  // A record depends on its file's text and on the registry (the issuer's name and scope).
  const registryKey = createHash('sha256').update(JSON.stringify(registry)).digest('base64url');
  const recordOf = registry && searchRecordMaker(registry);
  const sendRecords = async (list: (SearchRecord | null)[], shardTotal?: number) => {
    const made = list.filter((r): r is SearchRecord => r !== null);
    answer.records({ shards: writeRecordPages(made, RECORD_PAGES, shardTotal), dir: RECORD_PAGES });
    await sent();
  };

  // A rebuild sends the records before validating: Pagefind, the longest path of a rebuild, starts sooner (10,000
  // directives: records sent ~4.3 s after the build starts instead of ~6.7 s).
  // They are the same records as below when the library is valid, and an index of an invalid library is never
  // published (the build stops before Astro writes anything).
  const early = records.warm && recordOf !== null;
  if (early)
    await sendRecords(
      read.files.map(({ text }) =>
        records.get([registryKey, text], () => {
          const d = readDirectiveText(text);
          return d && recordOf(d);
        }),
      ),
    );

  // The one pass: every file parsed and checked, the citations found (each text searched once, unchanged texts not
  // at all) and handed to Astro as a snapshot.
  const references = openBuildCache<FoundReference[]>(REFERENCE_CACHE, moduleVersion([REFERENCE_FINDER]));
  const checked = readLibrary(contentDir, { read, find: cachedReferenceFinder(references) });
  const { library: lib, errors } = checked;
  const refused = errors > 0;
  if (!refused) {
    const snapshot = snapshotOf(checked);
    writeSnapshot(SNAPSHOT, snapshot);
    answer.valid({ snapshot: SNAPSHOT, originals: keptOriginals(lib.directives) });
    await sent();
    references.save();
    if (!early) {
      const texts = new Map(read.files.map(({ file, text }) => [file, text]));
      await sendRecords(
        lib.directives.map((d) => records.get([registryKey, texts.get(d.file)], () => recordOf!(d))),
        snapshot.searchShards,
      );
    }
    records.save();
  }
  answer.verdict({ messages: checked.problems.map((p) => formatProblem(p)), errors, refused, directives: lib.directives.length });
}

if (!isMainThread) {
  const valid = Promise.withResolvers<Valid>();
  const records = Promise.withResolvers<Records>();
  const verdict = Promise.withResolvers<Verdict>();
  serve<PrepareProtocol>({ valid: () => valid.promise, records: () => records.promise, verdict: () => verdict.promise });
  // After the requests are in, so that each answer goes out as soon as it is known.
  setImmediate(() => {
    run((workerData as { contentDir: string }).contentDir, {
      valid: valid.resolve,
      records: records.resolve,
      verdict: verdict.resolve,
    }).catch(verdict.reject);
  });
}
