/**
 * Resolving citations to directives and building the graph both ways. Scope first (a provincial
 * code means the citing directive's own province), then the cited date, never a later directive,
 * then the named body. Two candidates left: ambiguous, never a guess. Lookups go through maps keyed
 * by scope and number, so the work is linear in the number of citations.
 */
import { normalizeCode } from './doc-types.ts';
import { NATIONAL_SCOPE } from './issuers.ts';
import { numberKey, parseNumber, type ParsedNumber } from './numbers.ts';
import { findReferences, type FoundReference, type RelationKind } from './references.ts';
import { citedPartAnchor, landingAnchor } from './structure.ts';
import { changesStatus } from './status.ts';
import type { DirectiveData, Issuer, Registry } from './schema.ts';
import { cutAtWord, foldVietnamese } from './text.ts';

export interface GraphNode {
  id: string;
  data: DirectiveData;
  /** The body as a reader sees it (src/model/markdown-text.ts). */ text: string;
  /** The anchors of its headed parts (src/model/structure.ts), asked only of a directive cited by a part. */
  partIds?: () => ReadonlySet<string>;
}

export type ReferenceStatus = 'resolved' | 'missing' | 'ambiguous';

export interface ResolvedReference {
  number: string;
  /** The citation as written, or the relation as declared in frontmatter. */
  text: string;
  issued: string | null;
  body: string | null;
  kind: RelationKind;
  status: ReferenceStatus;
  target: string | null;
  /** Ids still in play when ambiguous. */
  candidates: string[];
  /** Where the number was looked up: `Trung ương`, a province name, or a locality. */
  scope: string;
  source: 'text' | 'relation';
}

export interface Citation {
  from: string;
  kind: RelationKind;
  /** The anchors of the parts of the cited directive that the citing one names (`dieu-5`), in order of first mention. */
  parts: string[];
  /** For an act on the cited directive (replaces, repeals, amends): the sentence that says so, or the relation's note. */
  evidence?: string;
}

export interface MissingGroup {
  number: string;
  scope: string;
  citedBy: { id: string; text: string }[];
}

/**
 * A citation as it stands in a directive's text, resolved: what the page links. One per distinct text; the text is
 * searched for in the rendered body, so the grammar runs once per build, on one representation of the text.
 */
export interface Mention {
  text: string;
  number: string;
  status: ReferenceStatus;
  target: string | null;
  candidates: number;
  /** The anchor of the cited part it lands on (`#dieu-5`), when it names a part the cited directive has. */
  anchor: string | null;
}

/** Whether a frontmatter relation names the directive that declares it: its id, or its own number (of its date). */
export function isSelfRelation(d: { id: string; data: DirectiveData }, rel: DirectiveData['relations'][number]): boolean {
  if (rel.target) return rel.target === d.id;
  const cited = rel.number ? parseNumber(rel.number) : null;
  return cited !== null && numberKey(cited) === numberKey(parseNumber(d.data.number)!) && (!rel.issued || rel.issued === d.data.issued);
}

/** The citations of a library both ways: what each directive cites, what cites it, what is missing or ambiguous. */
export interface ReferenceGraph {
  outgoing: Map<string, ResolvedReference[]>;
  incoming: Map<string, Citation[]>;
  missing: MissingGroup[];
  ambiguous: { from: string; reference: ResolvedReference }[];
  /** Each directive's citations as written in its text, for linking its page. */
  mentions: Map<string, Mention[]>;
}

type Level = 'national' | 'province' | 'local';

const NATIONAL_STATE = new Set(['CP', 'TTG', 'VPCP', 'QH', 'UBTVQH', 'CTN', 'TANDTC', 'VKSNDTC', 'KTNN']);
const LOCAL_PARTY = new Set(['HU', 'QU', 'TXU', 'DU', 'CB', 'DB']);

/** How far a cited issuer code reaches: `TW` everywhere, `TU` its province, `HU` its district. */
export function codeLevel(n: ParsedNumber, nationalCodes: ReadonlySet<string>): Level | 'province-or-local' {
  const c = normalizeCode(n.issuerCode).split('-')[0]!;
  if (c.endsWith('TW') || nationalCodes.has(c)) return 'national';
  if (n.family === 'state') {
    if (NATIONAL_STATE.has(c) || /^QH\d*$/.test(c) || /^B[A-Z]{1,6}$/.test(c)) return 'national';
    if (c === 'UBND' || c === 'HDND') return 'province-or-local';
    return 'province';
  }
  if (LOCAL_PARTY.has(c)) return 'local';
  return 'province';
}

const stripBody = (body: string) =>
  foldVietnamese(body)
    .replace(/^(?:ban thuong vu|thuong truc|ban chap hanh|tap the)\s+/, '')
    .replace(/\s+khoa\s+[ivxlc\d]+$/, '')
    .trim();

