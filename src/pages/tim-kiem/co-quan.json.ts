/**
 * The issuers of each scope, for the search page's second issuer menu. Loaded only once a reader picks a scope:
 * hundreds of names are more than the rest of the search page, which every first search downloads.
 */
import type { APIRoute } from 'astro';
import { getLibrary } from '../../site/library.ts';
import { issuerGroups } from '../../site/search-filters.ts';

export const GET: APIRoute = async () => {
  const groups = issuerGroups(await getLibrary());
  return new Response(JSON.stringify(groups), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
