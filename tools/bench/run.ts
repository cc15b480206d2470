/**
 * `npm run bench -- [--size N | --sizes 1000,10000] [--keep] [--out docs/benchmarks.md] [--seed 1] [--step-timeout-min 60] [--mem-limit-gib 18]`
 * A step whose process tree goes over the memory limit is stopped (the machine may be shared).
 * For each size, on a fresh folder under .bench/: generate raw directives, import, validate, cold build, warm
 * rebuild after changing one directive, rebuild after adding one that an existing directive cites; wall time and
 * peak memory of the whole process tree for each step; index size, first-search bytes and latency in Chromium,
 * page and CSS sizes; and the same Markdown built by a bare Astro project as the floor.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../browser.ts';
import { serveStatic } from '../static-server.ts';
import { ROOT } from '../../src/settings.ts';
import { generate } from './generate.ts';
import { docxFromText, fontBytes, pdfFromText, renderPage } from '../make-originals.ts';
import { du, run, window, type RunResult } from './measure.ts';

const NODE = process.execPath;
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND_CLI = path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
/** Word and PDF copies made of the first directives (issue 17: 1,000 of each import in ≤ 60 s). */
const FORMATS_COUNT = 1000;
/** Scanned pages recognised, for a rate in pages per minute. */
const OCR_PAGES = 5;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

interface Step {
  name: string;
  ms: number;
  peakRss: number;
  ok: boolean;
  note?: string | undefined;
}
interface SizeResult {
  size: number;
  steps: Record<string, Step>;
  phases: Record<string, Record<string, { ms: number; peakRss: number }>>;
  words: { min: number; max: number; mean: number };
  importFailed: number;
  warnings: number;
  pages: number;
  indexBytes: number;
  indexFiles: number;
  /** Shards of the search index (src/search/shards.ts). */
  indexShards: number;
  dataStoreBytes: number;
  distBytes: number;
  largestPage: { path: string; bytes: number; median: number; scripts: number; css: number };
  search?: {
    query: string;
    pageLoadBytes: number;
    queryBytes: number;
    gzipBytes: number;
    requests: number;
    queryMs: number;
    readyMs: number;
    results: string;
  };
  editVisible: boolean;
  addLinked: boolean;
  /** Issue 17: Word and PDF copies of the first generated directives, and a few scanned pages. */
  formats?: {
    count: number;
    makeMs: number;
    docx: { ms: number; failed: number };
    pdf: { ms: number; failed: number };
    ocr: { pages: number; ms: number; failed: number };
  };
  errors: string[];
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmtMem = (b: number) => (b >= GiB ? `${(b / GiB).toFixed(2)} GiB` : `${Math.round(b / MiB)} MiB`);
const fmtKB = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/**
 * Build phases from the lines build.ts and Astro print, so time and memory can be split by phase. Since the build
 * overlaps its steps (validation beside Astro's start, Pagefind's records beside Astro's rendering), each row is
 * the window that ends at its line, in the order the lines came.
 */
const BUILD_MARKS: [string, RegExp][] = [
  ['content valid (Astro starting alongside)', /^Nội dung hợp lệ/],
  ['astro: content synced', /\[content\] Synced content/],
  // Not anchored: printed while Astro lists its pages, it can land in the middle of one of their lines.
  ['pagefind: all records in (alongside Astro)', /Chỉ mục tìm kiếm: đã nhận/],
  ['astro: vite bundles built', /generating static routes/],
  ['astro: pages rendered', /page\(s\) built in/],
  ['pagefind: index written', /^Chỉ mục tìm kiếm: \d+ văn bản, ghi/],
];

function phases(r: RunResult): Record<string, { ms: number; peakRss: number }> {
  const found = BUILD_MARKS.flatMap(([name, re]) => {
    const line = r.lines.find((l) => re.test(l.text));
    return line ? [{ name, t: line.t }] : [];
  }).sort((a, b) => a.t - b.t);
  const out: Record<string, { ms: number; peakRss: number }> = {};
  let from = 0;
  for (const { name, t } of found) {
    out[name] = window(r, from, t);
    from = t;
  }
  return out;
}

function floorProject(dir: string, directives: string, outDir: string, cacheDir: string): void {
  fs.mkdirSync(path.join(dir, 'src/pages'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig(${JSON.stringify({ outDir, cacheDir, build: { format: 'directory' } })});\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n` +
      `export const collections = { docs: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(directives)} }) }) };\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'src/pages/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('docs')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="vi"><head><meta charset="utf-8" /><title>{String(entry.data.title)}</title></head><body><h1>{String(entry.data.title)}</h1><Content /></body></html>
