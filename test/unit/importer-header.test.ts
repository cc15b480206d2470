import { describe, expect, it } from 'vitest';
import { parseHeader, readDateLine, readNumberLine, readTypeName } from '../../src/importer/header.ts';
import { toLines } from '../../src/importer/input.ts';

const header = (text: string) => parseHeader(toLines(text));

describe('header parts', () => {
  it.each([
    ['Số 234-CV/BDVTU', '234-CV/BDVTU', ''],
    ['Số: 2345/UBND-VX', '2345/UBND-VX', ''],
    ['SỐ:2345 / UBND-VX', '2345/UBND-VX', ''],
    ['Số: 15/2022/QĐ-UBND', '15/2022/QĐ-UBND', ''],
    ['Số 554-CV/ĐUK', '554-CV/ĐUK', ''],
    ['Số: 12/KH-UBND Nam Định, ngày 5 tháng 3 năm 2022', '12/KH-UBND', 'Nam Định, ngày 5 tháng 3 năm 2022'],
  ])('number line %s', (line, number, rest) => {
    const r = readNumberLine(line);
    expect(r?.raw).toBe(number);
    expect(r?.rest).toBe(rest);
  });
  it('a sentence starting with Số is not a number line', () => {
    expect(readNumberLine('Số 15 cán bộ được cử đi học')).toBeNull();
    expect(readNumberLine('Số lượng đảng viên')).toBeNull();
  });
  it.each([
    ['Tuyên Quang, ngày 07 tháng 9 năm 2021', '2021-09-07', 'Tuyên Quang'],
    ['Nam Định, ngày 1 tháng 12 năm 2021', '2021-12-01', 'Nam Định'],
    ['Yên Sơn,  ngày  09 tháng 8 năm 2022', '2022-08-09', 'Yên Sơn'],
    ['TP. Hồ Chí Minh, ngày 20 tháng 10 năm 2023', '2023-10-20', 'TP. Hồ Chí Minh'],
    ['ngày 07 tháng 9 năm 2021', '2021-09-07', undefined],
    ['Hà Nội, ngày 05/3/2020', '2020-03-05', 'Hà Nội'],
  ])('date line %s', (line, iso, place) => {
    expect(readDateLine(line)).toEqual({ iso, place });
  });
  it('dates inside sentences and impossible dates are not date lines', () => {
    expect(readDateLine('Thực hiện Văn bản số 635-CV/TU ngày 24/8/2021 của Ban Thường vụ')).toBeNull();
    expect(readDateLine('Hà Nội, ngày 30 tháng 2 năm 2021')).toBeNull();
  });
  it('type-name lines', () => {
    expect(readTypeName('CHỈ THỊ')?.key).toBe('chi-thi');
    expect(readTypeName('KẾ  HOẠCH'.replace(/\s+/, ' '))?.key).toBe('ke-hoach');
    expect(readTypeName('Nghị quyết')?.key).toBe('nghi-quyet');
    expect(readTypeName('QUYẾT ĐỊNH:')).toBeUndefined();
    expect(readTypeName('BAN DÂN VẬN')).toBeUndefined();
  });
});

