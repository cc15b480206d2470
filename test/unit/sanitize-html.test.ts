import { describe, expect, test } from 'vitest';
import { markdownToText } from '../../src/model/markdown-text.ts';
import { sanitizeHtml } from '../../src/html/sanitize.ts';

describe('sanitizeHtml', () => {
  test('keeps the structure of a directive body', () => {
    const html =
      '<h2>I. MỤC ĐÍCH, YÊU CẦU</h2>\n<p>Thực hiện <strong>tốt</strong> &amp; đúng.</p>\n<ol start="2"><li><p>Một</p></li></ol><a href="/van-ban/x/" title="t">x</a>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  test.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)" style="x">ok</p>', '<p>ok</p>'],
    ['<img src=x onerror=alert(1)>ok', 'ok'],
    ['<iframe src="https://evil"></iframe>ok', 'ok'],
    ['<form action="https://evil"><input name=a><button>Gửi</button></form>ok', 'ok'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a>x</a>'],
    ['<div><span style="color:red">chữ</span></div>', 'chữ'],
    ['<svg onload=alert(1)><script>alert(1)</script></svg>ok', 'ok'],
    ['<SCRIPT SRC=//evil/x.js></SCRIPT>ok', 'ok'],
    ['<!-- <script>alert(1)</script> -->ok', 'ok'],
    ['<p>unclosed <em>tag', '<p>unclosed <em>tag</em></p>'],
    ['<style>body{display:none}</style><p>ok</p>', '<p>ok</p>'],
    ['<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
    ['<a href="#" onmouseover="alert(1)">x</a>', '<a href="#">x</a>'],
    ['<object data="x.swf"><embed src="x.swf"></object>ok', 'ok'],
  ])('%s', (input, expected) => {
    expect(sanitizeHtml(input)).toBe(expected);
  });

  test('no output of a hostile input contains executable markup', () => {
    const hostile =
      '<p>a</p><img/src/onerror=alert(1)><a href="vbscript:x">b</a><math><mi xlink:href="javascript:alert(1)">c</mi></math><base href="//evil"><meta http-equiv=refresh content="0;url=//evil">';
    const out = sanitizeHtml(hostile);
    expect(out).not.toMatch(/<(?:img|script|math|base|meta|iframe)|on\w+=|javascript:|vbscript:/i);
    expect(out).toContain('<p>a</p>');
  });
});

describe('links', () => {
  test.each([
    ['/van-ban/x/', true],
    ['#p1', true],
    ['https://example.org', true],
    ['mailto:a@b.vn', true],
    ['javascript:x', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    [' JAVASCRIPT:x', false],
  ])('%s kept: %s', (u, ok) => {
    expect(sanitizeHtml(`<a href="${u}">x</a>`)).toBe(ok ? `<a href="${u}">x</a>` : '<a>x</a>');
  });
});

describe('character references and attributes', () => {
  test.each([['&#x110000;'], ['&#99999999;'], ['&#xD800;'], ['&#0;']])('%s outside Unicode becomes U+FFFD, no exception', (ref) => {
    expect(sanitizeHtml(`<p>a${ref}b</p>`)).toBe('<p>a\uFFFDb</p>');
    expect(markdownToText(`a${ref}b`)).toBe('a\uFFFDb');
  });

  test('numeric attributes keep numbers only', () => {
    expect(sanitizeHtml('<ol start="3"><li>x</li></ol><table><tr><td colspan="2" rowspan="x">y</td></tr></table>')).toBe(
      '<ol start="3"><li>x</li></ol><table><tr><td colspan="2">y</td></tr></table>',
    );
  });
});

describe('the text of removed elements', () => {
  test('is gone from the page and from the text that search and citations read', () => {
    const md = 'Trước <script>alert(5)</script> giữa <style>p{}</style> sau <iframe>khung</iframe> hết <!-- ghi chú -->.';
    expect(sanitizeHtml(md)).toBe('Trước  giữa  sau  hết .');
    const text = markdownToText(md);
    expect(text).not.toMatch(/alert|khung|ghi chú|p\{\}/);
    expect(text.replace(/\s+/g, ' ')).toBe('Trước giữa sau hết .');
  });

  test('character references in the text read as characters', () => {
    expect(markdownToText('Đảng &amp; Nhà nước &lt;b&gt;')).toBe('Đảng & Nhà nước <b>');
  });
});
