/**
 * Running a command while sampling the memory of its whole process tree (Astro and Pagefind spawn workers):
 * every ~100 ms, sum VmRSS of the child and all its descendants from /proc and keep the maximum.
 * Sums of RSS count shared pages once per process, so the figure is an upper bound.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Sample {
  t: number;
  rss: number;
}
export interface Line {
  t: number;
  text: string;
}
export interface RunResult {
  code: number | null;
  timedOut: boolean;
  /** Killed for going over `maxRss`. */
  overMemory: boolean;
  ms: number;
  /** Bytes. */
  peakRss: number;
  samples: Sample[];
  lines: Line[];
  stdout: string;
}

function children(): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name may hold spaces and parentheses: fields resume after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    (out.get(ppid) ?? out.set(ppid, []).get(ppid)!).push(Number(name));
  }
  return out;
}

/** Resident memory of `pid` and every descendant, in bytes. */
export function treeRss(pid: number): number {
  const kids = children();
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      /* exited between the listing and the read */
    }
    stack.push(...(kids.get(p) ?? []));
  }
  return total;
}

export function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv | undefined; timeoutMs?: number; maxRss?: number; log?: string },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    // Own process group, so a timeout can stop the whole tree.
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const samples: Sample[] = [];
    const lines: Line[] = [];
    const out: string[] = [];
    const logFd = opts.log ? fs.openSync(opts.log, 'w') : null;
    let peak = 0;
    let timedOut = false;
    let overMemory = false;
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    const sample = () => {
      const rss = treeRss(child.pid!);
      peak = Math.max(peak, rss);
      samples.push({ t: performance.now() - started, rss });
      // A shared machine: stop before the kernel's OOM killer picks someone else's process.
      if (opts.maxRss && rss > opts.maxRss && !overMemory) {
        overMemory = true;
        stop();
      }
    };
    const timer = setInterval(sample, 100);
    const killer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          stop();
        }, opts.timeoutMs)
      : null;
    const onData = (isOut: boolean) => {
      let rest = '';
      return (buf: Buffer) => {
        const t = performance.now() - started;
        if (logFd !== null) fs.writeSync(logFd, buf);
        if (isOut) out.push(buf.toString());
        const parts = (rest + buf.toString()).split('\n');
        rest = parts.pop()!;
        for (const text of parts) lines.push({ t, text });
      };
    };
    child.stdout.on('data', onData(true));
    child.stderr.on('data', onData(false));
    child.on('close', (code) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      if (logFd !== null) fs.closeSync(logFd);
      resolve({ code, timedOut, overMemory, ms: performance.now() - started, peakRss: peak, samples, lines, stdout: out.join('') });
    });
  });
}

/** Time and peak memory between two moments of a run (e.g. build phases marked by output lines). */
export function window(r: RunResult, from: number, to: number): { ms: number; peakRss: number } {
  let peak = 0;
  for (const s of r.samples) if (s.t >= from && s.t <= to) peak = Math.max(peak, s.rss);
  return { ms: to - from, peakRss: peak };
}

/** Total size in bytes of a file or folder. */
export function du(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const e of fs.readdirSync(p, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) total += fs.statSync(`${e.parentPath}/${e.name}`).size;
  }
  return total;
}
