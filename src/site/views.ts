/**
 * What each page shows, computed once when its route lists its pages and passed to it as props. A page renders from
 * its props alone (and, for a directive, the entry's rendered body, which the entry's digest stands for), so the
 * cache key Astro's incremental build reuses a page by is simply a hash of those props: nothing to keep in step
 * with the templates by hand.
 */
import crypto from 'node:crypto';
import type { Mention, ReferenceStatus } from '../model/crossref.ts';
import { formatShortDate } from '../model/dates.ts';
import { issuerHeader } from '../model/issuers.ts';
import type { RelationKind } from '../model/references.ts';
import type { DirectiveData, Issuer, Province } from '../model/schema.ts';
import { formalParts, type FormalParts } from './formal.ts';
import { CITERS_ON_PAGE, citationsOf, type Directive, type Library, type ListItem } from './library.ts';
import { originalView, type OriginalView } from './original.ts';
import { relatedDirectives } from './related.ts';

/** `Chỉ thị 01-CT/TU ngày 05/01/2021 của ...: <subject>`: how a citation link is titled. */
export const linkLabel = (x: ListItem) => `${x.typeName} ${x.number} ngày ${formatShortDate(x.issued)} của ${x.issuer.name}: ${x.title}`;

export type { ListItem };

export interface CitedView {
  kind: RelationKind;
  status: ReferenceStatus;
  number: string;
  issued: string | null;
  body: string | null;
  target: ListItem | null;
  candidates: ListItem[];
}

export interface DirectivePageView {
  id: string;
  /** The entry's digest: its rendered body (not in the props, too large) changes with it. */
  digest: string | number | null;
  title: string;
  typeName: string;
  data: DirectiveData;
  issuer: Issuer;
  coIssuers: Issuer[];
  province: Province | undefined;
  year: number;
  month: number;
  /** The issuer block: each issuer's lines, one under the other for a joint document. */
  header: string[];
  formal: FormalParts;
  cites: CitedView[];
  citedBy: { kind: RelationKind; directive: ListItem }[];
  citerCount: number;
  related: { reason: string; directive: ListItem }[];
  /** The citations in its text, and the directives they link to. */
  mentions: Mention[];
  mentionTargets: Record<string, ListItem>;
  /** The original it was imported from, offered for download. */
  original: OriginalView | null;
}

export function directivePageView(d: Directive, lib: Library): DirectivePageView {
  const item = (id: string | null) => (id && lib.byId.get(id)?.item) || null;
  const citations = citationsOf(lib, d.id);
  const mentions = lib.graph.mentions.get(d.id) ?? [];
  const mentionTargets: Record<string, ListItem> = {};
  for (const m of mentions) {
    const t = item(m.target);
    if (t) mentionTargets[t.id] = t;
  }
  return {
    id: d.id,
    digest: d.entry.digest ?? null,
    title: d.title,
    typeName: d.typeName,
    data: d.data,
    issuer: d.issuer,
    coIssuers: d.coIssuers,
    province: d.province,
    year: d.year,
    month: d.month,
    header: [d.issuer, ...d.coIssuers].flatMap((i) => issuerHeader(i, lib.issuers)),
    formal: formalParts(d.data, d.issuer),
    cites: (lib.graph.outgoing.get(d.id) ?? []).map((r) => ({
      kind: r.kind,
      status: r.status,
      number: r.number,
      issued: r.issued,
      body: r.body,
      target: item(r.target),
      candidates: r.candidates.map(item).filter((x): x is ListItem => !!x),
    })),
    // A much-cited directive (a central resolution) can have thousands of citers: the page shows the newest.
    citedBy: citations.slice(0, CITERS_ON_PAGE).map((c) => ({ kind: c.kind, directive: c.directive.item })),
    citerCount: citations.length,
    related: relatedDirectives(d, lib).map((r) => ({ reason: r.reason, directive: r.directive.item })),
    mentions,
    mentionTargets,
    original: originalView(d.data),
  };
}

/** The key a page is reused by on a rebuild: its props, hashed. */
export function cacheKey(props: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(props)).digest('base64url');
}

/** Each page `paginate()` made for a browse list, with the hash of all its props (its slice, its place, the route's data). */
export function withCacheKeys<T extends { props: object }>(pages: T[]): (T & { cacheKey: string })[] {
  return pages.map((p) => ({ ...p, cacheKey: cacheKey(p.props) }));
}
