import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeRecordPages } from '../../src/lib/search-index.ts';

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
