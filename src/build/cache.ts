/**
 * Results kept between builds, for work that is pure and slow at 10,000 directives: the search records
 * (~6 s, and Pagefind waits for them) and the citations found in each text (~5 s each in Astro and in the
 * build's worker). After a one-file change all but one result are the same.
 *
 * A result is found by a hash of everything it is made from, which the caller names, so a changed input misses
 * the cache by itself. The code that makes the results is covered by a hash of the modules that shape them
 * ({@link moduleVersion}): any change there starts an empty cache. The file is replaced whole and holds only the results
 * asked for in this build, so removed directives leave nothing behind.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../settings.ts';
import { findReferences, type FoundReference } from '../model/references.ts';
import type { ReferenceFinder } from '../model/crossref.ts';

export interface BuildCache<T> {
  /** It holds results of an earlier build (of this code). */
  readonly warm: boolean;
  /** The result an earlier build made from the same `inputs` (JSON-serialisable), or `make()` now. */
  get(inputs: unknown, make: () => T): T;
  /** Replace the cache file with the results asked for since it was opened. */
  save(): void;
}

interface CacheFile<T> {
  code: string;
  results: Record<string, T>;
}

/** Relative static imports of a module: `import ... from './x.ts'`, `export ... from '../y.ts'`. */
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Version of the code that makes a cache's results: a hash of the modules that shape them, that is the maker's
 * module(s) and every module they import, followed through relative imports. Editing the sanitizer leaves the
 * search records' cache alone; moving a piece of record-making code into another module still changes it,
 * since that module is then imported by the maker.
 */
export function moduleVersion(entries: readonly URL[]): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) visit(path.resolve(path.dirname(file), m[1]!));
  };
  for (const e of entries) visit(fileURLToPath(e));
  for (const file of [...seen].sort()) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
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

/** Open the cache kept in `file`; `version` is that of the code that makes its results ({@link moduleVersion}). */
export function openBuildCache<T>(file: string, version: string): BuildCache<T> {
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

/** `findReferences` through a build cache: a text an earlier build searched is not searched again. */
export function cachedReferenceFinder(cache: BuildCache<FoundReference[]>): ReferenceFinder {
  return (text, ownNumber) => cache.get([text, ownNumber], () => findReferences(text, ownNumber));
}
