/** `sitemap.xml`: every page of the site, directive pages with their date. */
import type { APIRoute } from 'astro';
import { getLibrary, PAGE_SIZE } from '../data/library.ts';
import { absolute } from '../data/urls.ts';
import { escapeXml } from '../lib/xml.ts';

/** Paths of a paginated list: `x/`, `x/2/`, ... */
const pages = (prefix: string, count: number) =>
  Array.from({ length: Math.max(1, Math.ceil(count / PAGE_SIZE)) }, (_, i) => (i === 0 ? prefix : `${prefix}${i + 1}/`));

export const GET: APIRoute = async ({ site }) => {
  const lib = await getLibrary();
  const urls: { path: string; lastmod?: string }[] = [
    { path: '' }, { path: 'co-quan/' }, { path: 'loai/' }, { path: 'nam/' }, { path: 'tim-kiem/' },
    ...[...lib.issuers.keys()].flatMap((id) => pages(`co-quan/${id}/`, lib.byIssuer.get(id)?.length ?? 0).map((path) => ({ path }))),
    ...[...lib.byType].flatMap(([t, l]) => pages(`loai/${t}/`, l.length).map((path) => ({ path }))),
    ...[...lib.byYear].flatMap(([y, l]) => pages(`nam/${y}/`, l.length).map((path) => ({ path }))),
    ...[...lib.byMonth].flatMap(([m, l]) => pages(`thang/${m}/`, l.length).map((path) => ({ path }))),
    ...lib.directives.map((d) => ({ path: `van-ban/${d.id}/`, lastmod: d.data.issued })),
  ];
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${escapeXml(absolute(u.path, site))}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
