import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/content/frontmatter.ts';
import { translateZodMessage } from '../../src/content/problems.ts';
import { directiveSchema, issuerSchema, registrySchema } from '../../src/model/schema.ts';

const valid = {
  number: '234-CV/BDVTU',
  type: 'cong-van',
  title: 'Về công tác triển khai các biện pháp cấp bách phòng, chống dịch',
  issuer: 'ban-dan-van-tinh-uy-tuyen-quang',
  issued: '2021-09-07',
  place: 'Tuyên Quang',
  signer: { name: 'Vương Thúy Hằng', title: 'Phó Trưởng ban', authority: 'K/T Trưởng ban' },
  topics: ['phòng, chống dịch Covid-19'],
  source: { file: 'content/sources/002_78452393869b290e.txt' },
};

/** Messages an editor would see for `input`, one per issue. */
function messages(input: unknown): string[] {
  const r = directiveSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => translateZodMessage(i as never));
}

describe('directiveSchema', () => {
  it('accepts a complete directive and fills list defaults', () => {
    const r = directiveSchema.safeParse(valid);
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    expect(r.data).toMatchObject({ number: '234-CV/BDVTU', issued: '2021-09-07', recipients: [], distribution: [], relations: [] });
  });

  it('accepts the minimum: number, type, title, issuer, issued', () => {
    const { number, type, title, issuer, issued } = valid;
    expect(directiveSchema.safeParse({ number, type, title, issuer, issued }).success).toBe(true);
  });

  it('trims titles and turns a YAML Date into an ISO string', () => {
    const r = directiveSchema.parse({ ...valid, title: '  Về công tác dân vận  ', issued: new Date(Date.UTC(2022, 2, 7)) });
    expect(r.title).toBe('Về công tác dân vận');
    expect(r.issued).toBe('2022-03-07');
  });

  it('reports a missing title in Vietnamese', () => {
    const { title: _, ...rest } = valid;
    expect(messages(rest)).toEqual(['thiếu trích yếu (title)']);
    expect(messages({ ...valid, title: '   ' })).toEqual(['trích yếu (title) không được để trống']);
    expect(messages({ ...valid, title: 12 })).toEqual(['trích yếu (title) phải là chuỗi văn bản']);
  });

  it('reports an unknown type and lists the valid ones', () => {
    const [m, ...more] = messages({ ...valid, type: 'cong-dien-tu' });
    expect(more).toEqual([]);
    expect(m).toContain('loại văn bản "cong-dien-tu" không có trong bảng loại');
    expect(m).toContain('cong-van');
    expect(m).toContain('chi-thi');
  });

  it('refuses an impossible date', () => {
    expect(messages({ ...valid, issued: '2021-02-30' })).toEqual([
      'ngày ban hành (issued) "2021-02-30" không có ngày này: tháng 2 năm 2021 có 28 ngày',
    ]);
    expect(messages({ ...valid, issued: '07/09/2021' })[0]).toContain('không phải ngày hợp lệ');
    expect(messages({ ...valid, issued: new Date('invalid') })).toEqual(['ngày ban hành (issued) phải có dạng YYYY-MM-DD']);
    expect(messages({ ...valid, issued: 20210907 })).toEqual(['ngày ban hành (issued) phải có dạng YYYY-MM-DD']);
    expect(messages({ ...valid, issued: undefined })).toEqual(['thiếu ngày ban hành (issued)']);
  });

  it('says why a well-formed date is refused: the accepted years, or the days of its month', () => {
    expect(messages({ ...valid, issued: '1929-12-31' })).toEqual([
      'ngày ban hành (issued) "1929-12-31" nằm ngoài khoảng nhận (năm 1930 đến 2100)',
    ]);
    expect(messages({ ...valid, issued: '2024-13-01' })).toEqual([
      'ngày ban hành (issued) "2024-13-01" không có tháng 13 (tháng từ 01 đến 12)',
    ]);
    expect(messages({ ...valid, issued: '2024-02-30' })).toEqual([
      'ngày ban hành (issued) "2024-02-30" không có ngày này: tháng 2 năm 2024 có 29 ngày',
    ]);
    expect(messages({ ...valid, issued: '1930-01-01' })).toEqual([]);
  });

  it('limits the subject to 2,000 characters', () => {
    expect(messages({ ...valid, title: 'Về '.padEnd(2000, 'x') })).toEqual([]);
    expect(messages({ ...valid, title: 'x'.repeat(1_500_000) })).toEqual([
      'trích yếu (title) dài 1500000 ký tự, quá 2000; chỉ ghi phần trích yếu, nội dung để ở phần thân',
    ]);
  });

  it('refuses an impossible date written unquoted in YAML (it stays a string, not 2 March)', () => {
    const { data } = parseFrontmatter(
      '---\nnumber: 234-CV/BDVTU\ntype: cong-van\ntitle: Về công tác dân vận\nissuer: ban-dan-van-tinh-uy-tuyen-quang\nissued: 2021-02-30\n---\n\nNội dung.\n',
    );
    expect(data['issued']).toBe('2021-02-30');
    expect(messages(data)).toEqual(['ngày ban hành (issued) "2021-02-30" không có ngày này: tháng 2 năm 2021 có 28 ngày']);
  });

  it('reports unknown keys by name', () => {
    expect(messages({ ...valid, ngay_ky: '2021-09-07' })).toEqual(['khóa không được hỗ trợ: ngay_ky (xem README để biết các khóa hợp lệ)']);
    expect(messages({ ...valid, signer: { name: 'Vương Thúy Hằng', chucvu: 'Phó Trưởng ban' } })).toEqual([
      'khóa không được hỗ trợ: chucvu (xem README để biết các khóa hợp lệ)',
    ]);
  });

  it('reports a number in none of the printed forms', () => {
    for (const number of ['CV234', '234', 'số 234', '234/CV/BDVTU/X']) {
      expect(messages({ ...valid, number }), number).toEqual([
        'số hiệu không đúng dạng: cần "234-CV/BDVTU" (Đảng), "2345/UBND-VX" hoặc "30/2020/NĐ-CP" (Nhà nước)',
      ]);
    }
  });

  it('requires an ASCII issuer id', () => {
    expect(messages({ ...valid, issuer: 'Ban Dân vận Tỉnh ủy' })[0]).toContain('issuer phải là id ASCII');
  });

  it('checks relations', () => {
    expect(
      directiveSchema.safeParse({ ...valid, relations: [{ kind: 'implements', number: '635-CV/TU', issued: '2021-08-24' }] }).success,
    ).toBe(true);
    expect(messages({ ...valid, relations: [{ kind: 'implements' }] })).toEqual(['mỗi quan hệ cần number hoặc target']);
    expect(messages({ ...valid, relations: [{ kind: 'thuc-hien', number: '635-CV/TU' }] })[0]).toMatch(
      /^kind phải là một trong: implements/,
    );
  });

  it('translates wrong list types', () => {
    expect(messages({ ...valid, topics: 'công tác dân vận' })).toEqual(['kiểu dữ liệu không đúng (cần danh sách)']);
  });
});

describe('registry schemas', () => {
  it('requires a province below national level', () => {
    const r = issuerSchema.safeParse({
      id: 'tinh-uy-tuyen-quang',
      name: 'Tỉnh ủy Tuyên Quang',
      code: 'TU',
      family: 'party',
      level: 'province',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['cơ quan cấp tỉnh, huyện, xã cần province']);
  });

  it('accepts a national body and defaults empty lists', () => {
    expect(
      issuerSchema.safeParse({ id: 'bo-chinh-tri', name: 'Bộ Chính trị', code: 'TW', family: 'party', level: 'national' }).success,
    ).toBe(true);
    expect(registrySchema.parse({})).toEqual({ provinces: [], issuers: [] });
  });

  it('refuses non-ASCII ids', () => {
    const r = issuerSchema.safeParse({ id: 'tỉnh-ủy', name: 'Tỉnh ủy', code: 'TU', family: 'party', level: 'national' });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['id cơ quan phải là chữ thường ASCII, số và dấu gạch ngang']);
  });
});
