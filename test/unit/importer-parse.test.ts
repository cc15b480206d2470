import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unaccountedLines } from '../../src/importer/coverage.ts';
import { issuerTexts, parseDirective } from '../../src/importer/parse.ts';
import { readRegistry } from '../../src/content/registry.ts';
import { foldVietnamese } from '../../src/model/text.ts';
import { freshRegistry, importText } from '../helpers/import-text.ts';
import { RAW } from '../helpers/make-fixtures.ts';
import { generateDoc } from '../helpers/raw-docs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEEDS = ['002_78452393869b290e.txt', '003_3924e64127cca43e.txt'].map((f) => path.join(ROOT, 'content/sources', f));
const REAL = readRegistry(path.join(ROOT, 'content/issuers.yaml')).registry!;

const fresh = freshRegistry;
const raw = (p: string) => fs.readFileSync(path.join(RAW, p));

describe('fixtures: both families, several provinces and types', () => {
  it.each([
    [
      'party/chi-thi-nam-dinh.txt',
      {
        number: '15-CT/TU',
        type: 'chi-thi',
        issuer: 'tinh-uy-nam-dinh',
        issued: '2021-12-01',
        title: 'Về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống thiên tai và tìm kiếm cứu nạn',
        signer: { name: 'Đoàn Hồng Phong', title: 'Bí thư', authority: 'T/M Ban Thường vụ' },
      },
    ],
    [
      'party/ke-hoach-ha-tinh.txt',
      { number: '88-KH/BTGTU', type: 'ke-hoach', issuer: 'ban-tuyen-giao-tinh-uy-ha-tinh', issued: '2023-02-14', place: 'Hà Tĩnh' },
    ],
    [
      'party/nghi-quyet-quang-nam.txt',
      {
        number: '05-NQ/TU',
        type: 'nghi-quyet',
        issuer: 'tinh-uy-quang-nam',
        signer: { name: 'Phan Việt Cường', title: 'Bí thư', authority: 'T/M Tỉnh ủy' },
        distribution: ['Ban Bí thư (b/c)', 'Các đảng bộ trực thuộc', 'Lưu Văn phòng Tỉnh ủy'],
      },
    ],
    [
      'party/thong-bao-yen-son.txt',
      {
        number: '120-TB/HU',
        type: 'thong-bao',
        issuer: 'huyen-uy-yen-son',
        place: 'Yên Sơn',
        title: 'Kết luận của Ban Thường vụ Huyện ủy tại hội nghị sơ kết công tác 6 tháng đầu năm 2022',
        signer: { name: 'Lý Thị Hoa', title: 'Chánh Văn phòng', authority: 'T/L Ban Thường vụ' },
      },
    ],
    ['party/quyet-dinh-bo-chinh-tri.txt', { number: '99-QĐ/TW', type: 'quyet-dinh', issuer: 'bo-chinh-tri', place: 'Hà Nội' }],
    [
      'party/cong-van-bac-ninh.txt',
      {
        number: '312-CV/BTGTU',
        type: 'cong-van',
        title: 'Tuyên truyền kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ',
        recipients: ['Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy', 'Ban Tuyên giáo các đảng ủy trực thuộc Tỉnh ủy'],
      },
    ],
    [
      'state/cong-van-so-y-te-nam-dinh.txt',
      {
        number: '2345/SYT-NVY',
        type: 'cong-van',
        issuer: 'so-y-te-tinh-nam-dinh',
        signer: { name: 'Trần Văn Bình', title: 'Phó Giám đốc', authority: 'KT. Giám đốc' },
        distribution: ['Như trên', 'UBND tỉnh (để b/c)', 'Lưu: VT, NVY'],
      },
    ],
    [
      'state/cong-van-ubnd-quang-ninh.txt',
      {
        number: '2345/UBND-VX',
        type: 'cong-van',
        issuer: 'uy-ban-nhan-dan-tinh-quang-ninh',
        title: 'Triển khai Tháng hành động vì trẻ em năm 2023',
        recipients: ['Sở Lao động - Thương binh và Xã hội'],
      },
    ],
    [
      'state/quyet-dinh-ubnd-lam-dong.txt',
      {
        number: '15/2022/QĐ-UBND',
        type: 'quyet-dinh',
        issuer: 'uy-ban-nhan-dan-tinh-lam-dong',
        signer: { name: 'Phạm Văn Sơn', title: 'Phó Chủ tịch', authority: 'TM. Ủy ban nhân dân, KT. Chủ tịch' },
      },
    ],
    [
      'state/huong-dan-so-gd-thanh-hoa.txt',
      {
        number: '45/HD-SGDĐT',
        type: 'huong-dan',
        issuer: 'so-giao-duc-va-dao-tao-tinh-thanh-hoa',
        signer: { name: 'Lê Minh Đức', title: 'Giám đốc' },
      },
    ],
    [
      'state/thong-bao-ubnd-ha-noi.md',
      {
        number: '210/TB-UBND',
        type: 'thong-bao',
        issuer: 'uy-ban-nhan-dan-thanh-pho-ha-noi',
        signer: { name: 'Đỗ Đình Hồng', title: 'Chánh Văn phòng', authority: 'TL. Chủ tịch' },
      },
    ],
  ])('%s', (file, expected) => {
    const r = importText(raw(file), fresh(), { markdown: file.endsWith('.md') });
    expect(r.data).toMatchObject(expected);
    expect(r.lost).toEqual([]);
    expect(r.body).not.toMatch(/Nơi nhận|Kính gửi|\*\*/);
  });

  it('the header, addressees, signing and Nơi nhận stay out of the body', () => {
    const r = importText(raw('state/cong-van-so-y-te-nam-dinh.txt'), fresh());
    expect(r.body.startsWith('Thực hiện Công văn số 1185/BYT-DP')).toBe(true);
    expect(r.body).not.toMatch(/GIÁM ĐỐC|Trần Văn Bình|Độc lập|2345\/SYT-NVY/);
  });

  it.each([
    ['encoded/cong-van-bac-ninh.tcvn3.txt', 'party/cong-van-bac-ninh.txt', 'tcvn3'],
    ['encoded/cong-van-bac-ninh.vni.txt', 'party/cong-van-bac-ninh.txt', 'vni'],
    ['encoded/huong-dan-so-gd-thanh-hoa.vni.txt', 'state/huong-dan-so-gd-thanh-hoa.txt', 'vni'],
    ['encoded/chi-thi-nam-dinh.tcvn3-saved-as-utf8.txt', 'party/chi-thi-nam-dinh.txt', 'tcvn3'],
    ['encoded/ke-hoach-ha-tinh.crlf-bom.txt', 'party/ke-hoach-ha-tinh.txt', 'utf-8'],
    ['encoded/nghi-quyet-quang-nam.nfd.txt', 'party/nghi-quyet-quang-nam.txt', 'utf-8'],
    ['encoded/thong-bao-yen-son.utf16le.txt', 'party/thong-bao-yen-son.txt', 'utf-16'],
  ])('%s gives the same directive as its UTF-8 original', (encoded, original, encoding) => {
    const a = importText(raw(encoded), fresh());
    const b = importText(raw(original), fresh());
    expect(a.doc.encoding).toBe(encoding);
    expect(a.data).toEqual(b.data);
    expect(a.body).toBe(b.body);
    expect(a.lost).toEqual([]);
  });
  it.each(['x', '+', '°'])('the star under the issuer read by OCR as «%s» is a layout mark, not the end of the header', (star) => {
    for (const file of ['party/chi-thi-nam-dinh.txt', 'party/nghi-quyet-quang-nam.txt']) {
      const text = raw(file).toString('utf8');
      expect(text).toMatch(/^\*$/m);
      const a = importText(text.replace(/^\*$/m, star), fresh());
      const b = importText(text, fresh());
      expect(a.data).toEqual(b.data);
      expect(a.body).toBe(b.body);
    }
  });
});

