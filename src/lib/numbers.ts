/**
 * Document numbers ("số, ký hiệu") in their three printed forms:
 *   Party  `234-CV/BDVTU`   number - type code / issuer code
 *   State  `2345/UBND-VX`   number / issuer - unit   (công văn, no type code)
 *          `12/KH-UBND`     number / type code - issuer
 *   Legal  `30/2020/NĐ-CP`  number / year / type code - issuer
 */
import { isTypeCode, normalizeCode, type Family } from './doc-types.ts';
import { foldVietnamese } from './text.ts';

export interface ParsedNumber {
  /** As printed, whitespace trimmed and `Số`/`Số:` removed. */
  raw: string;
  family: Family;
  form: 'party' | 'state' | 'legal';
  /** Serial number as printed (`01`, `234`). */
  seq: string;
  /** `CV`, `KH`, `NĐ`; null for a State công văn. */
  typeCode: string | null;
  /** `BDVTU`, `UBND`, `CP`, `TW`. */
  issuerCode: string;
  /** State sub-unit after the issuer (`VX` in `2345/UBND-VX`). */
  unit: string | null;
  /** Year inside a legal number (`2020` in `30/2020/NĐ-CP`). */
  year: number | null;
}

// A code is letters (with Vietnamese capitals) and digits, starting with a letter.
const CODE = String.raw`[\p{Lu}\p{Ll}][\p{Lu}\p{Ll}\p{M}0-9]*`;
const SEQ = String.raw`\d{1,5}[a-zA-Z]?`;

const PARTY = new RegExp(String.raw`^(${SEQ})\s*-\s*(${CODE})\s*\/\s*(${CODE}(?:\s*-\s*${CODE})?)$`, 'u');
const LEGAL = new RegExp(String.raw`^(${SEQ})\s*\/\s*(\d{4})\s*\/\s*(${CODE})\s*-\s*(${CODE}(?:\s*-\s*${CODE})?)$`, 'u');
const STATE = new RegExp(String.raw`^(${SEQ})\s*\/\s*(${CODE})(?:\s*-\s*(${CODE}(?:\s*-\s*${CODE})?))?$`, 'u');

/** Regex source matching a number in running text (used by the importer and the reference grammar). */
export const NUMBER_IN_TEXT = String.raw`\d{1,5}[a-zA-Z]?(?:\s?-\s?${CODE}\s?\/\s?${CODE}(?:-${CODE})?|\/\d{4}\/${CODE}-${CODE}(?:-${CODE})?|\/${CODE}(?:-${CODE}){0,2})`;

const squash = (s: string) => s.replace(/\s+/g, '');

/** Parse a number as printed; null when it has none of the three forms. */
export function parseNumber(input: string): ParsedNumber | null {
  const raw = input.normalize('NFC').replace(/^\s*số\s*:?\s*/iu, '').trim();
  let m = PARTY.exec(raw);
  if (m) {
    return { raw, family: 'party', form: 'party', seq: m[1]!, typeCode: m[2]!, issuerCode: squash(m[3]!), unit: null, year: null };
  }
  m = LEGAL.exec(raw);
  if (m) {
    return { raw, family: 'state', form: 'legal', seq: m[1]!, typeCode: m[3]!, issuerCode: squash(m[4]!), unit: null, year: Number(m[2]) };
  }
  m = STATE.exec(raw);
  if (m) {
    const [, seq, first, rest] = m as unknown as [string, string, string, string | undefined];
    if (rest && isTypeCode(first, 'state')) {
      return { raw, family: 'state', form: 'state', seq, typeCode: first, issuerCode: squash(rest), unit: null, year: null };
    }
    const [issuerCode, ...unit] = (rest ? `${first}-${squash(rest)}` : first).split('-');
    return { raw, family: 'state', form: 'state', seq, typeCode: null, issuerCode: issuerCode!, unit: unit.length ? unit.join('-') : null, year: null };
  }
  return null;
}

/** Serial number without leading zeros, so `01-CT/TU` and `1-CT/TU` are the same citation. */
export function seqKey(seq: string): string {
  return seq.replace(/^0+(?=\d)/, '').toLowerCase();
}

/** Canonical comparison key: `01-CT/TU` → `1|CT|TU`; equal for every spelling of the same number. */
export function numberKey(n: ParsedNumber): string {
  return [seqKey(n.seq), n.year ?? '', normalizeCode(n.typeCode ?? ''), normalizeCode(n.issuerCode), normalizeCode(n.unit ?? '')].join('|');
}

const compact = (...parts: (string | number | null)[]) =>
  foldVietnamese(parts.filter((p) => p !== null && p !== '').join('')).replace(/[^a-z0-9]/g, '');

/**
 * Single-word search tokens under which a directive is found by its number: the full number
 * (`234cvbdvtu`), number + issuer (`234bdvtu`), number + type (`234cv`). Serial numbers lose
 * leading zeros so `1-CT/TU` finds `01-CT/TU`.
 */
export function numberSearchTokens(n: ParsedNumber): string[] {
  const seq = seqKey(n.seq);
  const tokens = [
    compact(seq, n.year, n.typeCode, n.issuerCode, n.unit),
    compact(seq, n.year, n.typeCode, n.issuerCode),
    compact(seq, n.issuerCode),
    compact(seq, n.typeCode ?? n.issuerCode),
  ];
  return [...new Set(tokens)];
}

// `234-CV/BDVTU`, `234/BDVTU`, `234 CV`, `234CV`, `2345/UBND-VX`, `30/2020/NĐ-CP`
const QUERY_NUMBER = new RegExp(String.raw`(?<![\p{L}\d])(\d{1,5})(?:\s*\/\s*(\d{4}))?(?:\s*[-/ ]\s*|)(${CODE})((?:\s*[-/]\s*${CODE}){0,2})(?![\p{L}\d])`, 'gu');

/**
 * Rewrite number-like parts of a search query into the tokens of {@link numberSearchTokens},
 * leaving the other words alone: `công văn 234-CV/BDVTU` → `công văn 234cvbdvtu`.
 */
export function rewriteNumberQuery(query: string): string {
  return query.normalize('NFC').replace(QUERY_NUMBER, (whole, seq: string, year: string | undefined, code: string, rest: string) => {
    // A bare word after a number (`2021 năm`) is not a code: codes are written in capitals or are known codes.
    if (!/\p{Lu}/u.test(code) && !rest && !isTypeCode(code, 'party') && !isTypeCode(code, 'state')) return whole;
    return compact(seqKey(seq), year ?? null, code, rest);
  });
}

/** URL-safe slug of a number: `234-CV/BDVTU` → `234-cv-bdvtu`. */
export function numberSlug(number: string): string {
  return foldVietnamese(number).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
