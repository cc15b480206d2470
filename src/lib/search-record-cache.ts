/**
 * Search records kept between builds. Making the 10,000 records of the benchmark library takes ~6 s, and a
 * rebuild waits for them before Pagefind can start; after a one-file change all but one are the same.
 *
 * A record is found by a hash of everything it is made from (the directive's data and body, its issuer's
 * name and scope, its type's name), so a changed directive or a renamed issuer misses the cache by itself.
 * The code that turns those into HTML is covered by a hash of the content model's sources (src/lib/*.ts):
 * any change there starts an empty cache. The file is replaced whole, and only holds the records of this
 * build, so removed directives leave nothing behind.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SearchRecordInput } from './search-record.ts';

export interface RecordCache {
  /** The record's HTML made by an earlier build, or `make()` now. */
  html(input: SearchRecordInput, make: () => string): string;
  /** Replace the cache file with the records asked for since it was opened. */
  save(): void;
}

interface CacheFile { code: string; records: Record<string, string> }

const LIB_DIR = import.meta.dirname;

/** Hash of the sources that make a record: the content model's own modules. */
export function recordCodeVersion(dir = LIB_DIR): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(name).update('\0').update(fs.readFileSync(path.join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}

function inputKey(input: SearchRecordInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.data, input.body, input.issuerName, input.scope, input.typeName]))
    .digest('base64url');
}

function readCache(file: string, code: string): Record<string, string> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.code === code && parsed.records && typeof parsed.records === 'object') return parsed.records;
  } catch {
    // No cache yet, or an unreadable one: it is only ever a shortcut, so start empty.
  }
  return {};
}

export function openRecordCache(file: string, code = recordCodeVersion()): RecordCache {
  const old = readCache(file, code);
  const kept: Record<string, string> = {};
  return {
    html(input, make) {
      const key = inputKey(input);
      const html = (Object.hasOwn(old, key) ? old[key] : undefined) ?? make();
      kept[key] = html;
      return html;
    },
    save() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ code, records: kept } satisfies CacheFile));
      fs.renameSync(tmp, file);
    },
  };
}
