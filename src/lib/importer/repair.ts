/**
 * Repairs of text damage that has one right answer, each reported: literal `\r\n` escapes, tokens a word
 * processor glued together (`CHÁNH VĂN PHÒNGThái Hữu Phép`, `số31-QĐ/TW`, `2022Ban`, `ĐOÀNBÍ THƯ`), a year split in
 * two (`16/7/20 21`), and tone marks a legacy PDF font left detached from their vowels. Damage without one right
 * answer (letters lost by OCR, `banhành`) is left as it is and named in a warning.
 */
import { attachTone, isMarkedVietnamese, isSyllable, splitGluedSyllables, TONE_MARKS } from './syllables.ts';

export interface Repair { line: number; what: string }

/** A tab marks a cell boundary for the line splitter (input.ts): the glued pieces are separate header parts. */
const CELL = '\t';

/** Literal escape sequences copied out of a web page's source: `\r\n`, `\n`, `\r`. */
const LITERAL_BREAK = /\\r\\n|\\n|\\r/g;

export function splitLiteralBreaks(line: string): string[] | null {
  if (!LITERAL_BREAK.test(line)) return null;
  LITERAL_BREAK.lastIndex = 0;
  return line.replace(/\\t/g, ' ').split(LITERAL_BREAK);
}

interface TokenRule { re: RegExp; to: string | ((...m: string[]) => string); what: string }

const TOKEN_RULES: TokenRule[] = [
  // `PHÒNGThái`, `ĐỊNHVề`: an all-capitals word glued to a capitalised one.
  { re: /(?<=[\p{Lu}\p{M}]{2})(?=\p{Lu}[\p{Ll}\p{M}])(?<![\s\d])/gu, to: CELL, what: 'tách chữ in hoa dính liền với chữ thường' },
  // `2597/VPCP-NCV/v tổ chức`: the number glued to the `V/v` that starts the subject.
  { re: /(?<=\d[\p{L}\d/-]*[\p{Lu}\d])(?=V\s?\/\s?[vV]\s)/gu, to: CELL, what: 'tách số hiệu dính với «V/v»' },
  // `số31-QĐ/TW`: the word `số` glued to the number it introduces.
  { re: /(?<![\p{L}\p{M}])(số|Số|SỐ)(?=\d)/gu, to: '$1 ', what: 'thêm khoảng trắng sau «số»' },
  // `2022Ban Tuyên giáo`: a year glued to the next word.
  { re: /(?<![\d/.-])((?:19|20)\d{2})(?=\p{Lu}[\p{Ll}\p{M}])/gu, to: `$1 `, what: 'tách năm dính với chữ sau' },
  // `16/7/20 21`, `năm 20 21`: a year split in two.
  { re: /(?<=\d{1,2}\s?\/\s?\d{1,2}\s?\/\s?|năm\s)(19|20) (\d{2})(?!\d)/gu, to: '$1$2', what: 'nối năm bị tách đôi' },
];

/** Apply the token rules to one line; `repairs` gets one entry per kind of repair made. */
export function repairTokens(line: string, n: number, repairs: Repair[]): string {
  let out = line;
  for (const rule of TOKEN_RULES) {
    rule.re.lastIndex = 0;
    if (!rule.re.test(out)) continue;
    rule.re.lastIndex = 0;
    const before = out;
    out = out.replace(rule.re, rule.to as string);
    if (out !== before) repairs.push({ line: n, what: rule.what });
  }
  out = splitGluedWords(out, n, repairs);
  return out;
}

const WORD = /[\p{L}\p{M}]{4,}/gu;
const gluedCache = new Map<string, [string, string] | null>();

/** `ĐOÀNBÍ` → `ĐOÀN BÍ`, `sốđiều` → `số điều`: only words that split into two syllables in exactly one way. */
function splitGluedWords(line: string, n: number, repairs: Repair[]): string {
  let changed = false;
  const out = line.replace(WORD, (w) => {
    let cut = gluedCache.get(w);
    if (cut === undefined) {
      cut = splitGluedSyllables(w);
      if (gluedCache.size > 50_000) gluedCache.clear();
      gluedCache.set(w, cut);
    }
    if (!cut) return w;
    changed = true;
    // In capitals the glue is a lost line break between two header or signing lines (`ĐOÀN` / `BÍ THƯ ...`).
    return `${cut[0]}${/\p{Ll}/u.test(w) ? ' ' : CELL}${cut[1]}`;
  });
  if (changed) repairs.push({ line: n, what: 'tách hai âm tiết bị dính liền' });
  return out;
}

