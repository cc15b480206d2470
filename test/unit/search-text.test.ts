import { describe, expect, test } from 'vitest';
import { highlightTerms, openingWords, uniqueWords, withDFolded } from '../../src/search/query-text.ts';
import { escapeXml } from '../../src/html/escape.ts';
import { searchRecordHtml } from '../../src/search/record.ts';
import { directiveSchema } from '../../src/model/schema.ts';

describe('search text', () => {
  test('words with đ get their d-folded twin, others are left alone', () => {
    expect(withDFolded('Đảng ủy Khối đề nghị')).toBe('Đảng dảng ủy Khối đề dề nghị');
  });

  test('uniqueWords keeps each word once, in order, ignoring case and punctuation', () => {
    expect(uniqueWords('Phòng, chống dịch. Phòng chống dịch bệnh; phòng')).toBe('Phòng, chống dịch. bệnh;');
  });

  test('openingWords cuts at a word boundary and says so', () => {
    expect(openingWords('một hai ba bốn', 2)).toBe('một hai …');
    expect(openingWords('một  hai', 5)).toBe('một hai');
  });

  test('highlightTerms marks words the way the search matched them, and escapes the rest', () => {
    expect(highlightTerms('Đảng ủy Khối <b> đề nghị', 'dang uy khoi', escapeXml)).toBe(
      '<mark>Đảng</mark> <mark>ủy</mark> <mark>Khối</mark> &lt;b&gt; đề nghị',
    );
    expect(highlightTerms('phòng, chống dịch Covid-19', 'phong chong', escapeXml)).toBe(
      '<mark>phòng</mark>, <mark>chống</mark> dịch Covid-19',
    );
    expect(highlightTerms('Tỉnh uỷ', 'tinh ủy', escapeXml)).toBe('<mark>Tỉnh</mark> <mark>uỷ</mark>');
  });
});

describe('search record', () => {
  test('the summary has none of the text of removed elements', () => {
    const html = searchRecordHtml({
      data: directiveSchema.parse({
        number: '1-CV/X',
        type: 'cong-van',
        title: 'Về một việc',
        issuer: 'x',
        issued: '2024-01-02',
      }),
      title: 'Về một việc',
      body: 'Mở đầu <script>alert(5)</script> <a href="javascript:x">js link</a> tiếp theo.',
      issuerName: 'Cơ quan X',
      scope: 'x',
      typeName: 'Công văn',
    });
    const summary = /data-pagefind-meta="summary">([^<]*)</.exec(html)?.[1];
    expect(summary).toBe('Mở đầu js link tiếp theo.');
    expect(html).not.toContain('alert(5)');
  });
});

describe('escapeXml', () => {
  test('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
    expect(escapeXml('Về\u0000 công\u000b tác\uFFFE \uD800dân vận\tx\ny')).toBe('Về công tác dân vận\tx\ny');
    expect(escapeXml('😀 đủ cặp')).toBe('😀 đủ cặp');
  });
});
