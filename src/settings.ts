/** Where content lives. `CONTENT_DIR` lets tests and the benchmark build another library with the same code. */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CONTENT_DIR = path.resolve(ROOT, process.env.CONTENT_DIR ?? 'content');
/** Astro's cache (content store, incremental-build cache) of the project at `root`. Builds of other content folders keep their own. */
export function astroCacheDir(root = ROOT): string {
  return path.resolve(root, process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro');
}
export const ASTRO_CACHE_DIR = astroCacheDir();

/** `SITE_BASE` with exactly one leading and one trailing slash: `vanban` → `/vanban/`, unset → `/`. */
export function siteBase(raw = process.env.SITE_BASE ?? '/'): string {
  const inner = raw.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}
