/**
 * Cache keys for Astro's incremental build. A page is skipped on a rebuild only when its key is unchanged, so
 * the key covers everything the page shows that does not come from the page's own template. A directive page:
 * its entry, its issuer block, what it cites (as resolved in this build), its newest citers and their count,
 * and its related list. A page of a browse list: the directives it lists, its place in the list, and what the
 * route shows besides. A missing field here would mean stale pages after a rebuild.
 */
import type { Page } from 'astro';
import crypto from 'node:crypto';
import { CITERS_ON_PAGE, citationsOf, type Directive, type Library } from './library.ts';
import { relatedDirectives } from './related.ts';
import { issuerHeader } from '../model/issuers.ts';

/**
 * What a page shows of another directive, in a link or a list (src/components/DirectiveList.astro): a field a list
 * or link adds must be added here. Its address follows from its id.
 */
const summary = (d: Directive | undefined) => d && [d.id, d.data.number, d.title, d.data.issued, d.typeName, d.issuer.id, d.issuer.name];

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
  return hash(key);
}

const hash = (key: unknown) => crypto.createHash('sha256').update(JSON.stringify(key)).digest('base64url');

/**
 * The pages `paginate()` made for a browse list, each with its cache key: the directives it lists, its place in
 * the list (counts and the links of src/components/Pagination.astro), and `shows`, everything else the list's
 * route puts on its pages. After a one-file change only the pages whose slice of a list moved are
 * rendered again (~2,400 list pages at 10,000 directives took ~8 s in every rebuild).
 */
export function withListPageKeys<T extends { props: { page: Page<Directive> } }>(pages: T[], shows: unknown): (T & { cacheKey: string })[] {
  return pages.map((p) => {
    const { page } = p.props;
    const at = [page.currentPage, page.lastPage, page.total, page.start, page.end, page.url.current, page.url.prev ?? null, page.url.next ?? null];
    return { ...p, cacheKey: hash({ v: 1, shows, at, items: page.data.map(summary) }) };
  });
}
