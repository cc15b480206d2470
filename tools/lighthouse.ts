/**
 * `npm run lighthouse [-- --no-build] [--runs N] [--page NAME]… [--json-dir DIR | --from-json DIR]`: build the site (or reuse dist/), serve
 * it on localhost, run Lighthouse (performance, accessibility, best practices, SEO; default mobile settings)
 * in Debian's Chromium on one page of each kind, N times each (default 3; the median run is reported,
 * as Lighthouse advises), and write docs/quality.md. `--json-dir` keeps each page's median report;
 * `--from-json` rewrites docs/quality.md from them without running anything.
 * Environment: SITE_BASE as for the build; CHROMIUM_PATH overrides the browser.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
// Lighthouse's own median-run picker (closest to the median FCP and TTI).
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { findChromium } from './browser.ts';
import { PAGES } from './quality-pages.ts';
import { serveStatic } from './static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.resolve(ROOT, process.env['OUT_DIR'] ?? 'dist');
const OUT = path.join(ROOT, 'docs/quality.md');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const jsonDirArg = args.indexOf('--json-dir');
const jsonDir = jsonDirArg >= 0 ? path.resolve(args[jsonDirArg + 1] ?? '') : undefined;
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 1) : 3;
const fromJsonArg = args.indexOf('--from-json');
const fromJson = fromJsonArg >= 0 ? path.resolve(args[fromJsonArg + 1] ?? '') : undefined;
// Only these pages (names as in tools/quality-pages.ts); all when none is given.
const only = args.flatMap((a, i) => (a === '--page' && args[i + 1] ? [args[i + 1]!] : []));
const base = `/${(process.env['SITE_BASE'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  details?: { type: string; items?: Record<string, unknown>[] };
}
interface Lhr {
  lighthouseVersion: string;
  fetchTime: string;
  environment: { hostUserAgent: string; benchmarkIndex: number };
  runWarnings: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}

/** Failures that are by design, shown as such. */
const EXPECTED: Record<string, Record<string, string>> = {
  notFound: { 'is-crawlable': 'by design: the 404 page is `noindex`' },
};

type Node = { type?: string; selector?: string; snippet?: string; explanation?: string };

/** Audits whose items say which element is behind a metric. */
const RELATED: Record<string, string> = {
  'cumulative-layout-shift': 'layout-shifts',
  'largest-contentful-paint': 'lcp-breakdown-insight',
};

