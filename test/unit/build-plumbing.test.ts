/** The build's small pieces: when the search index is made, and the one worker protocol every thread uses. */
import { describe, expect, test } from 'vitest';
import { FIRST_BUILD_ALONGSIDE_MAX, INDEX_BYTES_PER_DIRECTIVE, indexTiming } from '../../src/build/index-timing.ts';
import { startWorker } from '../../src/workers/rpc.ts';
import type { EchoProtocol } from '../fixtures/workers/echo-worker.ts';
import { SettingsError, siteBase, siteUrl } from '../../src/settings.ts';

const GIB = 2 ** 30;

describe('indexTiming', () => {
  test('a rebuild makes the index beside Astro when the memory is free twice over', () => {
    expect(indexTiming({ rebuild: true, pages: 10_000, freeMemory: 20 * GIB })).toBe('alongside');
    expect(indexTiming({ rebuild: true, pages: 50_000, freeMemory: 20 * GIB })).toBe('after');
    const edge = 2 * 10_000 * INDEX_BYTES_PER_DIRECTIVE;
    expect(indexTiming({ rebuild: true, pages: 10_000, freeMemory: edge })).toBe('after');
    expect(indexTiming({ rebuild: true, pages: 10_000, freeMemory: edge + 1 })).toBe('alongside');
  });
  test('a first build does so only for a small library', () => {
    expect(indexTiming({ rebuild: false, pages: FIRST_BUILD_ALONGSIDE_MAX, freeMemory: 20 * GIB })).toBe('alongside');
    expect(indexTiming({ rebuild: false, pages: FIRST_BUILD_ALONGSIDE_MAX + 1, freeMemory: 20 * GIB })).toBe('after');
    expect(indexTiming({ rebuild: false, pages: 100, freeMemory: 1024 })).toBe('after');
  });
});

describe('worker protocol', () => {
  const start = () => startWorker<EchoProtocol>(new URL('../fixtures/workers/echo-worker.ts', import.meta.url));

  test('each request gets its own answer, whatever order they finish in', async () => {
    const w = start();
    try {
      const order: string[] = [];
      const slow = w.call('slow', 'a').then((r) => {
        order.push(r);
        return r;
      });
      const fast = w.call('fast', 'b').then((r) => {
        order.push(r);
        return r;
      });
      expect(await Promise.all([slow, fast])).toEqual(['slow a', 'fast b']);
      expect(order).toEqual(['fast b', 'slow a']);
    } finally {
      await w.close();
    }
  });
  test('a failing request rejects with its message; the worker goes on', async () => {
    const w = start();
    try {
      await expect(w.call('fail', null)).rejects.toThrow('không được');
      expect(await w.call('fast', 'c')).toBe('fast c');
    } finally {
      await w.close();
    }
  });
  test('a worker that dies rejects every waiting request, and any later one', async () => {
    const w = start();
    const waiting = w.call('slow', 'd');
    await expect(w.call('crash', null)).rejects.toThrow(/dừng \(mã 3\)/);
    await expect(waiting).rejects.toThrow(/dừng/);
    await expect(w.call('fast', 'e')).rejects.toThrow(/dừng/);
    await w.close();
  });
});

describe('hosting settings', () => {
  test('SITE_BASE keeps letters of any script and refuses what would escape or break paths', () => {
    expect(siteBase('vanban')).toBe('/vanban/');
    expect(siteBase('//văn-bản//')).toBe('/văn-bản/');
    expect(siteBase('/a b/')).toBe('/a b/');
    expect(siteBase('')).toBe('/');
    for (const bad of ['/../', '/a/../b/', '/%2e%2e/', '/%2E/', '/a?b/', '/a#b/', '/a\\b/', '/a\u0000/'])
      expect(() => siteBase(bad), bad).toThrow(SettingsError);
  });

  test('SITE_URL is an http(s) origin; a path is accepted only when it is the base', () => {
    expect(siteUrl('https://vanban.example.vn', '/')).toBe('https://vanban.example.vn');
    expect(siteUrl('https://vanban.example.vn/', '/')).toBe('https://vanban.example.vn');
    expect(siteUrl('http://a/b/', '/b/')).toBe('http://a');
    expect(siteUrl('http://a/v%C4%83n-b%E1%BA%A3n', '/văn-bản/')).toBe('http://a');
    for (const bad of ['intranet.example', 'javascript:alert(1)', 'ftp://a/', 'http://u:p@a/', 'http://a/?x', 'http://a/b/'])
      expect(() => siteUrl(bad, '/'), bad).toThrow(SettingsError);
  });
});
