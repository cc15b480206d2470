/**
 * Writing the issuer registry and directive files. New provinces and issuers are inserted into the existing
 * text (so comments and hand formatting stay); only when the file's layout is not the usual
 * `provinces:` then `issuers:` is it rewritten whole. Every write is atomic: temp file + rename.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { registrySchema, type Issuer, type Province, type Registry } from '../model/schema.ts';

const dumpOpts = { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' as const };

/** Temp files being written, removed if the process stops before their rename. */
const pending = new Set<string>();

/**
 * Write to a temp file in the same folder, then rename over the target: a reader (or a crash, or Ctrl-C)
 * sees the old file or the new one, never half of one. `durable` also flushes to disk before the rename
 * (used for the registry; for 10,000 directives the flushes would cost more than the whole parse).
 */
export function writeFileAtomic(file: string, text: string, opts: { durable?: boolean } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, text);
      if (opts.durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    if (fs.existsSync(tmp)) fs.rmSync(tmp, { force: true });
  }
}

/**
 * {@link writeFileAtomic} on libuv's threads, for the directive files of a batch: creating 10,000 files costs the
 * kernel several seconds, which this keeps off the thread that resolves issuers in order.
 */
export async function writeFileAtomicAsync(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
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

/** One list entry in the registry's style: `  - id: ...` with a flow-style header. */
function entry(o: object): string {
  return `${yaml
    .dump([o], { ...dumpOpts, flowLevel: 2 })
    .replace(/^/gm, '  ')
    .replace(/\s+$/, '')}\n`;
}

const HEAD =
  '# Issuing bodies and provinces. Ids are stable ASCII and never change once used:\n' +
  '# an issuer is an organisation of its time (provinces and boards merged in 2025 keep their old ids).\n';

function fullText(reg: Registry): string {
  const provinces = reg.provinces.length ? `provinces:\n${reg.provinces.map(entry).join('')}` : 'provinces: []\n';
  const issuers = reg.issuers.length ? `issuers:\n${reg.issuers.map(entry).join('')}` : 'issuers: []\n';
  return `${HEAD}${provinces}\n${issuers}`;
}

/**
 * New registry text: `existing` (null when there is no file) with the additions. Falls back to a full
 * rewrite when inserting would not give back exactly the merged registry.
 */
export function registryText(existing: string | null, before: Registry, add: { provinces: Province[]; issuers: Issuer[] }): string {
  const merged: Registry = { provinces: [...before.provinces, ...add.provinces], issuers: [...before.issuers, ...add.issuers] };
  if (existing === null || !existing.trim()) return fullText(merged);
  const text = existing.endsWith('\n') ? existing : `${existing}\n`;
  const lines = text.split('\n');
  const issuersAt = lines.findIndex((l) => /^issuers:\s*(#.*)?$/.test(l));
  const provincesAt = lines.findIndex((l) => /^provinces:\s*(#.*)?$/.test(l));
  const laterKey = lines.slice(issuersAt + 1).some((l) => /^[^\s#-]/.test(l));
  if (issuersAt < 0 || provincesAt < 0 || provincesAt > issuersAt || laterKey) return fullText(merged);
  // Provinces go after the last province entry line; issuers at the end of the file.
  let insertAt = issuersAt;
  while (insertAt > provincesAt + 1 && !lines[insertAt - 1]!.trim()) insertAt--;
  const out = [
    ...lines.slice(0, insertAt),
    ...(add.provinces.length ? add.provinces.map(entry).join('').replace(/\n$/, '').split('\n') : []),
    ...lines.slice(insertAt),
  ]
    .join('\n')
    .replace(/\n*$/, '\n');
  const withIssuers = add.issuers.length ? `${out}${add.issuers.map(entry).join('')}` : out;
  try {
    const check = registrySchema.parse(yaml.load(withIssuers, { schema: yaml.CORE_SCHEMA }) ?? {});
    const same = JSON.stringify(check) === JSON.stringify(registrySchema.parse(merged));
    return same ? withIssuers : fullText(merged);
  } catch {
    return fullText(merged);
  }
}
