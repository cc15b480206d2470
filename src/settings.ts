/**
 * Where the project and its content live, and how the site is hosted, from the environment: each read and checked
 * here, once. `CONTENT_DIR` lets tests and the benchmark build another library with the same code.
 */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CONTENT_DIR = path.resolve(ROOT, process.env.CONTENT_DIR ?? 'content');
/** Astro's cache (content store, incremental-build cache) of the project at `root`. Builds of other content folders keep their own. */
export function astroCacheDir(root = ROOT): string {
  return path.resolve(root, process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro');
}
export const ASTRO_CACHE_DIR = astroCacheDir();
/** Where recognised scans are kept by their hash, so that importing one again does not recognise it again. */
export function ocrCacheDir(): string {
  return path.resolve(ROOT, process.env.OCR_CACHE_DIR ?? 'node_modules/.cache/vanban-ocr');
}

/** A hosting setting that cannot be used: the message names the variable and says what to write. */
export class SettingsError extends Error {}

/** A segment of a path, as the browser will read it (`%2e%2e` is `..`). */
function decodedSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * `SITE_BASE` with exactly one leading and one trailing slash: `vanban` → `/vanban/`, unset → `/`. Letters of any
 * script are fine (`/văn-bản/`); `.` and `..` segments (in any spelling), `?`, `#`, `\`, spaces at the ends and
 * control characters are refused.
 */
export function siteBase(raw = process.env.SITE_BASE ?? '/'): string {
  const inner = raw.replace(/^\/+|\/+$/g, '');
  if (!inner) return '/';
  const segments = inner.split(/\/+/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  const bad = /[?#\\\u0000-\u001f\u007f]/.test(inner) || segments.some((s) => ['.', '..'].includes(decodedSegment(s).trim()));
  if (bad || inner !== inner.trim())
    throw new SettingsError(
      `SITE_BASE="${raw}" không dùng được: đường dẫn con chỉ gồm các phần tên thư mục (không có ".", "..", "?", "#", "\\"), ví dụ SITE_BASE=/vanban/ hoặc SITE_BASE=/văn-bản/.`,
    );
  return `/${segments.join('/')}/`;
}

/**
 * `SITE_URL`: the site's origin (`https://vanban.example.vn`), for canonical links, the feed and the sitemap. Only
 * http(s); a path in it must be the one SITE_BASE gives, since pages are written under SITE_BASE.
 */
export function siteUrl(raw = process.env.SITE_URL ?? 'http://localhost:4321', base = siteBase()): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingsError(
      `SITE_URL="${raw}" không phải địa chỉ web đầy đủ; ghi cả giao thức, ví dụ SITE_URL=https://${raw.replace(/^\/+/, '') || 'vanban.example.vn'}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SettingsError(`SITE_URL="${raw}" phải bắt đầu bằng http:// hoặc https:// (ví dụ https://vanban.example.vn).`);
  if (url.username || url.password || url.search || url.hash)
    throw new SettingsError(`SITE_URL="${raw}" chỉ gồm giao thức và tên máy (không có tên đăng nhập, "?" hay "#").`);
  const pathPart = decodedSegment(url.pathname);
  if (pathPart !== '/' && pathPart.replace(/\/?$/, '/') !== base)
    throw new SettingsError(
      `SITE_URL="${raw}" có đường dẫn ${pathPart}, nhưng trang được dựng dưới SITE_BASE=${base}; ` +
        `ghi SITE_URL=${url.origin} và SITE_BASE=${pathPart.replace(/\/?$/, '/')}`,
    );
  return url.origin;
}
