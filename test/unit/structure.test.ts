import { describe, expect, it } from 'vitest';
import { anchorLabel, bodyParts, citedPartAnchor, landingAnchor, markdownBlocks, romanValue } from '../../src/model/structure.ts';
import { anchorParts } from '../../src/html/parts.ts';
import { directiveBody } from '../../src/html/directive-body.ts';

const ids = (md: string) => bodyParts(md).map((p) => p.id);

describe('structure: the headed parts of a body and their anchors', () => {
  it('reads Roman-numbered sections, their clauses and points (a Party kế hoạch)', () => {
    const md = [
      '## I. MỤC ĐÍCH, YÊU CẦU',
      '1\\. Quán triệt sâu sắc.',
      '2\\. Bảo đảm thiết thực.',
      '## II. NHIỆM VỤ',
      '1- Tổ chức học tập:',
      'a) Cấp tỉnh.',
      'b) Cấp huyện.',
      'đ) out of order: not a point',
      '2- Tuyên truyền.',
      '1.1/ not a sub-clause of clause 2',
      '2.1. Trên báo chí.',
      '## III. TỔ CHỨC THỰC HIỆN',
    ].join('\n\n');
    expect(ids(md)).toEqual([
      'muc-i',
      'muc-i-1',
      'muc-i-2',
      'muc-ii',
      'muc-ii-1',
      'muc-ii-1-diem-a',
      'muc-ii-1-diem-b',
      'muc-ii-2',
      'muc-ii-2-1',
      'muc-iii',
    ]);
    const parts = bodyParts(md);
    expect(parts[0]).toMatchObject({ kind: 'muc', label: 'Mục I', title: 'I. MỤC ĐÍCH, YÊU CẦU', depth: 0 });
    expect(parts[5]).toMatchObject({ kind: 'diem', label: 'điểm a', depth: 2 });
  });

  it('reads chapters, articles, clauses and points (a State quy định), however the article is punctuated', () => {
    const md = [
      'Chương I',
      'NHỮNG QUY ĐỊNH CHUNG',
      'Điều 1. Phạm vi điều chỉnh',
      'Điều 2 : Đối tượng áp dụng',
      '1\\. Cán bộ, công chức.',
      '2\\. Viên chức:',
      'a) ở cấp tỉnh;',
      'b) ở cấp huyện.',
      'CHƯƠNG II',
      'Mục 1. TỔ CHỨC',
      'Điều 3- Trách nhiệm',
      'Theo Điều 2 của Quy định này, không phải một điều mới.',
      'Điều 4.',
    ].join('\n\n');
    expect(ids(md)).toEqual([
      'chuong-i',
      'dieu-1',
      'dieu-2',
      'dieu-2-khoan-1',
      'dieu-2-khoan-2',
      'dieu-2-khoan-2-diem-a',
      'dieu-2-khoan-2-diem-b',
      'chuong-ii',
      'chuong-ii-muc-1',
      'dieu-3',
      'dieu-4',
    ]);
    // A chapter's name on the line after its label belongs to its title.
    expect(bodyParts(md)[0]).toMatchObject({ kind: 'chuong', label: 'Chương I', title: 'Chương I. NHỮNG QUY ĐỊNH CHUNG' });
  });

  it('keeps sentences that start with a number, a year or an initial out of the structure', () => {
    const md = [
      '2021 là năm đầu tiên thực hiện.',
      '15-20 người mỗi lớp.',
      '3/2 là ngày thành lập Đảng.',
      '1.000 đảng viên tham gia.',
      'V. I. Lênin đã viết.',
      'Thực hiện Chỉ thị số 05-CT/TW.',
    ].join('\n\n');
    expect(ids(md)).toEqual([]);
  });

  it('makes the same anchors from the same labels, wherever the text around them changes (a re-import)', () => {
    const a = '## I. MỤC TIÊU\n\nMở đầu.\n\n## II. NHIỆM VỤ\n\n1\\. Một.';
    const b = 'Lời dẫn mới thêm vào.\n\n## I. MỤC TIÊU\n\nMở đầu khác, dài hơn.\n\nThêm một đoạn.\n\n## II. NHIỆM VỤ\n\n1\\. Một.';
    expect(ids(b)).toEqual(ids(a));
  });

  it('numbers annexes in order, and scopes the anchors inside them', () => {
    const md = [
      'Điều 1. Ban hành kèm theo Quyết định này Quy chế.',
      '---',
      '## QUY CHẾ LÀM VIỆC',
      'Điều 1. Phạm vi',
      '1\\. Một.',
      'PHỤ LỤC II',
      'Danh mục.',
    ].join('\n\n');
    expect(ids(md)).toEqual(['dieu-1', 'phu-luc-1', 'phu-luc-1-dieu-1', 'phu-luc-1-dieu-1-khoan-1', 'phu-luc-2']);
  });

  it('gives a second part with the same label an anchor of its own', () => {
    expect(ids('Điều 1. A\n\nĐiều 2. B\n\nĐiều 3. C\n\nĐiều 5. E')).toEqual(['dieu-1', 'dieu-2', 'dieu-3', 'dieu-5']);
    expect(ids('PHẦN THỨ NHẤT\n\nPhần thứ hai\n\nPhần III')).toEqual(['phan-1', 'phan-2', 'phan-3']);
  });

  it('reads Roman numerals', () => {
    expect([romanValue('I'), romanValue('IV'), romanValue('IX'), romanValue('XIV'), romanValue('IIII'), romanValue('ABC')]).toEqual([
      1,
      4,
      9,
      14,
      null,
      null,
    ]);
  });

  it('splits Markdown into the blocks the page shows, numbering an ordered list as CommonMark does', () => {
    expect(markdownBlocks('Đoạn một\nnối dòng.\n\n1. Một\n1. Hai\n- gạch\n\n## Tiêu đề')).toEqual([
      { text: 'Đoạn một nối dòng.' },
      { text: '1. Một' },
      { text: '2. Hai' },
      { text: 'gạch' },
      { text: 'Tiêu đề' },
    ]);
  });
});

