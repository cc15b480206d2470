/**
 * The order of results. Pagefind scores each syllable on its own; here a result with more of the query's adjacent
 * syllables (pair tokens, src/search/syllables.ts) comes first, a quoted phrase is kept whole, and among the
 * results shown, those of the body the query names come first. Pure functions, shared by the search page and tests.
 */
import { foldVietnamese } from '../model/text.ts';

export interface Scored {
  id: string;
  score: number;
}

/**
 * `base`: Pagefind's results for the query's words. `pairs`: for each pair token of the query, the results that have
 * it, with their scores. `required`: the same for the pairs of quoted phrases, every one of which a result must have.
 */
export function rankByPairs<T extends Scored>(
  base: readonly T[],
  pairs: readonly ReadonlyMap<string, number>[],
  required: readonly ReadonlyMap<string, number>[] = [],
): T[] {
  // Pairs are indexed for titles and names, not bodies (docs/search-quality.md): a phrase no title or name holds may
  // still be in a body, so then nothing is left out.
  const whole = base.filter((r) => required.every((m) => m.has(r.id)));
  const keyed = (whole.length ? whole : base).map((r, i) => {
    let matched = 0;
    let score = r.score;
    for (const m of pairs) {
      const s = m.get(r.id);
      if (s === undefined) continue;
      matched++;
      score += s;
    }
    return { r, i, matched, score };
  });
  keyed.sort((a, b) => b.matched - a.matched || b.score - a.score || a.i - b.i);
  return keyed.map((k) => k.r);
}

/** A body's name as syllables, `tỉnh`/`thành phố` before a province dropped (`UBND Lạng Sơn` names `UBND tỉnh Lạng Sơn`). */
export function nameSyllables(name: string, provinces: readonly string[]): string[] {
  let s = ` ${foldVietnamese(name).replace(/[^a-z]+/g, ' ')} `;
  for (const p of provinces) {
    const fp = foldVietnamese(p).replace(/[^a-z]+/g, ' ');
    s = s.replaceAll(` tinh ${fp} `, ` ${fp} `).replaceAll(` thanh pho ${fp} `, ` ${fp} `);
  }
  return s.split(' ').filter(Boolean);
}

const contains = (hay: readonly string[], needle: readonly string[]) => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};
const inOrder = (hay: readonly string[], needle: readonly string[]) => {
  let j = 0;
  for (const s of hay) if (s === needle[j]) j++;
  return j === needle.length;
};

/**
 * How well a query names a body: more than 2 when the query holds the whole name (`ban dan van tinh uy tuyen
 * quang`; the longest name held wins); 2 when it is three or more of the name's words in a row (`trung uong doan`);
 * 1 when it is a start of the name with words left out (`duk ben tre`, `dang uy khoi`); 0 otherwise.
 */
export function issuerMatch(name: readonly string[], query: readonly string[]): number {
  if (!name.length || !query.length) return 0;
  if (contains(query, name)) return 2 + name.length;
  // Part of the name: its words in a row before words left out (`dang uy khoi co quan` in `… Cơ quan - Doanh nghiệp`
  // rather than in `… các cơ quan`).
  if (query.length >= 3 && contains(name, query)) return 2;
  if (query.length >= 2 && query[0] === name[0] && inOrder(name, query)) return 1;
  return 0;
}
