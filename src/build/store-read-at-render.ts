/**
 * Astro bundles its content store into the build as one module, `export default JSON.parse("<whole store>")`:
 * at 10,000 directives a single string literal of ~95 MB that Rolldown parses and writes out again, and that V8
 * then takes ~11 s to compile before the first page is rendered (measured, docs/benchmarks.md). In a static build
 * that module only ever runs here, during prerendering, right after Astro wrote the store file. So the build gets
 * a module that reads the store file when it is first imported instead: the same value, no 95 MB of code.
 *
 * Astro's plugin answers for the module before any plugin an integration adds, so this wraps that plugin's `load`
 * for the one module and leaves every other module to it. The module id and the plugin's name are Astro
 * internals (astro/dist/content/vite-plugin-content-virtual-mod.js): when they are not found the build says so
 * and keeps Astro's module — slower, never wrong.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const STORE_MODULE_ID = '\0astro:data-layer-content';
const ASTRO_CONTENT_PLUGIN = 'astro-content-virtual-mod-plugin';
const WRAPPED = Symbol('vanban:store-read-at-render');
/** Astro's own marker for content modules: its incremental build leaves them out of a page's code hash. */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/**
 * The module that reads `storeFile` when first imported. Astro's loader swallows any error from this module and
 * carries on with an empty store, which would build a site without directives: a failure stops the build instead.
 */
export function storeReaderModule(storeFile: string): string {
  const file = JSON.stringify(storeFile);
  return [
    `import { readFileSync } from 'node:fs';`,
    `let store;`,
    `try { store = JSON.parse(readFileSync(${file}, 'utf8')); } catch (error) {`,
    `  console.error('Không đọc được kho nội dung của Astro (' + ${file} + '): ' + (error && error.message) + '. Hãy chạy lại npm run build.');`,
    `  process.exit(1);`,
    `}`,
    `export default store;`,
  ].join('\n');
}

type LoadHook = Extract<NonNullable<Plugin['load']>, { handler: unknown }>;

export function storeReadAtRender(): AstroIntegration {
  let storeFile = '';
  return {
    name: 'vanban:store-read-at-render',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        // Dev keeps Astro's module: its server reloads it when the store changes.
        const storage = config.experimental.collectionStorage;
        if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
        storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        const plugin: Plugin = {
          name: 'vanban:store-read-at-render',
          apply: 'build',
          configResolved(resolved) {
            const astro = resolved.plugins.find((p) => p.name === ASTRO_CONTENT_PLUGIN);
            const load = astro?.load;
            if (load && typeof load === 'object' && WRAPPED in load) return; // this plugin object is already wrapped
            if (!astro || typeof load !== 'object' || typeof load.handler !== 'function') {
              logger.warn('Không tìm thấy mô-đun kho nội dung của Astro; giữ nguyên (bản build chậm hơn).');
              return;
            }
            const astroLoad = load.handler as LoadHook['handler'];
            const wrapped: LoadHook['handler'] = function (this: ThisParameterType<LoadHook['handler']>, id, ...rest) {
              // Without a store file Astro exports an empty store itself.
              if (id === STORE_MODULE_ID && fs.existsSync(storeFile)) {
                return { code: storeReaderModule(storeFile), map: { mappings: '' }, meta: CONTENT_DATA_META };
              }
              return astroLoad.call(this, id, ...rest);
            };
            Object.assign(load, { handler: wrapped, [WRAPPED]: true });
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
