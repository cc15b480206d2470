/**
 * A directive's annexes in its rendered body: each is a rule followed by its heading (`---` then `## QUY CHẾ ...`
 * in the Markdown, as the importer writes a document issued with the directive). The page shows them after the
 * signing block, where the paper has them, each with an anchor (`#phu-luc-1`).
 */

export interface Annex {
  id: string;
  html: string;
}

const BOUNDARY = /<hr\s*\/?>\s*(?=<h[1-6][\s>])/g;

/** Split at each annex; `ids` are the annexes' anchors in order (src/html/parts.ts), `phu-luc-<n>` when not given. */
export function splitAnnexes(html: string, ids: readonly string[] = []): { main: string; annexes: Annex[] } {
  const parts = html.split(BOUNDARY);
  return { main: parts[0]!, annexes: parts.slice(1).map((part, i) => ({ id: ids[i] ?? `phu-luc-${i + 1}`, html: part })) };
}
