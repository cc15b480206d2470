/**
 * The importer used carelessly: two imports at once, a re-import over a file edited by hand, an import killed part
 * way, a library that cannot be written, a typo in `--out`, links in an input folder, a registry with a BOM, CRLF
 * and comments. Nothing a user wrote is lost, and every refusal says what and where.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.ts';
import { readRegistry } from '../../src/content/registry.ts';
import { importFiles } from '../../src/importer/batch.ts';
import { generate } from '../../tools/bench/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PARTY = path.join(ROOT, 'test/fixtures/raw/party');
const SEED = path.join(ROOT, 'content/sources/002_78452393869b290e.txt');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = (prefix = 'vanban-rel-') => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
};
/** An empty library: a registry without entries and a directives folder. */
const emptyLibrary = () => {
  const d = tempDir();
  fs.writeFileSync(path.join(d, 'issuers.yaml'), 'provinces: []\nissuers: []\n');
  fs.mkdirSync(path.join(d, 'directives'));
  return d;
};
const CLI = path.join(ROOT, 'src/cli/import.ts');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

/** Run the import command in its own process; resolves with its exit code and output. */
function cliAsync(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('two imports into one library at once', () => {
  it('keep the issuers of both, every time', async () => {
    for (let round = 0; round < 3; round++) {
      const lib = emptyLibrary();
      const [a, b] = await Promise.all([
        cliAsync('--out', lib, path.join(PARTY, 'chi-thi-nam-dinh.txt'), path.join(PARTY, 'ke-hoach-ha-tinh.txt')),
        cliAsync('--out', lib, path.join(PARTY, 'cong-van-bac-ninh.txt'), path.join(PARTY, 'nghi-quyet-quang-nam.txt')),
      ]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const loaded = loadLibrary(lib);
      expect(loaded.problems).toEqual([]);
      expect(loaded.directives).toHaveLength(4);
      expect(new Set(loaded.directives.map((d) => d.data.issuer)).size).toBe(4);
      expect(fs.existsSync(path.join(lib, '.import.lock'))).toBe(false);
    }
  });
});

describe('a file edited by hand since it was imported', () => {
  it('is not overwritten by re-importing the original without --force; with --force it is', () => {
    const lib = emptyLibrary();
    expect(cli('--out', lib, SEED).status).toBe(0);
    const [name] = fs.readdirSync(path.join(lib, 'directives'));
    const file = path.join(lib, 'directives', name!);
    const edited = fs
      .readFileSync(file, 'utf8')
      .replace(/^number: .*$/m, 'number: 999-CV/BDVTU')
      .replace(/^title: .*$/m, 'title: Tiêu đề đã sửa tay')
      .concat('\nĐoạn biên tập viên thêm vào.\n');
    fs.writeFileSync(file, edited);

    const again = cli('--out', lib, SEED);
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(
      /đã có và ghi văn bản khác \(số 999-CV\/BDVTU ngày 2021-09-07\), văn bản nhập là số 234-CV\/BDVTU ngày 2021-09-07; không ghi đè\. Đổi tên tệp đã có, hoặc dùng --force để thay/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);

    const forced = cli('--out', lib, '--force', SEED);
    expect(forced.status, forced.stdout).toBe(0);
    expect(forced.stdout).toMatch(/đã thay/);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^number: 234-CV\/BDVTU$/m);
  });
});

describe('an import killed part way', () => {
  it('leaves only whole files, and the next import removes its temp files and says so', async () => {
    const raw = tempDir();
    generate({ size: 300, seed: 5, outDir: raw, extraDir: path.join(raw, 'extra') });
    const lib = emptyLibrary();
    const child = spawn(process.execPath, [CLI, '--out', lib, raw], { cwd: ROOT, stdio: 'ignore' });
    // Killed as soon as it has written something: no chance to clean up.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (fs.readdirSync(path.join(lib, 'directives')).length > 5) {
          clearInterval(t);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((r) => child.on('close', r));
    // A temp file of the killed process, whether or not the kill caught one in flight.
    const left = path.join(lib, 'directives', `.x--2021-01-01-1-ct-tu.md.${child.pid}.tmp`);
    fs.writeFileSync(left, 'half a fi');
    const lockLeft = fs.existsSync(path.join(lib, '.import.lock'));

    const next = cli('--out', lib, SEED);
    expect(next.status, next.stdout + next.stderr).toBe(0);
    expect(next.stdout).toMatch(/Đã xóa \d+ tệp tạm của một lần nhập bị ngắt trước đó/);
    const all = fs.readdirSync(lib, { recursive: true, encoding: 'utf8' });
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The killed import's lock was left behind, and did not block this one.
    expect(lockLeft).toBe(true);
    expect(fs.existsSync(path.join(lib, '.import.lock'))).toBe(false);
    const loaded = loadLibrary(lib);
    expect(loaded.problems).toEqual([]);
  });
});

describe('a library that cannot be written', () => {
  it('a registry that cannot be replaced: the directive is not written either, and the message names the registry', async () => {
    const lib = emptyLibrary();
    // The registry's temp file cannot be made (a folder stands in its place).
    fs.mkdirSync(path.join(lib, `.issuers.yaml.${process.pid}.tmp`));
    const report = await importFiles([SEED], { contentDir: lib });
    expect(report.files[0]).toMatchObject({ status: 'failed' });
    expect(report.files[0]!.reason).toMatch(/^không ghi được .*issuers\.yaml \(đó là một thư mục\); kiểm tra quyền ghi/);
    expect(fs.readdirSync(path.join(lib, 'directives'))).toEqual([]);
    expect(fs.readFileSync(path.join(lib, 'issuers.yaml'), 'utf8')).toBe('provinces: []\nissuers: []\n');
    expect(report.newIssuers).toEqual([]);
  });

  it('a batch whose registry cannot be written writes none of the directives that need it, and leaves no temp file', async () => {
    const raw = tempDir();
    generate({ size: 30, seed: 9, outDir: raw, extraDir: path.join(raw, 'extra') });
    const lib = emptyLibrary();
    fs.mkdirSync(path.join(lib, `.issuers.yaml.${process.pid}.tmp`));
    const files = fs
      .readdirSync(raw)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(raw, f));
    const report = await importFiles(files, { contentDir: lib });
    expect(report.counts.imported).toBe(0);
    expect(new Set(report.files.map((f) => f.status))).toEqual(new Set(['failed']));
    expect(fs.readdirSync(path.join(lib, 'directives'))).toEqual([]);
    expect(fs.readFileSync(path.join(lib, 'issuers.yaml'), 'utf8')).toBe('provinces: []\nissuers: []\n');
    expect(fs.readdirSync(lib).filter((f) => f.endsWith('.tmp') && !f.startsWith('.issuers.yaml'))).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('read-only files and folders (as a user whose permissions apply)', async () => {
    const lib = emptyLibrary();
    fs.chmodSync(path.join(lib, 'issuers.yaml'), 0o444);
    const report = await importFiles([SEED], { contentDir: lib });
    expect(report.files[0]!.reason).toMatch(/issuers\.yaml \(không có quyền ghi\)/);
    fs.chmodSync(path.join(lib, 'issuers.yaml'), 0o644);
    fs.chmodSync(path.join(lib, 'directives'), 0o555);
    const again = await importFiles([SEED], { contentDir: lib });
    expect(again.files[0]!.reason).toMatch(/không có quyền ghi/);
    expect(fs.readFileSync(path.join(lib, 'issuers.yaml'), 'utf8')).toBe('provinces: []\nissuers: []\n');
    fs.chmodSync(path.join(lib, 'directives'), 0o755);
  });
});

describe('--out', () => {
  it('refuses a folder that is not a library unless --init asks for a new one', () => {
    const parent = tempDir();
    const typo = path.join(parent, 'contnet');
    const r = cli('--out', typo, SEED);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /contnet không phải thư viện văn bản \(không có issuers\.yaml\)\. Kiểm tra lại đường dẫn --out, hoặc thêm --init/,
    );
    expect(fs.existsSync(typo)).toBe(false);
    const made = cli('--out', typo, '--init', SEED);
    expect(made.status, made.stdout).toBe(0);
    expect(made.stdout).toMatch(/Đã tạo thư viện mới ở/);
    expect(loadLibrary(typo).directives).toHaveLength(1);
  });
});

describe('links in an input folder', () => {
  it('are followed to files and folders, each folder once; a broken link is named', () => {
    const input = tempDir();
    fs.symlinkSync(SEED, path.join(input, 'lien-ket.txt'));
    fs.mkdirSync(path.join(input, 'sub'));
    fs.symlinkSync(PARTY, path.join(input, 'sub', 'party'));
    fs.symlinkSync(path.join(input, 'sub'), path.join(input, 'sub', 'vong'));
    fs.symlinkSync(path.join(input, 'khong-co.txt'), path.join(input, 'gay.txt'));
    const lib = emptyLibrary();
    const r = cli('--out', lib, '--json', input);
    const report = JSON.parse(r.stdout) as { files: { file: string; status: string; reason?: string }[] };
    expect(report.files.filter((f) => f.status === 'imported').length).toBe(7);
    expect(report.files.find((f) => f.file.endsWith('gay.txt'))).toMatchObject({
      status: 'failed',
      reason: 'liên kết tới tệp không tồn tại',
    });
  });
});

describe('a registry edited by hand', () => {
  it('keeps its byte-order mark, CRLF line endings and comments when issuers are added', () => {
    const lib = emptyLibrary();
    const registry =
      '\uFEFFprovinces: # tỉnh, thành phố\r\n  - id: ben-tre # ghi chú của biên tập viên\r\n    name: Bến Tre\r\n\r\n# Các cơ quan\r\nissuers: []\r\n';
    fs.writeFileSync(path.join(lib, 'issuers.yaml'), registry);
    expect(cli('--out', lib, SEED).status).toBe(0);
    const text = fs.readFileSync(path.join(lib, 'issuers.yaml'), 'utf8');
    expect(
      text.startsWith('\uFEFFprovinces: # tỉnh, thành phố\r\n  - id: ben-tre # ghi chú của biên tập viên\r\n    name: Bến Tre\r\n'),
    ).toBe(true);
    expect(text).toContain('# Các cơ quan\r\nissuers:\r\n  - id: ');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const reg = readRegistry(path.join(lib, 'issuers.yaml'));
    expect(reg.problems).toEqual([]);
    expect(reg.registry!.provinces.map((p) => p.id)).toEqual(['ben-tre', 'tuyen-quang']);
  });
});
