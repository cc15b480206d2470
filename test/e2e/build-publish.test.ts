/**
 * A build publishes the new site whole or not at all: Astro crashing mid-render, Ctrl-C, a build killed outright and a
 * second build started beside the first all leave the output folder as the last good build left it. Real processes,
 * real signals.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildSite, makeTempDir, startBuild, type RunningBuild } from '../helpers/build-site.ts';
import { importFiles } from '../../src/importer/batch.ts';
import { generate } from '../../tools/bench/generate.ts';

let root: string;
let content: string;
let outDir: string;
let cacheDir: string;
const opts = () => ({ contentDir: content, outDir, cacheDir });

/** Every file of a folder with a hash of its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = crypto.createHash('sha1').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

/** What a build may leave beside the output folder: nothing but the folder itself. */
const besideOut = () => fs.readdirSync(root).filter((f) => f !== 'content' && f !== 'raw' && f !== 'astro-cache');

/** The pid of Astro's process, started by the build. */
function astroPid(build: RunningBuild): number {
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === build.child.pid && fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('astro.mjs')) return Number(d);
    } catch {
      /* gone meanwhile */
    }
  }
  throw new Error('no Astro process');
}

/** Start a build and hold its Astro (SIGSTOP) once it is writing pages: the moment every test below interrupts. */
async function buildHeldWhileRendering(): Promise<{ build: RunningBuild; astro: number }> {
  const build = startBuild(opts());
  await build.printed('generating static routes');
  const astro = astroPid(build);
  process.kill(astro, 'SIGSTOP');
  return { build, astro };
}

/** Change a directive, so that a build has something new to publish. */
function edit(title: string): void {
  const dir = path.join(content, 'directives');
  const file = path.join(dir, fs.readdirSync(dir).sort()[0]!);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
}

beforeAll(async () => {
  root = makeTempDir('vanban-publish-');
  content = path.join(root, 'content');
  outDir = path.join(root, 'dist');
  cacheDir = path.join(root, 'astro-cache');
  // Enough directives that rendering takes a moment.
  generate({ size: 120, seed: 7, outDir: path.join(root, 'raw'), extraDir: path.join(root, 'raw', 'extra') });
  const raw = fs.readdirSync(path.join(root, 'raw')).filter((f) => f.endsWith('.txt'));
  await importFiles(
    raw.map((f) => path.join(root, 'raw', f)),
    { contentDir: content, init: true },
  );
  await buildSite(opts());
});

test('Astro crashing mid-render leaves the last site as it was, with nothing half-written beside it', async () => {
  const before = snapshot(outDir);
  edit('Về một việc mà bản build hỏng không được đưa lên');
  const { build, astro } = await buildHeldWhileRendering();
  process.kill(astro, 'SIGKILL');
  const r = await build.done;
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('Astro build thất bại (xem thông báo ở trên); thư mục đầu ra vẫn như trước khi build.');
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  expect(snapshot(outDir)).toEqual(before);
  expect(besideOut()).toEqual(['dist']);
  expect(fs.existsSync(path.join(outDir, '.prerender'))).toBe(false);
});

test('Ctrl-C while rendering stops the build and leaves the last site as it was', async () => {
  const before = snapshot(outDir);
  const { build } = await buildHeldWhileRendering();
  // As a terminal sends it: to the whole process group.
  process.kill(-build.child.pid!, 'SIGINT');
  const r = await build.done;
  expect(r.code).toBe(130);
  expect(r.stderr).toContain('Đã dừng build (SIGINT); thư mục đầu ra vẫn như trước khi build.');
  expect(snapshot(outDir)).toEqual(before);
  expect(besideOut()).toEqual(['dist']);
  expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.lock'))).toEqual([]);
});

test('a second build started while one runs says so and stops; the first goes on and publishes', async () => {
  const before = snapshot(outDir);
  const { build: first, astro } = await buildHeldWhileRendering();
  const second = startBuild(opts());
  const r2 = await second.done;
  expect(r2.code).toBe(1);
  expect(r2.stderr).toMatch(new RegExp(`Một lần build khác đang chạy \\(tiến trình ${first.child.pid}, bắt đầu lúc [\\d:]+\\)`));
  expect(snapshot(outDir)).toEqual(before);
  process.kill(astro, 'SIGCONT');
  const r1 = await first.done;
  expect(r1.code, r1.stdout + r1.stderr).toBe(0);
  // The change made before the failed builds is published now, with the index and the catalog that go with it.
  const catalog = fs.readFileSync(path.join(outDir, 'catalog.json'), 'utf8');
  expect(catalog).toContain('Về một việc mà bản build hỏng không được đưa lên');
  expect(fs.existsSync(path.join(outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
  expect(besideOut()).toEqual(['dist']);
});

test('a build killed outright leaves the site as it was; the next build takes over its lock and cleans up', async () => {
  const before = snapshot(outDir);
  edit('Về một việc mà bản build bị giết không được đưa lên');
  const { build } = await buildHeldWhileRendering();
  process.kill(-build.child.pid!, 'SIGKILL');
  await build.done;
  expect(snapshot(outDir)).toEqual(before);
  // Its staging folder and its locks are still there: nothing could remove them.
  expect(besideOut().sort()).toEqual(['.dist.build.lock', '.dist.building', 'dist']);
  await buildSite(opts());
  expect(besideOut()).toEqual(['dist']);
  expect(fs.readFileSync(path.join(outDir, 'catalog.json'), 'utf8')).toContain('Về một việc mà bản build bị giết không được đưa lên');
});

test('an output folder that is not a site of ours is never replaced', async () => {
  const mine = path.join(root, 'tai-lieu');
  fs.mkdirSync(mine);
  fs.writeFileSync(path.join(mine, 'ghi-chu.txt'), 'tài liệu riêng');
  const err: Error = await buildSite({ contentDir: content, outDir: mine, cacheDir }).then(
    () => new Error('built'),
    (e: Error) => e,
  );
  expect(err.message).toMatch(/thư mục đầu ra .*tai-lieu đã có nội dung và không phải trang do npm run build tạo ra/);
  expect(fs.readdirSync(mine)).toEqual(['ghi-chu.txt']);
  fs.rmSync(mine, { recursive: true });
});
