/**
 * Build the whole site the way `npm run build` does (validate, `astro build`, Pagefind) into a
 * throw-away folder, with the base path, site URL and content folder under test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Where the site goes; a fresh folder from makeTempDir() when omitted. */
  outDir?: string;
  /** Base path the site is served under, e.g. `/vanban/`. Default `/`. */
  base?: string;
  /** Content folder (with issuers.yaml and directives/). Default: the repository's `content/`. */
  contentDir?: string;
  /** Absolute site URL for canonical links and the sitemap. Default `http://localhost:4321`. */
  siteUrl?: string;
  /** Kill the build after this long. Default 290 s, just under the e2e hook timeout. */
  timeoutMs?: number;
  /** Astro's cache folder; by default one beside outDir, so builds of different content never share a cache. */
  cacheDir?: string;
  /** Extra environment for the build. */
  env?: Record<string, string>;
}

export interface BuildResult {
  outDir: string;
  stdout: string;
  stderr: string;
  /** Delete what the build wrote: the temp folder it made, or else outDir and the default cache beside it. */
  cleanup(): void;
}

/**
 * Where test folders go: os.tmpdir(), unless it is on another disk than the project (a tmpfs /tmp), where Astro
 * cannot move its assets into a build folder; then a folder inside node_modules/.cache.
 */
const TEMP_ROOT = (() => {
  const tmp = os.tmpdir();
  if (fs.statSync(tmp).dev === fs.statSync(REPO_ROOT).dev) return tmp;
  const local = path.join(REPO_ROOT, 'node_modules/.cache/vanban-tests');
  fs.mkdirSync(local, { recursive: true });
  return local;
})();

/** A fresh empty folder for a test. */
export function makeTempDir(prefix = 'vanban-'): string {
  return fs.mkdtempSync(path.join(TEMP_ROOT, prefix));
}

/** The test runner's own variables (NODE_ENV=test, VITEST_*, and Vite's BASE_URL/DEV/PROD/SSR) must not leak into the production build. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (['NODE_ENV', 'TEST', 'MODE', 'BASE_URL', 'DEV', 'PROD', 'SSR'].includes(k) || k.startsWith('VITEST')) delete env[k];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** The environment and folders of a build with these options. */
function buildSetup(options: BuildOptions) {
  const tempRoot = options.outDir ? null : makeTempDir('vanban-build-');
  const outDir = path.resolve(options.outDir ?? path.join(tempRoot!, 'dist'));
  const defaultCache = path.join(path.dirname(outDir), '.astro-cache');
  const cleanup = () => {
    for (const p of tempRoot ? [tempRoot] : [outDir, ...(options.cacheDir ? [] : [defaultCache])])
      fs.rmSync(p, { recursive: true, force: true });
  };
  const env = childEnv({
    SITE_BASE: options.base ?? '/',
    SITE_URL: options.siteUrl ?? 'http://localhost:4321',
    CONTENT_DIR: path.resolve(options.contentDir ?? path.join(REPO_ROOT, 'content')),
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: path.resolve(options.cacheDir ?? defaultCache),
    ...options.env,
  });
  return { outDir, env, cleanup };
}

export interface RunningBuild {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** Resolves once `text` has been printed. */
  printed(text: string | RegExp): Promise<void>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `npm run build` as a process of its own group (as a terminal runs it), for tests that signal it. */
export function startBuild(options: BuildOptions = {}): RunningBuild {
  const { env } = buildSetup(options);
  const child = spawn(process.execPath, ['src/cli/build.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  let all = '';
  const waiters: { test: string | RegExp; resolve: () => void }[] = [];
  const seen = (t: string | RegExp) => (typeof t === 'string' ? all.includes(t) : t.test(all));
  const feed = (d: string, to: 'out' | 'err') => {
    if (to === 'out') stdout += d;
    else stderr += d;
    all += d;
    for (const w of [...waiters]) {
      if (!seen(w.test)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => feed(d, 'out'));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => feed(d, 'err'));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    child,
    output: () => all,
    printed: (test) => (seen(test) ? Promise.resolve() : new Promise((resolve) => waiters.push({ test, resolve }))),
    done,
  };
}

export function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const { outDir, env, cleanup } = buildSetup(options);
  const timeoutMs = options.timeoutMs ?? 290_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/build.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ outDir, stdout, stderr, cleanup });
      const why = timedOut ? `timed out after ${timeoutMs} ms` : signal ? `killed by ${signal}` : `exit code ${code}`;
      reject(new Error(`site build failed (${why}); OUT_DIR=${outDir}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`));
    });
  });
}
