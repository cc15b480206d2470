/** Site URLs, all under the configured base path (`SITE_BASE`), so the site works from a subfolder. */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

import { directivePath } from '../model/ids.ts';

/** Path under the base: `href('co-quan/')` → `/vanban/co-quan/`. */
export function href(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

/**
 * The part of a request's path under the base, as written in the site's own links: `/v%C4%83n-b%E1%BA%A3n/co-quan/`
 * under the base `/văn-bản/` → `co-quan/`. A path is percent-encoded in `Astro.url`, the base is not.
 */
export function pathUnderBase(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURI(pathname);
  } catch {
    /* a path that is not valid percent-encoding is used as it is */
  }
  return decoded.startsWith(BASE) ? decoded.slice(BASE.length) : decoded.replace(/^\/+/, '');
}

/** Absolute URL for feeds, sitemap, canonical links and the catalog. */
export function absolute(path: string, site: URL | undefined): string {
  return new URL(href(path), site ?? 'http://localhost/').toString();
}

export const paths = {
  directive: (id: string) => href(directivePath(id)),
  issuer: (id: string) => href(`co-quan/${id}/`),
  type: (key: string) => href(`loai/${key}/`),
  year: (year: number | string) => href(`nam/${year}/`),
  month: (year: number | string, month: number) => href(`thang/${year}-${String(month).padStart(2, '0')}/`),
  search: (query?: Record<string, string>) => href(`tim-kiem/${query ? `?${new URLSearchParams(query)}` : ''}`),
};
