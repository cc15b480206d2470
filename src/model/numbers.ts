/**
 * Document numbers ("số, ký hiệu") in their three printed forms:
 *   Party  `234-CV/BDVTU`   number - type code / issuer code
 *   State  `2345/UBND-VX`   number / issuer - unit   (công văn, no type code)
 *          `12/KH-UBND`     number / type code - issuer
 *   Legal  `30/2020/NĐ-CP`  number / year / type code - issuer
 */
import { isTypeCode, normalizeCode, typesForCode, type Family } from './doc-types.ts';
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

const CODES = String.raw`${CODE}(?:\s*-\s*${CODE}){0,3}`;
/**
 * The whole-number forms, compiled on first use: the search page's script never parses a whole number, and
 * top-level patterns built from `String.raw` pieces would stay in its bundle (a minifier cannot tell they are pure).
 */
let wholeForms: Record<'party' | 'legal' | 'legalJoint' | 'legalUntyped' | 'joint' | 'state', RegExp> | undefined;
const forms = () =>
  (wholeForms ??= {
    party: new RegExp(String.raw`^(${SEQ})\s*-\s*(${CODE})\s*\/\s*(${CODES})$`, 'u'),
    legal: new RegExp(String.raw`^(${SEQ})\s*\/\s*(\d{4})\s*\/\s*(${CODE})\s*-\s*(${CODES})$`, 'u'),
    /** Joint legal acts: `19/2008/NQLT/CP-UBTUMTTQVN`; resolutions of the Standing Committee: `653/2019/UBTVQH14`. */
    legalJoint: new RegExp(String.raw`^(${SEQ})\s*\/\s*(\d{4})\s*\/\s*(${CODE})\s*\/\s*(${CODES})$`, 'u'),
    legalUntyped: new RegExp(String.raw`^(${SEQ})\s*\/\s*(\d{4})\s*\/\s*(${CODE})$`, 'u'),
    /** Joint documents of two bodies: `01/QCPH/UBND-UBMTTQ`. */
    joint: new RegExp(String.raw`^(${SEQ})\s*\/\s*(${CODE})\s*\/\s*(${CODES})$`, 'u'),
    state: new RegExp(String.raw`^(${SEQ})\s*\/\s*(${CODE})(?:\s*-\s*(${CODES}))?$`, 'u'),
  });

/** `UBND-UBMTTQ` → first code and the rest (`UBMTTQ`). */
const firstAndRest = (codes: string): [string, string | null] => {
  const [first, ...rest] = squash(codes).split('-');
  return [first!, rest.length ? rest.join('-') : null];
};

/**
 * Regex source matching a number in running text (used by the importer and the reference grammar), as printed:
 * spaces around the dash (`21 -CT/TU`, `100 - KL/TW`), a space for the dash (`84 QĐ/TWĐTN`), joint and legal forms.
 * A function, for the reason `forms` is one.
 */
export const numberInText = (): string =>
  String.raw`\d{1,5}[a-zA-Z]?(?:` +
  [
    String.raw`\s?-\s?${CODE}\s?\/\s?${CODE}(?:-${CODE}){0,2}`,
    String.raw`\s(?=\p{Lu}[\p{L}\p{M}]*\/)${CODE}\/${CODE}(?:-${CODE}){0,2}`,
    String.raw`\/\d{4}\/${CODE}\/${CODE}(?:-${CODE}){0,3}`,
    String.raw`\/\d{4}\/${CODE}(?:-${CODE}){1,3}`,
    String.raw`\/\d{4}\/${CODE}`,
    String.raw`\/${CODE}\/${CODE}(?:-${CODE}){0,3}`,
    String.raw`\/${CODE}(?:-${CODE}){0,2}`,
  ].join('|') +
  ')';

/**
 * A number as printed, with the spacing copies add taken out: spaces around `-` and `/` (`367 - QĐ/TWĐTN-VP`,
 * `63/ 2006/QĐ - UBND`), the space a copy put for the dash (`84 QĐ/TWĐTN`), the dash lost between a type code and
 * `UBND`/`HĐND` (`1961/QĐUBND`).
 */
