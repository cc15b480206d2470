/**
 * A directive's body as a reader sees it: its Markdown without the markup. The one representation of the text that
 * the search index reads and that citations are found in.
 */
import { decodeHTML } from 'entities';

/** Elements of raw HTML that are removed with their text, here and by the page's sanitizer (src/html/sanitize.ts). */
export const HIDDEN_ELEMENTS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'template',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
  'option',
  'button',
  'title',
  'head',
  'video',
  'audio',
  'canvas',
] as const;

const HIDDEN = new RegExp(String.raw`<(${HIDDEN_ELEMENTS.join('|')})\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)`, 'gi');

/** Markdown to the words a reader sees; the bodies are prose, so markup characters are all there is to drop. */
export function markdownToText(md: string): string {
  const text = md
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(HIDDEN, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/[*_`]{1,3}(?=\S)|(?<=\S)[*_`]{1,3}/g, '');
  // Character references as the page shows them (one outside Unicode becomes U+FFFD).
  return text.includes('&') ? decodeHTML(text) : text;
}
