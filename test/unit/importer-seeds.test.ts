/**
 * End-to-end for the importer: the seeds into an empty content folder (no registry: the importer must create
 * the bodies), validated with loadLibrary and compared with the hand-written content/directives/*.md; then the
 * CLI's re-import, --force, --dry-run, --json, failures and exit codes. (Build and find on the site: test/e2e.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/content/frontmatter.ts';
import { generate } from '../../tools/bench/generate.ts';
import { importFiles } from '../../src/importer/batch.ts';
import { registryText } from '../../src/importer/registry-file.ts';
import { readRegistry } from '../../src/content/registry.ts';
import { loadLibrary } from '../../src/content/library.ts';
import { RAW } from '../helpers/make-fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = path.join(ROOT, 'content/sources');
const EXPECTED = path.join(ROOT, 'content/directives');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-import-'));
  temps.push(d);
  return d;
};
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'src/cli/import.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
const read = (f: string) => parseFrontmatter(fs.readFileSync(f, 'utf8'));

describe('seeds into an empty content folder', () => {
  const out = tempDir();
  let report: Awaited<ReturnType<typeof importFiles>>;

  it('imports both seeds, creating issuers and provinces', async () => {
    report = await importFiles(
      fs.readdirSync(SOURCES).map((f) => path.join(SOURCES, f)),
      { contentDir: out, init: true },
    );
    expect(report.created).toBe(true);
    expect(report.counts).toMatchObject({ imported: 2, failed: 0, skipped: 0 });
    expect(report.newIssuers.map((i) => i.id).sort()).toEqual([
      'ban-dan-van-tinh-uy-tuyen-quang',
      'dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre',
      'tinh-uy-ben-tre',
      'tinh-uy-tuyen-quang',
    ]);
  });

  it('the result validates with zero problems', () => {
    const lib = loadLibrary(out);
    expect(lib.problems).toEqual([]);
    expect(lib.directives).toHaveLength(2);
  });

  it("file names, frontmatter and body equal the hand-written directives (topics are an editor's addition)", () => {
    for (const name of fs.readdirSync(EXPECTED)) {
      const want = read(path.join(EXPECTED, name));
      const got = read(path.join(out, 'directives', name));
      const { topics, ...wantData } = want.data;
      expect(topics).toBeDefined();
      expect(got.data).toEqual(wantData);
      expect(got.body).toBe(want.body);
    }
  });

  it('created registry entries equal the hand-written registry', () => {
    const real = new Map(readRegistry(path.join(ROOT, 'content/issuers.yaml')).registry!.issuers.map((i) => [i.id, i]));
    for (const i of readRegistry(path.join(out, 'issuers.yaml')).registry!.issuers) expect(i).toEqual(real.get(i.id));
  });

  it('re-importing skips, --force replaces', async () => {
    const again = await importFiles([path.join(SOURCES, '002_78452393869b290e.txt')], { contentDir: out });
    expect(again.files[0]).toMatchObject({ status: 'skipped' });
    expect(again.files[0]!.reason).toMatch(/đã có trong thư viện.*--force/);
    const forced = await importFiles([path.join(SOURCES, '002_78452393869b290e.txt')], { contentDir: out, force: true });
    expect(forced.files[0]).toMatchObject({ status: 'replaced' });
    expect(fs.readdirSync(path.join(out, 'directives'))).toHaveLength(2);
  });
});

describe('a directive that cannot be written', () => {
  it('is reported failed with the reason, and counted so', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'issuers.yaml'), 'provinces: []\nissuers: []\n');
    fs.writeFileSync(path.join(out, 'directives'), 'not a folder');
    const report = await importFiles([path.join(SOURCES, '002_78452393869b290e.txt')], { contentDir: out });
    expect(report.files[0]).toMatchObject({ status: 'failed' });
    expect(report.files[0]!.reason).toMatch(
      /không ghi được .*directives.*\(một phần của đường dẫn không phải thư mục\); kiểm tra quyền ghi/,
    );
    // The registry gains nothing from a directive that was not written.
    expect(fs.readFileSync(path.join(out, 'issuers.yaml'), 'utf8')).toBe('provinces: []\nissuers: []\n');
    expect(report.counts).toMatchObject({ imported: 0, failed: 1 });
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a batch stopped part way (Ctrl-C)', () => {
  it('reports where it stopped, and every file it reports imported is whole on disk', async () => {
    const raw = tempDir();
    const out = tempDir();
    // Fewer than 200 files are parsed on this thread: no worker pool to close, so nothing else delays the return.
    generate({ size: 150, seed: 3, outDir: raw, extraDir: path.join(raw, 'extra') });
    const files = fs
      .readdirSync(raw)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(raw, f));
    let seen = 0;
    const report = await importFiles(files, {
      contentDir: out,
      init: true,
      onProgress: (n) => {
        seen = n;
      },
      shouldStop: () => seen >= 120,
    });
    expect(report.stopped).toBe(true);
    expect(report.files).toHaveLength(120);
    const imported = report.files.filter((f) => f.status === 'imported');
    expect(imported.length).toBeGreaterThan(100);
    // The writes run in the background: none may still be under way, or half done, once the batch returns.
    for (const f of imported) expect(read(f.target!).data['number'], f.file).toBeTruthy();
    expect(fs.readdirSync(path.join(out, 'directives')).sort()).toEqual(imported.map((f) => path.basename(f.target!)).sort());
  });
});

describe('registry file', () => {
  it('appends new entries to the existing text, keeping its comments', () => {
    const file = path.join(ROOT, 'content/issuers.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const before = readRegistry(file).registry!;
    const next = registryText(text, before, {
      provinces: [{ id: 'nam-dinh', name: 'Nam Định' }],
      issuers: [
        {
          id: 'so-y-te-tinh-nam-dinh',
          name: 'Sở Y tế tỉnh Nam Định',
          code: 'SYT',
          family: 'state',
          level: 'province',
          province: 'nam-dinh',
          header: ['UBND TỈNH NAM ĐỊNH', 'SỞ Y TẾ'],
        },
      ],
    });
    expect(next.startsWith(text.split('\nissuers:')[0]!.trimEnd())).toBe(true);
    expect(next).toContain('# Issuing bodies and provinces.');
    expect(next).toContain('  - id: nam-dinh\n    name: Nam Định\n');
    expect(next.endsWith('    header: [UBND TỈNH NAM ĐỊNH, SỞ Y TẾ]\n')).toBe(true);
  });
});

describe('command line', () => {
  it('imports a mixed folder: good files in, bad files named with the reason, exit code 1, no stack trace', () => {
    const out = tempDir();
    const r = cli('--init', '--out', out, path.join(RAW, 'party'), path.join(RAW, 'not-directive'), 'khong-co-tep-nay.txt');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Đã nhập 6, bỏ qua 0, lỗi 10 \(tổng 16 tệp\)/);
    expect(r.stdout).toMatch(/news\.txt:1: không phải văn bản chỉ đạo/);
    expect(r.stdout).toMatch(/khong-co-tep-nay\.txt: không tìm thấy/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(fs.readdirSync(path.join(out, 'directives'))).toHaveLength(6);
    expect(loadLibrary(out).problems).toEqual([]);
    expect(fs.readdirSync(path.join(out, 'directives')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--dry-run writes nothing and shows what would be written; --json is machine-readable', () => {
    const out = tempDir();
    const r = cli('--dry-run', '--init', '--json', '--out', out, path.join(RAW, 'state'));
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.counts).toMatchObject({ imported: 5, failed: 0 });
    expect(report.files[0].data.number).toBeTruthy();
    expect(report.newIssuers.length).toBeGreaterThan(0);
    expect(fs.readdirSync(out)).toEqual([]);
    const text = cli('--dry-run', '--init', '--out', out, path.join(RAW, 'state', 'cong-van-so-y-te-nam-dinh.txt'));
    expect(text.stdout).toMatch(/sẽ nhập .*so-y-te-tinh-nam-dinh--2022-03-05-2345-syt-nvy\.md/);
    expect(text.stdout).toMatch(/Chạy thử/);
  });

  it('a registry that does not parse stops the import before anything is written', () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'issuers.yaml'), 'provinces: [\n');
    const r = cli('--out', out, path.join(SOURCES, '002_78452393869b290e.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/không đọc được sổ đăng ký/);
    expect(fs.existsSync(path.join(out, 'directives'))).toBe(false);
  });

  it('usage errors are explained', () => {
    expect(cli().status).toBe(1);
    expect(cli('--bogus', 'x').stderr).toMatch(/Tùy chọn không đúng/);
    expect(cli('--help').stdout).toMatch(/Cách dùng/);
  });
});
