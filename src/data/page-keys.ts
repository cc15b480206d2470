/**
 * Cache keys for Astro's incremental build. A directive page is skipped on a rebuild only when its key
 * is unchanged, so the key covers everything the page shows that does not come from the page's own
 * template: its entry, its issuer block, what it cites (as resolved in this build), its newest citers
 * and their count, and its related list. A missing field here would mean stale links after a rebuild.
 */
import crypto from 'node:crypto';
import { CITERS_ON_PAGE, citationsOf, type Directive, type Library } from './library.ts';
import { relatedDirectives } from './related.ts';
import { issuerHeader } from '../lib/issuers.ts';

const summary = (d: Directive | undefined) => d && [d.id, d.data.number, d.data.title, d.data.issued, d.typeName, d.issuer.name];

export function directivePageKey(d: Directive, lib: Library): string {
  const citations = citationsOf(lib, d.id);
  const key = {
    v: 1,
    digest: d.entry.digest ?? null,
    data: d.data,
    issuer: d.issuer,
    header: issuerHeader(d.issuer, lib.issuers),
    province: d.province?.name ?? null,
    cites: (lib.graph.outgoing.get(d.id) ?? []).map((r) => [r.number, r.text, r.status, r.kind, r.issued, r.body, summary(r.target ? lib.byId.get(r.target) : undefined), r.candidates.map((c) => summary(lib.byId.get(c)))]),
    citedBy: citations.slice(0, CITERS_ON_PAGE).map((c) => [c.kind, summary(c.directive)]),
    citerCount: citations.length,
    related: relatedDirectives(d, lib).map((r) => [r.reason, summary(r.directive)]),
  };
  return crypto.createHash('sha256').update(JSON.stringify(key)).digest('base64url');
}
