/**
 * `npm run build`, in named phases: take the build locks, check the output folder, start Astro, read and check the
 * library once (a worker thread), hand Astro the checked library, take the search records into Pagefind, wait for
 * Astro, write the index, swap the finished site in.
 *
 * On two cores the phases overlap: Astro starts while the worker reads the library, and Pagefind takes the records
 * while Astro renders. Astro writes nothing before the content is known to have no errors (the gate,
 * src/build/validation-gate.ts), and its output is held back until the worker's messages are printed, so refused
 * content reads as those messages alone. Astro and the index write into a staging folder that replaces the output
 * folder only when everything succeeded (src/build/publish.ts): a refused, failed, interrupted or crashed build leaves
 * the output folder as it was. When the index is made — beside Astro or after it — is decided by
 * src/build/index-timing.ts. A library of 20,000 directives or more is indexed in two shards by date
 * (src/search/shards.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { originalPath } from '../model/ids.ts';
import { indexShards, publishPassages, type MadeIndex, type SearchIndexer } from '../search/pagefind-index.ts';
import { ASTRO_CACHE_DIR, CONTENT_DIR, ROOT, SettingsError, siteBase, siteUrl } from '../settings.ts';
import { later, startWorker } from '../workers/rpc.ts';
import { describeHolder, lockNow, LockHeld, type Lock } from '../content/lock.ts';
import { startAstro, type AstroProcess } from './astro-process.ts';
import { indexTiming } from './index-timing.ts';
import type { PrepareProtocol, Records, Verdict } from './prepare-worker.ts';
import { stageSite, type SiteStaging } from './publish.ts';

/** A build that stops: its message is for the person who ran it. */
export class BuildError extends Error {}

