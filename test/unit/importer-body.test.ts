import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { bodyToMarkdown } from '../../src/importer/body.ts';

/** Plain text of each top-level block as Markdown readers see it. */
function readBack(md: string): { types: string[]; text: string } {
  const tree = unified().use(remarkParse).parse(md);
  const flat = (n: { value?: string; children?: unknown[] }): string =>
    n.value ?? (n.children ?? []).map((c) => flat(c as never)).join(' ');
  return { types: tree.children.map((c) => c.type), text: flat(tree as never).replace(/\s+/g, ' ') };
}

describe('body → Markdown', () => {
  it('keeps `1-` points and `a)` points as the text they are', () => {
    const md = bodyToMarkdown(['1- Tiếp tục tổ chức quán triệt.', '', 'a) Lịch sử vẻ vang.', '', 'b) Những thành tựu.']);
    expect(md).toBe('1- Tiếp tục tổ chức quán triệt.\n\na) Lịch sử vẻ vang.\n\nb) Những thành tựu.\n');
  });
  it('turns running `1.` points into one ordered list (seed 003 form)', () => {
    const md = bodyToMarkdown(['1. Lãnh đạo thực hiện.', '', '2. Chủ động dự báo.', '', '3. Đẩy mạnh phong trào.']);
    expect(md).toBe('1. Lãnh đạo thực hiện.\n\n2. Chủ động dự báo.\n\n3. Đẩy mạnh phong trào.\n');
    expect(readBack(md).types).toEqual(['list']);
  });
  it('never renumbers: a number out of sequence stays text', () => {
    const md = bodyToMarkdown(['1. Một.', '3. Ba.']);
    expect(readBack(md).text).toContain('3. Ba.');
    expect(md).toContain('3\\. Ba.');
  });
  it('section headings, nested bullets and sub-bullets', () => {
    const md = bodyToMarkdown([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '- Tuyên truyền sâu rộng;',
      '+ Hình thức phong phú;',
      '2. Yêu cầu',
      '',
      'II. NỘI DUNG',
    ]);
    expect(md).toBe(
      '## I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n   - Tuyên truyền sâu rộng;\n     - Hình thức phong phú;\n2. Yêu cầu\n\n## II. NỘI DUNG\n',
    );
  });
  it('joins hard-wrapped lines, keeps paragraphs apart', () => {
    const md = bodyToMarkdown([
      'Thực hiện Hướng dẫn số 125-HD/BTGTW ngày 05/12/2022 của Ban Tuyên giáo',
      'Trung ương, Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch như',
      'sau:',
      'Các cơ quan báo chí mở chuyên mục.',
    ]);
    expect(md).toBe(
      'Thực hiện Hướng dẫn số 125-HD/BTGTW ngày 05/12/2022 của Ban Tuyên giáo Trung ương, Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch như sau:\n\nCác cơ quan báo chí mở chuyên mục.\n',
    );
  });
  it('escapes text that would otherwise become formatting, and reads back to the same text', () => {
    const lines = [
      '2021. Năm bản lề * của kế hoạch _nhấn_ [liên kết](x) <b> &amp;',
      '',
      '# không phải tiêu đề',
      '',
      '+ không phải danh sách? (dòng đầu)',
      '',
      '* sao',
      '',
      '> trích',
    ];
    const md = bodyToMarkdown(lines);
    const back = readBack(md);
    expect(back.types.filter((t) => t === 'heading' || t === 'blockquote')).toEqual([]);
    expect(back.text).toContain('2021. Năm bản lề * của kế hoạch _nhấn_ [liên kết](x) <b> &amp;');
    expect(back.text).toContain('# không phải tiêu đề');
    expect(back.text).toContain('> trích');
  });
});
