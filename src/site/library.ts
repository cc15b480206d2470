/**
 * The library as the site sees it, loaded once per build and shared by every page:
 * directives sorted newest first, joined with their issuer and type, and grouped for browsing.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { LIBRARY_ENTRY } from '../build/content-loaders.ts';
import { graphFromJson, type ReferenceGraph } from '../model/crossref.ts';
import { MONTH_NAMES } from '../model/dates.ts';
import { displayTitle, libraryTitleNames } from '../model/display-title.ts';
import { docType } from '../model/doc-types.ts';
import { issuerScope, issuerTree, type IssuerTree } from '../model/issuers.ts';
import type { RelationKind } from '../model/references.ts';
import type { Issuer, Province } from '../model/schema.ts';
import { compareVietnamese } from '../model/text.ts';
import type { DirectiveStatus, StatusKey } from '../model/status.ts';
import { paths } from './urls.ts';

/** A directive as a list or a link shows it (src/components/DirectiveList.astro). */
export interface ListItem {
  id: string;
  url: string;
  title: string;
  typeName: string;
  number: string;
  issued: string;
  issuer: { id: string; name: string; url: string };
  /** Whether it is still in force (src/model/status.ts). */
  status: StatusKey;
}

export interface Directive {
  id: string;
  url: string;
  /** What a list or a link shows of it. */
  item: ListItem;
  /** The subject as lists and pages show it (src/model/display-title.ts). */
  title: string;
  entry: CollectionEntry<'directives'>;
  data: CollectionEntry<'directives'>['data'];
  issuer: Issuer;
  /** Bodies that issued it jointly with `issuer`. */
  coIssuers: Issuer[];
  province: Province | undefined;
  typeName: string;
  year: number;
  month: number;
  status: DirectiveStatus;
}

export interface Library {
  directives: Directive[];
  byId: Map<string, Directive>;
  issuers: Map<string, Issuer>;
  provinces: Map<string, Province>;
  tree: IssuerTree;
  byIssuer: Map<string, Directive[]>;
  byType: Map<string, Directive[]>;
  byYear: Map<number, Directive[]>;
  /** Key `2021-09`. */
  byMonth: Map<string, Directive[]>;
  byTopic: Map<string, Directive[]>;
  /** Position of each directive in its issuer's newest-first list, for neighbours without a scan. */
  issuerPosition: Map<string, number>;
  /** Subordinate bodies of each issuer. */
  childIssuers: Map<string, Issuer[]>;
  /** Shards of the search index (src/search/shards.ts), as the build made them. */
  searchShards: number;
  /** Citations both ways, found once by the build's pass over the library and resolved against the whole of it. */
  graph: ReferenceGraph;
  /** Directives whose text was recognised from a scan and still has to be checked against the original. */
  toReview: Directive[];
}

/** Newest first; same day by number so the order is stable between builds. */
export function newestFirst(a: Directive, b: Directive): number {
  return b.data.issued.localeCompare(a.data.issued) || compareVietnamese(a.data.number, b.data.number);
}

function group<K>(list: Directive[], key: (d: Directive) => K): Map<K, Directive[]> {
  const out = new Map<K, Directive[]>();
  for (const d of list) {
    const k = key(d);
    const bucket = out.get(k);
    if (bucket) bucket.push(d);
    else out.set(k, [d]);
  }
  return out;
}

