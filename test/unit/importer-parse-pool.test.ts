/** Parsing on worker threads gives exactly what parsing in the main thread gives, in file order. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { docType } from '../../src/model/doc-types.ts';
import { parseFile } from '../../src/importer/parse-file.ts';
import { parseSource } from '../../src/importer/parse-pool.ts';

const RAW = path.resolve(import.meta.dirname, '../fixtures/raw');
const SEEDS = path.resolve(import.meta.dirname, '../../content/sources');
const files = [RAW, SEEDS]
  .flatMap((d) => fs.readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => path.join(d, f)))
  .filter((f) => /\.(txt|md)$/.test(f) && fs.statSync(f).isFile())
  .sort();

describe('parseSource', () => {
  test('fixtures cover both outcomes', async () => {
    const results = await Promise.all(files.map((f) => parseFile(f)));
    expect(results.some((r) => r.ok)).toBe(true);
    expect(results.some((r) => !r.ok)).toBe(true);
  });

  test('worker threads return the main thread’s results in order, a missing file included', async () => {
    // Several rounds, so both workers take files and the look-ahead window moves.
    const list = [...files, ...files, ...files, path.join(RAW, 'no-such-file.txt')];
    const source = parseSource(list, { threads: 2, ahead: 4, minFiles: 0 });
    try {
      for (const [i, file] of list.entries()) {
        const got = await source.get(i);
        expect(got).toEqual(await parseFile(file));
        // The type is the table's own entry, as the rest of the importer expects.
        if (got.ok) expect(got.doc.type).toBe(docType(got.doc.type.key));
      }
    } finally {
      await source.close();
    }
    expect(await parseFile(path.join(RAW, 'no-such-file.txt'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/không đọc được tệp \(ENOENT\)/),
    });
  });

  test('small batches parse in the main thread', async () => {
    const source = parseSource(files.slice(0, 2));
    expect(await source.get(0)).toEqual(await parseFile(files[0]!));
    await source.close();
  });
});
