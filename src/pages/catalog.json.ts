/** `catalog.json`: every directive with its metadata and links, for other tools. */
import type { APIRoute } from 'astro';
import { getLibrary } from '../site/library.ts';
import { catalogEntry } from '../site/catalog.ts';

export const GET: APIRoute = async () => {
  const lib = await getLibrary();
  const body = {
    directives: lib.directives.map((d) =>
      catalogEntry(
        d,
        (lib.graph.outgoing.get(d.id) ?? []).map((r) => ({
          number: r.number,
          text: r.text,
          target: r.target,
          kind: r.kind,
          status: r.status,
        })),
        [...new Set((lib.graph.incoming.get(d.id) ?? []).map((c) => c.from))],
      ),
    ),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
