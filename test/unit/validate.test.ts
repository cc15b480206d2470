import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/content/problems.ts';
import { checkDirective, loadLibrary } from '../../src/content/library.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL_CONTENT = path.join(ROOT, 'content');
const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A content folder with the real issuer registry and the given directive files. */
function contentDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-validate-'));
  tempDirs.push(dir);
  fs.copyFileSync(path.join(REAL_CONTENT, 'issuers.yaml'), path.join(dir, 'issuers.yaml'));
  fs.mkdirSync(path.join(dir, 'directives'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'directives', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'directives', name), text);
  }
  return dir;
}

/** A directive file; `fields` replace or (with undefined) remove the defaults. */
function directive(
  fields: Record<string, string | undefined> = {},
  body = 'Ban Dân vận Tỉnh ủy đề nghị các cơ quan thực hiện tốt một số nội dung sau.\n',
): string {
  const all: Record<string, string | undefined> = {
    number: '234-CV/BDVTU',
    type: 'cong-van',
    title: 'Về công tác triển khai các biện pháp cấp bách phòng, chống dịch',
    issuer: 'ban-dan-van-tinh-uy-tuyen-quang',
    issued: '2021-09-07',
    ...fields,
  };
  const yaml = Object.entries(all)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

const only = (problems: Problem[], file: string) => problems.filter((p) => path.basename(p.file) === file);

describe('loadLibrary on the real content folder', () => {
  it('finds no problems', () => {
    const lib = loadLibrary(REAL_CONTENT);
    expect(lib.problems.map((p) => formatProblem(p))).toEqual([]);
    expect(lib.registry?.issuers.length).toBeGreaterThan(0);
    expect(lib.directives.length).toBe(lib.fileCount);
    expect(lib.directives.map((d) => d.id)).toContain('ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu');
  });
});

describe('loadLibrary', () => {
  it('loads a valid directive with its id and body', () => {
    const lib = loadLibrary(contentDir({ 'a.md': directive() }));
    expect(lib.problems).toEqual([]);
    expect(lib.directives).toHaveLength(1);
    expect(lib.directives[0]).toMatchObject({
      id: 'ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu',
      data: { issued: '2021-09-07', type: 'cong-van' },
    });
    expect(lib.directives[0]!.body).toContain('Ban Dân vận Tỉnh ủy đề nghị');
  });

  it('reads files with a BOM, CRLF line ends and NFD text', () => {
    const text = `\uFEFF${directive({ title: 'Về công tác dân vận' }).normalize('NFD').replace(/\n/g, '\r\n')}`;
    const lib = loadLibrary(contentDir({ 'crlf.md': text }));
    expect(lib.problems).toEqual([]);
    expect(lib.directives[0]!.data.title).toBe('Về công tác dân vận');
  });

  it('reports an issuer id missing from the registry', () => {
    const lib = loadLibrary(contentDir({ 'x.md': directive({ issuer: 'ban-dan-van-tinh-uy-ha-giang' }) }));
    expect(lib.problems).toEqual([
      {
        file: expect.stringMatching(/x\.md$/),
        line: 5,
        field: 'issuer',
        message: 'cơ quan "ban-dan-van-tinh-uy-ha-giang" không có trong content/issuers.yaml; thêm cơ quan vào đó hoặc sửa id',
      },
    ]);
    expect(lib.directives).toEqual([]);
  });

  it('reports a type code in the number that does not match the type', () => {
    const lib = loadLibrary(contentDir({ 'x.md': directive({ type: 'chi-thi' }) }));
    expect(lib.problems).toHaveLength(1);
    expect(lib.problems[0]).toMatchObject({ field: 'number', line: 2 });
    expect(lib.problems[0]!.message).toBe(
      'mã loại "CV" trong số "234-CV/BDVTU" không khớp với type "chi-thi" (Chỉ thị); mã này là cong-van (Công văn)',
    );
  });

  it('reports a type code that the family does not have', () => {
    // NĐ is a State code only.
    const lib = loadLibrary(contentDir({ 'x.md': directive({ number: '5-NĐ/BDVTU', type: 'nghi-dinh' }) }));
    expect(lib.problems.map((p) => p.message)).toEqual([
      'mã loại "NĐ" trong số "5-NĐ/BDVTU" không khớp với type "nghi-dinh" (Nghị định); mã này không có trong bảng loại văn bản của Đảng',
    ]);
  });

  it('reports a State number without type code on a type other than công văn', () => {
    const lib = loadLibrary(contentDir({ 'x.md': directive({ number: '2345/UBND-VX', type: 'ke-hoach' }) }));
    const messages = lib.problems.map((p) => p.message);
    expect(messages).toContain(
      'số "2345/UBND-VX" không có mã loại, tức là công văn của cơ quan nhà nước, nhưng type là "ke-hoach" (Kế hoạch); sửa type thành cong-van hoặc sửa số hiệu',
    );
  });

  it('reports a Party issuer code that differs from the registry', () => {
    const lib = loadLibrary(contentDir({ 'x.md': directive({ number: '234-CV/TU' }) }));
    expect(lib.problems.map((p) => p.message)).toEqual([
      'mã cơ quan "TU" trong số "234-CV/TU" khác mã "BDVTU" của Ban Dân vận Tỉnh ủy Tuyên Quang',
    ]);
  });

  it('reports broken YAML with the line of the mistake', () => {
    const text =
      '---\nnumber: 234-CV/BDVTU\ntype: cong-van\n  title: Về công tác dân vận\nissuer: ban-dan-van-tinh-uy-tuyen-quang\nissued: 2021-09-07\n---\n\nNội dung.\n';
    const lib = loadLibrary(contentDir({ 'broken.md': text }));
    expect(lib.problems).toHaveLength(1);
    expect(lib.problems[0]!.line).toBe(4);
    expect(lib.problems[0]!.message).toMatch(/^YAML sai cú pháp: /);
  });

  it('reports a duplicated key on its own line', () => {
    const text =
      '---\nnumber: 234-CV/BDVTU\ntype: cong-van\ntitle: Về công tác dân vận\ntitle: Về công tác dân vận (2)\nissuer: ban-dan-van-tinh-uy-tuyen-quang\nissued: 2021-09-07\n---\n\nNội dung.\n';
    const [p, ...more] = loadLibrary(contentDir({ 'dupkey.md': text })).problems;
    expect(more).toEqual([]);
    expect(p).toMatchObject({ line: 5, message: 'YAML sai cú pháp: duplicated mapping key' });
  });

  it('reports a file without frontmatter', () => {
    const lib = loadLibrary(contentDir({ 'plain.md': 'Số 234-CV/BDVTU\nVề công tác dân vận\n' }));
    expect(lib.problems).toEqual([
      { file: expect.stringMatching(/plain\.md$/), line: 1, message: 'tệp không bắt đầu bằng phần khai báo YAML (dòng "---")' },
    ]);
  });

  it('reports an impossible unquoted date, an unknown key and an empty body', () => {
    const lib = loadLibrary(
      contentDir({
        'date.md': directive({ issued: '2021-02-30', ngay_ky: '2021-09-07' }),
        'empty.md': directive({ number: '235-CV/BDVTU' }, '\n'),
      }),
    );
    expect(only(lib.problems, 'date.md').map((p) => [p.line, p.field, p.message])).toEqual([
      [6, 'issued', 'ngày ban hành (issued) "2021-02-30" không có ngày này: tháng 2 năm 2021 có 28 ngày'],
      [7, undefined, 'khóa không được hỗ trợ: ngay_ky (xem README để biết các khóa hợp lệ)'],
    ]);
    expect(only(lib.problems, 'empty.md').map((p) => p.message)).toEqual(['văn bản không có nội dung (phần thân sau khai báo YAML trống)']);
  });

  it('reports the same directive in two files, whatever the spacing of the number', () => {
    const lib = loadLibrary(
      contentDir({
        'a.md': directive(),
        'b.md': directive({ number: '234 - CV / BDVTU', title: 'Về công tác dân vận (bản chép lại)' }),
      }),
    );
    expect(lib.directives.map((d) => path.basename(d.file))).toEqual(['a.md']);
    expect(lib.problems).toHaveLength(1);
    expect(lib.problems[0]).toMatchObject({ file: expect.stringMatching(/b\.md$/), field: 'number' });
    expect(lib.problems[0]!.message).toMatch(
      /^trùng văn bản với .*a\.md \(cùng cơ quan, số 234 - CV \/ BDVTU và ngày 2021-09-07\); xóa một trong hai tệp$/,
    );
  });

  it('reports the same directive written with and without a leading zero', () => {
    const lib = loadLibrary(
      contentDir({
        'a.md': directive({ number: '01-CV/BDVTU' }),
        'b.md': directive({ number: '1-CV/BDVTU' }),
      }),
    );
    expect(lib.directives).toHaveLength(1);
    expect(lib.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/b\.md$/),
        field: 'number',
        message: expect.stringMatching(/^trùng văn bản với .*a\.md/),
      }),
    ]);
  });

  it('does not call the same number from another issuer or date a duplicate', () => {
    const lib = loadLibrary(
      contentDir({
        'a.md': directive(),
        'b.md': directive({ issued: '2021-09-08' }),
        'c.md': directive({ number: '234-CV/TU', issuer: 'tinh-uy-tuyen-quang' }),
        'd.md': directive({ number: '234-CV/TU', issuer: 'tinh-uy-ben-tre' }),
      }),
    );
    expect(lib.problems).toEqual([]);
    expect(lib.directives).toHaveLength(4);
  });

  it('reports every problem of every file in one run', () => {
    const dir = contentDir({
      '1-ok.md': directive(),
      '2-no-title.md': directive({ number: '235-CV/BDVTU', title: undefined }),
      '3-bad-type.md': directive({ number: '236-CV/BDVTU', type: 'cong-dien-tu' }),
      '4-bad-number.md': directive({ number: 'CV-236' }),
      '5-broken.md': '---\nnumber: [237-CV/BDVTU\ntype: cong-van\n---\n\nNội dung.\n',
      'sub/6-mismatch.md': directive({ number: '238-CV/BDVTU', type: 'chi-thi', issuer: 'khong-co' }),
    });
    const lib = loadLibrary(dir);
    const files = [...new Set(lib.problems.map((p) => path.relative(path.join(dir, 'directives'), p.file)))];
    expect(files.sort()).toEqual(['2-no-title.md', '3-bad-type.md', '4-bad-number.md', '5-broken.md', path.join('sub', '6-mismatch.md')]);
    // Both problems of the last file, not just the first.
    expect(only(lib.problems, '6-mismatch.md').map((p) => p.field)).toEqual(['number', 'issuer']);
    expect(lib.fileCount).toBe(6);
    expect(lib.directives.map((d) => path.basename(d.file))).toEqual(['1-ok.md']);
  });

  it('checks the number against the type even when another field is invalid', () => {
    const lib = loadLibrary(contentDir({ 'x.md': directive({ type: 'chi-thi', title: undefined }) }));
    expect(lib.problems.map((p) => p.field).sort()).toEqual(['number', 'title']);
  });

  it('reports a missing registry and a missing directives folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-empty-'));
    tempDirs.push(dir);
    const lib = loadLibrary(dir);
    expect(lib.problems.map((p) => p.message)).toEqual([
      'không tìm thấy sổ đăng ký cơ quan ban hành; tạo tệp này với khóa provinces và issuers',
      'không có thư mục văn bản; tạo thư mục này hoặc chạy npm run import',
    ]);
  });

  it('checkDirective accepts matching State numbers', () => {
    expect(checkDirective({ number: '12/KH-UBND', type: 'ke-hoach' }, new Map())).toEqual([]);
    expect(checkDirective({ number: '30/2020/NĐ-CP', type: 'nghi-dinh' }, new Map())).toEqual([]);
    expect(checkDirective({ number: '2345/UBND-VX', type: 'cong-van' }, new Map())).toEqual([]);
    // QĐ in a Party number is Quyết định or Quy định.
    expect(checkDirective({ number: '15-QĐ/TU', type: 'quy-dinh' }, new Map())).toEqual([]);
    expect(checkDirective({ number: '15-QĐ/TU', type: 'quyet-dinh' }, new Map())).toEqual([]);
  });
});

