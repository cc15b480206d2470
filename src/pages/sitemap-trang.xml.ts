import type { APIRoute } from 'astro';
import { getLibrary } from '../data/library.ts';
import { browseUrls, urlset, xmlResponse } from '../data/sitemap.ts';

export const GET: APIRoute = async ({ site }) => xmlResponse(urlset(browseUrls(await getLibrary()), site));