`,
  );
}

/** The absolute path of a command on PATH, if any. */
function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      /* not in this folder */
    }
  }
  return undefined;
}

/** A Hugo site of the same Markdown: one page per file, its title and body, nothing else. */
function hugoProject(dir: string, directives: string): void {
  fs.mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'hugo.toml'),
    `baseURL = "/"\ncontentDir = ${JSON.stringify(directives)}\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n` +
      `[markup.goldmark.renderer]\nunsafe = true\n`,
  );
  const page = (body: string) =>
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>${body}</body></html>\n`;
  fs.writeFileSync(path.join(dir, 'layouts/_default/single.html'), page('<h1>{{ .Title }}</h1>{{ .Content }}'));
  fs.writeFileSync(path.join(dir, 'layouts/_default/list.html'), page('<h1>{{ .Title }}</h1>'));
}

/** Largest directive page, its script tags and the CSS it links. */
function largestPage(dist: string): SizeResult['largestPage'] {
  let best = { path: '', bytes: 0 };
  const sizes: number[] = [];
  const dir = path.join(dist, 'van-ban');
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('index.html')) continue;
    const bytes = fs.statSync(path.join(dir, f)).size;
    sizes.push(bytes);
    if (bytes > best.bytes) best = { path: `van-ban/${f}`, bytes };
  }
  const median = sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 0;
  const html = fs.readFileSync(path.join(dist, best.path), 'utf8');
  // JSON-LD is data, not script.
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/type="application\/(ld\+)?json"/.test(m[1]!)).length;
  let css = 0;
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) css += du(path.join(dist, m[1]!.replace(/^\//, '')));
  css += [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce((a, m) => a + Buffer.byteLength(m[1]!), 0);
  return { ...best, median, scripts, css };
}

/** Bytes the server sent for request paths (no compression, so file sizes; directories serve index.html). */
function servedBytes(dist: string, requests: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const r of requests) {
    const rel = decodeURIComponent(r.split('?')[0]!).replace(/^\//, '');
    let file = path.join(dist, rel);
    const st = fs.statSync(file, { throwIfNoEntry: false });
    file = st?.isDirectory() ? path.join(file, 'index.html') : st ? file : path.join(dist, '404.html');
    const body = fs.readFileSync(file);
    raw += body.length;
    // Pagefind's own binary files are gzipped already; text would be gzipped by any real host.
    gzip += /\.(html|css|js|json|svg)$/.test(file) ? zlib.gzipSync(body).length : body.length;
  }
  return { raw, gzip };
}

/** Resolves once `requests` has not grown for `ms`. */
async function quiet(requests: readonly unknown[], ms = 500): Promise<void> {
  for (let n = -1; n !== requests.length;) {
    n = requests.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}

/**
 * First search in a fresh Chromium: bytes to load the search page and the index entry, then bytes and time of the
 * first query. Bytes are counted at the server: Pagefind 1.6 fetches from a Web Worker, which page-level network
 * events do not see.
 */
async function firstSearch(dist: string, query: string): Promise<NonNullable<SizeResult['search']>> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const t0 = performance.now();
    await page.goto(`${server.url}tim-kiem/`);
    // Ready when the page asks for a query (the index entry and filters are loaded).
    await page.waitForFunction(() => /Nhập từ khóa/.test(document.getElementById('search-status')?.textContent ?? ''), null, {
      timeout: 120_000,
    });
    const readyMs = performance.now() - t0;
    await page.waitForLoadState('networkidle');
    const before = server.requests.length;
    const { ms, status } = await page.evaluate(async (q) => {
      const input = document.getElementById('q') as HTMLInputElement;
      const form = document.getElementById('search') as HTMLFormElement;
      const status = document.getElementById('search-status')!;
      const start = performance.now();
      input.value = q;
      form.requestSubmit();
      // The status is set only once the first results are on the page.
      await new Promise<void>((resolve) => {
        const done = () => /Tìm thấy|Không tìm thấy/.test(status.textContent ?? '');
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve();
          }
        });
        obs.observe(status, { childList: true, characterData: true, subtree: true });
      });
      return { ms: performance.now() - start, status: status.textContent ?? '' };
    }, query);
    // Results' passages load after the results show: wait until the server has had no request for half a second
    // (the page's load state went idle long before, so waiting for it would count nothing).
    await quiet(server.requests);
    const all = server.requests.slice();
    const load = servedBytes(dist, all.slice(0, before));
    const q = servedBytes(dist, all.slice(before));
    return {
      query,
      pageLoadBytes: load.raw,
      queryBytes: q.raw,
      gzipBytes: load.gzip + q.gzip,
      requests: all.length,
      queryMs: ms,
      readyMs,
      results: status,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runSize(size: number, opts: { seed: number; keep: boolean; timeoutMs: number; maxRss: number }): Promise<SizeResult> {
  const dir = path.join(ROOT, '.bench', String(size));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const p = (...s: string[]) => path.join(dir, ...s);
  const content = p('content');
  const dist = p('dist');
  const cache = p('astro-cache');
  const buildEnv = {
    CONTENT_DIR: content,
    OUT_DIR: dist,
    ASTRO_CACHE_DIR: cache,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const res: SizeResult = {
    size,
    steps: {},
    phases: {},
    words: { min: 0, max: 0, mean: 0 },
    importFailed: 0,
    warnings: 0,
    pages: 0,
    indexBytes: 0,
    indexFiles: 0,
    indexShards: 0,
    dataStoreBytes: 0,
    distBytes: 0,
    largestPage: { path: '', bytes: 0, median: 0, scripts: 0, css: 0 },
    editVisible: false,
    addLinked: false,
    errors: [],
  };
  const say = (s: string) => console.log(`[${size}] ${s}`);
  const step = async (
    name: string,
    args: string[],
    o: { cwd?: string; env?: Record<string, string>; command?: string } = {},
  ): Promise<RunResult> => {
    say(`${name}…`);
    const r = await run(o.command ?? NODE, args, {
      cwd: o.cwd ?? ROOT,
      env: o.env,
      timeoutMs: opts.timeoutMs,
      maxRss: opts.maxRss,
      log: p(`${name.replace(/\W+/g, '-')}.log`),
    });
    const ok = r.code === 0 && !r.timedOut && !r.overMemory;
    const note = r.timedOut
      ? `killed after ${fmtS(opts.timeoutMs)}`
      : r.overMemory
        ? `killed above ${fmtMem(opts.maxRss)}`
        : r.code
          ? `exit ${r.code}`
          : undefined;
    res.steps[name] = { name, ms: r.ms, peakRss: r.peakRss, ok, note };
    say(
      `${name}: ${fmtS(r.ms)}, peak ${fmtMem(r.peakRss)}${ok ? '' : ` — FAILED (${res.steps[name]!.note}); see ${path.relative(ROOT, p(`${name.replace(/\W+/g, '-')}.log`))}`}`,
    );
    if (!ok) res.errors.push(`${name} failed (${res.steps[name]!.note})`);
    return r;
  };

  // 1. Raw directives.
  const t = performance.now();
  const gen = generate({ size, seed: opts.seed, outDir: p('raw'), extraDir: p('raw-extra') });
  res.steps['generate raw'] = { name: 'generate raw', ms: performance.now() - t, peakRss: 0, ok: true };
  res.words = gen.words;
  say(`generated ${gen.files} raw directives (${gen.words.mean} words on average) in ${fmtS(res.steps['generate raw']!.ms)}`);

  // 2. Import.
  const imp = await step('import', [path.join(ROOT, 'src/cli/import.ts'), p('raw'), '--out', content, '--init', '--json']);
  let citingId = '';
  try {
    const report = JSON.parse(imp.stdout) as {
      counts: { failed: number };
      files: { file: string; id?: string; status: string; reason?: string }[];
    };
    res.importFailed = report.counts.failed;
    citingId = report.files.find((f) => f.file === gen.citingFile)?.id ?? '';
    const failed = report.files.filter((f) => f.status === 'failed');
    if (failed.length)
      res.errors.push(`import: ${failed.length} files failed, e.g. ${path.basename(failed[0]!.file)}: ${failed[0]!.reason}`);
  } catch {
    res.errors.push('import: no JSON report');
  }
  if (!fs.existsSync(path.join(content, 'directives'))) return finish();

  // 3. Validate.
  const val = await step('validate', [path.join(ROOT, 'src/cli/validate.ts')], { env: { CONTENT_DIR: content } });
  res.warnings = val.lines.filter((l) => /cảnh báo|dẫn chiếu/.test(l.text)).length;

  // 4. Cold build, then the floor on the same Markdown.
  const cold = await step('cold build', [path.join(ROOT, 'src/cli/build.ts')], { env: buildEnv });
  res.phases['cold build'] = phases(cold);
  res.dataStoreBytes = du(path.join(cache, 'data-store.json'));
  const floorDir = p('floor');
  floorProject(floorDir, path.join(content, 'directives'), p('floor-dist'), p('floor-cache'));
  await step('floor: cold build', [ASTRO, 'build'], { cwd: floorDir, env: { ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
  // The reference of issue 15: Hugo and Pagefind's CLI on the same Markdown, when Hugo is installed.
  const hugo = findOnPath('hugo');
  if (hugo) {
    hugoProject(p('hugo'), path.join(content, 'directives'));
    const built = await step('hugo: build', ['--quiet', '--destination', p('hugo', 'public')], { cwd: p('hugo'), command: hugo });
    if (built.code === 0) await step('hugo: pagefind', [PAGEFIND_CLI, '--site', p('hugo', 'public')], { cwd: p('hugo') });
  } else say('hugo not installed (apt-get install hugo): no Hugo reference in this run');

  // 5. Change one directive's body; rebuild with the cache kept; the change must be on its page.
  const names = fs
    .readdirSync(path.join(content, 'directives'))
    .filter((f) => f.endsWith('.md'))
    .sort();
  const edited = names[Math.floor(names.length / 2)]!;
  const token = `Nội dung sửa đổi kiểm tra benchmark ${size}-${Date.now()}`;
  fs.appendFileSync(path.join(content, 'directives', edited), `\n${token}.\n`);
  if (cold.code === 0) {
    const warm = await step('rebuild after a change', [path.join(ROOT, 'src/cli/build.ts')], { env: buildEnv });
    res.phases['rebuild after a change'] = phases(warm);
    const pageFile = path.join(dist, 'van-ban', edited.replace('--', '/').replace(/\.md$/, ''), 'index.html');
    res.editVisible = fs.existsSync(pageFile) && fs.readFileSync(pageFile, 'utf8').includes(token);
    if (!res.editVisible) res.errors.push(`the change to ${edited} is not on its page after the rebuild`);
  }
  await step('floor: rebuild after a change', [ASTRO, 'build'], { cwd: floorDir, env: { ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });

  // 6. Add the held-back directive; the directive citing it must now link to it.
  const add = await step('import one', [path.join(ROOT, 'src/cli/import.ts'), gen.extra.file, '--out', content, '--json']);
  let addedId = '';
  try {
    addedId = (JSON.parse(add.stdout) as { files: { id?: string }[] }).files[0]?.id ?? '';
  } catch {
    /* reported below */
  }
  if (!addedId) res.errors.push('the added directive was not imported');
  if (cold.code === 0) {
    const added = await step('rebuild after adding one', [path.join(ROOT, 'src/cli/build.ts')], { env: buildEnv });
    res.phases['rebuild after adding one'] = phases(added);
    const citing = path.join(dist, 'van-ban', citingId, 'index.html');
    res.addLinked =
      !!citingId &&
      !!addedId &&
      fs.existsSync(citing) &&
      fs.readFileSync(citing, 'utf8').includes(`class="ref" href="/van-ban/${addedId}/"`);
    if (!res.addLinked)
      res.errors.push(`after adding ${gen.extra.number} (${addedId || '?'}), ${citingId || 'the citing directive'} does not link to it`);
  }

  // 7. Formats: Word and PDF copies of the first directives, each kind into a library of its own; then OCR.
  res.formats = await formats(Math.min(FORMATS_COUNT, size));

  // 8. Sizes and the first search.
  if (fs.existsSync(path.join(dist, 'pagefind'))) {
    // Every shard of the index (src/search/shards.ts).
    const shards = fs
      .readdirSync(dist)
      .filter((f) => /^pagefind(?:-\d+)?$/.test(f))
      .map((f) => path.join(dist, f));
    res.indexBytes = shards.reduce((n, d) => n + du(d), 0);
    res.indexFiles = shards.reduce((n, d) => n + fs.readdirSync(d, { recursive: true }).length, 0);
    res.indexShards = shards.length;
    res.distBytes = du(dist);
    res.pages = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
    res.largestPage = largestPage(dist);
    say('first search in Chromium…');
    try {
      res.search = await firstSearch(dist, 'dang uy khoi');
      say(
        `first search: ${fmtKB(res.search.pageLoadBytes + res.search.queryBytes)} fetched, results in ${res.search.queryMs.toFixed(0)} ms`,
      );
    } catch (e) {
      res.errors.push(`search measurement failed: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return finish();

  async function formats(count: number): Promise<NonNullable<SizeResult['formats']>> {
    const raws = fs
      .readdirSync(p('raw'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, count);
    const font = fontBytes();
    const started = performance.now();
    fs.mkdirSync(p('raw-docx'), { recursive: true });
    fs.mkdirSync(p('raw-pdf'), { recursive: true });
    for (const f of raws) {
      const text = fs.readFileSync(p('raw', f), 'utf8');
      fs.writeFileSync(p('raw-docx', f.replace(/\.txt$/, '.docx')), await docxFromText(text));
      fs.writeFileSync(p('raw-pdf', f.replace(/\.txt$/, '.pdf')), await pdfFromText(text, font));
    }
    const makeMs = performance.now() - started;
    say(`made ${count} .docx and ${count} PDF copies in ${fmtS(makeMs)}`);
    const failedOf = (r: RunResult) => {
      try {
        return (JSON.parse(r.stdout) as { counts: { failed: number } }).counts.failed;
      } catch {
        return count;
      }
    };
    const kinds = { docx: { ms: 0, failed: 0 }, pdf: { ms: 0, failed: 0 } };
    for (const kind of ['docx', 'pdf'] as const) {
      const r = await step(`import ${count} ${kind === 'docx' ? '.docx' : 'PDF'}`, [
        path.join(ROOT, 'src/cli/import.ts'),
        p(`raw-${kind}`),
        '--out',
        p(`content-${kind}`),
        '--init',
        '--json',
      ]);
      kinds[kind] = { ms: r.ms, failed: failedOf(r) };
    }
    // Scans: the first page of a few of the PDFs, rendered as a scanner would; recognised with a cache of their own.
    fs.mkdirSync(p('raw-scan'), { recursive: true });
    const scans = raws.slice(0, OCR_PAGES);
    for (const f of scans) {
      const pdf = fs.readFileSync(p('raw-pdf', f.replace(/\.txt$/, '.pdf')));
      fs.writeFileSync(p('raw-scan', f.replace(/\.txt$/, '.png')), await renderPage(pdf, 200));
    }
    const ocr = await step(
      `OCR ${scans.length} scanned pages`,
      [path.join(ROOT, 'src/cli/import.ts'), p('raw-scan'), '--ocr', '--out', p('content-ocr'), '--init', '--json'],
      { env: { OCR_CACHE_DIR: p('ocr-cache') } },
    );
    return { count, makeMs, ...kinds, ocr: { pages: scans.length, ms: ocr.ms, failed: failedOf(ocr) } };
  }

  function finish(): SizeResult {
    fs.writeFileSync(p('result.json'), JSON.stringify(res, null, 2));
    if (!opts.keep)
      for (const d of [
        'raw',
        'raw-extra',
        'content',
        'dist',
        'astro-cache',
        'floor',
        'floor-dist',
        'floor-cache',
        'hugo',
        'raw-docx',
        'raw-pdf',
        'raw-scan',
        'content-docx',
        'content-pdf',
        'content-ocr',
        'ocr-cache',
      ])
        fs.rmSync(p(d), { recursive: true, force: true });
    return res;
  }
}

// --- Report -------------------------------------------------------------------------------------------------

interface Verdict {
  target: string;
  value: string;
  status: string;
}

function verdict(value: number, limit: number, fmt: (n: number) => string, applies = true): string {
  if (!applies) return 'n/a at this size';
  return value <= limit
    ? `met (${Math.round((1 - value / limit) * 100)}% under)`
    : `**not met** (${fmt(value - limit)} over, ${Math.round((value / limit - 1) * 100)}% over)`;
}

function targets(r: SizeResult): Verdict[] {
  const s = r.steps;
  const at10k = r.size >= 10_000;
  const scaled = r.size === 10_000 ? '' : ' (target set for 10,000)';
  const out: Verdict[] = [];
  const step = (k: string) => s[k];
  const imp = step('import');
  if (imp)
    out.push({
      target: `import 10,000 raw directives ≤ 20 s (issue 14)${scaled}`,
      value: `${fmtS(imp.ms)}${r.importFailed ? `, ${r.importFailed} failed` : ''}`,
      status: verdict(imp.ms, 20_000, fmtS, r.size === 10_000),
    });
  const cold = step('cold build');
  if (cold) {
    out.push({
      target: `cold build incl. index ≤ 60 s (issue 15)${scaled}`,
      value: cold.ok ? fmtS(cold.ms) : `failed: ${cold.note}`,
      status: cold.ok ? verdict(cold.ms, 60_000, fmtS, r.size === 10_000) : '**not met**',
    });
    const memLimit = r.size >= 50_000 ? 16 * GiB : 2.5 * GiB;
    out.push({
      target: r.size >= 50_000 ? 'build of 50,000 completes, < 16 GiB peak' : `cold build ≤ 2.5 GiB peak (issue 15)${scaled}`,
      value: fmtMem(cold.peakRss),
      status: cold.ok ? verdict(cold.peakRss, memLimit, fmtMem, r.size === 10_000 || r.size >= 50_000) : '**not met** (did not complete)',
    });
  }
  for (const [k, correct, what] of [
    ['rebuild after a change', r.editVisible, 'change on its page'],
    ['rebuild after adding one', r.addLinked, 'citing page links to it'],
  ] as const) {
    const st = step(k);
    if (st)
      out.push({
        target: `${k} ≤ 30 s, and correct (issue 15)`,
        value: `${st.ok ? fmtS(st.ms) : `failed: ${st.note}`}; ${what}: ${correct ? 'yes' : 'NO'}; peak ${fmtMem(st.peakRss)}`,
        status: correct && st.ok ? verdict(st.ms, 30_000, fmtS) : '**not met** (incorrect)',
      });
  }
  if (r.search) {
    const total = r.search.pageLoadBytes + r.search.queryBytes;
    out.push({
      target: `first search < 300 KB fetched${scaled}`,
      value: `${fmtKB(total)} as served here, ${fmtKB(r.search.gzipBytes)} with text gzipped (search page + Pagefind start ${fmtKB(r.search.pageLoadBytes)}, ready after ${r.search.readyMs.toFixed(0)} ms; query "${r.search.query}" ${fmtKB(r.search.queryBytes)}; ${r.search.requests} requests)`,
      status: verdict(total, 300 * 1024, fmtKB, at10k),
    });
    out.push({
      target: `first search results < 300 ms in Chromium${scaled}`,
      value: `${r.search.queryMs.toFixed(0)} ms (${r.search.results})`,
      status: verdict(r.search.queryMs, 300, (n) => `${n.toFixed(0)} ms`, at10k),
    });
  }
  if (r.largestPage.bytes) {
    out.push({
      target: 'directive page < 40 KB HTML',
      value: `largest ${fmtKB(r.largestPage.bytes)} (${r.largestPage.path}); median ${fmtKB(r.largestPage.median)}`,
      status: verdict(r.largestPage.bytes, 40 * 1024, fmtKB),
    });
    out.push({
      target: 'directive page < 20 KB CSS',
      value: fmtKB(r.largestPage.css),
      status: verdict(r.largestPage.css, 20 * 1024, fmtKB),
    });
    out.push({
      target: 'directive page: no script',
      value: `${r.largestPage.scripts} executable script tags`,
      status: r.largestPage.scripts === 0 ? 'met' : '**not met**',
    });
  }
  if (r.formats) {
    const f = r.formats;
    const applies = f.count === FORMATS_COUNT;
    for (const [kind, v] of [
      ['.docx', f.docx],
      ['PDF', f.pdf],
    ] as const)
      out.push({
        target: `import ${FORMATS_COUNT.toLocaleString('en')} ${kind} ≤ 60 s (issue 17)${applies ? '' : ` (${f.count} made at this size)`}`,
        value: `${fmtS(v.ms)}${v.failed ? `, ${v.failed} failed` : ''}`,
        status: v.failed ? '**not met** (failures)' : verdict(v.ms, 60_000, fmtS, applies),
      });
    out.push({
      target: 'OCR speed (issue 17, reported)',
      value: `${((f.ocr.pages / f.ocr.ms) * 60_000).toFixed(1)} pages per minute (${f.ocr.pages} pages in ${fmtS(f.ocr.ms)}${f.ocr.failed ? `, ${f.ocr.failed} failed` : ''})`,
      status: f.ocr.failed ? '**failures**' : 'reported',
    });
  }
  const floor = step('floor: cold build');
  if (cold?.ok && floor?.ok)
    out.push({
      target: 'whole build no slower than the bare Astro floor (issue 15)',
      value: `${fmtS(cold.ms)} / ${fmtS(floor.ms)} = ×${(cold.ms / floor.ms).toFixed(2)}`,
      status: verdict(cold.ms / floor.ms, 1, (n) => `×${n.toFixed(2)}`),
    });
  const hugo = step('hugo: build');
  const hugoIndex = step('hugo: pagefind');
  if (cold?.ok && hugo?.ok && hugoIndex?.ok)
    out.push({
      target: 'ratio to Hugo + Pagefind on the same Markdown (reported)',
      value: `${fmtS(cold.ms)} / (${fmtS(hugo.ms)} + ${fmtS(hugoIndex.ms)}) = ×${(cold.ms / (hugo.ms + hugoIndex.ms)).toFixed(2)}`,
      status: 'reported',
    });
  return out;
}

function markdown(r: SizeResult): string {
  const floorCold = r.steps['floor: cold build'];
  const floorWarm = r.steps['floor: rebuild after a change'];
  const ratio = (ms: number, base?: { ms: number; ok: boolean }) => (base?.ok ? `×${(ms / base.ms).toFixed(2)}` : '—');
  const rows = Object.values(r.steps).map((s) => {
    const warm = s.name.startsWith('rebuild') ? ` (warm floor ${ratio(s.ms, floorWarm)})` : '';
    return `| ${s.name} | ${s.ok ? fmtS(s.ms) : `${fmtS(s.ms)} — ${s.note}`} | ${s.peakRss ? fmtMem(s.peakRss) : '—'} | ${s.name.startsWith('floor') || s.name.startsWith('hugo') || /^(import \d|OCR )/.test(s.name) || s.name === 'generate raw' ? '' : ratio(s.ms, floorCold) + warm} |`;
  });
  const phaseRows = Object.entries(r.phases).flatMap(([build, ph]) =>
    Object.entries(ph).map(([name, v]) => `| ${build} | ${name} | ${fmtS(v.ms)} | ${fmtMem(v.peakRss)} |`),
  );
  return [
    `### ${r.size.toLocaleString('en')} directives`,
    '',
    `Bodies ${r.words.min}–${r.words.max} words (mean ${r.words.mean}); ${r.pages.toLocaleString('en')} HTML pages; dist ${fmtMem(r.distBytes)}; ` +
      `Pagefind index ${fmtMem(r.indexBytes)} in ${r.indexFiles.toLocaleString('en')} files (${r.indexShards === 1 ? 'one piece' : `${r.indexShards} shards`}); Astro content store (data-store.json) ${fmtMem(r.dataStoreBytes)}; ` +
      `import failures ${r.importFailed}; reference warnings ${r.warnings}.`,
    '',
    '| target (issues 5, 14, 15, 17) | measured | verdict |',
    '|---|---|---|',
    ...targets(r).map((v) => `| ${v.target} | ${v.value} | ${v.status} |`),
    '',
    '| step | wall time | peak RSS (process tree) | ratio to floor cold build |',
    '|---|---|---|---|',
    ...rows,
    '',
    '| build | window ending when… | time | peak RSS |',
    '|---|---|---|---|',
    ...phaseRows,
    ...(r.errors.length ? ['', 'Problems:', ...r.errors.map((e) => `- ${e}`)] : []),
    '',
  ].join('\n');
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.availableParallelism()} cores (${cpu}), ${(os.totalmem() / GiB).toFixed(1)} GiB memory, Node ${process.version}, ${os.type()} ${os.release()}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      sizes: { type: 'string' },
      keep: { type: 'boolean' },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      seed: { type: 'string', default: '1' },
      'step-timeout-min': { type: 'string', default: '60' },
      'mem-limit-gib': { type: 'string', default: '18' },
      note: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'npm run bench -- [--size N | --sizes 1000,10000,50000] [--keep] [--out docs/benchmarks.md] [--seed 1] [--step-timeout-min 60] [--mem-limit-gib 18] [--note "…"]',
    );
    return 0;
  }
  const sizes = (values.sizes ?? values.size ?? '1000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 50)) {
    console.error('sizes must be integers ≥ 50');
    return 1;
  }
  const started = new Date();
  const results: SizeResult[] = [];
  const out = path.resolve(ROOT, values.out!);
  for (const size of sizes) {
    const r = await runSize(size, {
      seed: Number(values.seed),
      keep: !!values.keep,
      timeoutMs: Number(values['step-timeout-min']) * 60_000,
      maxRss: Number(values['mem-limit-gib']) * GiB,
    });
    results.push(r);
    console.log(`\n${markdown(r)}`);
    // Written after each size, so a long run that dies later keeps what it measured.
    const section = [
      `## ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC — ${results.map((x) => x.size.toLocaleString('en')).join(', ')} directives`,
      '',
      `Machine: ${machine()}. Seed ${values.seed}. Load average at the start: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}` +
        ' (other builds and tests may share the machine).' +
        (values.note ? ` ${values.note}` : ''),
      '',
      ...results.map(markdown),
    ].join('\n');
    const marker = `<!-- run ${started.toISOString()} -->`;
    const prev = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    const before = prev.includes(marker) ? prev.slice(0, prev.indexOf(marker)) : prev || HEADER;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${before.replace(/\n*$/, '\n\n')}${marker}\n${section}`);
  }
  console.log(`\nResults written to ${path.relative(ROOT, out)}.`);
  return results.some((r) => r.errors.length) ? 1 : 0;
}

const HEADER = `# Benchmarks

Written by \`npm run bench\` (tools/bench/run.ts); each run appends a section. Targets are those of issues 5, 14, 15 and 17.
Peak memory is the sum of VmRSS over the whole process tree (sampled every 100 ms), an upper bound since
shared pages count once per process. The floor is a bare Astro project built from the same imported Markdown
(one page per file via a glob() collection and render(), default Markdown processor, no other feature).
`;

if (import.meta.main) process.exitCode = await main();
