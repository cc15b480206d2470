import { describe, expect, test } from 'vitest';
import { passageParts } from '../../src/search/passage-parts.ts';
import { uniqueWords, withDFolded } from '../../src/search/query-text.ts';
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
});

describe('search record', () => {
  test('the record and the passage text have none of the text of removed elements', () => {
    const body = 'Mở đầu <script>alert(5)</script> <a href="javascript:x">js link</a> tiếp theo.';
    const html = searchRecordHtml({
      data: directiveSchema.parse({
        number: '1-CV/X',
        type: 'cong-van',
        title: 'Về một việc',
        issuer: 'x',
        issued: '2024-01-02',
      }),
      title: 'Về một việc',
      body,
      issuerName: 'Cơ quan X',
      scope: 'x',
      typeName: 'Công văn',
    });
    expect(html).toContain('js link tiếp theo.');
    expect(html).not.toContain('alert(5)');
    expect(passageParts(body)).toEqual([['', '', 'Mở đầu js link tiếp theo.']]);
  });
});

describe('escapeXml', () => {
  test('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
    expect(escapeXml('Về\u0000 công\u000b tác\uFFFE \uD800dân vận\tx\ny')).toBe('Về công tác dân vận\tx\ny');
    expect(escapeXml('😀 đủ cặp')).toBe('😀 đủ cặp');
  });
});
