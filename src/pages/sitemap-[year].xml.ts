/** Directive pages issued in one year. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, type Directive } from '../site/library.ts';
import { directivePath } from '../model/ids.ts';
import { urlset, xmlResponse } from '../site/sitemap.ts';

export const getStaticPaths = (async () => {
  const lib = await getLibrary();
  return [...lib.byYear].map(([year, list]) => ({ params: { year: String(year) }, props: { list } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ list: Directive[] }> = ({ props, site }) =>
  xmlResponse(
    urlset(
      props.list.map((d) => ({ path: directivePath(d.id), lastmod: d.data.issued })),
      site,
    ),
  );
