/**
 * When the search index is made: beside Astro (the build is shorter, the memory peaks add up) or after it (Pagefind's
 * peak never adds to Astro's). Measured on these machines, docs/benchmarks.md:
 * - Pagefind's peak while making an index is ~0.24 MB per directive (2.3 GiB at 10,000); making it beside Astro needs
 *   that much free memory twice over, since Astro's own memory still grows while it renders.
 * - A rebuild (Astro has its page cache) gets the records first and has its longest path in Pagefind: beside Astro it
 *   saves ~20 s at 10,000 (4.1 GiB peak against 2.5 GiB).
 * - A first build of a large library makes it after Astro, to stay under 3 GiB; up to 4,000 directives the two peaks
 *   together stay under that (alternating first builds of 1,000: 14.2/13.2/15.5 s beside, 16.2/15.9/15.8 s after).
 */

export const INDEX_BYTES_PER_DIRECTIVE = 240_000;
export const FIRST_BUILD_ALONGSIDE_MAX = 4_000;

export interface IndexTimingInput {
  /** Astro has its page cache from an earlier build, and the output folder its index. */
  rebuild: boolean;
  /** Directives in the index. */
  pages: number;
  /** Free memory now, in bytes. */
  freeMemory: number;
}

export type IndexTiming = 'alongside' | 'after';

export function indexTiming({ rebuild, pages, freeMemory }: IndexTimingInput): IndexTiming {
  const fits = freeMemory > 2 * pages * INDEX_BYTES_PER_DIRECTIVE;
  return fits && (rebuild || pages <= FIRST_BUILD_ALONGSIDE_MAX) ? 'alongside' : 'after';
}
