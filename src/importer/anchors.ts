/**
 * The fixed phrases and shapes of a directive's header, found inside a line however the copy flattened it:
 * the Party, State and Đoàn title lines, the motto, `Số ...`, and `<place>, ngày .. tháng .. năm ....`. Matching
 * runs on a folded copy of the text with one character per character, so positions carry over to the original.
 */
import { foldVietnamese } from '../model/text.ts';

const foldCache = new Map<string, string>();

/** Fold character by character (same length as the input): `Độc Lập` → `doc lap`. */
export function foldAligned(s: string): string {
  // NFC Vietnamese folds one character to one: the whole-string fold is already aligned.
  const whole = foldVietnamese(s);
  if (whole.length === s.length) return whole;
  let out = '';
  for (const ch of s) {
    let f = foldCache.get(ch);
    if (f === undefined) {
      const folded = foldVietnamese(ch);
      f = folded.length === ch.length ? folded : ch.length === 1 ? ' ' : ch;
      foldCache.set(ch, f);
    }
    out += f;
  }
  return out;
}

export type TitleKind = 'state' | 'motto' | 'party' | 'doan';

const TITLE_PATTERNS: [TitleKind, RegExp][] = [
  ['state', /cong\s*hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam/g],
  ['motto', /doc\s*lap\s*[-–—,]?\s*tu\s*do\s*[-–—,]?\s*hanh\s*phuc/g],
  ['party', /dang\s+cong\s+san\s+viet\s+nam/g],
  ['doan', /doan\s+(?:tncs|thanh\s+nien\s+cong\s+san)\s+ho\s+chi\s+minh/g],
];

export interface Found {
  kind: TitleKind;
  start: number;
  end: number;
}

/** Title phrases in `text` printed as titles are (capitals; the motto in any case). */
export function findTitles(text: string): Found[] {
  const folded = foldAligned(text);
  const out: Found[] = [];
  for (const [kind, re] of TITLE_PATTERNS) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) {
      const original = text.slice(m.index, m.index + m[0].length);
      if (kind !== 'motto' && /\p{Ll}/u.test(original)) continue;
      // `BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH` names a body of the Đoàn: the title line stands alone.
      if (kind === 'doan' && /[\p{Lu}\p{M}]\s*$/u.test(text.slice(0, m.index))) continue;
      out.push({ kind, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The whole text is one title phrase (with stray punctuation around it). */
export function titleKind(text: string): TitleKind | null {
  if (text.length > 60) return null;
  const t = text.replace(/^[\s*\-–—_.|]+|[\s*\-–—_.|]+$/gu, '');
  const f = findTitles(t);
  return f.length === 1 && f[0]!.start === 0 && f[0]!.end === t.length ? f[0]!.kind : null;
}

/** `Hà Nội, ngày 29 tháng 10 năm 2013`: a place of up to four capitalised words, then the worded date. */
export const PLACE_DATE =
  /(?<![\p{L}\p{M}])((?:(?:TP\.|Tp\.)\s?)?\p{Lu}[\p{Ll}\p{M}]*\.?(?:\s\p{Lu}[\p{Ll}\p{M}]*){0,3}),\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/gu;

/**
 * `Số: 2345/UBND-VX`, `Số 234-CV/BDVTU`, `SỐ:10/2011/NQ-HĐND` where a number line starts. `SỐ` without a colon is
 * left alone: it is how a subject in capitals cites another document (`THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG`).
 */
export const NUMBER_START = /(?<![\p{L}\p{M}])(?:Số\s*:?|SỐ\s*:)\s*(?=\d)/gu;

/** The title phrase a piece of text starts (`CỘNG`, `CỘNG HÒA XÃ HỘI`, `Độc lập -`), when it is only its start. */
export function titleFragmentKind(text: string): TitleKind | null {
  const f = foldAligned(text).replace(/\s+/g, ' ').trim();
  if (f.length < 3) return null;
  for (const [kind, phrase] of FRAGMENT_OF) {
    if (phrase.startsWith(f) && phrase !== f && (phrase[f.length] === ' ' || phrase[f.length] === '-')) return kind;
  }
  return null;
}
const FRAGMENT_OF: [TitleKind, string][] = [
  ['state', 'cong hoa xa hoi chu nghia viet nam'],
  ['motto', 'doc lap - tu do - hanh phuc'],
  ['party', 'dang cong san viet nam'],
  ['doan', 'doan tncs ho chi minh'],
];
