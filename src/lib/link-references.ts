/** Turn citations in a directive's rendered body into links to the cited directives, or marks when unresolved. */
import type { ReferenceGraph, ResolvedReference } from './crossref.ts';
import { mapHtmlText } from './html-text.ts';
import { findReferences } from './references.ts';
import { escapeXml as esc } from './xml.ts';

export interface LinkTarget { href: string; label: string }

export function linkReferences(html: string, citing: { id: string; number: string }, graph: ReferenceGraph, target: (id: string) => LinkTarget | undefined): string {
  return mapHtmlText(html, (text) => {
    // Every citation has a number; most paragraphs have no digit at all, and the grammar is costly to run.
    if (!/\d/.test(text)) return text;
    const found = findReferences(text, citing.number);
    if (!found.length) return text;
    let out = '';
    let at = 0;
    for (const f of found) {
      const r = graph.resolve(citing.id, f);
      out += text.slice(at, f.start) + wrap(text.slice(f.start, f.end), r, target);
      at = f.end;
    }
    return out + text.slice(at);
  });
}

/** `text` is already HTML-escaped (it comes from rendered HTML); attribute values are escaped here. */
function wrap(text: string, r: ResolvedReference | null, target: (id: string) => LinkTarget | undefined): string {
  if (r?.status === 'resolved') {
    const t = target(r.target!);
    if (t) return `<a class="ref" href="${esc(t.href)}" title="${esc(t.label)}">${text}</a>`;
  }
  if (r?.status === 'ambiguous') {
    return `<span class="ref ref--ambiguous" title="${esc(`Có ${r.candidates.length} văn bản cùng số ${r.number}; chưa xác định được văn bản nào`)}">${text}</span>`;
  }
  return `<span class="ref ref--missing" title="${esc(`Văn bản ${r?.number ?? ''} chưa có trong thư viện`)}">${text}</span>`;
}
