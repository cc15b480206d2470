/**
 * A large library's search index is made in shards: the library split by date, the newest directives in the first.
 * Two Pagefind processes make the two halves at once, one per core, and the search page merges them (Pagefind's
 * `mergeIndex`).
 *
 * Sorting by date across shards: Pagefind scores a sorted search by each page's place in its own shard's sort list
 * (0 for the earliest) times the index's weight, and orders the merged results by that score. With the newest shard
 * weighted above any place in the other, all its results come first when sorting newest first, and last when sorting
 * oldest first (the places are then negated). Its place 0 would score 0 whatever the weight: a record dated before
 * everything (SORT_FLOOR), which no query or filter finds, takes it. Pagefind lets only the first index's weight
 * change after merging (its `options`), so there are at most two shards. test/e2e/crossref.test.ts checks both
 * orders across the shards.
 */

export const MAX_SHARDS = 2;

/** Weight of the newest shard in a sorted search: above any place in the other shard's sort list. */
export const SORTED_WEIGHT = 2 ** 32;

/** The date of the record that takes place 0 in the newest shard's sort list. */
export const SORT_FLOOR = '0000-00-00';

/**
 * Directives per shard at least: the index of a smaller library is made in one piece. Two shards cost the first
 * search more bytes (each shard's index chunks for a word are about as large as the whole index's: 10,000
 * directives, "dang uy khoi": 124 KB against 81 KB, over the 300 KB budget) and gain nothing in the time to the
 * first results (183–262 ms against 192–222 ms); they pay where making one index takes long (10,000 directives:
 * 18.6 s in one piece, 10.2 s in two halves side by side; 50,000: 156 s in one piece, 61 s in two shards, in bench
 * runs on a machine ~10 % faster for the second). Pagefind also scores each shard's pages with that shard's own
 * word statistics, which would rank by chance in small shards. SEARCH_SHARD_MIN overrides it (the tests build
 * shards of a few directives). The build's worker counts the shards once; the search page reads the count from the
 * library entry (src/build/snapshot.ts).
 */
const minPerShard = (): number => Number(process.env['SEARCH_SHARD_MIN']) || 10_000;

export function shardCount(directives: number): number {
  return Math.max(1, Math.min(MAX_SHARDS, Math.floor(directives / minPerShard())));
}

/** Output folder of shard `k`: the newest directives in `pagefind/` (Pagefind's own files live there too), then `pagefind-1/`. */
export const shardFolder = (k: number): string => (k === 0 ? 'pagefind' : `pagefind-${k}`);

/** Records split into `shardCount` shards of nearly equal size by date, newest first (same dates by URL, for reproducible builds). */
export function splitByDate<T extends { issued: string; url: string }>(records: readonly T[], count = shardCount(records.length)): T[][] {
  const sorted = [...records].sort((a, b) =>
    a.issued === b.issued ? (a.url < b.url ? -1 : a.url > b.url ? 1 : 0) : a.issued > b.issued ? -1 : 1,
  );
  const size = Math.ceil(sorted.length / count);
  return Array.from({ length: count }, (_, k) => sorted.slice(k * size, (k + 1) * size));
}
