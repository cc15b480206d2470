/**
 * A lock held by one process at a time: a file created exclusively, holding the holder's process id, host, start time
 * and command, so that whoever meets it can say who holds it. A lock whose process has died (on this host) is stale and
 * taken over; the file is removed on release, on exit and on Ctrl-C.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  started: string;
  command: string;
}

export interface Lock {
  readonly file: string;
  release(): void;
}

/** The lock is held by a live process (or one on another host, which cannot be checked). */
export class LockHeld extends Error {
  readonly holder: LockHolder | null;
  constructor(file: string, holder: LockHolder | null) {
    super(`${file} is held by ${holder ? `process ${holder.pid} on ${holder.host}` : 'another process'}`);
    this.holder = holder;
  }
}

const held = new Set<string>();
let exitHook = false;

function releaseAllOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const f of held) fs.rmSync(f, { force: true });
  });
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

/** Whether a process of this host is running. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock nobody holds any more: its process is gone, or it was left empty (a crash while writing it) a while ago. */
function isStale(file: string, holder: LockHolder | null): boolean {
  if (holder) return holder.host === os.hostname() && !processAlive(holder.pid);
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 5_000;
  } catch {
    return true;
  }
}

/** Move a stale lock aside and remove it, unless another process replaced it with a fresh one meanwhile. */
function breakStale(file: string, seen: string): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = fs.readFileSync(aside, 'utf8');
  if (moved === seen) fs.rmSync(aside, { force: true });
  else {
    // A fresh lock was taken between our look and our move: put it back.
    try {
      fs.linkSync(aside, file);
    } catch {
      /* a third process holds it now */
    }
    fs.rmSync(aside, { force: true });
  }
}

function tryLock(file: string): Lock | LockHolder | null {
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    started: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let seen = '';
    try {
      seen = fs.readFileSync(file, 'utf8');
    } catch {
      return null; // released while we looked: try again
    }
    const other = readHolder(file);
    if (isStale(file, other)) {
      breakStale(file, seen);
      return null;
    }
    return other ?? { pid: 0, host: '?', started: '', command: '' };
  }
  try {
    fs.writeSync(fd, JSON.stringify(holder));
  } finally {
    fs.closeSync(fd);
  }
  held.add(file);
  releaseAllOnExit();
  return {
    file,
    release() {
      if (!held.delete(file)) return;
      // Only our own lock is removed.
      if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

const isLock = (x: Lock | LockHolder | null): x is Lock => x !== null && 'release' in x;

/** Take the lock or throw {@link LockHeld} at once. */
export function lockNow(file: string): Lock {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    const got = tryLock(file);
    if (isLock(got)) return got;
    if (got) throw new LockHeld(file, got.pid ? got : null);
  }
  throw new LockHeld(file, readHolder(file));
}

/** Take the lock, waiting for its holder to finish; `onWait` is told once who is being waited for. */
export async function lockWhenFree(file: string, onWait: (holder: LockHolder | null) => void): Promise<Lock> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let told = false;
  for (;;) {
    const got = tryLock(file);
    if (isLock(got)) return got;
    if (got && !told) {
      told = true;
      onWait(got.pid ? got : null);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `tiến trình 1234, từ 10:05:03` for messages. */
export function describeHolder(h: LockHolder | null): string {
  if (!h) return 'một tiến trình khác';
  const at = h.started ? new Date(h.started).toLocaleTimeString('vi-VN', { hour12: false }) : '?';
  return `tiến trình ${h.pid}${h.host !== os.hostname() ? ` trên máy ${h.host}` : ''}, bắt đầu lúc ${at}`;
}
