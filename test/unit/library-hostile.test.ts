/**
 * Content that a careless or hostile editor can produce, read by the one pass over the library (what `npm run
 * validate`, the build and the search index all use): each is refused or warned of by name, never a crash, never a
 * file that is indexed but gets no page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDirectiveFiles } from '../../src/content/files.ts';
import { loadLibrary, readLibrary } from '../../src/content/library.ts';
import { formatProblem, type Problem } from '../../src/content/problems.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

const STATE_ISSUER = `
  - id: ubnd-tinh-ben-tre
    name: Ủy ban nhân dân tỉnh Bến Tre
    code: UBND
    family: state
    level: province
    province: ben-tre
`;

/** A content folder with the real registry (and one State issuer) and the given files (a Buffer is written as is). */
function contentDir(files: Record<string, string | Buffer>, registry?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-hostile-'));
  tempDirs.push(dir);
  fs.writeFileSync(
    path.join(dir, 'issuers.yaml'),
    registry ?? fs.readFileSync(path.join(ROOT, 'content/issuers.yaml'), 'utf8').replace(/\n*$/, '\n') + STATE_ISSUER,
  );
  fs.mkdirSync(path.join(dir, 'directives'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'directives', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'directives', name), text);
  }
  return dir;
}

function directive(fields: Record<string, string> = {}, body = 'Ban Dân vận Tỉnh ủy đề nghị các cơ quan thực hiện tốt.\n'): string {
  const all: Record<string, string> = {
    number: '234-CV/BDVTU',
    type: 'cong-van',
    title: 'Về công tác dân vận',
    issuer: 'ban-dan-van-tinh-uy-tuyen-quang',
    issued: '2021-09-07',
    ...fields,
  };
  return `---\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}`;
}

const lines = (problems: Problem[], dir: string) => problems.map((p) => formatProblem(p, dir));

describe('which files are the library', () => {
  it('leaves out dot-files and dot-folders, with a warning naming each, so nothing is indexed without a page', () => {
    const dir = contentDir({
      'a.md': directive(),
      '.nhap.md': directive({ number: '235-CV/BDVTU' }),
      '.old/cu.md': directive({ number: '236-CV/BDVTU' }),
      'sub/b.md': directive({ number: '237-CV/BDVTU' }),
    });
    const lib = readLibrary(dir);
    expect(lib.library.directives.map((d) => path.relative(dir, d.file)).sort()).toEqual(['directives/a.md', 'directives/sub/b.md']);
    expect(lines(lib.problems, dir)).toEqual([
      'directives/.nhap.md  [cảnh báo] không thuộc thư viện: tên bắt đầu bằng dấu chấm là tệp ẩn; bỏ dấu chấm nếu muốn đưa vào',
      'directives/.old  [cảnh báo] không thuộc thư viện: tên bắt đầu bằng dấu chấm là thư mục ẩn; bỏ dấu chấm nếu muốn đưa vào',
    ]);
    expect(lib.errors).toBe(0);
  });

  it('follows no symbolic link: a link out of the content folder is an error naming its target, a loop is one error', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-outside-'));
    tempDirs.push(outside);
    fs.writeFileSync(path.join(outside, 'secret.md'), directive({ number: '240-CV/BDVTU' }));
    const dir = contentDir({ 'a.md': directive() });
    fs.symlinkSync(outside, path.join(dir, 'directives/ngoai'));
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'directives/secret.md'));
    fs.symlinkSync('..', path.join(dir, 'directives/loop'));
    const lib = loadLibrary(dir);
    expect(lib.directives.map((d) => path.basename(d.file))).toEqual(['a.md']);
    expect(lines(lib.problems, dir)).toEqual([
      'directives/loop  [lỗi] là liên kết tượng trưng (symlink) tới ..; thư viện không theo liên kết: chép tệp vào thư mục này hoặc xóa liên kết',
      `directives/ngoai  [lỗi] là liên kết tượng trưng (symlink) tới ${outside}; thư viện không theo liên kết: chép tệp vào thư mục này hoặc xóa liên kết`,
      `directives/secret.md  [lỗi] là liên kết tượng trưng (symlink) tới ${path.join(outside, 'secret.md')}; thư viện không theo liên kết: chép tệp vào thư mục này hoặc xóa liên kết`,
    ]);
  });

  it('names a link that loops on itself once', () => {
    const dir = contentDir({});
    fs.symlinkSync('self', path.join(dir, 'directives/self'));
    expect(listDirectiveFiles(path.join(dir, 'directives')).problems.map((p) => p.message)).toEqual([
      'là liên kết tượng trưng (symlink) tới self (vòng lặp); thư viện không theo liên kết: chép tệp vào thư mục này hoặc xóa liên kết',
    ]);
  });

  it('reads a content folder that is itself a link', () => {
    const dir = contentDir({ 'a.md': directive() });
    const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-link-')), 'content');
    tempDirs.push(path.dirname(link));
    fs.symlinkSync(dir, link);
    expect(loadLibrary(link).directives.length).toBe(1);
  });
});

