import { describe, expect, test } from 'vitest';
import { splitStoreModule } from '../../src/integrations/split-data-store.ts';

/** The module as Astro writes it for a store serialised to `json`. */
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;
const evaluate = async (code: string) => (await import(`data:text/javascript,${encodeURIComponent(code)}`)).default;

describe('splitStoreModule', () => {
  test('cuts the store into literals and exports the same value', async () => {
    // Vietnamese text, quotes, backslashes and a character outside the BMP, so that cuts fall inside escapes
    // and inside a surrogate pair.
    const store = { entries: Array.from({ length: 50 }, (_, i) => ({ id: `d${i}`, html: `<p>Đảng ủy "Khối" \\ số ${i} 𠀀 dân vận</p>` })) };
    const json = JSON.stringify(store);
    const original = astroModule(json);
    for (const piece of [7, 64, 1000]) {
      const split = splitStoreModule(original, piece)!;
      expect(split).not.toBe(original);
      expect(split.match(/^"/gm)?.length ?? 0).toBeGreaterThan(Math.floor(json.length / piece) - 1);
      expect(await evaluate(split)).toEqual(store);
    }
  });

  test('leaves a store smaller than one piece as it is', () => {
    const code = astroModule('{"a":1}');
    expect(splitStoreModule(code, 100)).toBe(code);
  });

  test('does not touch a module of another shape', () => {
    expect(splitStoreModule('export default new Map()')).toBeNull();
    expect(splitStoreModule('export default{"directives":[(await import("x"))]}')).toBeNull();
    expect(splitStoreModule('export default JSON.parse("unterminated)')).toBeNull();
    expect(splitStoreModule('export default JSON.parse(123)')).toBeNull();
  });
});
