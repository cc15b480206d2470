/**
 * How Vietnamese text is made findable the way people type it. Pagefind folds tone and vowel
 * marks by itself but not `đ`, so every word containing `đ` is followed in the index by its
 * `d` form (`Đảng dang`); the search page removes those twins from excerpts again.
 * The same module runs in the indexer and in the browser.
 */
import { foldD } from './text.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const HAS_D = /[đĐðÐ]/u;

/** `Đảng ủy Khối` → `Đảng dang ủy Khối`. */
export function withDFolded(text: string): string {
  return text.replace(WORD, (w) => (HAS_D.test(w) ? `${w} ${foldD(w).toLowerCase()}` : w));
}

/**
 * Undo {@link withDFolded} in an excerpt (HTML with `<mark>`): drop a word that is the d-folded
 * twin of the word before it, keeping the highlight if only the twin matched.
 */
export function cleanExcerpt(excerpt: string): string {
  return excerpt.replace(
    /(<mark>)?([\p{L}\p{M}\p{N}]*[đĐðÐ][\p{L}\p{M}\p{N}]*)(<\/mark>)? (<mark>)?([\p{L}\p{M}\p{N}]+)(<\/mark>)?/gu,
    (whole, m1: string | undefined, word: string, _c1, m2: string | undefined, twin: string) => {
      if (foldD(word).toLowerCase() !== twin.toLowerCase()) return whole;
      return m1 || m2 ? `<mark>${word}</mark>` : word;
    },
  );
}

/** Normalise what a person typed: NFC (some keyboards send NFD), collapsed spaces. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFC').replace(/\s+/g, ' ').trim();
}
