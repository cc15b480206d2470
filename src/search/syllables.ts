/**
 * Adjacent syllables as one word. Vietnamese words are several syllables (`dân vận`, `Đảng ủy Khối`) and Pagefind
 * ranks each syllable on its own, so every two syllables that stand together in a title or a name are also indexed as
 * one folded token (`danvan`, `danguy`, `uykhoi`), and the query's adjacent syllables are looked up the same way
 * (src/search/rank.ts). Such a token always starts with its first syllable, so it lies in the part of the index
 * that a search for that syllable loads already. The same module runs in the indexer and in the browser.
 */
import { foldVietnamese } from '../model/text.ts';

// A sentence's end breaks a phrase; a comma, a hyphen or quotes do not (`phòng, chống dịch`, `Cơ quan - Doanh nghiệp`).
const BREAK = /[.;:!?()[\]\n]+/;
// A word of letters only (a folded syllable, or a code such as `ubnd`); a number is not one.
const LETTERS = /^[a-z]+$/;

/** Folded syllables in the runs a phrase may span; a number breaks a run. */
export function syllableRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const part of foldVietnamese(text).split(BREAK)) {
    let run: string[] = [];
    for (const w of part.split(/[^a-z0-9]+/)) {
      if (!w) continue;
      if (LETTERS.test(w)) run.push(w);
      else {
        if (run.length > 1) runs.push(run);
        run = [];
      }
    }
    if (run.length > 1) runs.push(run);
  }
  return runs;
}

/** The pair token of two syllables: `dân`, `vận` → `danvan`. */
export const pairToken = (a: string, b: string): string => a + b;

/** Pairs of the syllables of each run, in order, once each. */
export function pairsOfRuns(runs: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  for (const run of runs) for (let i = 1; i < run.length; i++) out.add(pairToken(run[i - 1]!, run[i]!));
  return [...out];
}

/** The pair tokens of a text, once each: `Ban Dân vận` → `bandan danvan`. */
export const pairTokens = (text: string): string[] => pairsOfRuns(syllableRuns(text));
