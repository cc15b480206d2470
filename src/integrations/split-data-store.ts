/**
 * Astro hands its content store to the build as one module: `export default JSON.parse("<the whole store>")`.
 * At 10,000 directives that is a single string literal of ~95 MB, which V8 takes ~11 s to compile on this
 * machine; the same text cut into literals of a million characters compiles and parses in ~1.5 s (measured on
 * the benchmark library, docs/benchmarks.md). This rewrites the module into such pieces, joined back before
 * JSON.parse, so the value it exports is unchanged.
 *
 * The module's id and shape are Astro internals (astro/dist/content, single-file storage). When the shape is
 * not the expected one the module is left as it is and the build says so: slower, never wrong.
 */
import type { AstroIntegration } from 'astro';

const STORE_MODULE_ID = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';
/** Characters per literal: small enough to stay on V8's fast path, large enough to keep the pieces few. */
export const PIECE = 1 << 20;

/** The module rewritten with its store cut into pieces; `null` when its shape is not Astro's, or it is small. */
export function splitStoreModule(code: string, piece = PIECE): string | null {
  if (!code.startsWith(`${PREFIX}"`) || !code.endsWith(`"${SUFFIX}`)) return null;
  let store: unknown;
  try {
    store = JSON.parse(code.slice(PREFIX.length, -SUFFIX.length));
  } catch {
    return null;
  }
  if (typeof store !== 'string') return null;
  if (store.length <= piece) return code;
  const pieces: string[] = [];
  for (let i = 0; i < store.length; i += piece) pieces.push(JSON.stringify(store.slice(i, i + piece)));
  return `${PREFIX}[${pieces.join(',\n')}].join("")${SUFFIX}`;
}

export function splitDataStore(): AstroIntegration {
  return {
    name: 'vanban:split-data-store',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        updateConfig({
          vite: {
            plugins: [{
              name: 'vanban:split-data-store',
              transform: {
                filter: { id: /^\0astro:data-layer-content$/ },
                handler(code, id) {
                  if (id !== STORE_MODULE_ID || code.startsWith('export default new Map()')) return null;
                  const split = splitStoreModule(code);
                  if (split === null) logger.warn('Kho nội dung của Astro không còn ở dạng quen thuộc; để nguyên (bản dựng chậm hơn).');
                  return split === null || split === code ? null : { code: split, map: { mappings: '' } };
                },
              },
            }],
          },
        });
      },
    },
  };
}
