import { describe, expect, test } from 'vitest';
import { findReferences } from '../../src/model/references.ts';

const one = (text: string) => {
  const found = findReferences(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('findReferences: the forms in real directives', () => {
  test('Văn bản (a công văn) with date and body', () => {
    const r = one('Thực hiện Văn bản số 635-CV/TU ngày 24/8/2021 của Ban Thường vụ Tỉnh ủy về công tác triển khai');
    expect(r).toMatchObject({ number: '635-CV/TU', issued: '2021-08-24', body: 'Ban Thường vụ Tỉnh ủy', type: null, kind: 'implements' });
    expect(r.text).toBe('Văn bản số 635-CV/TU ngày 24/8/2021 của Ban Thường vụ Tỉnh ủy');
  });

  test('comma before ngày', () => {
    expect(one('Thực hiện Chương trình số 21-CTr/TU, ngày 18/02/2022 của Ban Thường vụ Tỉnh ủy về công tác dân vận')).toMatchObject({
      number: '21-CTr/TU',
      issued: '2022-02-18',
      type: 'chuong-trinh',
      body: 'Ban Thường vụ Tỉnh ủy',
    });
  });

  test('no date, the term names the body', () => {
    const found = findReferences(
      'theo Quyết định số 217-QĐ/TW và công tác góp ý theo Quyết định số 218-QĐ/TW của Bộ Chính trị khóa XI. Lãnh đạo',
    );
    expect(found.map((f) => [f.number, f.issued, f.body])).toEqual([
      ['217-QĐ/TW', null, null],
      ['218-QĐ/TW', null, 'Bộ Chính trị khóa XI'],
    ]);
  });

  test('older order: body before the number, dashed date', () => {
    expect(one('Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997 về việc')).toMatchObject({
      number: '31-QĐ/TW',
      issued: '1997-10-01',
      body: 'Bộ Chính trị',
      type: 'quyet-dinh',
    });
  });

  test('State numbers, with and without số', () => {
    expect(one('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư')).toMatchObject({
      number: '30/2020/NĐ-CP',
      issued: '2020-03-05',
      body: 'Chính phủ',
      type: 'nghi-dinh',
      kind: 'based-on',
    });
    expect(one('thực hiện nghiêm Chỉ thị 16/CT-TTg của Thủ tướng Chính phủ')).toMatchObject({
      number: '16/CT-TTg',
      type: 'chi-thi',
      body: 'Thủ tướng Chính phủ',
    });
  });

  test('date written out in words', () => {
    expect(one('Kế hoạch số 12/KH-UBND ngày 5 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh')).toMatchObject({
      issued: '2020-03-05',
      number: '12/KH-UBND',
    });
  });

  test('relation kind from the words before', () => {
    expect(one('Quy định này thay thế Quy định số 05-QĐi/TU ngày 1/1/2020').kind).toBe('replaces');
    expect(one('sửa đổi, bổ sung một số điều của Quy định số 05-QĐi/TU').kind).toBe('amends');
    expect(one('bãi bỏ Thông báo số 12-TB/TU').kind).toBe('repeals');
    expect(one('hướng dẫn thực hiện Nghị quyết số 04-NQ/TU').kind).toBe('guides');
    expect(one('theo Nghị quyết số 04-NQ/TU').kind).toBe('cites');
  });

  test('lower-case type words and odd spacing', () => {
    expect(one('các nội dung của chỉ thị  số  01 - CT/TU ngày 17 / 10 / 2020').number).toBe('01-CT/TU');
  });
});

describe('findReferences: what a citation does to the cited directive', () => {
  test('replaces, repeals, amends: said before it; an end of force said after it', () => {
    expect(one('Chỉ thị này thay thế Chỉ thị số 05-CT/TU ngày 01/6/2011 của Ban Thường vụ Tỉnh ủy.').kind).toBe('replaces');
    expect(one('Bãi bỏ Quyết định số 12-QĐ/TU ngày 02/3/2015.').kind).toBe('repeals');
    expect(one('Sửa đổi, bổ sung một số điều của Quy định số 05-QĐi/TU ngày 01/02/2018.').kind).toBe('amends');
    const ended = one('Chỉ thị số 05-CT/TU ngày 01/6/2011 của Ban Thường vụ Tỉnh ủy hết hiệu lực kể từ ngày ký.');
    expect(ended).toMatchObject({ kind: 'repeals', body: 'Ban Thường vụ Tỉnh ủy' });
    expect(one('Kế hoạch số 20-KH/TU không còn hiệu lực.').kind).toBe('repeals');
  });

  test('text that looks similar changes nothing', () => {
    // The citing directive's own end of force, after a citation of another.
    expect(one('Thực hiện Chỉ thị số 05-CT/TU, các cấp ủy triển khai. Chỉ thị này hết hiệu lực khi có văn bản mới.').kind).toBe(
      'implements',
    );
    expect(one('Chỉ thị số 05-CT/TU vẫn còn hiệu lực thi hành.').kind).toBe('cites');
    expect(one('việc thay thế cán bộ theo Quy định số 105-QĐ/TW').kind).toBe('cites');
    expect(one('Quyết định số 12-QĐ/TU có hiệu lực kể từ ngày ký.').kind).toBe('cites');
  });
});

describe('findReferences: the part of the cited directive named before it', () => {
  test('points, clauses, articles, sections and chapters, smallest first; the relation read before them', () => {
    const r = one('Sửa đổi, bổ sung điểm a khoản 2 Điều 3 của Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị.');
    expect(r).toMatchObject({ part: 'điểm a khoản 2 Điều 3', number: '217-QĐ/TW', kind: 'amends', issued: '2013-12-12' });
    expect(r.text).toBe('điểm a khoản 2 Điều 3 của Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị');
    expect(one('theo tiểu mục 1 Mục II Hướng dẫn 36-HD/VPTW').part).toBe('tiểu mục 1 Mục II');
    expect(one('Thực hiện Chương III Quy định số 05-QĐi/TU').part).toBe('Chương III');
    expect(one('thực hiện mục 2 Công văn số 635-CV/TU').part).toBe('mục 2');
  });

  test('no part when the words before name none', () => {
    expect(one('Thực hiện Kế hoạch số 12-KH/TU').part).toBeNull();
    // An article of the citing directive's own text, then a citation: the article is not the cited one's.
    expect(one('Điều 2. Giao Văn phòng theo dõi việc thực hiện Chỉ thị số 05-CT/TU.').part).toBeNull();
    expect(one('đúng Điều lệ Đảng và Quy định số 24-QĐ/TW').part).toBeNull();
  });
});

describe('findReferences: text that looks similar but is not a reference', () => {
  test.each([
    'Công văn này',
    'Ban Thường vụ Đảng ủy Khối đề nghị triển khai thực hiện tốt Công văn này.',
    'dịch bệnh Covid-19, các ca F0, F1, F2',
    'nhiệm kỳ 2022 - 2027; chuẩn bị đại hội nhiệm kỳ 2023-2028',
    'theo Điều 5, khoản 2 của Quy định',
    'các nghị quyết, chỉ thị, kết luận của Đảng về công tác dân vận',
    'xây dựng 01 mục riêng',
    'Số điện thoại 0275-3822-123',
  ])('%s', (text) => {
    expect(findReferences(text)).toEqual([]);
  });

  test('a directive citing its own number is not a reference', () => {
    expect(findReferences('Công văn số 554-CV/ĐUK này được gửi', '554-CV/ĐUK')).toEqual([]);
    expect(findReferences('Công văn số 554-CV/ĐUK này được gửi')).toHaveLength(1);
    // Dated, its own number names an earlier directive of the same number.
    expect(findReferences('Chỉ thị này thay thế Chỉ thị số 05-CT/TU ngày 01/6/2011.', '05-CT/TU')).toMatchObject([
      { issued: '2011-06-01', kind: 'replaces' },
    ]);
  });
});