describe('encodings and characters', () => {
  it('refuses UTF-16 by name instead of "no frontmatter"', () => {
    const text = directive();
    const dir = contentDir({
      'bom.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'nobom.md': Buffer.from(text, 'utf16le'),
    });
    expect(lines(loadLibrary(dir).problems, dir)).toEqual([
      'directives/bom.md  [lỗi] tệp ở mã UTF-16, không phải UTF-8; mở tệp và lưu lại với mã UTF-8',
      'directives/nobom.md  [lỗi] tệp ở mã UTF-16, không phải UTF-8; mở tệp và lưu lại với mã UTF-8',
    ]);
  });

  it('refuses invalid UTF-8, naming the byte, its offset and its line', () => {
    const text = directive({}, 'Dòng một.\nDòng hai có byte lạ: ');
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28]), Buffer.from(' hết.\n')]);
    const dir = contentDir({ 'bad.md': bytes });
    const at = Buffer.byteLength(text);
    const line = text.split('\n').length;
    expect(lines(loadLibrary(dir).problems, dir)).toEqual([
      `directives/bad.md:${line}  [lỗi] tệp không phải UTF-8 hợp lệ: byte 0xC3 ở vị trí ${at} (dòng ${line}); lưu lại tệp với mã UTF-8`,
    ]);
  });

  it('reads CR-only line endings like LF', () => {
    const dir = contentDir({ 'mac.md': directive().replace(/\n/g, '\r') });
    const lib = readLibrary(dir);
    expect(lib.problems).toEqual([]);
    expect(lib.library.directives[0]!.data.title).toBe('Về công tác dân vận');
  });

  it('refuses control characters in any field, naming the field, and in the body, naming the line', () => {
    const dir = contentDir({
      'nul.md': directive({ title: '"Về công tác\\0 dân vận"' }),
      'vt.md': directive({ number: '235-CV/BDVTU', title: '"Về\\x01 công tác"', place: '"Tuyên\\vQuang"' }),
      'fffe.md': directive({ number: '236-CV/BDVTU' }, 'Đoạn một.\n\nĐoạn hai \uFFFE có ký tự lạ.\n'),
    });
    expect(lines(loadLibrary(dir).problems, dir)).toEqual([
      'directives/fffe.md:11  [lỗi] nội dung có ký tự điều khiển U+FFFE ở cột 10; xóa ký tự này (ngắt dòng của Word thì thay bằng xuống dòng)',
      'directives/nul.md:4  [lỗi] title: có ký tự điều khiển U+0000 ở vị trí 12 (không in ra được, làm hỏng feed XML); xóa ký tự này',
      'directives/vt.md:4  [lỗi] title: có ký tự điều khiển U+0001 ở vị trí 3 (không in ra được, làm hỏng feed XML); xóa ký tự này',
      'directives/vt.md:7  [lỗi] place: có ký tự điều khiển U+000B ở vị trí 6 (không in ra được, làm hỏng feed XML); xóa ký tự này',
    ]);
  });
});

