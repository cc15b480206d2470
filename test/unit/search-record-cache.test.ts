import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openRecordCache, recordCodeVersion } from '../../src/lib/search-record-cache.ts';
import { searchRecordHtml, type SearchRecordInput } from '../../src/lib/search-record.ts';
import type { DirectiveData } from '../../src/lib/schema.ts';

const data = {
  number: '01-CT/TU', type: 'chi-thi', title: 'Về tăng cường công tác dân vận', issuer: 'tinh-uy-ben-tre',
  issued: '2024-03-01', recipients: [], distribution: [], topics: [], relations: [],
} as unknown as DirectiveData;
const input = (over: Partial<SearchRecordInput> = {}): SearchRecordInput => ({
  data, body: 'Đảng ủy Khối thực hiện tốt công tác dân vận.', issuerName: 'Tỉnh ủy Bến Tre', scope: 'Bến Tre', typeName: 'Chỉ thị', ...over,
});

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-cache-'));
  file = path.join(dir, 'cache', 'records.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One build's pass over `inputs`: the HTML it got, and how many it made. */
function build(inputs: SearchRecordInput[], code = 'v1') {
  const cache = openRecordCache(file, code);
  let made = 0;
  const html = inputs.map((i) => cache.html(i, () => { made++; return searchRecordHtml(i); }));
  cache.save();
  return { html, made };
}

describe('search record cache', () => {
  test('a second build with the same input makes nothing again, and gets the same records', () => {
    const inputs = [input(), input({ body: 'Thông báo kết luận.' })];
    const first = build(inputs);
    expect(first.made).toBe(2);
    const second = build(inputs);
    expect(second.made).toBe(0); // both records from the cache
    expect(second.html).toEqual(first.html);
  });

  test('a changed body, issuer name or scope makes that record again', () => {
    build([input()]);
    for (const changed of [input({ body: 'Nội dung đã sửa.' }), input({ issuerName: 'Tỉnh ủy Bến Tre (mới)' }), input({ scope: 'Trung ương' })]) {
      const r = build([changed]);
      expect(r.made).toBe(1);
      expect(r.html[0]).toBe(searchRecordHtml(changed));
      build([input()]); // back to the original for the next case
    }
  });

  test('another version of the code that makes records starts from an empty cache', () => {
    build([input()], 'v1');
    expect(build([input()], 'v2').made).toBe(1);
  });

  test('the file keeps only the records of the last build', () => {
    build([input(), input({ body: 'Sẽ bị xóa.' })]);
    build([input()]);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { records: Record<string, string> };
    expect(Object.keys(saved.records)).toHaveLength(1);
    expect(build([input({ body: 'Sẽ bị xóa.' })]).made).toBe(1);
  });

  test('an unreadable cache file is ignored and replaced', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"code": "v1", "records": ');
    const r = build([input()]);
    expect(r.made).toBe(1);
    expect(build([input()]).made).toBe(0);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['records.json']);
  });

  test('the code version follows the content model sources', () => {
    const lib = fs.mkdtempSync(path.join(dir, 'lib-'));
    fs.writeFileSync(path.join(lib, 'a.ts'), 'export const a = 1;');
    const before = recordCodeVersion(lib);
    expect(recordCodeVersion(lib)).toBe(before);
    fs.writeFileSync(path.join(lib, 'a.ts'), 'export const a = 2;');
    expect(recordCodeVersion(lib)).not.toBe(before);
  });
});
