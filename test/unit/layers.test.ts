/**
 * The folder tree is the architecture: every module under src/ imports only the layers its row of ARCHITECTURE.md's
 * "Layers" table allows, every folder is in that table, and the search page's script reaches no Node module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/settings.ts';

const SRC = path.join(ROOT, 'src');

/** The "Layers" table of ARCHITECTURE.md: layer → layers it may import. */
function allowedLayers(): Map<string, Set<string>> {
  const text = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const section = text.split(/^## Layers$/m)[1];
  if (!section) throw new Error('ARCHITECTURE.md has no "## Layers" section');
  const rows = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const layer = /^`([\w.-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!layer) continue;
    const may = [...(cells[2] ?? '').matchAll(/`([\w.-]+)`/g)].map((m) => m[1]!);
    rows.set(layer, new Set(may));
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|js|astro)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The layer of a file under src/: its first folder, or the name of a file at the top. */
function layerOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length ? first! : first!.replace(/\.[^.]+$/, '');
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Every static and dynamic import of a module (in an .astro file, its frontmatter and scripts alike). */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    found.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

const resolveLocal = (from: string, spec: string) => path.resolve(path.dirname(from), spec);

describe('layers', () => {
  const allowed = allowedLayers();
  const files = sourceFiles(SRC);

  it('reads a table that names every layer', () => {
    expect(allowed.size).toBeGreaterThan(10);
    const layers = new Set(files.map(layerOf));
    const missing = [...layers].filter((l) => !allowed.has(l));
    expect(missing, 'folders of src/ missing from ARCHITECTURE.md').toEqual([]);
  });

  it('imports go only down the table', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      for (const { spec } of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolveLocal(file, spec);
        const rel = path.relative(ROOT, target);
        if (!target.startsWith(SRC + path.sep)) {
          wrong.push(`${path.relative(ROOT, file)} imports ${rel}, outside src/`);
          continue;
        }
        const to = layerOf(target);
        if (to !== layer && !allowed.get(layer)?.has(to)) wrong.push(`${path.relative(ROOT, file)} (${layer}) imports ${rel} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('finds the imports it checks', () => {
    // The check above must see real edges, or it would pass on any tree.
    const edges = files.flatMap((f) => importsOf(f).filter((i) => i.spec.startsWith('.')));
    expect(edges.length).toBeGreaterThan(200);
    expect(importsOf(path.join(SRC, 'scripts/search-page.ts')).some((i) => i.typeOnly)).toBe(true);
  });

  it('the browser script reaches no Node module, Astro runtime or server-only package', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { spec, typeOnly } of importsOf(file)) {
        if (typeOnly) continue;
        if (spec.startsWith('.')) visit(resolveLocal(file, spec));
        else if (!/^astro\/zod$/.test(spec)) bad.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    };
    visit(path.join(SRC, 'scripts/search-page.ts'));
    expect(seen.size).toBeGreaterThan(3);
    expect(bad).toEqual([]);
  });

  it('the model is pure: no Node modules', () => {
    const impure = files
      .filter((f) => layerOf(f) === 'model')
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => i.spec.startsWith('node:'))
          .map((i) => `${path.relative(ROOT, f)}: ${i.spec}`),
      );
    expect(impure).toEqual([]);
  });
});
