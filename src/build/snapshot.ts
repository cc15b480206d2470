/**
 * The build's one pass over the library, as Astro receives it: the registry, every directive (frontmatter parsed and
 * checked, body as Markdown) and the citation graph. The build's worker writes it once the library is known to have no
 * errors; the content loader (src/build/content-loaders.ts) reads it instead of parsing and validating every file again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CheckedLibrary } from '../content/library.ts';
import { graphToJson, type GraphJson } from '../model/crossref.ts';
import { buildDay, libraryStatuses, type DirectiveStatus } from '../model/status.ts';
import type { DirectiveData, Registry } from '../model/schema.ts';
import { shardCount } from '../search/shards.ts';
import { ROOT } from '../settings.ts';

export interface SnapshotDirective {
  id: string;
  /** Relative to the project, with `/`. */
  file: string;
  data: DirectiveData;
  body: string;
}

export interface LibrarySnapshot {
  registry: Registry;
  directives: SnapshotDirective[];
  graph: GraphJson;
  /** How many shards the search index is made in (src/search/shards.ts), counted once for the index and the search page. */
  searchShards: number;
  /** Whether each directive is in force (src/model/status.ts), by id. */
  statuses: Record<string, DirectiveStatus>;
}

export function snapshotOf(checked: CheckedLibrary): LibrarySnapshot {
  const { library, graph } = checked;
  if (!library.registry || !graph) throw new Error('a library with errors has no snapshot');
  return {
    registry: library.registry,
    directives: library.directives.map((d) => ({
      id: d.id,
      file: path.relative(ROOT, d.file).split(path.sep).join('/'),
      data: d.data,
      body: d.body,
    })),
    graph: graphToJson(graph),
    searchShards: shardCount(library.directives.length),
    statuses: Object.fromEntries(libraryStatuses(library.directives, graph.incoming, buildDay(process.env['SOURCE_DATE_EPOCH']))),
  };
}

/** Write it whole or not at all (temp file and rename), so a reader never sees half of one. */
export function writeSnapshot(file: string, snapshot: LibrarySnapshot): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(snapshot));
  fs.renameSync(tmp, file);
}

export function readSnapshot(file: string): LibrarySnapshot {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LibrarySnapshot;
}
