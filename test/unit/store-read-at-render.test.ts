import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { storeReaderModule } from '../../src/build/store-read-at-render.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-reader-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Run the generated module for `storeFile` in a fresh Node, printing what it exports. */
function runReader(storeFile: string) {
  const mod = path.join(dir, 'reader.mjs');
  fs.writeFileSync(mod, storeReaderModule(storeFile));
  return spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const m = await import(${JSON.stringify(mod)}); console.log(JSON.stringify(m.default));`],
    { encoding: 'utf8' },
  );
}

describe('content store read at render', () => {
  test("the module exports the store file as Astro's own module would (its JSON value)", () => {
    const store = [['directives', 1], { 'tinh-uy/01': 'Đảng ủy Khối "dân vận"\n' }];
    const file = path.join(dir, 'data-store "x".json');
    fs.writeFileSync(file, JSON.stringify(store));
    const r = runReader(file);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(store);
  });

  test('a store that cannot be read stops the build with a message instead of an empty site', () => {
    const file = path.join(dir, 'data-store.json');
    fs.writeFileSync(file, '[1, 2');
    const r = runReader(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Không đọc được kho nội dung của Astro');
    expect(r.stderr).toContain(file);
    expect(runReader(path.join(dir, 'missing.json')).status).toBe(1);
  });
});