describe('anchors on the rendered body', () => {
  it('puts each part’s id on its block, reads ordered list items with their numbers, and leaves tables alone', () => {
    const html =
      '<h2>I. MỤC ĐÍCH</h2><ol start="1"><li>Một.</li><li><p>Hai.</p><p>tiếp</p></li></ol><p>a) điểm</p>' +
      '<table><tr><td>1. ô bảng</td></tr></table><h2>II. NỘI DUNG</h2>';
    const { html: out, parts } = anchorParts(html);
    expect(parts.map((p) => p.id)).toEqual(['muc-i', 'muc-i-1', 'muc-i-2', 'muc-i-2-diem-a', 'muc-ii']);
    expect(out).toBe(
      '<h2 id="muc-i">I. MỤC ĐÍCH</h2><ol start="1"><li id="muc-i-1">Một.</li><li><p id="muc-i-2">Hai.</p><p>tiếp</p></li></ol><p id="muc-i-2-diem-a">a) điểm</p>' +
        '<table><tr><td>1. ô bảng</td></tr></table><h2 id="muc-ii">II. NỘI DUNG</h2>',
    );
  });

  it('gives the page the same anchors as the Markdown, and puts an issued document’s id on its section', () => {
    const md = '## I. MỤC TIÊU\n\n1\\. Một.\n\nĐiều 1. Lạc chỗ\n\n---\n\n## QUY CHẾ\n\nĐiều 1. Phạm vi';
    const html = '<h2>I. MỤC TIÊU</h2>\n<p>1. Một.</p>\n<p>Điều 1. Lạc chỗ</p>\n<hr>\n<h2>QUY CHẾ</h2>\n<p>Điều 1. Phạm vi</p>';
    const body = directiveBody(html, [], () => undefined);
    expect(body.parts.map((p) => p.id)).toEqual(ids(md));
    expect(body.annexes.map((a) => a.id)).toEqual(['phu-luc-1']);
    expect(body.annexes[0]!.html).toContain('<p id="phu-luc-1-dieu-1">');
    expect(body.annexes[0]!.html).not.toContain('<h2 id=');
    expect(body.contents.map((p) => p.id)).toEqual(['muc-i', 'dieu-1', 'phu-luc-1', 'phu-luc-1-dieu-1']);
  });

  it('offers no table of contents for a short body', () => {
    expect(directiveBody('<p>1. Một.</p><p>2. Hai.</p><h2>I. A</h2>', [], () => undefined).contents).toEqual([]);
  });
});

