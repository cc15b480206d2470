/**
 * `npm run build`: refuse invalid content, build the site with Astro, write the search index (src/build/build.ts).
 * Environment: SITE_BASE (default /), SITE_URL, CONTENT_DIR (default content), OUT_DIR (default dist);
 * SEARCH_SHARD_MIN (directives per index shard at least, default 10,000).
 */
import { build, BuildError, DEFAULT_BUILD } from '../build/build.ts';

export async function main(): Promise<number> {
  try {
    await build(DEFAULT_BUILD);
    return 0;
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(e.message);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main();
