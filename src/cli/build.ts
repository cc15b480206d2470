/**
 * `npm run build`: refuse invalid content, build the site with Astro, then write the search index.
 * Environment: SITE_BASE (default /), SITE_URL, CONTENT_DIR (default content), OUT_DIR (default dist).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { formatProblem } from '../lib/problems.ts';
import { CONTENT_DIR, ROOT, siteBase } from '../lib/paths.ts';
import { writeSearchIndex } from '../lib/search-index.ts';
import { loadLibrary, referenceWarnings } from '../lib/validate.ts';

const base = siteBase();
const outDir = path.resolve(ROOT, process.env.OUT_DIR ?? 'dist');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const started = Date.now();
const lib = loadLibrary(CONTENT_DIR);
lib.problems.push(...referenceWarnings(lib));
const errors = lib.problems.filter((p) => p.severity !== 'warning');
for (const p of lib.problems) console.error(formatProblem(p));
if (errors.length || !lib.registry) fail(`\nKhông build: ${errors.length} lỗi trong nội dung. Sửa các lỗi trên (npm run validate để kiểm tra lại).`);
console.log(`Nội dung hợp lệ: ${lib.directives.length} văn bản.`);

const astro = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
if (astro.status !== 0) fail('Astro build thất bại (xem thông báo ở trên).');

try {
  const t = Date.now();
  const res = await writeSearchIndex({ directives: lib.directives, registry: lib.registry, outDir });
  console.log(`Chỉ mục tìm kiếm: ${res.pages} văn bản trong ${((Date.now() - t) / 1000).toFixed(1)} s → ${path.relative(ROOT, res.outputPath)}`);
} catch (e) {
  fail(`Không tạo được chỉ mục tìm kiếm: ${(e as Error).message}`);
}
console.log(`Xong sau ${((Date.now() - started) / 1000).toFixed(1)} s: ${path.relative(ROOT, outDir) || outDir}/ (base ${base}).`);
