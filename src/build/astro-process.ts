/**
 * `astro build` as a child process with the validation gate (src/build/validation-gate.ts): it starts at once, its
 * output held back until the build's own messages are printed, and it writes nothing until it gets the verdict.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../settings.ts';
import { GATE_ENV, type GateVerdict } from './validation-gate.ts';

export interface AstroProcess {
  /** Undefined if the process could not be started (its `exited` reports that). */
  pid: number | undefined;
  /** Its exit code, once it has ended and its output is read. */
  exited: Promise<number | null>;
  /** Send the verdict; Astro goes on writing the site only when it is valid. */
  decide(verdict: GateVerdict): void;
  /** Print what Astro wrote so far, and from now on as it comes. */
  release(): void;
  /** Stop it at once (an interrupted build). */
  kill(): void;
}

/** Astro building into `outDir` (the build's staging folder, src/build/publish.ts). */
export function startAstro(outDir: string): AstroProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, [GATE_ENV]: '1', OUT_DIR: outDir };
  if (process.stdout.isTTY && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let held: [NodeJS.WriteStream, Buffer][] | null = [];
  const { stdout, stderr } = child as typeof child & { stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream };
  for (const [from, to] of [
    [stdout, process.stdout],
    [stderr, process.stderr],
  ] as const) {
    from.on('data', (chunk: Buffer) => (held ? held.push([to, chunk]) : to.write(chunk)));
  }
  // 'exit' and the ends of its output, not 'close': that one never comes once the IPC channel is closed.
  const ended = (s: NodeJS.ReadableStream) => new Promise<void>((resolve) => s.on('end', resolve));
  const exited = Promise.all([
    new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))),
    ended(stdout),
    ended(stderr),
  ]).then(([code]) => code);
  return {
    pid: child.pid,
    exited,
    decide(verdict) {
      if (child.connected) {
        child.send(verdict);
        child.disconnect();
      }
    },
    release() {
      for (const [to, chunk] of held ?? []) to.write(chunk);
      held = null;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
