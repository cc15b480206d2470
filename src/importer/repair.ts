/**
 * Repairs of text damage that has one right answer, each reported: literal `\r\n` escapes, tokens a word
 * processor glued together (`CHÁNH VĂN PHÒNGThái Hữu Phép`, `số31-QĐ/TW`, `2022Ban`, `ĐOÀNBÍ THƯ`), a year split in
 * two (`16/7/20 21`), and tone marks a legacy PDF font left detached from their vowels. Damage without one right
 * answer (letters lost by OCR, `banhành`) is left as it is and named in a warning.
 */
import { attachTone, isMarkedVietnamese, isSyllable, splitGluedSyllables, TONE_MARKS } from './syllables.ts';

export interface Repair {
  line: number;
  what: string;
}

/** A tab marks a cell boundary for the line splitter (input.ts): the glued pieces are separate header parts. */
const CELL = '\t';

/** Literal escape sequences copied out of a web page's source: `\r\n`, `\n`, `\r`. */
const LITERAL_BREAK = /\\r\\n|\\n|\\r/g;

export function splitLiteralBreaks(line: string): string[] | null {
  if (!LITERAL_BREAK.test(line)) return null;
  LITERAL_BREAK.lastIndex = 0;
  return line.replace(/\\t/g, ' ').split(LITERAL_BREAK);
}

interface TokenRule {
  re: RegExp;
  to: string;
  what: string;
}

/** Repairs inside one token (cached per token, so they cost nothing on the words a library repeats). */
const TOKEN_RULES: TokenRule[] = [
  // `PHÒNGThái`, `ĐỊNHVề`: an all-capitals word glued to a capitalised one.
  { re: /(?<=[\p{Lu}\p{M}]{2})(?=\p{Lu}[\p{Ll}\p{M}])/gu, to: CELL, what: 'tách chữ in hoa dính liền với chữ thường' },
  // `2597/VPCP-NCV/v tổ chức`: the number glued to the `V/v` that starts the subject.
  { re: /(?<=\d[\p{L}\d/-]*[\p{Lu}\d])(?=V\/[vV]$)/gu, to: CELL, what: 'tách số hiệu dính với «V/v»' },
  // `số31-QĐ/TW`: the word `số` glued to the number it introduces.
  { re: /(?<![\p{L}\p{M}])(số|Số|SỐ)(?=\d)/gu, to: '$1 ', what: 'thêm khoảng trắng sau «số»' },
  // `2022Ban Tuyên giáo`: a year glued to the next word.
  { re: /(?<![\d/.-])((?:19|20)\d{2})(?=\p{Lu}[\p{Ll}\p{M}])/gu, to: `$1 `, what: 'tách năm dính với chữ sau' },
];

/** `16/7/20 21`, `năm 20 21`: a year split in two (across tokens, so per line). */
const SPLIT_YEAR = /(?<=\d{1,2}\s?\/\s?\d{1,2}\s?\/\s?|năm\s)(19|20) (\d{2})(?!\d)/gu;

/** The repairs that span tokens; `repairs` gets one entry per kind of repair made. */
export function repairTokens(line: string, n: number, repairs: Repair[]): string {
  if (!/(?:19|20) \d\d/.test(line)) return line;
  const out = line.replace(SPLIT_YEAR, '$1$2');
  if (out !== line) repairs.push({ line: n, what: 'nối năm bị tách đôi' });
  return out;
}

/** What one token (as it stands in the text, punctuation included) needs: its repaired form, the suspect word in it. */
interface TokenInfo {
  fixed: string | null;
  repairs: string[];
  suspect: string | null;
}
const tokenCache = new Map<string, TokenInfo>();
const TOKEN_WORDS = /[\p{L}\p{M}]{4,}/gu;
const BARE = /^[^\p{L}\p{M}]*(\p{Ll}[\p{Ll}\p{M}]*)[^\p{L}\p{M}\d/-]*$/u;
const NONE: TokenInfo = { fixed: null, repairs: [], suspect: null };

