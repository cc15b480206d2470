/**
 * Reduce a directive body's rendered HTML to a safe subset, with sanitize-html. Bodies come from imported documents
 * and editors; Markdown lets raw HTML through, so anything outside the subset is removed here before the page is
 * written: no scripts, event handlers, frames, forms, styles, or `javascript:`/`data:` links. Character references
 * are decoded by the parser (one outside Unicode becomes U+FFFD, never an exception).
 */
import sanitize from 'sanitize-html';
import { HIDDEN_ELEMENTS } from '../model/markdown-text.ts';

/** Elements kept, with the attributes each may keep. */
const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  hr: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  del: [],
  sup: [],
  sub: [],
  code: [],
  pre: [],
  blockquote: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  ol: ['start'],
  ul: [],
  li: [],
  table: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  a: ['href', 'title'],
};

/** `start`, `colspan` and `rowspan` are small numbers or nothing. */
const NUMERIC = new Set(['start', 'colspan', 'rowspan']);
const numericOnly: sanitize.Transformer = (tagName, attribs) => ({
  tagName,
  attribs: Object.fromEntries(Object.entries(attribs).filter(([k, v]) => !NUMERIC.has(k) || /^\d{1,4}$/.test(v))),
});

const OPTIONS: sanitize.IOptions = {
  allowedTags: Object.keys(ALLOWED),
  allowedAttributes: ALLOWED,
  // Relative links, fragments, http(s) and mailto only.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  // An element outside the subset loses its tags and keeps its text, except these, which lose their text too.
  disallowedTagsMode: 'discard',
  nonTextTags: [...HIDDEN_ELEMENTS],
  transformTags: { ol: numericOnly, th: numericOnly, td: numericOnly },
};

export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS);
}
