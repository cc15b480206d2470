/**
 * `npm run build`: refuse invalid content, build the site with Astro, write the search index.
 * Environment: SITE_BASE (default /), SITE_URL, CONTENT_DIR (default content), OUT_DIR (default dist);
 * SEARCH_SHARD_MIN (directives per index shard at least, default 10,000).
 *
 * On two cores the steps overlap: Astro starts and syncs the content while a worker thread validates it, and
 * Pagefind takes in the records while Astro works. Astro writes nothing before the content is known to have no
 * errors (src/build/validation-gate.ts), and its output is held back until the validator's messages are
 * printed, so refused content reads as the validator's messages alone and leaves the output folder as it was.
 *
 * When Pagefind makes its index depends on the build. A first (cold) build of a large library makes it after Astro,
 * so that Pagefind's peak (~2.3 GiB at 10,000 directives) never adds to Astro's and the build stays under 3 GiB
 * (a small library's first build makes it alongside, as a rebuild does).
 * A rebuild, where Astro has its page cache from an earlier build, gets the records before the library is validated
 * (from the record cache) and makes the index alongside Astro as soon as they are in, if the machine has the memory
 * free: it saves the ~20 s it would add at the end, for a higher peak (4.1 GiB at 10,000, against 2.5 GiB).
 * Either way the index is published into the output folder only after Astro has succeeded. A library of 20,000
 * directives or more is indexed in two shards by date, made at once by two Pagefind processes (src/search/shards.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GATE_ENV, type GateVerdict } from '../build/validation-gate.ts';
import { ASTRO_CACHE_DIR, CONTENT_DIR, ROOT, siteBase } from '../settings.ts';
import { indexShards, type MadeIndex, type SearchIndexer } from '../search/pagefind-index.ts';
import type { PrepareMessage, Records, Valid, Verdict } from '../build/prepare-worker.ts';

const base = siteBase();
const outDir = path.resolve(ROOT, process.env.OUT_DIR ?? 'dist');
const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The device of `p`, or of its nearest existing parent. */
function deviceOf(p: string): number {
  while (!fs.existsSync(p)) p = path.dirname(p);
  return fs.statSync(p).dev;
}

// Astro renames its assets from the project into the output folder, which fails across disks with a stack trace.
if (deviceOf(outDir) !== deviceOf(ROOT)) {
  fail(`Thư mục đầu ra OUT_DIR=${outDir} nằm trên ổ đĩa khác với dự án (${ROOT}); Astro không ghi sang ổ khác được.\n` +
    'Hãy build vào một thư mục trên cùng ổ (mặc định dist/) rồi sao chép thư mục đó đến nơi cần đặt.');
}

/** `astro build` with the validation gate, its output held back until `release()`. */
function startAstro() {
  const env: NodeJS.ProcessEnv = { ...process.env, [GATE_ENV]: '1' };
  if (process.stdout.isTTY && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let held: [NodeJS.WriteStream, Buffer][] | null = [];
  const { stdout, stderr } = child as typeof child & { stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream };
  for (const [from, to] of [[stdout, process.stdout], [stderr, process.stderr]] as const) {
    from.on('data', (chunk: Buffer) => (held ? held.push([to, chunk]) : to.write(chunk)));
  }
  // 'exit' and the ends of its output, not 'close': that one never comes once the IPC channel is closed.
  const ended = (s: NodeJS.ReadableStream) => new Promise<void>((resolve) => s.on('end', resolve));
  const exited = Promise.all([
    new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))),
    ended(stdout),
    ended(stderr),
  ]).then(([code]) => code);
  return {
    /** Undefined if the process could not be started (its 'exit' reports that). */
    pid: child.pid,
    exited,
    /** Send the verdict; Astro goes on writing the site only when it is `valid`. */
    decide(verdict: GateVerdict) {
      if (child.connected) {
        child.send(verdict);
        child.disconnect();
      }
    },
    release() {
      for (const [to, chunk] of held ?? []) to.write(chunk);
      held = null;
    },
  };
}

/** A Unix nice value: lower priority than Astro's, still running whenever a core is free. */
const BACKGROUND_PRIORITY = 10;

/** Astro's page cache from an earlier build (astro/dist/core/build/incremental.js) and that build's index. */
const rebuild = fs.existsSync(path.join(ASTRO_CACHE_DIR, 'incremental-build.json')) && fs.existsSync(path.join(outDir, 'pagefind'));

const astro = startAstro();
// The longest path gets the cores first; the other runs at a lower priority, still whenever a core is free.
// In a first build that is Astro: this thread, and the worker thread and Pagefind process it starts from now on,
// yield to it (10,000 directives: 101 -> 89 s and 114 -> 106 s in back-to-back cold builds). In a rebuild it is
// the search index (Pagefind makes it on one core for ~23 s once the records are in), so Astro yields
// (36.1 and 33.8 s against 38.4 and 40.7 s, alternating runs).
try {
  if (!rebuild) os.setPriority(BACKGROUND_PRIORITY);
  else if (astro.pid) os.setPriority(astro.pid, BACKGROUND_PRIORITY);
} catch {
  // A system that refuses it only makes the build slower.
}

/** Make the index (in memory), timed; a failure is reported once the build is over. */
function makeIndex(indexer: SearchIndexer): Promise<{ made: MadeIndex; took: string }> {
  const started = Date.now();
  const making = indexer.make().then((made) => ({ made, took: seconds(started) }));
  making.catch(() => {});
  return making;
}

