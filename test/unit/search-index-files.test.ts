import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { publishIndex, writeRecordPages } from '../../src/lib/search-index.ts';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-pages-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const page = (url: string) => path.join(dir, url, 'index.html');
const mtime = (url: string) => fs.statSync(page(url)).mtimeMs;

test('record pages: written at their URL, only rewritten when changed, removed with their directive', async () => {
  writeRecordPages([{ url: '/van-ban/a/1/', html: '<p>một</p>' }, { url: '/van-ban/b/2/', html: '<p>hai</p>' }], dir);
  expect(fs.readFileSync(page('/van-ban/a/1/'), 'utf8')).toBe('<p>một</p>');
  const before = mtime('/van-ban/a/1/');
  await new Promise((r) => setTimeout(r, 20));

  writeRecordPages([{ url: '/van-ban/a/1/', html: '<p>một</p>' }, { url: '/van-ban/c/3/', html: '<p>ba</p>' }], dir);
  expect(mtime('/van-ban/a/1/')).toBe(before);
  expect(fs.existsSync(page('/van-ban/b/2/'))).toBe(false);
  expect(fs.readFileSync(page('/van-ban/c/3/'), 'utf8')).toBe('<p>ba</p>');

  writeRecordPages([{ url: '/van-ban/a/1/', html: '<p>một (sửa)</p>' }], dir);
  expect(fs.readFileSync(page('/van-ban/a/1/'), 'utf8')).toBe('<p>một (sửa)</p>');

  writeRecordPages([], path.join(dir, 'empty'));
  expect(fs.readdirSync(path.join(dir, 'empty'))).toEqual([]);
});

test('publishing an index writes only files that changed and removes those the new index no longer has', async () => {
  const out = path.join(dir, 'pagefind');
  const bytes = (t: string) => new TextEncoder().encode(t);
  fs.mkdirSync(`${out}.next/fragment`, { recursive: true }); // left by an older build
  publishIndex([
    { path: 'pagefind-entry.json', content: bytes('{"v":1}') },
    { path: 'fragment/vi_aaa.pf_fragment', content: bytes('a') },
    { path: 'fragment/vi_bbb.pf_fragment', content: bytes('b') },
  ], out);
  expect(fs.existsSync(`${out}.next`)).toBe(false);
  const kept = path.join(out, 'fragment/vi_aaa.pf_fragment');
  const before = fs.statSync(kept).mtimeMs;
  await new Promise((r) => setTimeout(r, 20));

  publishIndex([
    { path: 'pagefind-entry.json', content: bytes('{"v":2}') },
    { path: 'fragment/vi_aaa.pf_fragment', content: bytes('a') },
    { path: 'fragment/vi_ccc.pf_fragment', content: bytes('c') },
  ], out);
  expect(fs.statSync(kept).mtimeMs).toBe(before);
  expect(fs.readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8')).toBe('{"v":2}');
  expect(fs.readdirSync(path.join(out, 'fragment')).sort()).toEqual(['vi_aaa.pf_fragment', 'vi_ccc.pf_fragment']);
});
