// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { storeReadAtRender } from './src/build/store-read-at-render.ts';
import { validationGate } from './src/build/validation-gate.ts';
import { ASTRO_CACHE_DIR, siteBase, siteUrl } from './src/settings.ts';

/** `SITE_BASE=/vanban/` serves the whole site from a subfolder. */
const base = siteBase();

export default defineConfig({
  site: siteUrl(process.env.SITE_URL, base),
  base,
  // `npm run build` points this at its staging folder and swaps the finished site in (src/build/publish.ts).
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: ASTRO_CACHE_DIR,
  trailingSlash: 'always',
  // Four pages at a time: a rebuild copies the ~12,000 pages it reuses from Astro's cache into the new site
  // (src/build/publish.ts), which is file-system work that overlaps (10,000 directives: 20.2-21.0 → 10.0-10.6 s).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Pages carry no script except the search page's; no prefetching, no dev toolbar in builds.
  prefetch: false,
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  security: {
    // Only this site's own files run or load; Pagefind needs WebAssembly. Inline scripts Astro emits are hashed.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // The gate first: nothing is written before `npm run build` has validated the content.
  integrations: [validationGate(), storeReadAtRender()],
  experimental: {
    // Pages whose props (src/site/views.ts) are unchanged are reused on rebuilds.
    incrementalBuild: true,
  },
  markdown: {
    // Directives have no code to highlight, and Shiki's inline styles would need a looser CSP.
    syntaxHighlight: false,
    // Sätteri (Rust) stays the renderer. Straight quotes and dashes are printed as in the document, not "smartened".
    processor: satteri({ features: { smartPunctuation: false } }),
  },
});