const MARK_ONLY = new RegExp(`^[${TONE_MARKS}]+$`, 'u');
const HAS_TONE = new RegExp(`[${TONE_MARKS}]`, 'u');
const hasTone = (w: string) => HAS_TONE.test(w.normalize('NFD'));

/**
 * Tone marks standing alone after the words that lost them (`vê thiêt hai ̀ ̣ ̣` → `về thiệt hại`): repaired when
 * the run of untoned words right before the marks has as many words as there are marks, and each takes its mark.
 * Otherwise the line is left as it is and reported as damaged.
 */
export function repairDetachedMarks(line: string, n: number, repairs: Repair[], damage: Repair[]): string {
  if (!/\s\p{M}/u.test(line)) return line;
  const tokens = line.split(' ');
  let changed = false, damaged = false;
  for (let i = 0; i < tokens.length; i++) {
    if (!MARK_ONLY.test(tokens[i]!)) continue;
    let j = i;
    while (j < tokens.length && MARK_ONLY.test(tokens[j]!)) j++;
    const marks = tokens.slice(i, j).map((t) => t.normalize('NFD'));
    const words: number[] = [];
    for (let k = i - 1; k >= 0 && words.length <= marks.length; k--) {
      const t = tokens[k]!;
      if (!t || MARK_ONLY.test(t)) continue;
      if (!/^[\p{L}\p{M}]+$/u.test(t) || hasTone(t)) break;
      words.unshift(k);
    }
    const fixed = words.length === marks.length ? words.map((k, m) => attachTone(tokens[k]!, marks[m]!)) : [];
    if (fixed.length && fixed.every((f) => f !== null && isSyllable(f))) {
      words.forEach((k, m) => { tokens[k] = fixed[m]!; });
      for (let k = i; k < j; k++) tokens[k] = '';
      changed = true;
    } else damaged = true;
    i = j - 1;
  }
  if (changed) repairs.push({ line: n, what: 'gắn lại dấu thanh bị tách khỏi chữ' });
  if (damaged) damage.push({ line: n, what: 'dấu thanh tách rời khỏi chữ (phông PDF cũ), không gắn lại được chắc chắn' });
  return changed ? tokens.filter((t) => t !== '').join(' ') : line;
}

const suspectCache = new Map<string, boolean>();

/**
 * Lower-case words that are not Vietnamese syllables although they carry Vietnamese marks, or have a Vietnamese
 * onset and no vowel (`cơng`, `quc`, `tt`): letters lost by OCR or by a bad copy.
 */
export function suspectWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{M}\d/-])\p{Ll}[\p{Ll}\p{M}]*(?![\p{L}\p{M}\d/-])/gu)) {
    const w = m[0];
    let bad = suspectCache.get(w);
    if (bad === undefined) {
      // Unmarked words are only suspect without any vowel (`tt`, `quc`): English words are unmarked too.
      bad = !isSyllable(w) && (isMarkedVietnamese(w) || (w.length >= 2 && w.length <= 5 && !/[aăâeêioôơuưy]/u.test(w.replace(/^(qu|gi)/u, ''))));
      if (suspectCache.size > 100_000) suspectCache.clear();
      suspectCache.set(w, bad);
    }
    if (bad) out.add(w);
  }
  return [...out];
}

/** Damage worth telling the clerk about, named (at most a few examples). */
export function describeSuspects(words: readonly string[]): string | null {
  if (!words.length) return null;
  const shown = words.slice(0, 8).map((w) => `«${w}»`).join(', ');
  return `${words.length} từ không phải âm tiết tiếng Việt (có thể mất chữ khi quét/OCR hoặc dính liền): ${shown}${words.length > 8 ? ', …' : ''}; hãy đối chiếu với bản gốc`;
}
