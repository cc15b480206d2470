import { describe, expect, test } from 'vitest';
import { escapeXml } from '../../src/html/escape.ts';
import { planQuery } from '../../src/search/query-plan.ts';
import { bestPassage } from '../../src/search/passage.ts';
import { passageParts } from '../../src/search/passage-parts.ts';

const body = [
  'Thực hiện Kế hoạch số 12-KH/TU của Tỉnh ủy về công tác năm 2024.',
  '## I. MỤC ĐÍCH, YÊU CẦU',
  '1\\. Nâng cao nhận thức của cán bộ, đảng viên.',
  '## II. NHIỆM VỤ',
  '1\\. Tổ chức học tập:',
  'a) Ban Tuyên giáo chủ trì biên soạn tài liệu.',
  'b) Các chi bộ tổ chức học tập chuyên đề phòng, chống tham nhũng, tiêu cực trong cơ quan.',
  '2\\. Báo cáo kết quả trước ngày 15 hằng tháng.',
].join('\n\n');

const passage = (q: string) => bestPassage(passageParts(body), planQuery(q).syllables, escapeXml);

describe('result passages', () => {
  test('the body is kept part by part, each with its anchor and where it lies, as a citation names it', () => {
    expect(passageParts(body).map(([id, where]) => [id, where])).toEqual([
      ['', ''],
      ['muc-i', 'Mục I'],
      ['muc-i-1', 'khoản 1 Mục I'],
      ['muc-ii', 'Mục II'],
      ['muc-ii-1', 'khoản 1 Mục II'],
      ['muc-ii-1-diem-a', 'điểm a khoản 1 Mục II'],
      ['muc-ii-1-diem-b', 'điểm b khoản 1 Mục II'],
      ['muc-ii-2', 'khoản 2 Mục II'],
    ]);
  });

  test('shows the passage the query matched, with its words marked, and the part it lies in', () => {
    const p = passage('phong chong tham nhung')!;
    expect(p.id).toBe('muc-ii-1-diem-b');
    expect(p.where).toBe('điểm b khoản 1 Mục II');
    expect(p.html).toContain('<mark>phòng</mark>, <mark>chống</mark> <mark>tham</mark> <mark>nhũng</mark>');
  });

  test('prefers the syllables in a row to the same syllables scattered', () => {
    // `tổ chức` stands together in clause 1 and in point b; `học tập` too; both together only in point b.
    expect(passage('to chuc hoc tap chuyen de')!.id).toBe('muc-ii-1-diem-b');
    expect(passage('nhan thuc can bo')!.id).toBe('muc-i-1');
  });

  test('opens with the first words when nothing in the body matches, and marks nothing', () => {
    const p = passage('xyzw qqq')!;
    expect(p.id).toBe('');
    expect(p.html.startsWith('Thực hiện Kế hoạch số 12-KH/TU')).toBe(true);
    expect(p.html).not.toContain('<mark>');
  });

  test('escapes the text, folds tone placement and case the way the search matched', () => {
    const parts = passageParts('Tỉnh uỷ đề nghị 1 \\< 2 & 3');
    expect(bestPassage(parts, planQuery('TINH ỦY').syllables, escapeXml)!.html).toBe(
      '<mark>Tỉnh</mark> <mark>uỷ</mark> đề nghị 1 &lt; 2 &amp; 3',
    );
  });

  test('marks whole syllables; only the last one typed may be the start of a word, and a passage stays in its paragraph', () => {
    const parts = passageParts('## I. MỤC ĐÍCH, YÊU CẦU\n\nBảo đảm nước cho sinh hoạt; quản lý hồ chứa nước.');
    const p = bestPassage(parts, planQuery('ho chua nuoc').syllables, escapeXml)!;
    expect(p.html).toBe('Bảo đảm <mark>nước</mark> cho sinh hoạt; quản lý <mark>hồ</mark> <mark>chứa</mark> <mark>nước</mark>.');
    expect(bestPassage(parts, planQuery('sinh ho').syllables, escapeXml)!.html).toContain('<mark>sinh</mark> <mark>hoạt</mark>');
  });

  test('cuts a long part around the match and says so', () => {
    const long = `${'một hai ba bốn năm sáu bảy tám chín mười '.repeat(10)}biên phòng ${'mười một '.repeat(30)}`;
    const p = bestPassage(passageParts(long), ['bien', 'phong'], escapeXml, 12)!;
    expect(p.html.startsWith('… ')).toBe(true);
    expect(p.html.endsWith(' …')).toBe(true);
    expect(p.html).toContain('<mark>biên</mark> <mark>phòng</mark>');
  });
});
