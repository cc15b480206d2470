import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, serveStatic, type StaticServer } from '../../tools/static-server.ts';

let dir: string;
let server: StaticServer;
let rootServer: StaticServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-static-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('index.html', '<h1>Thư viện văn bản chỉ đạo</h1>');
  write('404.html', '<h1>Không tìm thấy trang</h1>');
  write('tim-kiem/index.html', '<h1>Tìm kiếm</h1>');
  write('pagefind/pagefind.js', 'export {}');
  write('pagefind/index/vi_1.pf_index', 'x');
  write('pagefind/pagefind-entry.json', '{}');
  write('feed.xml', '<feed/>');
  fs.writeFileSync(path.join(os.tmpdir(), 'vanban-outside.txt'), 'bí mật');
  server = await serveStatic(dir, { base: '/vanban/' });
  rootServer = await serveStatic(dir);
});
afterAll(async () => {
  await server?.close();
  await rootServer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), 'vanban-outside.txt'), { force: true });
});

/** A raw GET, so paths like `/vanban/../x` reach the server unnormalised. */
function get(origin: string, p: string): Promise<{ status: number; type: string | undefined; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(origin + p, (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (d: string) => {
            body += d;
          })
          .on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], location: res.headers.location, body }),
          );
      })
      .on('error', reject);
  });
}

describe('serveStatic', () => {
  it('serves the site under its base', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/vanban\/$/);
    expect(server.url.startsWith(server.origin)).toBe(true);
    const r = await get(server.origin, '/vanban/');
    expect(r).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>Thư viện văn bản chỉ đạo</h1>' });
    expect((await get(server.origin, '/vanban/tim-kiem/')).body).toBe('<h1>Tìm kiếm</h1>');
    expect((await get(server.origin, '/vanban/tim-kiem/index.html')).status).toBe(200);
  });

  it('redirects directories to their trailing-slash form', async () => {
    expect(await get(server.origin, '/vanban/tim-kiem?q=234')).toMatchObject({ status: 301, location: '/vanban/tim-kiem/?q=234' });
    expect(await get(server.origin, '/vanban')).toMatchObject({ status: 301, location: '/vanban/' });
  });

  it('answers 404 with the site 404 page for missing files and anything outside the base', async () => {
    for (const p of [
      '/vanban/khong-co/',
      '/vanban/van-ban/x.html',
      '/',
      '/index.html',
      '/tim-kiem/',
      '/vanban/../vanban-outside.txt',
      '/vanban/%2e%2e/vanban-outside.txt',
    ]) {
      const r = await get(server.origin, p);
      expect(r.status, p).toBe(404);
      expect(r.body, p).toBe('<h1>Không tìm thấy trang</h1>');
    }
  });

  it('sends the right content types, Pagefind files as binary', async () => {
    expect((await get(server.origin, '/vanban/pagefind/pagefind.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(server.origin, '/vanban/pagefind/pagefind-entry.json')).type).toBe('application/json; charset=utf-8');
    expect((await get(server.origin, '/vanban/pagefind/index/vi_1.pf_index')).type).toBe('application/octet-stream');
    expect((await get(server.origin, '/vanban/feed.xml')).type).toBe('application/xml; charset=utf-8');
    expect(contentType('a.pf_meta')).toBe('application/octet-stream');
    expect(contentType('a.pf_fragment')).toBe('application/octet-stream');
    expect(contentType('a.pf_filter')).toBe('application/octet-stream');
    expect(contentType('wasm.vi.pagefind')).toBe('application/octet-stream');
    expect(contentType('x.wasm')).toBe('application/wasm');
    expect(contentType('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentType('x.css')).toBe('text/css; charset=utf-8');
    expect(contentType('favicon.svg')).toBe('image/svg+xml');
    expect(contentType('x.png')).toBe('image/png');
    expect(contentType('robots.txt')).toBe('text/plain; charset=utf-8');
  });

  it('records requested paths in order', async () => {
    const before = server.requests.length;
    await get(server.origin, '/vanban/feed.xml');
    await get(server.origin, '/vanban/tim-kiem/?q=c%C3%B4ng%20v%C4%83n');
    expect(server.requests.slice(before)).toEqual(['/vanban/feed.xml', '/vanban/tim-kiem/?q=c%C3%B4ng%20v%C4%83n']);
  });

  it('serves from / by default', async () => {
    expect(rootServer.url).toBe(`${rootServer.origin}/`);
    expect((await get(rootServer.origin, '/')).status).toBe(200);
    expect((await get(rootServer.origin, '/tim-kiem')).location).toBe('/tim-kiem/');
    expect((await get(rootServer.origin, '/../vanban-outside.txt')).status).toBe(404);
  });
});
