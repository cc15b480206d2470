/** `catalog.json`: every directive with its metadata and links, for other tools. */
import type { APIRoute } from 'astro';
import { getLibrary } from '../data/library.ts';
import { catalogEntry } from '../data/catalog.ts';

export const GET: APIRoute = async () => {
  const lib = await getLibrary();
  const body = { directives: lib.directives.map((d) => catalogEntry(d)) };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
