/**
 * Run a command with no network: in a network namespace of its own (`unshare -n`, where this machine allows it), or
 * else with a preload that makes every connection to another host throw. A tool that tried to download anything
 * (tesseract's language data from a CDN, say) fails instead of quietly reaching out.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

const canUnshare = (() => spawnSync('unshare', ['-n', 'true']).status === 0)();
const PRELOAD = path.join(import.meta.dirname, 'no-network.mjs');

export function runOffline(
  command: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv },
): SpawnSyncReturns<string> & { isolation: string } {
  const env = { ...process.env, ...opts.env };
  const r = canUnshare
    ? spawnSync('unshare', ['-n', command, ...args], { cwd: opts.cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(command, ['--import', PRELOAD, ...args], { cwd: opts.cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return Object.assign(r, { isolation: canUnshare ? 'network namespace' : 'preload' });
}