/** The sentence of `text` around a citation, kept as the evidence of what it says. */
export function sentenceAround(text: string, start: number, end: number): string {
  const after = (p: string) => {
    const i = text.lastIndexOf(p, start - 1);
    return i < 0 ? 0 : i + p.length;
  };
  const from = Math.max(after('\n'), after('. '), after('; '));
  const stops = ['\n', '. ', '; '].map((p) => text.indexOf(p, end)).filter((i) => i >= 0);
  const to = stops.length ? Math.min(...stops) + 1 : text.length;
  return cutAtWord(text.slice(from, to), 400);
}

/** Citations in a text (src/model/references.ts); a build passes one that reuses an earlier build's results. */
export type ReferenceFinder = (text: string, ownNumber: string) => FoundReference[];

export function buildReferenceGraph(
  nodes: readonly GraphNode[],
  registry: Registry,
  find: ReferenceFinder = findReferences,
): ReferenceGraph {
  const issuers = new Map(registry.issuers.map((i) => [i.id, i]));
  const provinces = new Map(registry.provinces.map((p) => [p.id, p.name]));
  const nationalCodes = new Set(registry.issuers.filter((i) => i.level === 'national').map((i) => normalizeCode(i.code)));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const issuerOf = (n: GraphNode) => issuers.get(n.data.issuer);

  // Index every directive under the scopes a citation of its number can come from.
  const index = new Map<string, GraphNode[]>();
  const put = (key: string, n: GraphNode) => {
    const l = index.get(key);
    if (l) l.push(n);
    else index.set(key, [n]);
  };
  for (const n of nodes) {
    const parsed = parseNumber(n.data.number);
    const issuer = issuerOf(n);
    if (!parsed || !issuer) continue;
    const nk = numberKey(parsed);
    if (issuer.level === 'national') put(`N|${nk}`, n);
    else if (issuer.level === 'province') {
      put(`P:${issuer.province}|${nk}`, n);
      put(`ANY|${nk}`, n);
    } else {
      put(`L:${issuer.province}:${issuer.locality ?? ''}|${nk}`, n);
      put(`PL:${issuer.province}|${nk}`, n);
      put(`ANY|${nk}`, n);
    }
  }

  function lookup(citing: Issuer | undefined, parsed: ParsedNumber): { list: GraphNode[]; scope: string } {
    const nk = numberKey(parsed);
    const level = codeLevel(parsed, nationalCodes);
    if (level === 'national') return { list: index.get(`N|${nk}`) ?? [], scope: NATIONAL_SCOPE };
    if (!citing || citing.level === 'national') return { list: index.get(`ANY|${nk}`) ?? [], scope: 'mọi tỉnh' };
    const province = citing.province!;
    const pname = provinces.get(province) ?? province;
    const local =
      citing.level === 'province'
        ? (index.get(`PL:${province}|${nk}`) ?? [])
        : (index.get(`L:${province}:${citing.locality ?? ''}|${nk}`) ?? []);
    if (level === 'province') return { list: index.get(`P:${province}|${nk}`) ?? [], scope: pname };
    if (level === 'local') return { list: local, scope: citing.level === 'province' ? pname : `${citing.locality ?? ''}, ${pname}` };
    return { list: [...(index.get(`P:${province}|${nk}`) ?? []), ...local], scope: pname };
  }

  function resolveCitation(citing: GraphNode, c: { number: string; parsed: ParsedNumber; issued: string | null; body: string | null }) {
    const { list, scope } = lookup(issuerOf(citing), c.parsed);
    let candidates = list.filter((n) => n.id !== citing.id && n.data.issued <= citing.data.issued);
    if (c.issued) candidates = candidates.filter((n) => n.data.issued === c.issued);
    if (candidates.length > 1 && c.body) {
      const want = stripBody(c.body);
      const named = candidates.filter((n) => foldVietnamese(issuerOf(n)?.name ?? '').startsWith(want));
      if (named.length) candidates = named;
    }
    const status: ReferenceStatus = candidates.length === 1 ? 'resolved' : candidates.length === 0 ? 'missing' : 'ambiguous';
    return {
      status,
      target: status === 'resolved' ? candidates[0]!.id : null,
      candidates: status === 'ambiguous' ? candidates.map((n) => n.id) : [],
      scope,
    };
  }

  const memo = new Map<string, ResolvedReference>();
  function resolve(citing: GraphNode, f: FoundReference): ResolvedReference {
    const key = `${citing.id}|${numberKey(f.parsed)}|${f.issued ?? ''}|${f.body ?? ''}`;
    let r = memo.get(key);
    if (!r) {
      r = { number: f.number, text: f.text, issued: f.issued, body: f.body, kind: f.kind, source: 'text', ...resolveCitation(citing, f) };
      memo.set(key, r);
    }
    return r;
  }

  const outgoing = new Map<string, ResolvedReference[]>();
  const incoming = new Map<string, Citation[]>();
  const missing = new Map<string, MissingGroup>();
  const ambiguous: { from: string; reference: ResolvedReference }[] = [];
  const mentions = new Map<string, Mention[]>();

  // The anchors of a cited directive, read once, and only for those cited by a part.
  const partIds = new Map<string, ReadonlySet<string>>();
  const anchorIn = (target: string, part: string): string | null => {
    const wanted = citedPartAnchor(part);
    if (!wanted) return null;
    let ids = partIds.get(target);
    if (!ids) partIds.set(target, (ids = byId.get(target)?.partIds?.() ?? new Set()));
    return landingAnchor(wanted, ids);
  };

  for (const n of nodes) {
    // One entry per cited number; the first mention carries the date and body when a later one omits them.
    const refs = new Map<string, ResolvedReference>();
    const written = new Map<string, Mention>();
    // The parts of each cited directive this one names, and the sentences that say it acts on one.
    const partsCited = new Map<string, string[]>();
    const evidence = new Map<string, string>();
    const text = `${n.data.title}\n${n.text}`;
    for (const f of find(text, n.data.number)) {
      const r = resolve(n, f);
      if (r.target && changesStatus(f.kind) && !evidence.has(r.target)) evidence.set(r.target, sentenceAround(text, f.start, f.end));
      const anchor = f.part && r.target ? anchorIn(r.target, f.part) : null;
      if (anchor) {
        const l = partsCited.get(r.target!) ?? [];
        if (!l.includes(anchor)) l.push(anchor);
        partsCited.set(r.target!, l);
      }
      if (!written.has(f.text))
        written.set(f.text, {
          text: f.text,
          number: r.number,
          status: r.status,
          target: r.target,
          candidates: r.candidates.length,
          anchor,
        });
      const k = numberKey(f.parsed);
      const prev = refs.get(k);
      if (!prev || (prev.status !== 'resolved' && r.status === 'resolved'))
        refs.set(k, prev && prev.kind !== 'cites' && r.kind === 'cites' ? { ...r, kind: prev.kind } : r);
    }
    // Frontmatter relations add to what the text says, or correct it.
    for (const rel of n.data.relations) {
      // A relation to the directive itself says nothing (validation warns of it).
      if (isSelfRelation(n, rel)) continue;
      if (rel.target) {
        const t = byId.get(rel.target);
        const k = t ? numberKey(parseNumber(t.data.number)!) : `target:${rel.target}`;
        refs.set(k, {
          number: t?.data.number ?? rel.number ?? rel.target,
          text: rel.note ?? '',
          issued: t?.data.issued ?? rel.issued ?? null,
          body: null,
          kind: rel.kind,
          status: t ? 'resolved' : 'missing',
          target: t ? t.id : null,
          candidates: [],
          scope: '',
          source: 'relation',
        });
        continue;
      }
      const parsed = parseNumber(rel.number!);
      if (!parsed) continue;
      const k = numberKey(parsed);
      const detected = refs.get(k);
      const res = resolveCitation(n, {
        number: rel.number!,
        parsed,
        issued: rel.issued ?? detected?.issued ?? null,
        body: detected?.body ?? null,
      });
      refs.set(k, {
        number: rel.number!,
        text: detected?.text ?? rel.note ?? '',
        issued: rel.issued ?? detected?.issued ?? null,
        body: detected?.body ?? null,
        kind: rel.kind,
        source: 'relation',
        ...res,
      });
    }
    const list = [...refs.values()];
    outgoing.set(n.id, list);
    if (written.size) mentions.set(n.id, [...written.values()]);
    for (const r of list) {
      if (r.status === 'resolved') {
        const l = incoming.get(r.target!);
        const c: Citation = { from: n.id, kind: r.kind, parts: partsCited.get(r.target!) ?? [] };
        // Declared in frontmatter, the relation's note is its evidence.
        if (changesStatus(r.kind)) c.evidence = evidence.get(r.target!) ?? (r.source === 'relation' ? r.text : '');
        if (l) l.push(c);
        else incoming.set(r.target!, [c]);
      } else if (r.status === 'ambiguous') {
        ambiguous.push({ from: n.id, reference: r });
      } else {
        const k = `${r.scope}|${r.number.toUpperCase()}`;
        const g = missing.get(k) ?? { number: r.number, scope: r.scope, citedBy: [] };
        g.citedBy.push({ id: n.id, text: r.text });
        missing.set(k, g);
      }
    }
  }
  return { outgoing, incoming, missing: [...missing.values()], ambiguous, mentions };
}

/** The graph as JSON (Maps as entry lists), to hand from the build's pass to Astro's pages. */
export interface GraphJson {
  outgoing: [string, ResolvedReference[]][];
  incoming: [string, Citation[]][];
  missing: MissingGroup[];
  ambiguous: { from: string; reference: ResolvedReference }[];
  mentions: [string, Mention[]][];
}

export function graphToJson(g: ReferenceGraph): GraphJson {
  return { outgoing: [...g.outgoing], incoming: [...g.incoming], missing: g.missing, ambiguous: g.ambiguous, mentions: [...g.mentions] };
}

export function graphFromJson(j: GraphJson): ReferenceGraph {
  return {
    outgoing: new Map(j.outgoing),
    incoming: new Map(j.incoming),
    missing: j.missing,
    ambiguous: j.ambiguous,
    mentions: new Map(j.mentions),
  };
}
