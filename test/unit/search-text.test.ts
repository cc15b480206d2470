import { describe, expect, test } from 'vitest';
import { highlightTerms, openingWords, uniqueWords, withDFolded } from '../../src/search/query-text.ts';
import { escapeXml } from '../../src/html/escape.ts';

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