export function normalizeNumberText(printed: string): string {
  return printed
    .trim()
    .replace(/^(\d{1,5}[a-zA-Z]?)\s+(?=\p{Lu}[\p{L}\p{M}]*\s*\/)/u, '$1-')
    .replace(/\s+/g, '')
    .replace(/\/(QĐ|KH|TB|HD|CT|NQ|BC|TTr|QyĐ|CTr)(UBND|HĐND|UB)$/u, '/$1-$2');
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Parse a number as printed; null when it has none of the three forms. */
export function parseNumber(input: string): ParsedNumber | null {
  const raw = input
    .normalize('NFC')
    .replace(/^\s*số\s*:?\s*/iu, '')
    .trim();
  const f = forms();
  let m = f.party.exec(raw);
  if (m) {
    // `367-QĐ/TWĐTN-VP`: the issuer, then the unit that drafted it.
    const [issuerCode, unit] = firstAndRest(m[3]!);
    return { raw, family: 'party', form: 'party', seq: m[1]!, typeCode: m[2]!, issuerCode, unit, year: null };
  }
  m = f.legal.exec(raw);
  if (m) {
    return { raw, family: 'state', form: 'legal', seq: m[1]!, typeCode: m[3]!, issuerCode: squash(m[4]!), unit: null, year: Number(m[2]) };
  }
  m = f.legalJoint.exec(raw);
  if (m) {
    const [issuerCode, unit] = firstAndRest(m[4]!);
    return { raw, family: 'state', form: 'legal', seq: m[1]!, typeCode: m[3]!, issuerCode, unit, year: Number(m[2]) };
  }
  m = f.legalUntyped.exec(raw);
  if (m) return { raw, family: 'state', form: 'legal', seq: m[1]!, typeCode: null, issuerCode: m[3]!, unit: null, year: Number(m[2]) };
  m = f.joint.exec(raw);
  if (m) {
    const [issuerCode, unit] = firstAndRest(m[3]!);
    return { raw, family: 'state', form: 'state', seq: m[1]!, typeCode: m[2]!, issuerCode, unit, year: null };
  }
  m = f.state.exec(raw);
  if (m) {
    const [, seq, first, rest] = m as unknown as [string, string, string, string | undefined];
    if (rest && isTypeCode(first, 'state')) {
      return { raw, family: 'state', form: 'state', seq, typeCode: first, issuerCode: squash(rest), unit: null, year: null };
    }
    const [issuerCode, ...unit] = (rest ? `${first}-${squash(rest)}` : first).split('-');
    return {
      raw,
      family: 'state',
      form: 'state',
      seq,
      typeCode: null,
      issuerCode: issuerCode!,
      unit: unit.length ? unit.join('-') : null,
      year: null,
    };
  }
  return null;
}

/** Issuer codes printed with small letters, and letters OCR reads for others (`TƯ` for `TW`). */
const ISSUER_SPELLING: Record<string, string> = { TTG: 'TTg', TƯ: 'TW' };

/**
 * One spelling for a number however it was printed: type codes as the type table writes them (`CTR` → `CTr`,
 * `QĐI` → `QĐi`), the issuer codes copies misspell as they should be (`TTG` → `TTg`, OCR's `TƯ` → `TW`).
 * Separators, serial and other codes stay as printed.
 */
export function canonicalNumber(raw: string): string {
  const n = parseNumber(raw);
  if (!n) return raw;
  let typeSeen = false;
  return n.raw
    .replace(/\s+/g, '')
    .split(/([-/])/)
    .map((tok, i) => {
      if (i % 2 === 1 || i === 0 || /^\d+$/.test(tok)) return tok;
      if (!typeSeen && n.typeCode && tok === n.typeCode) {
        typeSeen = true;
        const table = typesForCode(tok, n.family)
          .flatMap((t) => [...t.partyCodes, ...t.stateCodes])
          .find((c) => normalizeCode(c) === normalizeCode(tok));
        return table ?? tok;
      }
      // Unit codes may carry small letters of their own (`GDTrH`): only the known variants change.
      return ISSUER_SPELLING[tok.toLocaleUpperCase('vi')] ?? tok;
    })
    .join('');
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
const QUERY_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,5})(?:\s*\/\s*(\d{4}))?(?:\s*[-/ ]\s*|)(${CODE})((?:\s*[-/]\s*${CODE}){0,2})(?![\p{L}\d])`,
  'gu',
);

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
