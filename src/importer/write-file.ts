/**
 * How the importer writes: every file whole or not at all (a temp file beside it, then a rename), so a reader, a
 * crash or Ctrl-C sees the old file or the new one, never half of one. Temp files are named `.<name>.<pid>.tmp`;
 * those of a process that died are removed by the next import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { processAlive } from '../content/lock.ts';

/** Temp files being written, removed if the process stops before their rename. */
const pending = new Set<string>();

const tempName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
const TEMP = /^\..+\.(\d+)\.tmp$/;

/** A file written to its temp name, to be put in place (`commit`) or dropped (`abort`) once the caller knows. */
export interface StagedFile {
  commit(): void;
  abort(): void;
}

export function stageFile(file: string, text: string | Uint8Array, opts: { durable?: boolean } = {}): StagedFile {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempName(file);
  pending.add(tmp);
  const drop = () => {
    pending.delete(tmp);
    fs.rmSync(tmp, { force: true });
  };
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      if (typeof text === 'string') fs.writeSync(fd, text);
      else fs.writeSync(fd, text);
      if (opts.durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    drop();
    throw e;
  }
  return {
    commit() {
      try {
        fs.renameSync(tmp, file);
      } finally {
        drop();
      }
    },
    abort: drop,
  };
}

/**
 * Write a file atomically. `durable` also flushes it to disk before the rename (used for the registry; for 10,000
 * directives the flushes would cost more than the whole parse).
 */
export function writeFileAtomic(file: string, text: string | Uint8Array, opts: { durable?: boolean } = {}): void {
  stageFile(file, text, opts).commit();
}

/**
 * {@link writeFileAtomic} on libuv's threads, for the directive files of a batch: creating 10,000 files costs the
 * kernel several seconds, which this keeps off the thread that resolves issuers in order.
 */
export async function writeFileAtomicAsync(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = tempName(file);
  pending.add(tmp);
  try {
    // The folder is made only when missing: checking it for every file of a batch costs more than the write.
    await fs.promises.writeFile(tmp, text).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
      await fs.promises.mkdir(dir, { recursive: true });
      await fs.promises.writeFile(tmp, text);
    });
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

export function removePendingTempFiles(): void {
  for (const tmp of pending) fs.rmSync(tmp, { force: true });
  pending.clear();
}

/** Remove the temp files an import that was killed left in `dirs` (not those of a live process); returns them. */
export function removeStaleTempFiles(dirs: readonly string[]): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP.exec(name);
      if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(path.join(dir, name));
    }
  }
  return removed;
}