/**
 * Pagefind's peak while making an index, per directive (2.3 GiB at 10,000, measured). Making it alongside Astro
 * needs that much free memory twice over (Astro's own memory still grows while it renders); a library too large
 * for this machine's free memory (50,000 directives on 24 GiB) makes its index after Astro, as a first build does.
 */
const INDEX_BYTES_PER_DIRECTIVE = 240_000;
const fitsAlongside = (pages: number) => os.freemem() > 2 * pages * INDEX_BYTES_PER_DIRECTIVE;

/**
 * A first build of a small library makes its index alongside Astro too: Pagefind's peak (0.24 MB a directive) and
 * Astro's (1.0 GiB at 1,000 directives, 2.4 GiB at 10,000, measured) then stay under the 3 GiB a first build of
 * 10,000 may take (about 2.5 GiB at 4,000). Alternating first builds of 1,000: 14.2, 13.2, 15.5 s against 16.2,
 * 15.9, 15.8 s with the index after Astro (in an earlier alternation, on a faster machine, no difference).
 */
const FIRST_BUILD_ALONGSIDE_MAX = 4_000;

/** src/build/prepare-worker.ts on a worker thread (its memory is returned when it ends). */
function prepareOnWorker(): { valid: Promise<Valid>; records: Promise<Records>; verdict: Promise<Verdict> } {
  const worker = new Worker(new URL('../build/prepare-worker.ts', import.meta.url), { workerData: { contentDir: CONTENT_DIR } });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`luồng kiểm tra nội dung dừng (mã ${code})`)));
  });
  failed.catch(() => {});
  const next = <K extends PrepareMessage['kind']>(kind: K) =>
    Promise.race([failed, new Promise<Extract<PrepareMessage, { kind: K }>>((resolve) => {
      const on = (m: PrepareMessage) => { if (m.kind === kind) { worker.off('message', on); resolve(m as never); } };
      worker.on('message', on);
    })]);
  // Refused content never sends these two; the worker's end must not surface as an unhandled rejection.
  const valid = next('valid');
  valid.catch(() => {});
  const records = next('records');
  records.catch(() => {});
  return { valid, records, verdict: next('verdict') };
}

async function validateAndIndex(): Promise<{ indexer?: SearchIndexer; alongside?: Promise<{ made: MadeIndex; took: string }>; indexError?: Error }> {
  const prepared = prepareOnWorker();
  // Pagefind takes the records as soon as they come: in a first build, once the content has no errors.
  const indexing = prepared.records.then(async ({ shards }) => {
    const indexStarted = Date.now();
    const indexer = await indexShards(shards);
    console.log(`Chỉ mục tìm kiếm: đã nhận ${indexer.pages} văn bản (${seconds(indexStarted)}).`);
    return indexer;
  });
  indexing.catch(() => {});
  // A rebuild, and a first build of a small library, makes the index as soon as the records are in (in a rebuild
  // before the library is validated: the index is published only after Astro, which waits for a valid library),
  // while Astro renders, if the memory allows.
  // (Boxed, so that awaiting the box does not wait for the making.)
  const alongside = indexing.then((indexer) => ({
    making: (rebuild || indexer.pages <= FIRST_BUILD_ALONGSIDE_MAX) && fitsAlongside(indexer.pages) ? makeIndex(indexer) : undefined,
  }));
  alongside.catch(() => {});
  // Astro goes on as soon as the content is known to have no errors; its output waits for the messages below.
  prepared.valid.then((v) => astro.decide({ verdict: 'valid', snapshot: v.snapshot }), () => {});
  const refuse = async (message: string): Promise<never> => {
    astro.decide({ verdict: 'refused' });
    await indexing.then((indexer) => indexer.close(), () => {});
    await astro.exited;
    fail(message);
  };
  let verdict: Verdict;
  try {
    verdict = await prepared.verdict;
  } catch (e) {
    return refuse(`Không kiểm tra được nội dung: ${(e as Error).message}`);
  }
  for (const m of verdict.messages) console.error(m);
  if (verdict.refused) {
    return refuse(`\nKhông build: ${verdict.errors} lỗi trong nội dung. Sửa các lỗi trên (npm run validate để kiểm tra lại).`);
  }
  console.log(`Nội dung hợp lệ: ${verdict.directives} văn bản (${seconds(started)}).`);
  astro.release();
  try {
    const { making } = await alongside;
    return { indexer: await indexing, ...(making ? { alongside: making } : {}) };
  } catch (e) {
    return { indexError: e as Error };
  }
}

const { indexer, alongside, indexError } = await validateAndIndex();
const astroCode = await astro.exited;
if (astroCode !== 0) {
  await indexer?.close();
  fail('Astro build thất bại (xem thông báo ở trên).');
}
try {
  if (indexError) throw indexError;
  const { made, took } = await (alongside ?? makeIndex(indexer!));
  const published = await made.publish(outDir);
  const when = alongside ? ', cùng lúc với Astro' : '';
  console.log(`Chỉ mục tìm kiếm: ${indexer!.pages} văn bản, ghi trong ${took}${when} → ${published.map((p) => path.relative(ROOT, p)).join(', ')}`);
} catch (e) {
  fail(`Không tạo được chỉ mục tìm kiếm: ${(e as Error).message}`);
} finally {
  await indexer?.close();
}
console.log(`Xong sau ${seconds(started)}: ${path.relative(ROOT, outDir) || outDir}/ (base ${base}).`);