describe('what validates but would break later', () => {
  it('refuses two directives that would share one page address, naming both files', () => {
    const dir = contentDir({
      'a.md': directive({ number: '2345/UBND-KTE', issuer: 'ubnd-tinh-ben-tre' }),
      'b.md': directive({ number: '2345/UBND-KTÊ', issuer: 'ubnd-tinh-ben-tre' }),
    });
    const a = path.join(dir, 'directives/a.md');
    expect(lines(loadLibrary(dir).problems, dir)).toEqual([
      `directives/b.md:2  [lỗi] number: cùng địa chỉ trang van-ban/ubnd-tinh-ben-tre/2021-09-07-2345-ubnd-kte/ với ${a} (số 2345/UBND-KTE và số 2345/UBND-KTÊ chỉ khác nhau ở dấu hoặc chữ hoa, cùng cơ quan và ngày); sửa số hiệu của một trong hai tệp cho đúng bản in`,
    ]);
  });

  it('warns of a date past tomorrow', () => {
    const dir = contentDir({ 'a.md': directive({ issued: '2099-01-01' }) });
    expect(lines(readLibrary(dir).problems, dir)).toEqual([
      'directives/a.md:6  [cảnh báo] issued: ngày ban hành 2099-01-01 ở tương lai; kiểm tra lại ngày',
    ]);
  });

  it('warns of relations to no directive of the library or to the directive itself, and draws neither', () => {
    const relations = [
      'relations:',
      '  - { kind: implements, target: ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu }',
      '  - { kind: cites, number: 234-CV/BDVTU }',
      '  - { kind: based-on, target: khong-co/2020-01-01-1-ct-tu }',
    ].join('\n');
    const dir = contentDir({ 'a.md': directive().replace('\n---\n\n', `\n${relations}\n---\n\n`) });
    const lib = readLibrary(dir);
    expect(lines(lib.problems, dir)).toEqual([
      'directives/a.md  [cảnh báo] relations.0: quan hệ trỏ về chính văn bản này nên bị bỏ qua; xóa hoặc sửa target/number',
      'directives/a.md  [cảnh báo] relations.1: quan hệ trỏ về chính văn bản này nên bị bỏ qua; xóa hoặc sửa target/number',
      'directives/a.md  [cảnh báo] relations.2: target "khong-co/2020-01-01-1-ct-tu" không phải id của văn bản nào trong thư viện (id có dạng <id cơ quan>/<ngày>-<số>, ví dụ ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu); sửa id hoặc dùng number',
    ]);
    const id = 'ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu';
    expect(lib.graph!.incoming.get(id) ?? []).toEqual([]);
    expect(lib.graph!.outgoing.get(id)!.map((r) => r.target)).toEqual([null]);
  });
});

describe('the registry', () => {
  it('refuses an issuer that is its own ancestor', () => {
    const registry = [
      'provinces:',
      '  - { id: ben-tre, name: Bến Tre }',
      'issuers:',
      '  - { id: a, name: Cơ quan A, code: A, family: state, level: province, province: ben-tre, parent: b }',
      '  - { id: b, name: Cơ quan B, code: B, family: state, level: province, province: ben-tre, parent: a }',
      '  - { id: c, name: Cơ quan C, code: C, family: state, level: province, province: ben-tre, parent: c }',
      '',
    ].join('\n');
    const dir = contentDir({}, registry);
    expect(lines(loadLibrary(dir).problems, dir)).toEqual([
      'issuers.yaml  [lỗi] issuers.0 (a).parent: cơ quan là cấp trên của chính nó (a → b → a); sửa parent để chuỗi cấp trên kết thúc',
      'issuers.yaml  [lỗi] issuers.1 (b).parent: cơ quan là cấp trên của chính nó (b → a → b); sửa parent để chuỗi cấp trên kết thúc',
      'issuers.yaml  [lỗi] issuers.2 (c).parent: cơ quan là cấp trên của chính nó (c → c); sửa parent để chuỗi cấp trên kết thúc',
    ]);
  });

  it('reports an unknown key once, in Vietnamese, and not every directive as lacking its issuer', () => {
    const registry = fs
      .readFileSync(path.join(ROOT, 'content/issuers.yaml'), 'utf8')
      .replace('    code: TW\n', '    code: TW\n    ghichu: x\n');
    const dir = contentDir({ 'a.md': directive(), 'b.md': directive({ number: '235-CV/BDVTU' }) }, registry);
    expect(lines(loadLibrary(dir).problems, dir)).toEqual([
      'issuers.yaml  [lỗi] issuers.0 (ban-chap-hanh-trung-uong): khóa không được hỗ trợ: ghichu (xem README để biết các khóa hợp lệ)',
    ]);
  });
});