function tokenInfo(token: string): TokenInfo {
  const repairs: string[] = [];
  let fixed = token;
  for (const rule of TOKEN_RULES) {
    const next = fixed.replace(rule.re, rule.to);
    if (next !== fixed) {
      repairs.push(rule.what);
      fixed = next;
    }
  }
  if (fixed.length >= 4) {
    let glued = false;
    for (const m of fixed.matchAll(TOKEN_WORDS)) {
      const cut = splitGluedSyllables(m[0]);
      if (!cut) continue;
      // In capitals the glue is a lost line break between two header or signing lines (`ĐOÀN` / `BÍ THƯ ...`).
      fixed = fixed.replace(m[0], `${cut[0]}${/\p{Ll}/u.test(m[0]) ? ' ' : CELL}${cut[1]}`);
      glued = true;
    }
    if (glued) repairs.push('tách hai âm tiết bị dính liền');
  }
  const w = repairs.length ? undefined : BARE.exec(token)?.[1];
  // Unmarked words are only suspect without any vowel (`tt`, `quc`): English words are unmarked too.
  const suspect =
    w &&
    !isSyllable(w) &&
    (isMarkedVietnamese(w) || (w.length >= 2 && w.length <= 5 && !/[aăâeêioôơuưy]/u.test(w.replace(/^(qu|gi)/u, ''))))
      ? w
      : null;
  return !repairs.length && suspect === null ? NONE : { fixed: repairs.length ? fixed : null, repairs, suspect };
}

/**
 * One pass over a line's tokens, each looked up once per import: glued tokens are cut (`CHÁNH VĂN PHÒNGThái`,
 * `số31-QĐ/TW`, `2022Ban`, `ĐOÀNBÍ` → `ĐOÀN BÍ`, `sốđiều` → `số điều` where there is exactly one way), and words that
 * are no Vietnamese syllable although they carry its marks, or have no vowel (`cơng`, `quc`, `tt`: letters lost
 * by OCR or a bad copy) are collected into `suspects`.
 */
export function scanTokens(line: string, n: number, repairs: Repair[], suspects: string[]): string {
  let changed = false;
  const tokens = line.split(' ');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t) continue;
    let info = tokenCache.get(t);
    if (info === undefined) {
      info = tokenInfo(t);
      if (tokenCache.size > 200_000) tokenCache.clear();
      tokenCache.set(t, info);
    }
    if (info === NONE) continue;
    if (info.fixed !== null) {
      tokens[i] = info.fixed;
      changed = true;
      for (const what of info.repairs) repairs.push({ line: n, what });
    }
    if (info.suspect !== null) suspects.push(info.suspect);
  }
  return changed ? tokens.join(' ') : line;
}

const MARK_ONLY = new RegExp(`^[${TONE_MARKS}]+$`, 'u');
const HAS_TONE = new RegExp(`[${TONE_MARKS}]`, 'u');
const hasTone = (w: string) => HAS_TONE.test(w.normalize('NFD'));

/**
 * Tone marks a legacy PDF font left standing alone. A single mark right after the word that lost it (`thiêt ̣ hai ̣`)
 * goes back on its vowel (`thiệt hại`); a run of marks after several words (`thiêt hai ̀ ̣ ̣`) could belong to any of
 * them, so the line is left as it is and reported as damaged.
 */
export function repairDetachedMarks(line: string, n: number, repairs: Repair[], damage: Repair[]): string {
  if (!/\s[\u0300-\u036f]/.test(line)) return line;
  const tokens = line.split(' ');
  let changed = false,
    damaged = false;
  for (let i = 0; i < tokens.length; i++) {
    if (!MARK_ONLY.test(tokens[i]!)) continue;
    const prev = tokens[i - 1];
    const single = tokens[i]!.normalize('NFD').length === 1 && !MARK_ONLY.test(tokens[i + 1] ?? '');
    const fixed = single && prev && /^[\p{L}\p{M}]+$/u.test(prev) && !hasTone(prev) ? attachTone(prev, tokens[i]!.normalize('NFD')) : null;
    if (fixed && isSyllable(fixed)) {
      tokens[i - 1] = fixed;
      tokens[i] = '';
      changed = true;
    } else damaged = true;
  }
  if (changed) repairs.push({ line: n, what: 'gắn lại dấu thanh bị tách khỏi chữ' });
  if (damaged)
    damage.push({ line: n, what: 'dấu thanh tách rời khỏi chữ (phông PDF cũ), không biết chắc thuộc chữ nào; hãy đối chiếu với bản gốc' });
  return changed ? tokens.filter((t) => t !== '').join(' ') : line;
}

/** The last word of a text that ends inside it (a cut excerpt: `... pháp luậ`), or null. */
export function cutWord(text: string): string | null {
  const m = /([\p{L}\p{M}]+)\s*$/u.exec(text.slice(-60));
  return m ? m[1]! : null;
}

/** Damage worth telling the clerk about, named (at most a few examples). */
export function describeSuspects(words: readonly string[]): string | null {
  if (!words.length) return null;
  const shown = words
    .slice(0, 8)
    .map((w) => `«${w}»`)
    .join(', ');
  return `${words.length} từ không phải âm tiết tiếng Việt (có thể mất chữ khi quét/OCR hoặc dính liền): ${shown}${words.length > 8 ? ', …' : ''}; hãy đối chiếu với bản gốc`;
}
