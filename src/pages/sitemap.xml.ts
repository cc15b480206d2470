/** `sitemap.xml`: an index of the browse-page sitemap and one sitemap of directives per year. */
import type { APIRoute } from 'astro';
import { getLibrary } from '../site/library.ts';
import { xmlResponse } from '../site/sitemap.ts';
import { absolute } from '../site/urls.ts';
import { escapeXml } from '../html/escape.ts';

export const GET: APIRoute = async ({ site }) => {
  const lib = await getLibrary();
  const years = [...lib.byYear.keys()].sort((a, b) => b - a);
  const entries: { loc: string; lastmod?: string }[] = [
    { loc: absolute('sitemap-trang.xml', site) },
    ...years.map((y) => ({ loc: absolute(`sitemap-${y}.xml`, site), lastmod: lib.byYear.get(y)![0]!.data.issued })),
  ];
  return xmlResponse(`<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <sitemap><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</sitemap>`).join('\n')}
</sitemapindex>
`);
};