describe('formatProblem', () => {
  it('prints file:line, tag, field and message', () => {
    expect(formatProblem({ file: '/x/content/directives/a.md', line: 3, field: 'type', message: 'sai' }, '/x')).toBe(
      'content/directives/a.md:3  [lỗi] type: sai',
    );
    expect(formatProblem({ file: '/x/a.md', message: 'chú ý', severity: 'warning' }, '/x')).toBe('a.md  [cảnh báo] chú ý');
  });
});

describe('node src/cli/validate.ts', () => {
  const run = (dir: string) =>
    spawnSync(process.execPath, ['src/cli/validate.ts'], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('exits 1 on a bad folder, naming files and fields, without a stack trace', () => {
    const dir = contentDir({
      'a.md': directive({ type: 'chi-thi' }),
      'b.md': directive({ number: '235-CV/BDVTU', title: undefined }),
      'c.md': '---\nnumber: [1\n---\nx\n',
    });
    const r = run(dir);
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(1);
    expect(out).toMatch(/directives\/a\.md:2 {2}\[lỗi\] number: mã loại "CV"/);
    expect(out).toMatch(/directives\/b\.md {2}\[lỗi\] title: thiếu trích yếu \(title\)/);
    expect(out).toMatch(/directives\/c\.md:\d+ {2}\[lỗi\] YAML sai cú pháp/);
    expect(out).toContain('3 lỗi trong 3 tệp (đã đọc 3 văn bản)');
    expect(out).not.toMatch(/^ {4}at /m);
    expect(out).not.toMatch(/Error:/);
  });

  it('exits 0 on the real content', () => {
    const r = run(REAL_CONTENT);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Hợp lệ: \d+ văn bản, \d+ cơ quan ban hành\.$/m);
  });
});
