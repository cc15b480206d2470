/**
 * Whether a directive is still in force, derived from the library itself: what later directives say they do to it
 * (the reference grammar reads "thay thế", "bãi bỏ", "sửa đổi, bổ sung", "... hết hiệu lực": src/model/references.ts),
 * and what its own frontmatter says (`status` with `statusNote`, `expires`). One table of statuses, one rule.
 */
import type { Citation } from './crossref.ts';
import type { RelationKind } from './references.ts';

export const STATUS_KEYS = ['con-hieu-luc', 'da-sua-doi', 'bi-thay-the', 'bi-bai-bo', 'het-hieu-luc'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export interface StatusInfo {
  key: StatusKey;
  /** As lists and the banner say it. */
  label: string;
  /** The search filter's group: in force, in force as amended, or no longer in force. */
  group: 'Còn hiệu lực' | 'Đã được sửa đổi' | 'Hết hiệu lực';
  /** schema.org LegalForceStatus. */
  legalForce: 'InForce' | 'PartiallyInForce' | 'NotInForce';
}

export const STATUSES: Readonly<Record<StatusKey, StatusInfo>> = {
  'con-hieu-luc': { key: 'con-hieu-luc', label: 'Còn hiệu lực', group: 'Còn hiệu lực', legalForce: 'InForce' },
  'da-sua-doi': { key: 'da-sua-doi', label: 'Đã được sửa đổi, bổ sung', group: 'Đã được sửa đổi', legalForce: 'PartiallyInForce' },
  'bi-thay-the': { key: 'bi-thay-the', label: 'Đã bị thay thế', group: 'Hết hiệu lực', legalForce: 'NotInForce' },
  'bi-bai-bo': { key: 'bi-bai-bo', label: 'Đã bị bãi bỏ', group: 'Hết hiệu lực', legalForce: 'NotInForce' },
  'het-hieu-luc': { key: 'het-hieu-luc', label: 'Hết hiệu lực', group: 'Hết hiệu lực', legalForce: 'NotInForce' },
};

/** A later directive's act on this one, as the library found it. */
export interface StatusChange {
  kind: RelationKind;
  /** The directive that acts. */
  from: string;
  /** Its date. */
  issued: string;
  /** The sentence that says so, or the relation's note. */
  evidence: string;
}

export interface DirectiveStatus {
  key: StatusKey;
  /** What made it so, the latest act first; none for a directive nothing acts on. */
  changes: StatusChange[];
  /** The frontmatter's word on it, when it gives one. */
  note: string | null;
}

/** The relation kinds that change a directive's status, and the status each gives. */
const ACTS: Partial<Record<RelationKind, StatusKey>> = { replaces: 'bi-thay-the', repeals: 'bi-bai-bo', amends: 'da-sua-doi' };

export const changesStatus = (kind: RelationKind): boolean => kind in ACTS;

/**
 * The status: the frontmatter's explicit `status` first; then a replacement or repeal (the earliest ends its force);
 * then `expires` (an ISO date before `today`); then an amendment; otherwise in force as far as the library knows.
 */
export function directiveStatus(
  own: { status?: StatusKey | undefined; statusNote?: string | undefined; expires?: string | undefined },
  changes: readonly StatusChange[],
  today: string,
): DirectiveStatus {
  const acts = changes
    .filter((c) => changesStatus(c.kind))
    .sort((a, b) => b.issued.localeCompare(a.issued) || a.from.localeCompare(b.from));
  const note = own.statusNote ?? null;
  if (own.status) return { key: own.status, changes: acts, note };
  const ending = acts.filter((c) => c.kind !== 'amends').at(-1);
  if (ending) return { key: ACTS[ending.kind]!, changes: acts, note };
  if (own.expires && own.expires < today) return { key: 'het-hieu-luc', changes: acts, note };
  if (acts.length) return { key: 'da-sua-doi', changes: acts, note };
  return { key: 'con-hieu-luc', changes: [], note };
}

/**
 * The status of every directive of a library, from its citation graph: computed once per build, in the library pass,
 * and read by the pages and the search records alike.
 */
export function libraryStatuses(
  directives: readonly {
    id: string;
    data: { issued: string; status?: StatusKey | undefined; statusNote?: string | undefined; expires?: string | undefined };
  }[],
  incoming: ReadonlyMap<string, readonly Citation[]>,
  today: string,
): Map<string, DirectiveStatus> {
  const issued = new Map(directives.map((d) => [d.id, d.data.issued]));
  return new Map(
    directives.map((d) => {
      const changes = (incoming.get(d.id) ?? [])
        .filter((c) => changesStatus(c.kind))
        .map((c) => ({ kind: c.kind, from: c.from, issued: issued.get(c.from) ?? '', evidence: c.evidence ?? '' }));
      return [d.id, directiveStatus(d.data, changes, today)];
    }),
  );
}

/** The day a build runs, for `expires`: SOURCE_DATE_EPOCH when set, so a build can be repeated exactly. */
export function buildDay(epoch: string | undefined): string {
  const seconds = Number(epoch);
  return (Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date()).toISOString().slice(0, 10);
}
