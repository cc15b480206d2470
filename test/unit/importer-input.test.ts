import { describe, expect, it } from 'vitest';
import { decodeTcvn3, decodeVni, encodeTcvn3, encodeVni, syllableShare } from '../../src/importer/encodings.ts';
import { decodeInput, toLines } from '../../src/importer/input.ts';
import { toCrlfBom, toNfdOddSpacing, toTcvn3, toUtf16le, toVni } from '../helpers/make-fixtures.ts';

const SAMPLE =
  'TỈNH ỦY BẮC NINH\nBan Chấp hành Trung ương Đảng; Thường vụ, Hướng dẫn, phòng chống dịch Covid-19.\nĐẢNG CỘNG SẢN VIỆT NAM\nBến Tre, ngày 07 tháng 3 năm 2022\n';
const LOWER = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';

const ok = (buf: Uint8Array) => {
  const r = decodeInput(buf);
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('legacy tables', () => {
  it('TCVN3 round-trips every lower-case Vietnamese letter, and the doc example reads right', () => {
    expect(decodeTcvn3(encodeTcvn3(LOWER))).toBe(LOWER);
    expect(decodeTcvn3('Ban ChÊp hµnh Trung \u00ad\u00acng')).toBe('Ban Chấp hành Trung ương');
  });
  it('TCVN3 capitals come back as capitals inside all-caps words (the .VnTimeH convention)', () => {
    expect(decodeTcvn3(encodeTcvn3('ĐẢNG CỘNG SẢN VIỆT NAM, TỈNH ỦY Bắc Ninh'))).toBe('ĐẢNG CỘNG SẢN VIỆT NAM, TỈNH ỦY Bắc Ninh');
  });
  it('VNI round-trips lower and upper case', () => {
    expect(decodeVni(encodeVni(LOWER))).toBe(LOWER);
    expect(decodeVni(encodeVni(LOWER.toUpperCase()))).toBe(LOWER.toUpperCase());
    expect(encodeVni('Xin chào các bạn')).toBe('Xin chaøo caùc baïn');
  });
  it('syllable check tells Vietnamese from French run through a Vietnamese table', () => {
    expect(syllableShare('Ban Chấp hành Trung ương Đảng')).toBe(1);
    expect(syllableShare(decodeTcvn3('réunion du comité, très intéressé'))).toBeLessThan(0.5);
  });
});

describe('decodeInput', () => {
  it('UTF-8 with BOM and CRLF becomes NFC text with LF', () => {
    const r = ok(toCrlfBom(SAMPLE));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(SAMPLE);
  });
  it('NFD and NBSP are normalised', () => {
    const r = ok(Buffer.from('Bến\u00A0Tre, ngày 07 tháng 3 năm 2022'.normalize('NFD')));
    expect(r.text).toBe('Bến Tre, ngày 07 tháng 3 năm 2022');
    expect(ok(toNfdOddSpacing(SAMPLE)).text.normalize('NFC')).toBe(ok(toNfdOddSpacing(SAMPLE)).text);
  });
  it('control characters are removed with a note (Word line and page breaks become spaces); CR-only lines read as lines', () => {
    // A real text around them: a file of mostly control bytes is refused as binary.
    const r = ok(Buffer.from(`${SAMPLE.repeat(3)}Về\x01 công tác\u000bdân vận\r\x02Dòng hai\fhết\uFFFE\r`));
    expect(r.text).toBe(`${SAMPLE.repeat(3)}Về công tác dân vận\nDòng hai hết\n`);
    expect(r.warnings).toEqual(['đã bỏ 5 ký tự điều khiển (không in ra được)']);
  });
  it('UTF-16 with BOM is read', () => {
    expect(ok(toUtf16le(SAMPLE)).text).toBe(SAMPLE);
  });
  it('TCVN3 bytes are detected and converted, with a note', () => {
    const r = ok(toTcvn3(SAMPLE));
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toBe(SAMPLE);
    expect(r.warnings.join()).toMatch(/TCVN3/);
  });
  it('TCVN3 saved as UTF-8 (Latin-1 look-alikes) is converted too', () => {
    const r = ok(Buffer.from(encodeTcvn3(SAMPLE), 'utf8'));
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toBe(SAMPLE);
  });
  it('VNI bytes are detected and converted', () => {
    const r = ok(toVni(SAMPLE));
    expect(r.encoding).toBe('vni');
    expect(r.text).toBe(SAMPLE);
  });
  it.each([
    ['empty', Buffer.alloc(0), /tệp rỗng/],
    ['blank', Buffer.from(' \r\n\n\t'), /tệp rỗng/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), /nhị phân/],
    ['pdf', Buffer.from('%PDF-1.4\n\u00e2\u00e3', 'latin1'), /PDF/],
    ['docx', Buffer.from('PK\u0003\u0004rest', 'latin1'), /Word/],
    ['latin1 french', Buffer.from('Le comité a été très intéressé, déjà.\n', 'latin1'), /không nhận ra mã/],
    [
      'mixed unicode + tcvn3',
      Buffer.from(
        `Tỉnh ủy Bắc Ninh đề nghị\n${encodeTcvn3('các đơn vị thực hiện tốt một số nội dung sau đây và báo cáo kết quả về Ban Tuyên giáo')}`,
        'utf8',
      ),
      /lẫn Unicode/,
    ],
  ])('refuses %s input with a reason', (_, buf, reason) => {
    const r = decodeInput(buf);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('toLines', () => {
  it('cleans spacing and stray bold, and splits flattened columns into cells', () => {
    const [a, b, c] = toLines('**K/T TRƯỞNG BAN\nUBND TỈNH NAM ĐỊNH        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố  234-CV/BDVTU\t');
    expect(a!.text).toBe('K/T TRƯỞNG BAN');
    expect(b!.cells).toEqual(['UBND TỈNH NAM ĐỊNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(c!.text).toBe('Số 234-CV/BDVTU');
    expect(c!.n).toBe(3);
  });
  it('drops Markdown heading marks and escapes in .md input', () => {
    expect(toLines('## I. MỤC ĐÍCH\n1\\. Một', { markdown: true }).map((l) => l.text)).toEqual(['I. MỤC ĐÍCH', '1. Một']);
  });
});