/** One line per item of an audit: the element, the resource, or the labelled value. */
function itemLines(a: Audit | undefined): string[] {
  const lines: string[] = [];
  // Some audits nest tables inside their details; flatten one level.
  const items = (a?.details?.items ?? []).flatMap((i) => (Array.isArray(i['items']) ? (i['items'] as Record<string, unknown>[]) : [i]));
  for (const item of items) {
    const source = item['source'] as Node | undefined;
    const node = (
      item['type'] === 'node' ? item : ((item['node'] as Node | undefined) ?? (source?.type === 'node' ? source : undefined))
    ) as Node | undefined;
    let what: string;
    if (node?.selector)
      what = `\`${node.selector}\`${node.snippet ? ` ${String(node.snippet).slice(0, 120)}` : ''}${node.explanation ? `: ${node.explanation.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`;
    else if (typeof item['url'] === 'string') what = String(item['url']);
    else if (typeof item['label'] === 'string' && typeof item['duration'] === 'number')
      what = `${item['label']}: ${Math.round(item['duration'])} ms`;
    else if (typeof item['description'] === 'string') what = String(item['description']);
    else continue; // bare numbers, already in displayValue
    if (typeof item['score'] === 'number' && node) what += ` (shift ${Math.round(item['score'] * 1000) / 1000})`;
    lines.push(what);
    if (lines.length >= 8) break;
  }
  return lines;
}

/** Audits with weight in a category that did not score 1. */
function costly(lhr: Lhr): { category: string; audit: Audit; weight: number }[] {
  const out: { category: string; audit: Audit; weight: number }[] = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (a && ref.weight > 0 && a.score !== null && a.score < 1) out.push({ category: c, audit: a, weight: ref.weight });
    }
  }
  return out;
}

function directiveCount(): number | string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(DIST, 'catalog.json'), 'utf8')) as { directives: unknown[] }).directives.length;
  } catch {
    return '?';
  }
}

const pct = (s: number | null | undefined) => (s === null || s === undefined ? 'n/a' : String(Math.round(s * 100)));

type PageResult = { name: string; path: string; lhr: Lhr };

const selected = () => Object.entries(PAGES).filter(([n]) => !only.length || only.includes(n));

/** Re-render the report from the reports a previous `--json-dir` run saved. */
function loadResults(dir: string): PageResult[] {
  return selected().map(([name, p]) => ({
    name,
    path: p,
    lhr: JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Lhr,
  }));
}

async function runLighthouse(): Promise<PageResult[]> {
  if (!noBuild) {
    const r = spawnSync(process.execPath, ['src/cli/build.ts'], { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (r.status !== 0) throw new Error('build failed');
  } else if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`--no-build: ${DIST} has no index.html; run npm run build first`);
  }
  if (jsonDir) fs.mkdirSync(jsonDir, { recursive: true });

  const server = await serveStatic(DIST, { base });
  const chromePath = findChromium();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: FLAGS });
  const results: PageResult[] = [];
  try {
    for (const [name, p] of selected()) {
      const url = server.url + p;
      const runs: Parameters<typeof computeMedianRun>[0] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
        runs.push(run.lhr);
      }
      const lhr = computeMedianRun(runs) as unknown as Lhr;
      results.push({ name, path: p, lhr });
      if (jsonDir) fs.writeFileSync(path.join(jsonDir, `${name}.json`), JSON.stringify(lhr, null, 1));
      console.log(`${name.padEnd(10)} ${CATEGORIES.map((c) => `${c} ${pct(lhr.categories[c]?.score)}`).join('  ')}  /${p}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}

async function main(): Promise<void> {
  const results = fromJson ? loadResults(fromJson) : await runLighthouse();
  const first = results[0]!.lhr;
  const chromiumVersion = spawnSync(findChromium(), ['--version'], { encoding: 'utf8' }).stdout.trim();
  const md: string[] = [
    '# Quality report (Lighthouse)',
    '',
    `Generated by \`npm run lighthouse\`; pages measured ${first.fetchTime.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; Lighthouse benchmark index ${Math.round(first.environment.benchmarkIndex)}`,
    `- ${chromiumVersion} (headless), Lighthouse ${first.lighthouseVersion}, Node ${process.version}`,
    `- Content: ${directiveCount()} directives (from \`${path.relative(ROOT, DIST) || DIST}/catalog.json\`).`,
    `- Lighthouse defaults: mobile emulation, simulated throttling; the median of ${RUNS} run${RUNS > 1 ? 's' : ''} per page. Site served from \`${path.relative(ROOT, DIST) || DIST}/\` at base \`${base}\` by tools/static-server.ts (no compression, \`Cache-Control: no-store\`).`,
    '',
    '| page | path | performance | accessibility | best practices | SEO |',
    '|---|---|---:|---:|---:|---:|',
    ...results.map(
      ({ name, path: p, lhr }) => `| ${name} | \`${base}${p}\` | ${CATEGORIES.map((c) => pct(lhr.categories[c]?.score)).join(' | ')} |`,
    ),
    '',
    '## Audits that cost points',
    '',
  ];
  let any = false;
  for (const { name, lhr } of results) {
    const bad = costly(lhr);
    if (!bad.length && !lhr.runWarnings.length) continue;
    any = true;
    md.push(`### ${name}`, '');
    for (const w of lhr.runWarnings) md.push(`- ⚠ run warning: ${w.replace(/\s+/g, ' ')}`);
    for (const { category, audit, weight } of bad) {
      const expected = EXPECTED[name]?.[audit.id];
      md.push(
        `- **${category}** \`${audit.id}\` (score ${audit.score}, weight ${Math.round(weight * 10) / 10}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}${expected ? ` (${expected})` : ''}`,
      );
      for (const l of [...itemLines(audit), ...itemLines(lhr.audits[RELATED[audit.id] ?? ''])]) md.push(`  - ${l.replace(/\|/g, '\\|')}`);
    }
    md.push('');
  }
  if (!any) md.push('None: every weighted audit scored 1 on every page.', '');
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, md.join('\n'));
  console.log(`→ ${path.relative(ROOT, OUT)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
