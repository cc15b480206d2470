/** Small helpers for rendered HTML: decoding its character references, and rewriting its text while leaving tags alone. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * Apply `fn` to every run of text outside tags, except inside `<a>`, `<code>`, `<pre>`, `<script>` and `<style>`
 * (a citation already inside a link is not linked again).
 */
export function mapHtmlText(html: string, fn: (text: string) => string): string {
  let skip = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        const m = /^<(\/?)(a|code|pre|script|style)\b/i.exec(part);
        if (m) skip += m[1] ? -1 : 1;
        return part;
      }
      return skip > 0 || !part ? part : fn(part);
    })
    .join('');
}
