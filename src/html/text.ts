/** Rewriting the text of rendered HTML while leaving its tags alone. */

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
