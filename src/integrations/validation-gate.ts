/**
 * Lets `npm run build` validate the content while Astro starts and syncs it on the other core, without
 * Astro touching the output folder before the content is known to be valid.
 *
 * src/cli/build.ts starts `astro build` with an IPC channel and VANBAN_VALIDATION_GATE=1, validates, then sends
 * its verdict. Astro waits for it at `astro:build:start` (after content sync, before any file is written) and
 * stops there when the content is refused. Without the variable (a plain `astro build`) there is no gate.
 */
import type { AstroIntegration } from 'astro';

export type GateVerdict = 'valid' | 'refused';
export const GATE_ENV = 'VANBAN_VALIDATION_GATE';

export function validationGate(): AstroIntegration {
  const gated = process.env[GATE_ENV] === '1' && typeof process.send === 'function';
  // Listen from the moment the config is loaded: the verdict may come before the build reaches the gate.
  const verdict = gated
    ? new Promise<GateVerdict>((resolve) => {
        process.once('message', (m) => resolve(m === 'valid' ? 'valid' : 'refused'));
        // The parent died or closed the channel without a verdict: do not write anything.
        process.once('disconnect', () => resolve('refused'));
      })
    : null;
  return {
    name: 'vanban:validation-gate',
    hooks: {
      'astro:build:start': async () => {
        if (!verdict) return;
        if ((await verdict) !== 'valid') process.exit(1);
      },
    },
  };
}
