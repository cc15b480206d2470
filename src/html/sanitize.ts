/**
 * Reduce a directive body's rendered HTML to a safe subset. Bodies come from imported documents and
 * editors; Markdown lets raw HTML through, so anything outside the subset is removed here before the
 * page is written: no scripts, event handlers, frames, forms, styles, or `javascript:`/`data:` links.
 */
import { decodeEntities } from './text.ts';
import { escapeXml as esc } from './escape.ts';

/** Elements kept, with the attributes each may keep. */
const ALLOWED: Record<string, readonly string[]> = {
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
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'embed', 'area', 'base', 'col', 'param', 'track', 'wbr']);
/** Elements removed together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
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
  'button',
  'title',
  'head',
  'video',
  'audio',
  'canvas',
]);

const TAG =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Relative links, fragments, http(s) and mailto only. */
export function isSafeUrl(raw: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  const url = decodeEntities(raw)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed here
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url);
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1]!);
}

function cleanAttrs(tag: string, attrs: string): string {
  const allowed = ALLOWED[tag]!;
  let out = '';
  for (const m of attrs.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!allowed.includes(name)) continue;
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    if (name === 'href' && !isSafeUrl(value)) continue;
    if ((name === 'start' || name === 'colspan' || name === 'rowspan') && !/^\d{1,4}$/.test(value)) continue;
    out += ` ${name}="${esc(value)}"`;
  }
  return out;
}

/** Text between tags: a stray `<` or `>` becomes text, never markup. */
const cleanText = (t: string) => t.replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sanitizeHtml(html: string): string {
  let out = '';
  let at = 0;
  let dropping: string | null = null;
  let depth = 0;
  const open: string[] = [];
  for (const m of html.matchAll(TAG)) {
    if (!dropping) out += cleanText(html.slice(at, m.index));
    at = m.index + m[0].length;
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comment, doctype, CDATA, processing instruction
    const closing = m[0][1] === '/';
    if (dropping) {
      if (name === dropping) depth += closing ? -1 : 1;
      if (depth === 0) dropping = null;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !VOID.has(name) && !m[0].endsWith('/>')) {
        dropping = name;
        depth = 1;
      }
      continue;
    }
    if (!(name in ALLOWED)) continue; // unknown element: keep its text, drop the tag
    if (closing) {
      const i = open.lastIndexOf(name);
      if (i === -1) continue;
      for (const t of open.splice(i).reverse()) out += `</${t}>`;
      continue;
    }
    out += `<${name}${cleanAttrs(name, m[2] ?? '')}>`;
    if (!VOID.has(name)) open.push(name);
  }
  if (!dropping) out += cleanText(html.slice(at));
  for (const t of open.reverse()) out += `</${t}>`;
  return out;
}
