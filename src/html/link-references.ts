/**
 * Turn the citations of a directive's rendered body into links to the cited directives, or marks when unresolved.
 * The citations were found once, in the text as a reader sees it, when the library was read (src/model/crossref.ts
 * `mentions`); here each is only looked for in the HTML's text.
 */
import type { Mention } from '../model/crossref.ts';
import { escapeXml as esc } from './escape.ts';
import { decodeHTML } from 'entities';
import { mapHtmlText } from './text.ts';

export interface LinkTarget {
  href: string;
  label: string;
}

export function linkReferences(html: string, mentions: readonly Mention[], target: (id: string) => LinkTarget | undefined): string {
  if (!mentions.length) return html;
  // Longest first, so a citation is never cut by a shorter one inside it.
  const ordered = [...mentions].sort((a, b) => b.text.length - a.text.length);
  return mapHtmlText(html, (escaped) => {
    // Every citation has a number; most paragraphs have no digit at all.
    if (!/\d/.test(escaped)) return escaped;
    const text = decodeHTML(escaped);
    const spans: { start: number; end: number; m: Mention }[] = [];
    for (const m of ordered) {
      for (let at = text.indexOf(m.text); at >= 0; at = text.indexOf(m.text, at + m.text.length)) {
        if (!spans.some((s) => at < s.end && at + m.text.length > s.start)) spans.push({ start: at, end: at + m.text.length, m });
      }
    }
    if (!spans.length) return escaped;
    spans.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const s of spans) {
      out += esc(text.slice(at, s.start)) + wrap(esc(text.slice(s.start, s.end)), s.m, target);
      at = s.end;
    }
    return out + esc(text.slice(at));
  });
}

/** `text` is HTML-escaped; attribute values are escaped here. */
function wrap(text: string, m: Mention, target: (id: string) => LinkTarget | undefined): string {
  if (m.status === 'resolved') {
    const t = target(m.target!);
    // A citation of a part lands on that part of the cited directive.
    if (t) return `<a class="ref" href="${esc(m.anchor ? `${t.href}#${m.anchor}` : t.href)}" title="${esc(t.label)}">${text}</a>`;
  }
  if (m.status === 'ambiguous') {
    return `<span class="ref ref--ambiguous" title="${esc(`Có ${m.candidates} văn bản cùng số ${m.number}; chưa xác định được văn bản nào`)}">${text}</span>`;
  }
  return `<span class="ref ref--missing" title="${esc(`Văn bản ${m.number} chưa có trong thư viện`)}">${text}</span>`;
}
