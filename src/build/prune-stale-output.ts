/**
 * Astro is told not to empty the output folder (so pages reused by the incremental build stay where they are,
 * instead of being deleted and copied back from the cache: ~25,000 file operations at 10,000 directives).
 * This removes what an earlier build wrote and this one did not: pages of removed directives, pages past a
 * shortened pagination, old hashed assets.
 *
 * A file is current when this build wrote it (modified after the build started) or when it is the page of a
 * path this build produced (reused pages keep their old time). The search index (`pagefind*`) belongs to
 * src/cli/build.ts, which replaces it after Astro.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const OWNED_ELSEWHERE = /^pagefind/;

/** Files under `dir` (relative, with `/`), skipping top-level entries owned by another step. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (!OWNED_ELSEWHERE.test(rel)) out.push(rel);
  }
  return out;
}

/** Remove empty folders below `dir`, deepest first. */
function removeEmptyDirs(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = path.join(dir, e.name);
    removeEmptyDirs(sub);
    if (fs.readdirSync(sub).length === 0) fs.rmdirSync(sub);
  }
}

/** The stale files among `files`: written before `since` and not the page of a produced path. */
export function staleFiles(outDir: string, files: readonly string[], producedPages: ReadonlySet<string>, since: number): string[] {
  return files.filter((rel) => !producedPages.has(rel) && fs.statSync(path.join(outDir, rel)).mtimeMs < since);
}

export function pruneStaleOutput(): AstroIntegration {
  let startedAt = 0;
  return {
    name: 'vanban:prune-stale-output',
    hooks: {
      'astro:build:start': () => {
        startedAt = Date.now();
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        // `directory` format: the page of `a/b/` is `a/b/index.html`, the home page's is `index.html`.
        const produced = new Set(pages.map((p) => `${p.pathname}${p.pathname === '' || p.pathname.endsWith('/') ? '' : '/'}index.html`));
        const stale = staleFiles(outDir, listFiles(outDir), produced, startedAt);
        for (const rel of stale) fs.rmSync(path.join(outDir, rel));
        if (stale.length) {
          removeEmptyDirs(outDir);
          logger.info(`Đã xóa ${stale.length} tệp của bản build trước không còn trong bản này.`);
        }
      },
    },
  };
}
