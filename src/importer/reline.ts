/**
 * A whole document pasted as one line (a forum post, a page whose line breaks were lost): header, body,
 * signing and Nơi nhận run together ("BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà
 * Nội, ngày ..."). Such a line is cut back into lines where its parts begin: title phrases, `Số`, the place and
 * date, rules of `*` and `-`, runs of capitals (issuer names, type names, offices), `- Căn cứ` items, `Điều N.`,
 * `Nơi nhận:`, signing authorities and `(đã ký)`.
 */
import { findTitles, NUMBER_START, PLACE_DATE } from './anchors.ts';
import { numberTokenEnd } from './header.ts';

/** A line holding at least two header anchors and long enough to be more than a header line. */
export function isFlattenedDocument(line: string): boolean {
  if (line.length < 250) return false;
  const head = line.slice(0, 600);
  // Cheap tests first: a flattened header has a number line or a title in capitals near its start.
  if (!head.includes('Số') && !head.includes('SỐ') && !/CỘNG|ĐẢNG CỘNG|ĐOÀN TNCS|[Đđ][ộỘ]c [lL]ập/u.test(head)) return false;
  let anchors = findTitles(head).length;
  // `search` leaves the shared global patterns' lastIndex alone.
  if (head.search(NUMBER_START) >= 0) anchors++;
  if (head.search(PLACE_DATE) >= 0) anchors++;
  return anchors >= 2;
}

// A capitals word: letters (and inner hyphens) only, at least two letters, no trailing punctuation.
const CAPS_RUN =
  /(?<![\p{L}\p{M}\d/-])[\p{Lu}][\p{Lu}\p{M}-]*[\p{Lu}\p{M}](?:\s+[\p{Lu}][\p{Lu}\p{M}-]*[\p{Lu}\p{M}])+(?![\p{L}\p{M}\d/-])/gu;
const DECORATION = /\*{2,}|-{3,}|_{3,}|={3,}/g;
const ITEM = /(?<=[;:])\s*(?=-\s+\p{Lu})|(?<=\S)\s*(?=-\s+(?:Căn cứ|Xét|Theo|Để|Thực hiện)\s)/gu;
const ARTICLE = /(?<=\S)\s+(?=Điều\s+\d+\s*[.:])/gu;
const NOI_NHAN_AT = /(?<=\S)\s*(?=Nơi\s*nhận\s*:)/giu;
const AUTHORITY_AT = /(?<=\S)\s+(?=(?:TM\.|T\/M|KT\.|K\/T|TL\.|T\/L|TUQ\.)\s*\p{Lu}{2})/gu;
const SIGNED = /\((?:đã ký|Đã ký|ĐÃ KÝ)[^)]{0,30}\)/gu;

type Splitter = (piece: string) => number[];

/** Cut positions of each kind, applied in turn so that a later kind only sees the pieces the earlier ones left. */
const SPLITTERS: Splitter[] = [
  (p) => [...p.matchAll(DECORATION)].flatMap((m) => [m.index, m.index + m[0].length]),
  (p) => [...p.matchAll(NUMBER_START)].flatMap((m) => [m.index, numberTokenEnd(p, m.index) ?? m.index]),
  (p) => findTitles(p).flatMap((t) => [t.start, t.end]),
  (p) => [...p.matchAll(PLACE_DATE)].flatMap((m) => [m.index, m.index + m[0].length]),
  (p) => [...p.matchAll(SIGNED)].flatMap((m) => [m.index, m.index + m[0].length]),
  (p) => [ITEM, ARTICLE, NOI_NHAN_AT, AUTHORITY_AT].flatMap((re) => [...p.matchAll(re)].map((m) => m.index + m[0].length)),
  (p) =>
    [...p.matchAll(CAPS_RUN)].flatMap((m) => {
      // Right after an authority prefix (`TM. BAN ...`) the capitals belong to it.
      const before = p.slice(Math.max(0, m.index - 5), m.index);
      return /(?:TM\.|T\/M|KT\.|K\/T|TL\.|T\/L|TUQ\.)\s*$/u.test(before) ? [m.index + m[0].length] : [m.index, m.index + m[0].length];
    }),
];

function cutAt(piece: string, cuts: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const c of [...new Set(cuts)].filter((x) => x > 0 && x < piece.length).sort((a, b) => a - b)) {
    // Never inside a word, except before a capital (`VP|ĐOÀN`, `ĐỊNH|Về`).
    if (/[\p{L}\p{M}\d]/u.test(piece[c - 1]!) && /[\p{Ll}\p{M}\d]/u.test(piece[c]!)) continue;
    const part = piece.slice(from, c).trim();
    if (part) out.push(part);
    from = c;
  }
  const last = piece.slice(from).trim();
  if (last) out.push(last);
  return out;
}

/** Cut a flattened document back into lines. */
export function relineFlattened(line: string): string[] {
  let pieces = [line];
  for (const split of SPLITTERS) pieces = pieces.flatMap((p) => cutAt(p, split(p)));
  return pieces;
}
