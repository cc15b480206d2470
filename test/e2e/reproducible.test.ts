/** Two builds of the same content give the same dist/, byte for byte, search index included. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, makeTempDir } from '../helpers/build-site.ts';

function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out.set(f, crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
  }
  return out;
}

test('building twice from the same content gives identical output', async () => {
  const a = await buildSite({ outDir: path.join(makeTempDir('vanban-repro-a-'), 'dist') });
  const b = await buildSite({ outDir: path.join(makeTempDir('vanban-repro-b-'), 'dist') });
  const da = digest(a.outDir);
  const db = digest(b.outDir);
  expect([...da.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
  expect(da.size).toBeGreaterThan(20);
  expect([...db.entries()]).toEqual([...da.entries()]);
});
