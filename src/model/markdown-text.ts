/**
 * A directive's body as a reader sees it: its Markdown without the markup. The one representation of the text that
 * the search index reads and that citations are found in.
 */

/** Markdown to the words a reader sees; the bodies are prose, so markup characters are all there is to drop. */
export function markdownToText(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/[*_`]{1,3}(?=\S)|(?<=\S)[*_`]{1,3}/g, '');
}
