/**
 * `npm run build` validates while Astro starts (src/cli/build.ts, src/build/validation-gate.ts): refused
 * content must still read as the validator's messages alone and leave the site already built as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, makeTempDir, REPO_ROOT } from '../helpers/build-site.ts';

function snapshot(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const st = fs.statSync(path.join(dir, f));
    if (st.isFile()) out.set(f, st.mtimeMs);
  }
  return out;
}

test('invalid content is refused with the validator’s message, and the previous site is left untouched', async () => {
  const root = makeTempDir('vanban-refusal-');
  const content = path.join(root, 'content');
  fs.cpSync(path.join(REPO_ROOT, 'content'), content, { recursive: true });
  const outDir = path.join(root, 'dist');
  const cacheDir = path.join(root, 'astro-cache');
  await buildSite({ contentDir: content, outDir, cacheDir });
  const before = snapshot(outDir);
  expect(before.has('index.html')).toBe(true);

  const name = fs.readdirSync(path.join(content, 'directives')).find((f) => f.endsWith('.md'))!;
  const file = path.join(content, 'directives', name);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^issued: .*$/m, 'issued: 2021-02-30'));

  const err: Error = await buildSite({ contentDir: content, outDir, cacheDir }).then(
    () => new Error('the build succeeded'),
    (e: Error) => e,
  );
  expect(err.message).toMatch(/exit code 1/);
  expect(err.message).toContain(`${name}:`);
  expect(err.message).toMatch(/issued: ngày ban hành \(issued\) "2021-02-30" không có ngày này: tháng 2 năm 2021 có 28 ngày/);
  expect(err.message).toMatch(/Không build: 1 lỗi trong nội dung/);
  // Astro was stopped at the gate: none of its log, no stack trace.
  expect(err.message).not.toMatch(/\[build\]|\[content\]|\n\s+at /);
  expect(snapshot(outDir)).toEqual(before);
  fs.rmSync(root, { recursive: true, force: true });
});
