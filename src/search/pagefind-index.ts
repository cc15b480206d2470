/**
 * The Pagefind index of a library, built from the content itself (src/search/record.ts), not from the
 * rendered site, so it can be built while Astro renders. Two steps, because they differ in cost:
 * adding the records (CPU, modest memory) can run beside Astro; making the index (~2.3 GiB for Pagefind at
 * 10,000) happens in memory, and the index is written into the build's staging site only when the caller says
 * so: the build decides when the peak may come (src/build/build.ts), and the site is swapped in whole
 * (src/build/publish.ts), so a failed build never leaves a new index over an old site. The index is made in shards by date (src/search/shards.ts), each by a Pagefind process
 * of its own on a worker thread (src/search/index-worker.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { passagePath } from '../model/ids.ts';
import * as pagefind from 'pagefind';
import { later, startWorker } from '../workers/rpc.ts';
import type { ShardProtocol } from './index-worker.ts';
import { sortFloorHtml, type SearchRecord } from './record.ts';
import { shardCount, shardFolder, splitByDate } from './shards.ts';

/** An index made in memory, not yet in the output folder. */
export interface MadeIndex {
  /** Write its folders into `outDir` (files the live site `liveDir` has are linked); returns the folders. */
  publish(outDir: string, liveDir?: string): Promise<string[]>;
}

export interface SearchIndexer {
  /** Directives indexed. */
  readonly pages: number;
  /** Make the index's files (Pagefind's memory peak), to be published once the site is built. */
  make(): Promise<MadeIndex>;
  /** Stop Pagefind (also after a failure). */
  close(): Promise<void>;
}

/** Where the passage files are kept beside the record pages, laid out as on the site (src/model/ids.ts passagePath). */
export const PASSAGES_DIR = 'passages';

/** The record pages of one shard: Pagefind reads `dir`, which holds `pages` pages, of which `directives` are directives. */
export interface RecordShard {
  dir: string;
  pages: number;
  directives: number;
}

/**
 * Write the records as HTML files, one folder per shard (`<dir>/<k>/<url>index.html`), so that Pagefind reads them
 * from disk: adding 10,000 records as one folder takes Pagefind ~3 s, one message per record ~12 s (measured).
 * Every shard but the oldest also gets the sort-floor record (src/search/shards.ts). The folder is kept
 * between builds: only pages that changed are written, and pages of directives no longer in the library removed.
 */
export function writeRecordPages(records: readonly SearchRecord[], dir: string, shardTotal = shardCount(records.length)): RecordShard[] {
  fs.mkdirSync(dir, { recursive: true });
  const wanted = new Set<string>();
  const write = (file: string, content: string | Buffer) => {
    wanted.add(file);
    let current: Buffer | undefined;
    try {
      current = fs.readFileSync(file);
    } catch {
      // not written yet
    }
    if (current?.equals(typeof content === 'string' ? Buffer.from(content) : content)) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // A new file, never the old one rewritten: a passage file is linked into the live site (publishPassages).
    if (current) fs.rmSync(file);
    fs.writeFileSync(file, content);
  };
  const shards = splitByDate(records, shardTotal);
  const out = shards.map((list, k) => {
    const shardDir = path.join(dir, String(k));
    fs.mkdirSync(shardDir, { recursive: true });
    for (const r of list) {
      write(path.join(shardDir, r.url, 'index.html'), r.html);
      write(path.join(dir, PASSAGES_DIR, passagePath(r.url)), Buffer.from(r.passages, 'base64'));
    }
    const floor = k < shards.length - 1;
    if (floor) write(path.join(shardDir, 'sort-floor', 'index.html'), sortFloorHtml());
    return { dir: shardDir, pages: list.length + Number(floor), directives: list.length };
  });
  removeFilesExcept(dir, wanted);
  return out;
}

/**
 * Put the passage files (kept beside the record pages, `dir`) into the build's staging site: linked, not copied, when
 * on the same disk; they are never rewritten in place (writeRecordPages).
 */
export function publishPassages(dir: string, siteDir: string): number {
  const from = path.join(dir, PASSAGES_DIR);
  let n = 0;
  const made = new Set<string>();
  for (const e of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    const to = path.join(siteDir, path.relative(from, file));
    const folder = path.dirname(to);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      fs.linkSync(file, to);
    } catch {
      fs.copyFileSync(file, to);
    }
    n++;
  }
  return n;
}