export interface BuildOptions {
  outDir: string;
  contentDir: string;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** The device of `p`, or of its nearest existing parent. */
function deviceOf(p: string): number {
  while (!fs.existsSync(p)) p = path.dirname(p);
  return fs.statSync(p).dev;
}

/** Astro renames its assets from the project into the output folder, which fails across disks with a stack trace. */
function checkOutputDisk(outDir: string): void {
  if (deviceOf(outDir) === deviceOf(ROOT)) return;
  throw new BuildError(
    `Thư mục đầu ra OUT_DIR=${outDir} nằm trên ổ đĩa khác với dự án (${ROOT}); Astro không ghi sang ổ khác được.\n` +
      'Hãy build vào một thư mục trên cùng ổ (mặc định dist/) rồi sao chép thư mục đó đến nơi cần đặt.',
  );
}

/** A Unix nice value: lower priority than the longest path's, still running whenever a core is free. */
const BACKGROUND_PRIORITY = 10;

/**
 * The longest path gets the cores first. In a first build that is Astro: this thread, and the worker thread and
 * Pagefind process it starts from now on, yield to it (10,000 directives: 101 -> 89 s and 114 -> 106 s in back-to-back
 * cold builds). In a rebuild it is the search index (Pagefind makes it on one core for ~23 s once the records are in),
 * so Astro yields (36.1 and 33.8 s against 38.4 and 40.7 s, alternating runs).
 */
function setPriorities(rebuild: boolean, astro: AstroProcess): void {
  try {
    if (!rebuild) os.setPriority(BACKGROUND_PRIORITY);
    else if (astro.pid) os.setPriority(astro.pid, BACKGROUND_PRIORITY);
  } catch {
    // A system that refuses it only makes the build slower.
  }
}

interface Indexing {
  indexer: SearchIndexer;
  made: Promise<{ made: MadeIndex; took: string }> | null;
  /** Where the records are, with their passage files. */
  dir: string;
}

/** Pagefind takes the records as soon as they come, and makes the index at once when it is to be made beside Astro. */
async function takeRecords(records: Promise<Records>, rebuild: boolean): Promise<Indexing> {
  const { shards, dir } = await records;
  const started = Date.now();
  const indexer = await indexShards(shards);
  console.log(`Chỉ mục tìm kiếm: đã nhận ${indexer.pages} văn bản (${seconds(started)}).`);
  const alongside = indexTiming({ rebuild, pages: indexer.pages, freeMemory: os.freemem() }) === 'alongside';
  return { indexer, made: alongside ? later(makeIndex(indexer)) : null, dir };
}

/** Make the index (in memory), timed. */
async function makeIndex(indexer: SearchIndexer): Promise<{ made: MadeIndex; took: string }> {
  const started = Date.now();
  const made = await indexer.make();
  return { made, took: seconds(started) };
}

/** Print the worker's messages; refused content stops Astro at the gate and the build here. */
async function settleVerdict(verdict: Promise<Verdict>, astro: AstroProcess, indexing: Promise<Indexing>, started: number): Promise<void> {
  let v: Verdict;
  try {
    v = await verdict;
  } catch (e) {
    v = { messages: [], errors: 1, refused: true, directives: 0 };
    await refuse(astro, indexing, `Không kiểm tra được nội dung: ${(e as Error).message}`);
  }
  for (const m of v.messages) console.error(m);
  if (v.refused)
    await refuse(astro, indexing, `\nKhông build: ${v.errors} lỗi trong nội dung. Sửa các lỗi trên (npm run validate để kiểm tra lại).`);
  console.log(`Nội dung hợp lệ: ${v.directives} văn bản (${seconds(started)}).`);
}

async function refuse(astro: AstroProcess, indexing: Promise<Indexing>, message: string): Promise<never> {
  astro.decide({ verdict: 'refused' });
  await indexing.then(
    (i) => i.indexer.close(),
    () => {},
  );
  await astro.exited;
  throw new BuildError(message);
}

/** One build at a time per output folder and per Astro cache: a second one says who runs and stops. */
function takeBuildLocks(outDir: string): Lock[] {
  const files = [path.join(ASTRO_CACHE_DIR, 'build.lock'), path.join(path.dirname(outDir), `.${path.basename(outDir)}.build.lock`)];
  const locks: Lock[] = [];
  try {
    for (const f of files) locks.push(lockNow(f));
  } catch (e) {
    for (const l of locks) l.release();
    if (e instanceof LockHeld)
      throw new BuildError(
        `Một lần build khác đang chạy (${describeHolder(e.holder)}) trên cùng thư mục đầu ra hoặc bộ nhớ đệm; ` +
          'chờ nó xong rồi chạy lại, hoặc dừng nó.',
      );
    throw e;
  }
  return locks;
}

/**
 * Ctrl-C (or a SIGTERM) while building: stop Astro and leave the output folder as it was. During the swap itself
 * (two renames) the signal waits for it to end.
 */
function onInterrupt(stop: () => void): { swapping(run: () => void): void; dispose(): void } {
  let inSwap = false;
  let pending: NodeJS.Signals | null = null;
  const exit = (signal: NodeJS.Signals) => {
    stop();
    console.error(`\nĐã dừng build (${signal}); thư mục đầu ra vẫn như trước khi build.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const handler = (signal: NodeJS.Signals) => {
    if (inSwap) pending = signal;
    else exit(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    swapping(run) {
      inSwap = true;
      try {
        run();
      } finally {
        inSwap = false;
      }
      if (pending) process.exit(pending === 'SIGINT' ? 130 : 143);
    },
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/** The hosting settings, checked before anything starts: a wrong one is a message naming it, not Astro's stack trace. */
function checkSettings(): void {
  try {
    siteUrl(process.env.SITE_URL, siteBase());
  } catch (e) {
    if (e instanceof SettingsError) throw new BuildError(e.message);
    throw e;
  }
}

export async function build({ outDir, contentDir }: BuildOptions): Promise<void> {
  const started = Date.now();
  checkSettings();
  checkOutputDisk(outDir);
  const locks = takeBuildLocks(outDir);
  let staging: SiteStaging;
  try {
    staging = stageSite(outDir, path.join(ASTRO_CACHE_DIR, 'trash'));
  } catch (e) {
    for (const l of locks) l.release();
    throw new BuildError(`Không build: ${(e as Error).message}.`);
  }
  // Astro's page cache from an earlier build (astro/dist/core/build/incremental.js) and that build's index.
  const rebuild = fs.existsSync(path.join(ASTRO_CACHE_DIR, 'incremental-build.json')) && fs.existsSync(path.join(outDir, 'pagefind'));

  const astro = startAstro(staging.dir);
  let published = false;
  const interrupt = onInterrupt(() => {
    astro.kill();
    staging.discard();
    for (const l of locks) l.release();
  });
  setPriorities(rebuild, astro);

  // The library pass, asked for everything at once: each answer comes when it is known.
  const prepare = startWorker<PrepareProtocol>(new URL('./prepare-worker.ts', import.meta.url), { workerData: { contentDir } });
  const valid = later(prepare.call('valid', null));
  const indexing = later(takeRecords(later(prepare.call('records', null)), rebuild));
  const verdict = later(prepare.call('verdict', null));
  // Astro goes on as soon as the content is known to have no errors; its output waits for the messages.
  valid.then(
    (v) => astro.decide({ verdict: 'valid', snapshot: v.snapshot }),
    () => {},
  );
  // Pages are written by Astro; the originals they offer go in beside them, in the same staging site.
  const originals = valid.then(
    (v) => v.originals,
    () => [],
  );

  try {
    await settleVerdict(verdict, astro, indexing, started);
    // The worker has said all it had to (its records come before its verdict): its memory goes back before Astro renders.
    await prepare.close();
    astro.release();
    if ((await astro.exited) !== 0) {
      await indexing.then(
        (i) => i.indexer.close(),
        () => {},
      );
      throw new BuildError('Astro build thất bại (xem thông báo ở trên); thư mục đầu ra vẫn như trước khi build.');
    }
    await publishSearchIndex(indexing, staging.dir, outDir);
    publishOriginals(await originals, contentDir, staging.dir);
    interrupt.swapping(() => staging.publish());
    published = true;
  } finally {
    await prepare.close();
    interrupt.dispose();
    if (!published) {
      astro.kill();
      await astro.exited;
      staging.discard();
    }
    for (const l of locks) l.release();
  }
  console.log(`Xong sau ${seconds(started)}: ${path.relative(ROOT, outDir) || outDir}/ (base ${siteBase()}).`);
}

async function publishSearchIndex(indexing: Promise<Indexing>, outDir: string, liveDir: string): Promise<void> {
  let i: Indexing | undefined;
  try {
    i = await indexing;
    const { made, took } = await (i.made ?? makeIndex(i.indexer));
    const folders = await made.publish(outDir, liveDir);
    // The results' passages, beside the index they belong to.
    publishPassages(i.dir, outDir);
    const when = i.made ? ', cùng lúc với Astro' : '';
    console.log(
      `Chỉ mục tìm kiếm: ${i.indexer.pages} văn bản, ghi trong ${took}${when} (${folders.map((p) => path.basename(p)).join(', ')})`,
    );
  } catch (e) {
    throw new BuildError(`Không tạo được chỉ mục tìm kiếm: ${(e as Error).message}`);
  } finally {
    await i?.indexer.close();
  }
}

/**
 * Put the kept originals into the site (`goc/<name>`, src/model/ids.ts): linked, not copied, when on the same disk
 * (the importer never writes an original in place).
 */
function publishOriginals(originals: readonly string[], contentDir: string, siteDir: string): void {
  if (!originals.length) return;
  const dir = path.join(siteDir, path.dirname(originalPath('x')));
  fs.mkdirSync(dir, { recursive: true });
  for (const o of originals) {
    const from = path.join(contentDir, o);
    const to = path.join(siteDir, originalPath(o));
    try {
      fs.linkSync(from, to);
    } catch {
      fs.copyFileSync(from, to);
    }
  }
}

export const DEFAULT_BUILD: BuildOptions = { outDir: path.resolve(ROOT, process.env.OUT_DIR ?? 'dist'), contentDir: CONTENT_DIR };