describe('not a directive', () => {
  it.each([
    ['empty.txt', /tệp rỗng/, undefined],
    ['blank-lines.txt', /tệp rỗng/, undefined],
    ['binary.txt', /nhị phân/, undefined],
    ['scan.pdf.txt', /PDF/, undefined],
    ['latin1-french.txt', /không phải UTF-8/, undefined],
    ['mixed-unicode-tcvn3.txt', /lẫn Unicode/, undefined],
    ['news.txt', /không phải văn bản chỉ đạo: thiếu số hiệu.*thiếu ngày ban hành.*dòng 1/, 1],
    ['no-date.txt', /thiếu ngày ban hành.*dòng 7/, 7],
    ['already-imported.md', /khai báo YAML/, undefined],
  ])('%s is refused with what is missing', (file, reason, line) => {
    const r = parseDirective(raw(`not-directive/${file}`), { markdown: file.endsWith('.md') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.line).toBe(line);
    }
  });
  it('a type-name line that contradicts the number is refused', () => {
    const r = parseDirective(
      'TỈNH ỦY TUYÊN QUANG\n*\nSố 12-CV/TU\nTuyên Quang, ngày 07 tháng 9 năm 2021\nKẾ HOẠCH\nvề công tác dân vận\n\nNội dung.',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/KẾ HOẠCH.*không khớp mã loại "CV"/);
  });
});

describe('nothing lost', () => {
  it.each(SEEDS.map((f) => [path.basename(f), f]))('seed %s: every non-empty line is in the frontmatter or the body', (_, file) => {
    const r = importText(fs.readFileSync(file), { provinces: [...REAL.provinces], issuers: [...REAL.issuers] });
    expect(r.lost).toEqual([]);
  });
  it('the check does notice a missing line', () => {
    const r = importText(fs.readFileSync(SEEDS[0]!), { provinces: [...REAL.provinces], issuers: [...REAL.issuers] });
    const body = r.body.replace(/^3- .*$/m, '');
    const lost = unaccountedLines({
      lines: r.doc.lines,
      data: r.data as Record<string, unknown>,
      body,
      issuerTexts: issuerTexts(r.issuer, REAL.issuers),
    });
    expect(lost.map((l) => l.text.slice(0, 20))).toEqual(['3- Hệ thống dân vận ']);
  });
  it('300 generated documents (shuffled headers, wrapped lines, odd spacing, both families) import whole and valid', () => {
    const registry = fresh();
    for (let seed = 1; seed <= 300; seed++) {
      const g = generateDoc(seed);
      let r: ReturnType<typeof importText>;
      try {
        r = importText(g.text, registry);
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).message}\n${g.text}`);
      }
      expect(r.lost, `seed ${seed}`).toEqual([]);
      expect({ number: r.data.number, issued: r.data.issued, type: r.data.type, signer: r.data.signer?.name }, `seed ${seed}`).toEqual({
        number: g.number,
        issued: g.iso,
        type: g.typeKey,
        signer: g.signer,
      });
      expect(foldVietnamese(r.issuer.name), `seed ${seed}`).toContain(foldVietnamese(g.province));
    }
  });
});
