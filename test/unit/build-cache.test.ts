import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { moduleVersion, openBuildCache } from '../../src/build/cache.ts';
import { cachedReferenceFinder } from '../../src/build/cache.ts';
import { findReferences, type FoundReference } from '../../src/model/references.ts';
import { searchRecordHtml, type SearchRecordInput } from '../../src/search/record.ts';
import type { DirectiveData } from '../../src/model/schema.ts';

const data = {
  number: '01-CT/TU',
  type: 'chi-thi',
  title: 'Về tăng cường công tác dân vận',
  issuer: 'tinh-uy-ben-tre',
  issued: '2024-03-01',
  recipients: [],
  distribution: [],
  topics: [],
  relations: [],
} as unknown as DirectiveData;
const input = (over: Partial<SearchRecordInput> = {}): SearchRecordInput => ({
  data,
  title: data.title,
  body: 'Đảng ủy Khối thực hiện tốt công tác dân vận.',
  issuerName: 'Tỉnh ủy Bến Tre',
  scope: 'Bến Tre',
  typeName: 'Chỉ thị',
  ...over,
});

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-cache-'));
  file = path.join(dir, 'cache', 'records.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One build's pass over `inputs`: the HTML it got, and how many it made. */
function build(inputs: SearchRecordInput[], code = 'v1') {
  const cache = openBuildCache<string>(file, code);
  let made = 0;
  const html = inputs.map((i) =>
    cache.get(i, () => {
      made++;
      return searchRecordHtml(i);
    }),
  );
  cache.save();
  return { html, made };
}

describe('build cache, with search records', () => {
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
    for (const changed of [
      input({ body: 'Nội dung đã sửa.' }),
      input({ issuerName: 'Tỉnh ủy Bến Tre (mới)' }),
      input({ scope: 'Trung ương' }),
    ]) {
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
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { results: Record<string, string> };
    expect(Object.keys(saved.results)).toHaveLength(1);
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

  test('the code version follows the maker and the modules it imports, not other modules', () => {
    const lib = fs.mkdtempSync(path.join(dir, 'lib-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(lib, name), text);
    write('maker.ts', "import { b } from './b.ts';\nexport const a = b;");
    write('b.ts', 'export const b = 1;');
    write('other.ts', 'export const c = 1;');
    const maker = pathToFileURL(path.join(lib, 'maker.ts'));
    const before = moduleVersion([maker]);
    expect(moduleVersion([maker])).toBe(before);
    write('other.ts', 'export const c = 2;');
    expect(moduleVersion([maker])).toBe(before);
    write('b.ts', 'export const b = 2;');
    const changed = moduleVersion([maker]);
    expect(changed).not.toBe(before);
    // Code moved out of the maker into a new module it imports still counts.
    write('c.ts', 'export const c = 3;');
    write('maker.ts', "import { b } from './b.ts';\nimport { c } from './c.ts';\nexport const a = b + c;");
    const moved = moduleVersion([maker]);
    write('c.ts', 'export const c = 4;');
    expect(moduleVersion([maker])).not.toBe(moved);
  });
});

describe('build cache, with the citations found in a text', () => {
  const text = 'Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 12-KH/TU.';

  /** One build's pass: what the finder returned, and how many texts it searched. */
  function find(texts: string[], own = '01-CT/TU') {
    const cache = openBuildCache<FoundReference[]>(file, 'v1');
    let searched = 0;
    const finder = cachedReferenceFinder({
      warm: cache.warm,
      get: (inputs, make) =>
        cache.get(inputs, () => {
          searched++;
          return make();
        }),
      save: cache.save,
    });
    const found = texts.map((t) => finder(t, own));
    cache.save();
    return { found, searched };
  }

  test('a text searched by an earlier build gives the same citations without being searched again', () => {
    const first = find([text]);
    expect(first.searched).toBe(1);
    expect(first.found[0]!.map((f) => f.number)).toEqual(['05-CT/TW', '12-KH/TU']);
    const second = find([text]);
    expect(second.searched).toBe(0);
    // Read back from the file: equal to searching the text now, parsed numbers and all.
    expect(second.found[0]).toEqual(findReferences(text, '01-CT/TU'));
  });

  test('a changed text, or the same text of another directive, is searched again', () => {
    find([text]);
    expect(find([text.replace('12-KH/TU', '13-KH/TU')]).searched).toBe(1);
    // The directive's own number is left out of its citations, so it is part of the key.
    const other = find([text], '12-KH/TU');
    expect(other.searched).toBe(1);
    expect(other.found[0]!.map((f) => f.number)).toEqual(['05-CT/TW']);
  });
});
