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
import { CITERS_ON_PAGE, citationsOf, type CitationOf, type Directive, type Library, type ListItem } from './library.ts';
import { anchorLabel } from '../model/structure.ts';
import { STATUSES, type StatusInfo } from '../model/status.ts';
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
  citedBy: { kind: RelationKind; directive: ListItem; parts: PartLink[] }[];
  /** Whether it is still in force, and what acted on it. */
  status: StatusView;
  /** Its parts that others cite, each with the directives citing it (the newest first). */
  citedParts: { part: PartLink; citers: ListItem[]; count: number }[];
  citerCount: number;
  related: { reason: string; directive: ListItem }[];
  /** The citations in its text, and the directives they link to. */
  mentions: Mention[];
  mentionTargets: Record<string, ListItem>;
  /** The original it was imported from, offered for download. */
  original: OriginalView | null;
}

export interface StatusView {
  info: StatusInfo;
  /** The later directives that replaced, repealed or amended it, the latest first, each with the sentence that says so. */
  changes: { kind: RelationKind; directive: ListItem; evidence: string }[];
  note: string | null;
}

/** A part of a directive, as a link on its own page: `#dieu-5`, `Điều 5`. */
export interface PartLink {
  id: string;
  label: string;
}
const partLink = (id: string): PartLink => ({ id, label: anchorLabel(id) });

/** Citers shown under each cited part; the rest are counted. */
const CITERS_PER_PART = 5;

/** The parts others cite, in the order they are first cited (the newest citer first), each with its citers. */
function citedParts(citations: readonly CitationOf[]): DirectivePageView['citedParts'] {
  const byPart = new Map<string, ListItem[]>();
  for (const c of citations)
    for (const id of c.parts) {
      const l = byPart.get(id);
      if (l) l.push(c.directive.item);
      else byPart.set(id, [c.directive.item]);
    }
  return [...byPart].map(([id, citers]) => ({ part: partLink(id), citers: citers.slice(0, CITERS_PER_PART), count: citers.length }));
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
    citedBy: citations.slice(0, CITERS_ON_PAGE).map((c) => ({ kind: c.kind, directive: c.directive.item, parts: c.parts.map(partLink) })),
    citedParts: citedParts(citations),
    status: {
      info: STATUSES[d.status.key],
      changes: d.status.changes.flatMap((c) => {
        const by = item(c.from);
        return by ? [{ kind: c.kind, directive: by, evidence: c.evidence }] : [];
      }),
      note: d.status.note,
    },
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
