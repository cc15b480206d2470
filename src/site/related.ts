/**
 * A few directives related to one, each with the reason shown to the reader: same issuer (nearest in
 * date), citing the same directives, or sharing a topic. Bounded work per directive (no all-pairs scan).
 */
import type { Directive, Library } from './library.ts';

export interface Related {
  directive: Directive;
  reason: string;
}

const LIMIT = { issuer: 3, citation: 4, topic: 3 };

// The page and its incremental-build cache key both need the list: computed once per directive.
const memo = new WeakMap<Directive, Related[]>();

export function relatedDirectives(d: Directive, lib: Library): Related[] {
  let found = memo.get(d);
  if (!found) memo.set(d, (found = computeRelated(d, lib)));
  return found;
}

function computeRelated(d: Directive, lib: Library): Related[] {
  const out = new Map<string, Related>();
  const add = (x: Directive | undefined, reason: string) => {
    if (x && x.id !== d.id && !out.has(x.id)) out.set(x.id, { directive: x, reason });
  };
  const linked = new Set([
    ...(lib.graph.outgoing.get(d.id) ?? []).map((r) => r.target),
    ...(lib.graph.incoming.get(d.id) ?? []).map((c) => c.from),
  ]);

  // Same issuer: the neighbours in the issuer's date-sorted list.
  const same = lib.byIssuer.get(d.issuer.id) ?? [];
  const at = lib.issuerPosition.get(d.id) ?? -1;
  const near = [same[at - 1], same[at + 1], same[at - 2], same[at + 2]].filter((x): x is Directive => !!x && !linked.has(x.id));
  for (const x of near.slice(0, LIMIT.issuer)) add(x, `Cùng cơ quan ban hành: ${d.issuer.name}`);

  // Others citing what this one cites.
  let n = 0;
  for (const r of lib.graph.outgoing.get(d.id) ?? []) {
    if (r.status !== 'resolved') continue;
    for (const c of lib.graph.incoming.get(r.target!) ?? []) {
      if (n >= LIMIT.citation) break;
      if (c.from === d.id || linked.has(c.from) || out.has(c.from)) continue;
      add(lib.byId.get(c.from), `Cùng dẫn chiếu ${r.number}`);
      n++;
    }
  }

  // Shared topic.
  n = 0;
  for (const topic of d.data.topics) {
    for (const x of lib.byTopic.get(topic) ?? []) {
      if (n >= LIMIT.topic) break;
      if (x.id === d.id || linked.has(x.id) || out.has(x.id)) continue;
      add(x, `Cùng chủ đề: ${topic}`);
      n++;
    }
  }
  return [...out.values()];
}
