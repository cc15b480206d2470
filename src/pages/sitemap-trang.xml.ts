import type { APIRoute } from 'astro';
import { getLibrary } from '../site/library.ts';
import { browseUrls, urlset, xmlResponse } from '../site/sitemap.ts';

export const GET: APIRoute = async ({ site }) => xmlResponse(urlset(browseUrls(await getLibrary()), site));
