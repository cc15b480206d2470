/**
 * Results kept between builds, for work that is pure and slow at 10,000 directives: the search records
 * (~6 s, and Pagefind waits for them) and the citations found in each text (~5 s each in Astro and in the
 * build's worker). After a one-file change all but one result are the same.
 *
 * A result is found by a hash of everything it is made from, which the caller names, so a changed input misses
 * the cache by itself. The code that makes the results is covered by a hash of the content model's sources
 * (src/lib/*.ts): any change there starts an empty cache. The file is replaced whole and holds only the results
 * asked for in this build, so removed directives leave nothing behind.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface BuildCache<T> {
  /** It holds results of an earlier build (of this code). */
  readonly warm: boolean;
  /** The result an earlier build made from the same `inputs` (JSON-serialisable), or `make()` now. */
  get(inputs: unknown, make: () => T): T;
  /** Replace the cache file with the results asked for since it was opened. */
  save(): void;
}

interface CacheFile<T> { code: string; results: Record<string, T> }

/**
 * Hash of the content model's sources. `dir` defaults to src/lib under the working directory: Astro bundles
 * this module for its pages, where the module's own folder is a build folder, and both the build and Astro run
 * from the project root.
 */
export function contentModelVersion(dir = path.resolve('src/lib')): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(name).update('\0').update(fs.readFileSync(path.join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}

function readCache<T>(file: string, code: string): Record<string, T> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile<T>>;
    if (parsed.code === code && parsed.results && typeof parsed.results === 'object') return parsed.results;
  } catch {
    // No cache yet, or an unreadable one: it is only ever a shortcut, so start empty.
  }
  return {};
}

/**
 * Open the cache kept in `file`; `code` is the version of the code that makes its results. Without a readable
 * src/lib to version it by, nothing is cached: every result is made.
 */
export function openBuildCache<T>(file: string, code?: string): BuildCache<T> {
  try {
    code ??= contentModelVersion();
  } catch {
    return { warm: false, get: (_inputs, make) => make(), save() {} };
  }
  const version = code;
  const old = readCache<T>(file, version);
  const kept: Record<string, T> = {};
  return {
    warm: Object.keys(old).length > 0,
    get(inputs, make) {
      const key = createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
      const result = Object.hasOwn(old, key) ? old[key]! : make();
      kept[key] = result;
      return result;
    },
    save() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ code: version, results: kept } satisfies CacheFile<T>));
      fs.renameSync(tmp, file);
    },
  };
}
