/**
 * Parsing raw files on worker threads while the main thread resolves issuers and writes (the part that must stay
 * in order, since the registry grows as the batch goes). Results come back in file order; at most `ahead` files
 * are parsed before the main thread asks for them, so memory stays flat on large batches.
 */
import os from 'node:os';
import { docType, type DocType } from '../model/doc-types.ts';
import type { ParseResult } from './parse.ts';
import type { ExtractOptions } from './extract/extract.ts';
import { closeOcr } from './extract/ocr.ts';
import { parseFile } from './parse-file.ts';
import type { ParseProtocol } from './parse-worker.ts';
import { later, startWorker } from '../workers/rpc.ts';

/** Below this many files, starting workers (loading the parser twice more) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;

export interface ParseSource {
  /** The parse of `files[i]`; call with increasing `i`. Throws only for a fault in the parser itself. */
  get(i: number): Promise<ParseResult>;
  close(): Promise<void>;
}

/** Structured cloning copies the type-table entry; the rest of the importer expects the table's own object. */
function rehydrate(r: ParseResult): ParseResult {
  if (r.ok) r.doc.type = docType(r.doc.type.key) as DocType;
  return r;
}

export function parseSource(
  files: readonly string[],
  opts: { threads?: number; ahead?: number; minFiles?: number; extract?: ExtractOptions } = {},
): ParseSource {
  const extract = opts.extract ?? {};
  const threads = opts.threads ?? Math.min(2, os.availableParallelism());
  if (files.length < (opts.minFiles ?? MIN_FILES_FOR_WORKERS) || threads < 1) {
    return { get: (i) => parseFile(files[i]!, extract), close: closeOcr };
  }
  const ahead = opts.ahead ?? 64;
  const workers = Array.from({ length: threads }, () => startWorker<ParseProtocol>(new URL('./parse-worker.ts', import.meta.url)));
  const busy = workers.map(() => 0);
  const results = new Map<number, Promise<ParseResult>>();
  let next = 0;

  const dispatch = (upTo: number) => {
    for (; next < Math.min(upTo, files.length); next++) {
      // The least busy worker: files differ a lot in size.
      const k = busy.indexOf(Math.min(...busy));
      busy[k]!++;
      const p = workers[k]!.call('parse', { file: files[next]!, opts: extract })
        .then(rehydrate)
        .finally(() => busy[k]!--);
      // A batch stopped early never asks for the rest.
      results.set(next, later(p));
    }
  };

  return {
    async get(i) {
      dispatch(i + ahead);
      const r = results.get(i)!;
      results.delete(i);
      return r;
    },
    async close() {
      await Promise.all(workers.map((w) => w.call('done', null).catch(() => null)));
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
