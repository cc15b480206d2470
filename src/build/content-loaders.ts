/**
 * Astro's content loaders for the library: the directives (one entry each, its Markdown rendered by Astro's
 * pipeline) and the library entry (the registry and the citation graph), both from one pass over the library.
 *
 * Under `npm run build` that pass is the build's own (src/build/prepare-worker.ts, beside Astro's start): the loaders
 * wait for its verdict and read its snapshot, so no file is parsed or validated twice. Under `astro dev` or a plain
 * `astro build` they make the pass themselves. An entry whose frontmatter and body are unchanged keeps its rendered
 * HTML from the previous build's store.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { readLibrary } from '../content/library.ts';
import { formatProblem } from '../content/problems.ts';
import { CONTENT_DIR } from '../settings.ts';
import { readSnapshot, snapshotOf, type LibrarySnapshot } from './snapshot.ts';
import { gateVerdict } from './validation-gate.ts';

let pass: Promise<LibrarySnapshot> | undefined;

/** The checked library, once per process for both collections. */
function libraryPass(): Promise<LibrarySnapshot> {
  pass ??= (async () => {
    const gate = gateVerdict();
    if (gate) {
      const v = await gate;
      // Refused content: the build prints the problems; Astro writes nothing.
      if (v.verdict !== 'valid') process.exit(1);
      return readSnapshot(v.snapshot);
    }
    const checked = readLibrary(CONTENT_DIR);
    if (checked.errors) throw new Error(`Nội dung có lỗi:\n${checked.problems.map((p) => formatProblem(p)).join('\n')}`);
    return snapshotOf(checked);
  })();
  return pass;
}

export const LIBRARY_ENTRY = 'library';

export function directivesLoader(): Loader {
  return {
    name: 'vanban:directives',
    async load({ store, generateDigest, renderMarkdown }: LoaderContext) {
      const { directives } = await libraryPass();
      const current = new Set<string>();
      for (const d of directives) {
        current.add(d.id);
        const digest = generateDigest({ file: d.file, data: d.data, body: d.body });
        const old = store.get(d.id);
        if (old && old.digest === digest && old.rendered) continue;
        // The site renders entries; the raw body is read by the search index from the pass, not from the store.
        // (Astro's renderer reads a leading `---` as frontmatter: a body starting with a rule gets a blank line first.)
        const body = d.body.trim();
        store.set({
          id: d.id,
          data: d.data,
          filePath: d.file,
          digest,
          rendered: await renderMarkdown(body.startsWith('---') ? `\n${body}` : body),
        });
      }
      for (const id of store.keys()) if (!current.has(id)) store.delete(id);
    },
  };
}

export function libraryLoader(): Loader {
  return {
    name: 'vanban:library',
    async load({ store, generateDigest }: LoaderContext) {
      const { registry, graph, searchShards, statuses } = await libraryPass();
      const data = { registry, graph, searchShards, statuses };
      store.set({
        id: LIBRARY_ENTRY,
        data: data as unknown as Record<string, unknown>,
        digest: generateDigest(data as unknown as Record<string, unknown>),
      });
    },
  };
}
