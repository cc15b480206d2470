/**
 * Fuzzing the importer with mutated real directives: lines dropped, header lines shuffled, characters
 * garbled, truncated and huge files. It must never crash or hang, never write a file that fails
 * validation, and always give a reason when it refuses. Deterministic: a fixed seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../../src/importer/batch.ts';
import { loadLibrary } from '../../src/content/library.ts';
import { makeTempDir, REPO_ROOT } from '../helpers/build-site.ts';

const SOURCES = [
  ...fs.readdirSync(path.join(REPO_ROOT, 'content/sources')).map((f) => path.join(REPO_ROOT, 'content/sources', f)),
  ...['party', 'state'].flatMap((d) =>
    fs.readdirSync(path.join(REPO_ROOT, 'test/fixtures/raw', d)).map((f) => path.join(REPO_ROOT, 'test/fixtures/raw', d, f)),
  ),
].filter((f) => /\.(txt|md)$/.test(f));

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (lines: string[], r: () => number) => string[];
const pick = <T>(a: readonly T[], r: () => number) => a[Math.floor(r() * a.length)]!;
const GARBAGE = [
  '*',
  '**',
  '#',
  '_',
  '`',
  '\u0000',
  '\uFFFD',
  'Ð',
  'ð',
  '\u00A0',
  '\u200B',
  'Số',
  '-',
  ':',
  '/',
  '1.',
  'ngày',
  '\t',
  'Ê',
  'µ',
];

const MUTATIONS: Record<string, Mutation> = {
  dropLines: (l, r) => l.filter(() => r() > 0.15),
  shuffleHeader: (l, r) => {
    const head = l.slice(0, 14);
    for (let i = head.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [head[i], head[j]] = [head[j]!, head[i]!];
    }
    return [...head, ...l.slice(14)];
  },
  garble: (l, r) => l.map((line) => [...line].map((c) => (r() < 0.04 ? pick(GARBAGE, r) : c)).join('')),
  truncate: (l, r) =>
    l
      .join('\n')
      .slice(0, Math.floor(r() * l.join('\n').length))
      .split('\n'),
  duplicateLines: (l, r) => l.flatMap((x) => (r() < 0.1 ? [x, x] : [x])),
  swapLines: (l, r) => {
    const c = [...l];
    for (let k = 0; k < 5; k++) {
      const i = Math.floor(r() * c.length);
      const j = Math.floor(r() * c.length);
      [c[i], c[j]] = [c[j]!, c[i]!];
    }
    return c;
  },
  huge: (l) => {
    const body = l.slice(10, -12);
    return [...l.slice(0, 10), ...Array.from({ length: 400 }, () => body).flat(), ...l.slice(-12)];
  },
};

describe('importer fuzz', () => {
  test('mutated directives never crash, never write invalid files, always say why', async () => {
    const r = rng(20261123);
    const dir = makeTempDir('vanban-fuzz-in-');
    const inputs: string[] = [];
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      for (const [i, src] of SOURCES.entries()) {
        const lines = fs.readFileSync(src, 'utf8').split(/\r?\n/);
        const file = path.join(dir, `${name}-${i}-${path.basename(src, path.extname(src))}.txt`);
        fs.writeFileSync(file, mutate(lines, r).join(r() < 0.3 ? '\r\n' : '\n'));
        inputs.push(file);
      }
    }
    // Random bytes and an empty file too.
    fs.writeFileSync(path.join(dir, 'bytes.txt'), Buffer.from(Array.from({ length: 4096 }, () => Math.floor(r() * 256))));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    inputs.push(path.join(dir, 'bytes.txt'), path.join(dir, 'empty.txt'));

    const content = path.join(makeTempDir('vanban-fuzz-out-'), 'content');
    const started = Date.now();
    const report = await importFiles(inputs, { contentDir: content, init: true });
    const seconds = (Date.now() - started) / 1000;

    expect(report.files).toHaveLength(inputs.length);
    for (const f of report.files) {
      if (f.status === 'failed' || f.status === 'skipped') expect(f.reason, f.file).toMatch(/\S{3,}/);
      expect(f.reason ?? '', f.file).not.toMatch(/\n\s+at |TypeError|ReferenceError|undefined/);
    }
    const written = fs.existsSync(path.join(content, 'directives')) ? fs.readdirSync(path.join(content, 'directives')) : [];
    expect(written.length).toBe(report.counts.imported);
    // Some mutations keep a directive importable, others must be refused: both paths are exercised.
    expect(report.counts.imported).toBeGreaterThan(5);
    expect(report.counts.failed).toBeGreaterThan(5);
    const lib = loadLibrary(content);
    expect(lib.problems).toEqual([]);
    expect(lib.directives).toHaveLength(written.length);
    // A generous bound: the point is that nothing hangs (the huge inputs are 400× their source).
    expect(seconds).toBeLessThan(120);
  }, 180_000);
});
