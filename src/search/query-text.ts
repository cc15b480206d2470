/**
 * How Vietnamese text is made findable the way people type it. Pagefind folds tone and vowel
 * marks by itself but not `đ`, so every word containing `đ` is followed in the index by its
 * `d` form (`Đảng dảng`); results show stored text, never the indexed text, so the twins stay out of sight.
 * The same module runs in the indexer and in the browser.
 */
import { foldD } from '../model/text.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const HAS_D = /[đĐðÐ]/u;

/** `Đảng ủy Khối` → `Đảng dang ủy Khối`. */
export function withDFolded(text: string): string {
  return text.replace(WORD, (w) => (HAS_D.test(w) ? `${w} ${foldD(w).toLowerCase()}` : w));
}

/**
 * Each body word once, in order of first use. Pagefind gives no bonus for adjacent words, so matching is
 * unchanged, while the postings of common words (`dang`, `uy`) shrink several-fold: smaller index chunks
 * per query, faster indexing, less memory (measured in docs/benchmarks.md).
 */
export function uniqueWords(text: string): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of text.split(/\s+/)) {
    if (seen.has(w)) continue; // the same spelling again: the cheap test first (most repeats are exact)
    seen.add(w);
    const key = w.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
    if (key && !seen.has(`\0${key}`)) {
      seen.add(`\0${key}`);
      out.push(w);
    }
  }
  return out.join(' ');
}

/** Normalise what a person typed: NFC (some keyboards send NFD), collapsed spaces. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFC').replace(/\s+/g, ' ').trim();
}
