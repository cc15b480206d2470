/**
 * `npm run search-quality`: build the search library (tools/search-eval.ts) into a temporary folder, run the query set
 * (test/search-queries.ts) in Chromium and print the top-1 and top-3 rates as Markdown, with the cases that miss, for
 * docs/search-quality.md. `-- --label "…"` names the row.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';
import { assembleSearchLibrary, rates, runCases } from './search-eval.ts';
import { SEARCH_CASES } from '../test/search-queries.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { label: { type: 'string', default: 'this checkout' } } });

// On the project's disk (the build moves files into its output), in a folder a fresh clone may not have yet.
const cache = path.join(ROOT, 'node_modules/.cache');
fs.mkdirSync(cache, { recursive: true });
const work = fs.mkdtempSync(path.join(cache, 'search-quality-'));
try {
  const content = path.join(work, 'content');
  const out = path.join(work, 'dist');
  assembleSearchLibrary(content);
  const r = spawnSync(process.execPath, ['src/cli/build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, 'cache') },
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error('Không dựng được trang từ thư viện tìm kiếm (xem thông báo ở trên).');
  }
  const server = await serveStatic(out);
  const browser = await launchBrowser();
  try {
    const results = await runCases(browser, server.url, SEARCH_CASES);
    const pct = (k: number, n: number) => `${k}/${n} (${Math.round((100 * k) / n)}%)`;
    console.log(
      `| ${values.label} | ${rates(results)
        .map((x) => `${x.kind}: top-1 ${pct(x.top1, x.n)}, top-3 ${pct(x.top3, x.n)}`)
        .join('; ')} |`,
    );
    for (const x of results.filter((x) => !x.top1 || !x.top3))
      console.log(`- \`${x.case.q}\` (${x.case.kind}): ${x.got.slice(0, 3).join(', ') || 'không có kết quả'}`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