async function load(): Promise<Library> {
  // The registry and the citation graph come from the build's one pass (src/build/content-loaders.ts), with the entries.
  const meta = await getEntry('library', LIBRARY_ENTRY);
  if (!meta) throw new Error('Thiếu dữ liệu thư viện (sổ đăng ký, dẫn chiếu) trong kho nội dung của Astro; hãy chạy lại npm run build.');
  const { registry } = meta.data;
  const issuers = new Map(registry.issuers.map((i) => [i.id, i]));
  const provinces = new Map(registry.provinces.map((p) => [p.id, p]));
  const entries = await getCollection('directives');
  const names = libraryTitleNames(registry);
  const graph = graphFromJson(meta.data.graph);
  const { statuses } = meta.data;
  const directives: Directive[] = entries.map((entry) => {
    const issuer = issuers.get(entry.data.issuer);
    if (!issuer) throw new Error(`${entry.filePath}: cơ quan "${entry.data.issuer}" không có trong content/issuers.yaml`);
    const [year, month] = entry.data.issued.split('-').map(Number) as [number, number];
    const url = paths.directive(entry.id);
    const title = displayTitle(entry.data.title, names);
    const typeName = docType(entry.data.type)?.name ?? entry.data.type;
    const status = statuses[entry.id] ?? { key: 'con-hieu-luc', changes: [], note: null };
    return {
      id: entry.id,
      url,
      item: {
        id: entry.id,
        url,
        title,
        typeName,
        number: entry.data.number,
        issued: entry.data.issued,
        issuer: { id: issuer.id, name: issuer.name, url: paths.issuer(issuer.id) },
        status: status.key,
      },
      title,
      entry,
      data: entry.data,
      issuer,
      coIssuers: entry.data.coIssuers.map((id) => issuers.get(id)).filter((i): i is Issuer => !!i),
      province: issuer.province ? provinces.get(issuer.province) : undefined,
      typeName,
      year,
      month,
      status,
    };
  });
  directives.sort(newestFirst);
  // A joint document is listed under each of its issuers.
  const byIssuer = new Map<string, Directive[]>();
  for (const d of directives) for (const i of [d.issuer, ...d.coIssuers]) (byIssuer.get(i.id) ?? byIssuer.set(i.id, []).get(i.id)!).push(d);
  const childIssuers = new Map<string, Issuer[]>();
  for (const i of registry.issuers) if (i.parent) (childIssuers.get(i.parent) ?? childIssuers.set(i.parent, []).get(i.parent)!).push(i);
  return {
    directives,
    byId: new Map(directives.map((d) => [d.id, d])),
    issuers,
    provinces,
    tree: issuerTree(registry),
    byIssuer,
    issuerPosition: new Map([...byIssuer.values()].flatMap((list) => list.map((d, i) => [d.id, i] as const))),
    childIssuers,
    byType: group(directives, (d) => d.data.type),
    byYear: group(directives, (d) => d.year),
    byMonth: group(directives, (d) => `${d.year}-${String(d.month).padStart(2, '0')}`),
    byTopic: (() => {
      const m = new Map<string, Directive[]>();
      for (const d of directives) for (const t of d.data.topics) (m.get(t) ?? m.set(t, []).get(t)!).push(d);
      return m;
    })(),
    searchShards: meta.data.searchShards,
    graph,
    toReview: directives.filter((d) => d.data.review),
  };
}

let cached: Promise<Library> | undefined;
export function getLibrary(): Promise<Library> {
  cached ??= load();
  return cached;
}

export const PAGE_SIZE = 20;

/** The months of a year that have directives, with their counts: the chips of a year's page. */
export function monthsOfYear(lib: Library, year: number): { name: string; month: number; count: number }[] {
  return MONTH_NAMES.map((name, i) => ({
    name,
    month: i + 1,
    count: lib.byMonth.get(`${year}-${String(i + 1).padStart(2, '0')}`)?.length ?? 0,
  })).filter((m) => m.count > 0);
}

/** Where an issuer's page places it: its scope, the body it reports to, and its subordinate bodies. */
export function issuerPlace(lib: Library, issuer: Issuer): { scope: string; parent: Issuer | undefined; children: Issuer[] } {
  return {
    scope: issuerScope(issuer, lib.provinces),
    parent: issuer.parent ? lib.issuers.get(issuer.parent) : undefined,
    children: lib.childIssuers.get(issuer.id) ?? [],
  };
}

/** Citing directives listed on a directive's own page; the rest are on its `dan-chieu/` pages. */
export const CITERS_ON_PAGE = 10;

export interface CitationOf {
  directive: Directive;
  kind: RelationKind;
  /** The anchors of the parts it cites (src/model/crossref.ts Citation). */
  parts: string[];
}

const citationMemo = new WeakMap<Library, Map<string, CitationOf[]>>();

/**
 * Directives citing `id`, each once, newest first. The one order used by the directive page, its
 * incremental-build cache key and its `dan-chieu/` pages, so they always agree.
 */
export function citationsOf(lib: Library, id: string): CitationOf[] {
  let memo = citationMemo.get(lib);
  if (!memo) citationMemo.set(lib, (memo = new Map()));
  let list = memo.get(id);
  if (!list) {
    const seen = new Set<string>();
    list = [];
    for (const c of lib.graph.incoming.get(id) ?? []) {
      if (seen.has(c.from)) continue;
      seen.add(c.from);
      list.push({ directive: lib.byId.get(c.from)!, kind: c.kind, parts: c.parts });
    }
    list.sort((a, b) => newestFirst(a.directive, b.directive));
    memo.set(id, list);
  }
  return list;
}
