/** Directive pages issued in one year. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, type Directive } from '../data/library.ts';
import { urlset, xmlResponse } from '../data/sitemap.ts';

export const getStaticPaths = (async () => {
  const lib = await getLibrary();
  return [...lib.byYear].map(([year, list]) => ({ params: { year: String(year) }, props: { list } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ list: Directive[] }> = ({ props, site }) =>
  xmlResponse(urlset(props.list.map((d) => ({ path: `van-ban/${d.id}/`, lastmod: d.data.issued })), site));
