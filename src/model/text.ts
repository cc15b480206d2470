/**
 * Vietnamese text hygiene and folding: the single source of the folding rules
 * used by slugs, search records, the importer and the search UI.
 */

const BOM = /^\uFEFF/;
const NBSP = /[\u00A0\u202F\u2007]/g;
// An alternation, not a class: U+200D joins characters in a class (biome noMisleadingCharacterClass).
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060/g;

/** Normalise raw input: strip BOM, LF line ends, NFC, NBSP and zero-width characters to plain spaces/nothing. */
export function normalizeText(input: string): string {
  return input.replace(BOM, '').replace(/\r\n?/g, '\n').normalize('NFC').replace(NBSP, ' ').replace(ZERO_WIDTH, '');
}

/**
 * Characters no field or body may hold: C0 controls but tab and line feed, DEL and C1 controls, lone surrogates and
 * the noncharacters U+FFFE/U+FFFF. They print as nothing or as boxes, and XML (the feed, the sitemaps) cannot carry them.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `s` without its forbidden characters (a vertical tab or form feed, Word's line and page breaks, becomes a space). */
export function withoutForbidden(s: string): { text: string; removed: number } {
  let removed = 0;
  const text = s.replace(new RegExp(FORBIDDEN.source, 'g'), (c) => {
    removed++;
    return c === '\v' || c === '\f' ? ' ' : '';
  });
  return { text, removed };
}

/** The first forbidden character of `s`: its index and its code point as `U+000B`. */
export function forbiddenCharacter(s: string): { index: number; codePoint: string } | null {
  const m = FORBIDDEN.exec(s);
  if (!m) return null;
  return { index: m.index, codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}

/** đ/Đ and their look-alikes ð/Ð have no Unicode decomposition, so they are mapped explicitly. */
export function foldD(s: string): string {
  return s.replace(/[đð]/g, 'd').replace(/[ĐÐ]/g, 'D');
}

/**
 * The folding rule itself: lower-case, strip every combining mark, fold đ. {@link foldVietnamese} gives the same
 * result faster; this is the definition it is tested against.
 */
export function foldVietnameseByRule(s: string): string {
  return foldD(s.normalize('NFD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .normalize('NFC');
}

// Per-character table for the scripts Vietnamese text is written in (Latin, Latin Extended Additional, combining
// marks, general punctuation). There the rule works character by character: each character folds to one
// character or to nothing, and no two folded characters compose. The importer folds every line and body it
// checks, the search records fold every text: the table is ~7 times faster than normalising whole strings.
const TABLE_END = 0x2070;
const DROP = 0xffff;
const BY_RULE = 0xfffe;
const tables: { keep?: Uint16Array; drop?: Uint16Array } = {};
let out = new Uint16Array(256);
const utf16 = new TextDecoder('utf-16le');

function foldTable(dropSpaces: boolean): Uint16Array {
  const t = new Uint16Array(TABLE_END).fill(BY_RULE);
  const tabled = (c: number) => c <= 0x24f || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff) || c >= 0x2000;
  for (let c = 0; c < TABLE_END; c++) {
    if (!tabled(c)) continue;
    const f = foldVietnameseByRule(String.fromCharCode(c));
    if (f.length === 0 || (dropSpaces && /^\s$/.test(f))) t[c] = DROP;
    else if (f.length === 1 && f.charCodeAt(0) < BY_RULE) t[c] = f.charCodeAt(0);
  }
  return t;
}

function foldWith(t: Uint16Array, s: string, byRule: (s: string) => string): string {
  if (out.length < s.length) out = new Uint16Array(s.length * 2);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = c < TABLE_END ? t[c]! : BY_RULE;
    if (f === DROP) continue;
    // Any other script (Greek's final sigma, Hangul jamo that compose ...) takes the rule on the whole string.
    if (f === BY_RULE) return byRule(s);
    out[n++] = f;
  }
  return utf16.decode(out.subarray(0, n));
}

/** Lower-case, strip every combining mark and fold đ: `Đảng ủy Khối` → `dang uy khoi`. Tone placement (`uỷ`/`ủy`) folds to the same result. */
export function foldVietnamese(s: string): string {
  return foldWith((tables.keep ??= foldTable(false)), s, foldVietnameseByRule);
}

/** {@link foldVietnamese} without any whitespace: `Đảng ủy\nKhối` → `danguykhoi` (comparing text however it is wrapped). */
export function foldVietnameseNoSpaces(s: string): string {
  return foldWith((tables.drop ??= foldTable(true)), s, (x) => foldVietnameseByRule(x).replace(/\s+/g, ''));
}

/** ASCII slug for URLs and ids: `234-CV/BDVTU` → `234-cv-bdvtu`. */
export function slugify(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Vietnamese collation: `Đ` sorts right after `D`, not after `Y`. */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);

/** `s` on one line, cut at a word boundary to at most `max` characters, with ` …` when cut. */
export function cutAtWord(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max).replace(/\s+\S*$/u, '')} …`;
}
