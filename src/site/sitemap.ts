/** The sitemap, split so that no file passes the protocol's 50,000-URL limit: browse pages, then directives by year. */
import { PAGE_SIZE, type Library } from './library.ts';
import { absolute } from './urls.ts';
import { escapeXml } from '../html/escape.ts';

export interface SitemapUrl {
  path: string;
  lastmod?: string;
}

/** Paths of a paginated list: `x/`, `x/2/`, ... */
const pages = (prefix: string, count: number) =>
  Array.from({ length: Math.max(1, Math.ceil(count / PAGE_SIZE)) }, (_, i) => (i === 0 ? prefix : `${prefix}${i + 1}/`));

export function browseUrls(lib: Library): SitemapUrl[] {
  return [
    { path: '' },
    { path: 'co-quan/' },
    { path: 'loai/' },
    { path: 'nam/' },
    { path: 'tim-kiem/' },
    ...[...lib.issuers.keys()].flatMap((id) => pages(`co-quan/${id}/`, lib.byIssuer.get(id)?.length ?? 0)),
    ...[...lib.byType].flatMap(([t, l]) => pages(`loai/${t}/`, l.length)),
    ...[...lib.byYear].flatMap(([y, l]) => pages(`nam/${y}/`, l.length)),
    ...[...lib.byMonth].flatMap(([m, l]) => pages(`thang/${m}/`, l.length)),
  ].map((u) => (typeof u === 'string' ? { path: u } : u));
}

export function urlset(urls: SitemapUrl[], site: URL | undefined): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${escapeXml(absolute(u.path, site))}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}

export const xmlResponse = (body: string) => new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
