import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, onTestFinished, test } from 'vitest';
import zlib from 'node:zlib';
import { publishIndex, publishPassages, writeRecordPages } from '../../src/search/pagefind-index.ts';
import { sortFloorHtml } from '../../src/search/record.ts';
import { MAX_SHARDS, shardCount, shardFolder, splitByDate } from '../../src/search/shards.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-pages-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const page = (shard: number, url: string) => path.join(dir, String(shard), url, 'index.html');
const mtime = (shard: number, url: string) => fs.statSync(page(shard, url)).mtimeMs;
const gz = (t: string) => zlib.gzipSync(t).toString('base64');
const rec = (url: string, issued: string, html = `<p>${url}</p>`) => ({ url, issued, html, passages: gz(`[["","","${url}"]]`) });
const passage = (id: string, root = dir) => path.join(root, 'passages', 'tim-kiem', 'van-ban', `${id}.json.gz`);
const unzip = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString();

test('shards: split by date, newest first, nearly equal, the same dates in URL order; at most two', () => {
  process.env['SEARCH_SHARD_MIN'] = '1';
  const list = [
    rec('/b/', '2020-01-01'),
    rec('/a/', '2020-01-01'),
    rec('/c/', '2024-05-01'),
    rec('/d/', '2016-02-02'),
    rec('/e/', '2021-07-07'),
  ];
  expect(splitByDate(list).map((s) => s.map((r) => r.url))).toEqual([
    ['/c/', '/e/', '/a/'],
    ['/b/', '/d/'],
  ]);
  expect(splitByDate(list.slice(0, 1)).map((s) => s.length)).toEqual([1]);
  expect(splitByDate([])).toEqual([[]]);
  expect(shardCount(10_000)).toBe(MAX_SHARDS);
  expect([shardFolder(0), shardFolder(1)]).toEqual(['pagefind', 'pagefind-1']);
  delete process.env['SEARCH_SHARD_MIN'];
  expect([shardCount(19_999), shardCount(20_000)]).toEqual([1, 2]);
});

test('record pages: one folder per shard, the sort floor in all but the oldest, only rewritten when changed, removed with their directive', async () => {
  process.env['SEARCH_SHARD_MIN'] = '1';
  const shards = writeRecordPages([rec('/van-ban/a/1/', '2024-01-01'), rec('/van-ban/b/2/', '2019-01-01')], dir);
  expect(shards).toEqual([
    { dir: path.join(dir, '0'), pages: 2, directives: 1 },
    { dir: path.join(dir, '1'), pages: 1, directives: 1 },
  ]);
  expect(fs.readFileSync(page(0, '/van-ban/a/1/'), 'utf8')).toBe('<p>/van-ban/a/1/</p>');
  expect(fs.readFileSync(page(0, '/sort-floor/'), 'utf8')).toBe(sortFloorHtml());
  expect(fs.existsSync(page(1, '/sort-floor/'))).toBe(false);
  const before = mtime(0, '/van-ban/a/1/');
  await new Promise((r) => setTimeout(r, 20));

  // b/2 removed, c/3 added between them: a/1 stays in the newest shard, unwritten.
  writeRecordPages([rec('/van-ban/a/1/', '2024-01-01'), rec('/van-ban/c/3/', '2018-01-01')], dir);
  expect(mtime(0, '/van-ban/a/1/')).toBe(before);
  expect(fs.existsSync(page(1, '/van-ban/b/2/'))).toBe(false);
  expect(fs.readFileSync(page(1, '/van-ban/c/3/'), 'utf8')).toBe('<p>/van-ban/c/3/</p>');

  writeRecordPages([rec('/van-ban/a/1/', '2024-01-01', '<p>một (sửa)</p>')], dir);
  expect(fs.readFileSync(page(0, '/van-ban/a/1/'), 'utf8')).toBe('<p>một (sửa)</p>');
  expect(fs.existsSync(page(0, '/sort-floor/'))).toBe(false);
  expect(fs.existsSync(passage('c/3'))).toBe(false);

  expect(writeRecordPages([], path.join(dir, 'empty'))).toEqual([{ dir: path.join(dir, 'empty', '0'), pages: 0, directives: 0 }]);
  delete process.env['SEARCH_SHARD_MIN'];
});

test('passage files: kept beside the records, linked into the site, and a changed one is a new file, never the linked one rewritten', () => {
  writeRecordPages([rec('/van-ban/a/1/', '2024-01-01')], dir);
  expect(unzip(passage('a/1'))).toBe('[["","","/van-ban/a/1/"]]');
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'site-'));
  onTestFinished(() => fs.rmSync(site, { recursive: true, force: true }));
  expect(publishPassages(dir, site)).toBe(1);
  const live = path.join(site, 'tim-kiem', 'van-ban', 'a', '1.json.gz');
  expect(fs.statSync(live).ino).toBe(fs.statSync(passage('a/1')).ino);

  const changed = { ...rec('/van-ban/a/1/', '2024-01-01'), passages: gz('[["","","sửa"]]') };
  writeRecordPages([changed], dir);
  expect(unzip(passage('a/1'))).toBe('[["","","sửa"]]');
  // The site built before still serves what it served.
  expect(unzip(live)).toBe('[["","","/van-ban/a/1/"]]');
});

test('publishing an index writes every file of it, in its folders', () => {
  const out = path.join(dir, 'staged', 'pagefind');
  const bytes = (t: string) => new TextEncoder().encode(t);
  publishIndex(
    [
      { path: 'pagefind-entry.json', content: bytes('{"v":1}') },
      { path: 'fragment/vi_aaa.pf_fragment', content: bytes('a') },
      { path: 'index/vi_bbb.pf_index', content: bytes('b') },
    ],
    out,
  );
  expect(fs.readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8')).toBe('{"v":1}');
  expect(fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).sort()).toEqual([
    'fragment',
    'fragment/vi_aaa.pf_fragment',
    'index',
    'index/vi_bbb.pf_index',
    'pagefind-entry.json',
  ]);
});

test('files of the live index with the same content name are linked, not written again', () => {
  const live = path.join(dir, 'live', 'pagefind');
  const next = path.join(dir, 'next', 'pagefind');
  const bytes = (t: string) => new TextEncoder().encode(t);
  publishIndex([{ path: 'fragment/vi_aaa.pf_fragment', content: bytes('a') }], live);
  publishIndex(
    [
      { path: 'pagefind-entry.json', content: bytes('{"v":2}') },
      { path: 'fragment/vi_aaa.pf_fragment', content: bytes('a') },
      { path: 'fragment/vi_ccc.pf_fragment', content: bytes('c') },
    ],
    next,
    live,
  );
  const ino = (p: string) => fs.statSync(p).ino;
  expect(ino(path.join(next, 'fragment/vi_aaa.pf_fragment'))).toBe(ino(path.join(live, 'fragment/vi_aaa.pf_fragment')));
  expect(fs.readFileSync(path.join(next, 'fragment/vi_ccc.pf_fragment'), 'utf8')).toBe('c');
  expect(fs.existsSync(path.join(live, 'fragment/vi_ccc.pf_fragment'))).toBe(false);
});