describe('citations of a part', () => {
  it('name the anchor of the part, smallest first, in the scheme of the page', () => {
    expect(citedPartAnchor('điểm a khoản 2 Điều 3')).toBe('dieu-3-khoan-2-diem-a');
    expect(citedPartAnchor('Điều 5')).toBe('dieu-5');
    expect(citedPartAnchor('tiểu mục 1 Mục II')).toBe('muc-ii-1');
    expect(citedPartAnchor('khoản 1.2 Mục III')).toBe('muc-iii-1-2');
    expect(citedPartAnchor('Chương II')).toBe('chuong-ii');
    expect(citedPartAnchor('Phần thứ hai')).toBe('phan-2');
    expect(citedPartAnchor('mục 2')).toBe('khoan-2');
    expect(citedPartAnchor('điểm đ')).toBe('diem-dd');
    expect(citedPartAnchor('')).toBeNull();
  });

  it('land on the part, on the same part in the one annex, or on the larger part the text marks', () => {
    const ids = new Set([
      'dieu-1',
      'dieu-3',
      'phu-luc-1-dieu-5',
      'phu-luc-1-dieu-5-khoan-2',
      'muc-ii',
      'phu-luc-2-dieu-7',
      'phu-luc-3-dieu-7',
    ]);
    expect(landingAnchor('dieu-3', ids)).toBe('dieu-3');
    expect(landingAnchor('dieu-3-khoan-4-diem-b', ids)).toBe('dieu-3');
    expect(landingAnchor('dieu-5-khoan-2', ids)).toBe('phu-luc-1-dieu-5-khoan-2');
    expect(landingAnchor('muc-ii-3', ids)).toBe('muc-ii');
    // Two annexes have an Điều 7: which one is meant cannot be told.
    expect(landingAnchor('dieu-7', ids)).toBeNull();
    expect(landingAnchor('dieu-9', ids)).toBeNull();
  });

  it('an anchor reads back as the part a reader names', () => {
    expect(anchorLabel('dieu-3-khoan-2-diem-a')).toBe('điểm a khoản 2 Điều 3');
    expect(anchorLabel('muc-ii-1')).toBe('khoản 1 Mục II');
    expect(anchorLabel('phu-luc-1-dieu-5')).toBe('Điều 5 Phụ lục 1');
    expect(anchorLabel('chuong-ii-muc-1')).toBe('Mục 1 Chương II');
    expect(anchorLabel('phu-luc-2')).toBe('Phụ lục 2');
    expect(anchorLabel('khoan-3-diem-dd')).toBe('điểm đ khoản 3');
  });

  it('every anchor the page makes reads back to its part’s own label', () => {
    const md = ['## I. MỤC TIÊU', '1\\. Một.', 'a) điểm.', 'Chương II', 'Mục 1. TỔ CHỨC', 'Điều 3. Trách nhiệm', '1\\. Một.'].join('\n\n');
    for (const p of bodyParts(md)) expect(anchorLabel(p.id).startsWith(p.label), p.id).toBe(true);
  });
});