/** Remove every file under `dir` not in `keep` (absolute paths). */
function removeFilesExcept(dir: string, keep: ReadonlySet<string>): void {
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(e.parentPath, e.name);
    if (e.isFile() && !keep.has(file)) fs.rmSync(file);
  }
}

/** One shard's index, made in this thread's Pagefind: the record pages under `dir`, which must hold `expected` pages. */
export async function indexRecordPages(
  dir: string,
  expected: number,
): Promise<{ make(): Promise<PagefindFile[]>; close(): Promise<void> }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind không khởi tạo được: ${errors.join('; ')}`);
  const close = async () => {
    await pagefind.close();
  };
  try {
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    if (added.page_count !== expected) throw new Error(`Pagefind đọc được ${added.page_count} trang bản ghi trong ${dir}, cần ${expected}`);
  } catch (e) {
    await close();
    throw e;
  }
  return {
    close,
    async make() {
      const made = await index.getFiles();
      if (made.errors.length) throw new Error(`Pagefind không ghi được chỉ mục: ${made.errors.join('; ')}`);
      return made.files;
    },
  };
}

export type PagefindFile = { path: string; content: Uint8Array };

/** A shard's worker thread (src/search/index-worker.ts), asked for its records as soon as it starts. */
function shardWorker(shard: RecordShard) {
  const worker = startWorker<ShardProtocol>(new URL('./index-worker.ts', import.meta.url), { workerData: shard });
  return {
    added: later(worker.call('added', null)),
    request: <M extends 'make' | 'publish'>(method: M, params: ShardProtocol[M]['params']) => worker.call(method, params),
    async close() {
      await worker.call('close', null).catch(() => {});
      await worker.close();
    },
  };
}

/**
 * Index the shards (writeRecordPages), each in a Pagefind of its own on a worker thread, so that they are made at
 * once on as many cores. Resolves when every shard has its records.
 */
export async function indexShards(shards: readonly RecordShard[]): Promise<SearchIndexer> {
  const workers = shards.map(shardWorker);
  const close = async () => {
    await Promise.all(workers.map((w) => w.close()));
  };
  try {
    await Promise.all(workers.map((w) => w.added));
  } catch (e) {
    await close();
    throw e;
  }
  return {
    pages: shards.reduce((n, s) => n + s.directives, 0),
    close,
    async make() {
      await Promise.all(workers.map((w) => w.request('make', null)));
      return {
        async publish(outDir, liveDir) {
          const folders = shards.map((_, k) => path.join(outDir, shardFolder(k)));
          // Pagefind's script and WebAssembly are loaded from the first shard only.
          await Promise.all(
            workers.map((w, k) =>
              w.request('publish', {
                folder: folders[k]!,
                runtime: k === 0,
                live: liveDir ? path.join(liveDir, shardFolder(k)) : undefined,
              }),
            ),
          );
          return folders;
        },
      };
    },
  };
}

/** Read first by the browser. */
const ENTRY = 'pagefind-entry.json';
/** Pagefind names these files after a hash of their content. */
const CONTENT_NAMED = /\.pf_(?:fragment|index|filter|meta)$/;

/** The files of an index the browser loads for a merged shard: its own index, not Pagefind's script and WebAssembly. */
export const indexDataOnly = (files: readonly PagefindFile[]): PagefindFile[] =>
  files.filter((f) => CONTENT_NAMED.test(f.path) || f.path === ENTRY);

/**
 * Write an index into `dir`, a folder of the build's staging site (src/build/publish.ts), which swaps it in whole.
 * A content-named file the live site's index (`live`) already has is linked, not written: such files are never
 * written in place, and creating ~10,000 files costs more than the rest of a rebuild's index (3.2 s against 0.2 s).
 */
export function publishIndex(files: readonly PagefindFile[], dir: string, live?: string): string {
  const made = new Set<string>();
  for (const f of files) {
    const target = path.join(dir, f.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    if (live && CONTENT_NAMED.test(f.path) && linkSame(path.join(live, f.path), target, f.content.length)) continue;
    fs.writeFileSync(target, f.content);
  }
  return dir;
}

/** Link `from` to `to` when it exists with this size (its name is a hash of its content); false when not done. */
function linkSame(from: string, to: string, size: number): boolean {
  try {
    if (fs.statSync(from).size !== size) return false;
    fs.linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}
