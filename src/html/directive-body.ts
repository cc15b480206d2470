/**
 * A directive's rendered body as its page shows it: reduced to the safe subset, citations linked, headed parts
 * anchored, documents issued with it split off as annexes. The order matters: anchors are found in the text the
 * reader sees, and annexes are split where the anchors say they start.
 */
import type { Mention } from '../model/crossref.ts';
import { CONTENTS_KINDS, type Part } from '../model/structure.ts';
import { splitAnnexes, type Annex } from './annexes.ts';
import { linkReferences, type LinkTarget } from './link-references.ts';
import { anchorParts } from './parts.ts';
import { sanitizeHtml } from './sanitize.ts';

/** A table of contents is worth its place from this many headed divisions up. */
export const CONTENTS_FROM = 3;

export interface DirectiveBody {
  main: string;
  annexes: Annex[];
  /** The headed divisions (Phần, Chương, Mục, Điều, annexes), for the table of contents; empty when too few. */
  contents: Part[];
  parts: Part[];
}

export function directiveBody(
  rendered: string,
  mentions: readonly Mention[],
  target: (id: string) => LinkTarget | undefined,
): DirectiveBody {
  const linked = linkReferences(sanitizeHtml(rendered), mentions, target);
  const { html, parts, wrapped } = anchorParts(linked);
  const { main, annexes } = splitAnnexes(html, wrapped);
  const divisions = parts.filter((p) => CONTENTS_KINDS.has(p.kind));
  return { main, annexes, parts, contents: divisions.length >= CONTENTS_FROM ? divisions : [] };
}
