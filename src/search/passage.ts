/**
 * Result passages: the part of a directive's body that a query matched, not its opening words, and the headed part
 * it lies in (src/model/structure.ts), so a result can name it and link to its anchor. The body's parts
 * (src/search/passage-parts.ts) are served gzipped beside the index, one small file per directive
 * (src/model/ids.ts passagePath), fetched only for the results in view; {@link bestPassage} picks the passage. Runs in
 * the browser.
 */
import { foldVietnamese } from '../model/text.ts';

/** The body in pieces: the anchor of the part a piece lies in ('' before the first), where that is, and its text. */
export type PassageParts = [id: string, where: string, text: string][];

export interface Passage {
  /** The passage as HTML, the query's words marked. */
  html: string;
  /** The anchor of the part it lies in, '' when before the first part. */
  id: string;
  /** Where it lies: `khoản 2 Mục II`. */
  where: string;
}

const WORD = /([\p{L}\p{M}\p{N}]+)/u;

/**
 * The passage of about `size` words, within one paragraph, with the most of the query's syllables (a pair of them in a
 * row counts more), its matched words marked; the opening words when nothing matches. A word matches a syllable it
 * equals, or for the query's last syllable (perhaps still being typed) one it starts with.
 */
export function bestPassage(
  parts: PassageParts,
  syllables: readonly string[],
  escapeHtml: (s: string) => string,
  size = 32,
): Passage | null {
  const terms = [...new Set(syllables)];
  const last = syllables.at(-1);
  const matchOf = (word: string) => {
    const f = foldVietnamese(word);
    const exact = terms.indexOf(f);
    return exact >= 0 || !last || last.length < 2 || !f.startsWith(last) ? exact : terms.indexOf(last);
  };
  // Paragraphs, each with the part it lies in; word k of a paragraph is split[2k+1].
  const pieces = parts.flatMap(([id, where, text], part) => text.split('\n').map((t) => ({ id, where, part, split: t.split(WORD) })));
  let best: { piece: number; start: number; matched: number[]; score: number } | null = null;
  pieces.forEach(({ split }, piece) => {
    const matched: number[] = [];
    for (let i = 1; i < split.length; i += 2) matched.push(matchOf(split[i]!));
    for (let start = 0; start < matched.length; start++) {
      if (matched[start]! < 0) continue;
      const seen = new Set<number>();
      let score = 0;
      for (let k = start; k < Math.min(matched.length, start + size); k++) {
        const m = matched[k]!;
        if (m < 0) continue;
        if (!seen.has(m)) {
          score += 2;
          seen.add(m);
        }
        if (k > start && matched[k - 1]! >= 0 && matched[k - 1] !== m) score += 1;
      }
      if (!best || score > best.score) best = { piece, start, matched, score };
    }
  });
  const chosen = best as { piece: number; start: number; matched: number[]; score: number } | null;
  const piece = pieces[chosen?.piece ?? 0];
  if (!piece || piece.split.length < 2) return null;
  const { split } = piece;
  const words = (split.length - 1) / 2;
  // A few words before the first match, for context, and never before the paragraph's start.
  const from = chosen ? Math.max(0, chosen.start - 6) : 0;
  const to = Math.min(words, from + size);
  let html = from > 0 ? '… ' : '';
  for (let k = from; k < to; k++) {
    const word = escapeHtml(split[2 * k + 1]!);
    html += chosen && chosen.matched[k]! >= 0 ? `<mark>${word}</mark>` : word;
    const gap = split[2 * k + 2] ?? '';
    if (k < to - 1) html += escapeHtml(gap.replace(/\s+/g, ' '));
    else if (/^[^\s\p{L}\p{N}]/u.test(gap)) html += escapeHtml(gap.trim().slice(0, 1));
  }
  if (to < words) html += ' …';
  return { html, id: piece.id, where: piece.where };
}