describe('parseHeader', () => {
  it('reads seed 002 order: issuer, *, number + wrapped subject, title, date, Kính gửi', () => {
    const h = header(`

TỈNH ỦY TUYÊN QUANG
BAN DÂN VẬN

*

Số 234-CV/BDVTU
Về công tác triển khai các biện pháp
cấp bách phòng, chống dịch

ĐẢNG CỘNG SẢN VIỆT NAM

Tuyên Quang, ngày 07 tháng 9 năm 2021

Kính gửi: - Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh,
- Ban Dân vận các huyện ủy, thành ủy; Bộ phận tham mưu công
tác dân vận các Đảng ủy trực thuộc Tỉnh ủy,
- Các Hội quần chúng cấp tỉnh.

Thực hiện Văn bản số 635-CV/TU ngày 24/8/2021.`);
    expect(h.issuerLines.map((l) => l.text)).toEqual(['TỈNH ỦY TUYÊN QUANG', 'BAN DÂN VẬN']);
    expect(h.number?.raw).toBe('234-CV/BDVTU');
    expect(h.subject).toMatchObject({ text: 'Về công tác triển khai các biện pháp cấp bách phòng, chống dịch', marker: 'number' });
    expect(h.familyHint).toBe('party');
    expect(h.date).toMatchObject({ iso: '2021-09-07', place: 'Tuyên Quang' });
    expect(h.recipients).toEqual([
      'Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh',
      'Ban Dân vận các huyện ủy, thành ủy; Bộ phận tham mưu công tác dân vận các Đảng ủy trực thuộc Tỉnh ủy',
      'Các Hội quần chúng cấp tỉnh',
    ]);
    expect(h.stoppedAt?.text).toMatch(/^Thực hiện Văn bản/);
  });

  it('reads seed 003 order: issuer over three lines, title and date before * and number', () => {
    const h = header(
      'ĐẢNG BỘ TỈNH BẾN TRE\nĐẢNG ỦY KHỐI\nCƠ QUAN - DOANH NGHIỆP TỈNH\n\nĐẢNG CỘNG SẢN VIỆT NAM\nBến Tre, ngày 07 tháng 3 năm 2022\n\n*\n\nSố 554-CV/ĐUK\nThực hiện công tác dân vận năm 2022\n\nKính gửi: - Các đồng chí trong Đảng ủy Khối,\n\nThực hiện Chương trình số 21-CTr/TU',
    );
    expect(h.issuerLines).toHaveLength(3);
    expect(h.subject?.text).toBe('Thực hiện công tác dân vận năm 2022');
    expect(h.date?.iso).toBe('2022-03-07');
    expect(h.recipients).toEqual(['Các đồng chí trong Đảng ủy Khối']);
  });

  it('reads a flattened two-column State header with V/v subject', () => {
    const h = header(
      'UBND TỈNH NAM ĐỊNH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ                      Độc lập - Tự do - Hạnh phúc\n-------                      --------------\nSố: 2345/SYT-NVY             Nam Định, ngày 05 tháng 3 năm 2022\nV/v tăng cường tiêm chủng\nphòng Covid-19\n\nKính gửi: Ủy ban nhân dân các huyện, thành phố.\n\nThực hiện Công văn số 1185/BYT-DP',
    );
    expect(h.familyHint).toBe('state');
    expect(h.issuerLines.map((l) => l.text)).toEqual(['UBND TỈNH NAM ĐỊNH', 'SỞ Y TẾ']);
    expect(h.number?.raw).toBe('2345/SYT-NVY');
    expect(h.date?.place).toBe('Nam Định');
    expect(h.subject).toMatchObject({ text: 'V/v tăng cường tiêm chủng phòng Covid-19', marker: 'vv' });
    expect(h.recipients).toEqual(['Ủy ban nhân dân các huyện, thành phố']);
  });

  it('a subject goes on across a blank line only with a line in lower case (Word: a paragraph per line)', () => {
    const base = 'UBND TỈNH NAM ĐỊNH\nSỞ Y TẾ\n\nSố: 2345/SYT-NVY\n\nV/v tăng cường tiêm chủng\n\n';
    expect(header(`${base}phòng Covid-19\n\nKính gửi: Các huyện.\n\nThực hiện Công văn số 1185/BYT-DP`).subject?.text).toBe(
      'V/v tăng cường tiêm chủng phòng Covid-19',
    );
    // A capitalised line past the blank is no piece of the subject; nor is anything after a subject that ended.
    expect(header(`${base}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNam Định, ngày 05 tháng 3 năm 2022`).subject?.text).toBe(
      'V/v tăng cường tiêm chủng',
    );
    // After a word that cannot end a subject, the next paragraph goes on it whatever it starts with.
    const year = header(
      'TỈNH ỦY HÀ GIANG\nBAN TUYÊN GIÁO\n\nSố 20-CV/BTGTU\n\nVề chăm sóc sức khỏe nhân dân năm\n\n2016\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Giang, ngày 17 tháng 10 năm 2016',
    );
    expect(year.subject?.text).toBe('Về chăm sóc sức khỏe nhân dân năm 2016');
    expect(year.date?.iso).toBe('2016-10-17');
    const ended = header('SỞ Y TẾ\nSố: 2345/SYT-NVY\nV/v tiêm chủng.\n\nphòng Covid-19 là việc cấp bách');
    expect(ended.subject?.text).toBe('V/v tiêm chủng.');
  });

  it('reads a type-name line with its wrapped `về` subject, and stops at the body', () => {
    const h = header(
      'ĐẢNG BỘ TỈNH NAM ĐỊNH\nTỈNH ỦY\n*\nSố 15-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nNam Định, ngày 1 tháng 12 năm 2021\n\nCHỈ THỊ\nvề tăng cường sự lãnh đạo của Đảng đối với công tác\nphòng, chống thiên tai\n\nNhững năm qua, công tác phòng, chống thiên tai ...',
    );
    expect(h.typeName?.type.key).toBe('chi-thi');
    expect(h.subject).toMatchObject({ text: 'về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống thiên tai', marker: 'type' });
    expect(h.date?.iso).toBe('2021-12-01');
    expect(h.stoppedAt?.n).toBe(12);
  });

  it('capitals after the type name belong to the body, not the issuer', () => {
    const h = header(
      'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 15/2022/QĐ-UBND\nLâm Đồng, ngày 20 tháng 5 năm 2022\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế\n----------\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n\nCăn cứ Luật',
    );
    expect(h.issuerLines).toHaveLength(1);
    expect(h.stoppedAt?.text).toBe('ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG');
    expect(h.stoppedAt?.n).toBe(7);
  });
});
