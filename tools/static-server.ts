/**
 * A tiny static file server for built output, mounted at the site's base path (`/vanban/`) the way a
 * real host would serve it, so tests catch links that forget the base.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  // A search result's passages (src/model/ids.ts passagePath): gzip bytes, unpacked by the page.
  '.gz': 'application/gzip',
  // Pagefind's index files are opaque binary.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Site root including the base: `http://127.0.0.1:PORT/vanban/`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** Every requested path (URL pathname with query string), in order. */
  requests: string[];
  close(): Promise<void>;
}

function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

const isFile = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

export async function serveStatic(dir: string, { base = '/' }: { base?: string } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const mount = normalizeBase(base);
  const requests: string[] = [];

  const notFound = (res: http.ServerResponse, head: boolean) => {
    const page = path.join(root, '404.html');
    res.statusCode = 404;
    if (isFile(page)) {
      res.setHeader('Content-Type', CONTENT_TYPES['.html']!);
      res.end(head ? undefined : fs.readFileSync(page));
    } else {
      res.setHeader('Content-Type', CONTENT_TYPES['.txt']!);
      res.end(head ? undefined : 'Not found');
    }
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    // `/vanban` without its slash is the site root too.
    if (mount !== '/' && pathname === mount.slice(0, -1)) {
      res.statusCode = 301;
      res.setHeader('Location', mount + url.search);
      res.end();
      return;
    }
    if (!pathname.startsWith(mount)) return notFound(res, head);
    const rel = pathname.slice(mount.length);
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound(res, head);

    let target = file;
    if (isDir(file)) {
      if (!pathname.endsWith('/')) {
        res.statusCode = 301;
        res.setHeader('Location', `${url.pathname}/${url.search}`);
        res.end();
        return;
      }
      target = path.join(file, 'index.html');
    }
    if (!isFile(target)) return notFound(res, head);
    const body = fs.readFileSync(target);
    res.statusCode = 200;
    res.setHeader('Content-Type', contentType(target));
    res.setHeader('Content-Length', body.length);
    res.setHeader('Cache-Control', 'no-store');
    res.end(head ? undefined : body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + mount,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
