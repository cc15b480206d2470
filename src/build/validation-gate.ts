/**
 * Lets `npm run build` validate the content while Astro starts, without Astro touching the output folder before the
 * content is known to be valid, and hands Astro the result of that one pass.
 *
 * src/build/build.ts starts `astro build` with an IPC channel and VANBAN_VALIDATION_GATE=1, validates, then sends its
 * verdict: `{ verdict: 'valid', snapshot }` with the file of the checked library (src/build/snapshot.ts), or
 * `{ verdict: 'refused' }`. The content loader waits for it (src/build/content-loaders.ts) and Astro waits again at
 * `astro:build:start` (after content sync, before any file is written); a refusal stops Astro there. Without the
 * variable (`astro dev`, a plain `astro build`) there is no gate and the loader reads the library itself.
 */
import type { AstroIntegration } from 'astro';

export type GateVerdict = { verdict: 'valid'; snapshot: string } | { verdict: 'refused' };
export const GATE_ENV = 'VANBAN_VALIDATION_GATE';

/** Shared through the process, not a module: Astro loads this file for its config and again for the content config. */
const KEY = Symbol.for('vanban.validation-gate');
type GateHolder = { [KEY]?: Promise<GateVerdict> };

/** The verdict the build sends, or null when Astro runs without the build's gate. */
export function gateVerdict(): Promise<GateVerdict> | null {
  const holder = globalThis as GateHolder;
  if (holder[KEY]) return holder[KEY];
  if (process.env[GATE_ENV] !== '1' || typeof process.send !== 'function') return null;
  // Listen from the moment the config is loaded: the verdict may come before anything asks for it.
  holder[KEY] = new Promise<GateVerdict>((resolve) => {
    process.once('message', (m: GateVerdict) =>
      resolve(m?.verdict === 'valid' && typeof m.snapshot === 'string' ? m : { verdict: 'refused' }),
    );
    // The parent died or closed the channel without a verdict: do not write anything.
    process.once('disconnect', () => resolve({ verdict: 'refused' }));
  });
  return holder[KEY];
}

export function validationGate(): AstroIntegration {
  const verdict = gateVerdict();
  return {
    name: 'vanban:validation-gate',
    hooks: {
      'astro:build:start': async () => {
        if (verdict && (await verdict).verdict !== 'valid') process.exit(1);
      },
    },
  };
}
