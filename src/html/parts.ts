/**
 * Anchors on the headed parts of a rendered body (src/model/structure.ts reads them): each paragraph, heading or
 * list item that starts a part gets the part's `id`, so `#dieu-5` lands on Điều 5. An ordered list's item is read
 * with its number, as the reader sees it. Text inside tables is data, never a part. An annex that is a document
 * issued with this one (a rule, then a heading) gets its id on the section that wraps it (src/html/annexes.ts).
 */
import { decodeHTML } from 'entities';
import { readBlocks, type Block, type Part } from '../model/structure.ts';

// The tags that open or close a block: where a block's text ends, and what the reader walks through.
const BLOCK_TAGS = 'p|h[1-6]|li|ol|ul|hr|table|blockquote|div';
const TAG = new RegExp(`<(\\/?)(${BLOCK_TAGS})\\b([^>]*)>`, 'gi');
const NEXT_BLOCK = new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b`, 'i');

interface Found extends Block {
  /** Where the block's opening tag ends (before its `>`), to insert the id; -1 for an annex wrapped elsewhere. */
  at: number;
}

/** Text from `from` up to the next block tag, as a reader sees it. */
function textFrom(html: string, from: number): string {
  const rest = html.slice(from, from + 2000);
  const end = rest.search(NEXT_BLOCK);
  const raw = (end < 0 ? rest : rest.slice(0, end)).replace(/<[^>]*>/g, '');
  return decodeHTML(raw).replace(/\s+/g, ' ').trim();
}

function findBlocks(html: string): Found[] {
  const blocks: Found[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let tables = 0;
  let rule = false;
  /** The number of the list item just opened, for a paragraph that is its first child. */
  let pending: { number: number | null; until: number } | null = null;
  for (const m of html.matchAll(TAG)) {
    const [whole, close, rawName, attrs] = m;
    const name = rawName!.toLowerCase();
    const end = m.index + whole.length;
    if (name === 'table') {
      tables += close ? -1 : 1;
      continue;
    }
    if (tables > 0) continue;
    if (name === 'ol' || name === 'ul') {
      if (close) lists.pop();
      else lists.push({ ordered: name === 'ol', next: Number(/\bstart="?(\d+)/i.exec(attrs ?? '')?.[1] ?? 1) });
      continue;
    }
    if (close || name === 'blockquote' || name === 'div') continue;
    if (name === 'hr') {
      rule = true;
      continue;
    }
    const at = m.index + whole.length - 1;
    if (name === 'li') {
      const list = lists.at(-1);
      const number = list?.ordered ? list.next++ : null;
      // A loose list's item holds paragraphs: the first of them is the item's text.
      if (/^\s*<p\b/i.test(html.slice(end, end + 20))) {
        pending = { number, until: end };
        continue;
      }
      blocks.push({ text: withNumber(number, textFrom(html, end)), at });
      rule = false;
      continue;
    }
    const number = pending && /^\s*$/.test(html.slice(pending.until, m.index)) ? pending.number : null;
    pending = null;
    const text = withNumber(number, textFrom(html, end));
    if (rule && /^h/.test(name)) blocks.push({ text, at: -1, annex: true });
    else blocks.push({ text, at });
    rule = false;
  }
  return blocks;
}

const withNumber = (n: number | null, text: string) => (n === null ? text : `${n}. ${text}`);

/**
 * The body with an `id` on every block that starts a part, the parts in order, and the ids of the annexes that are
 * documents issued with this one (their section carries the id).
 */
export function anchorParts(html: string): { html: string; parts: Part[]; wrapped: string[] } {
  const blocks = findBlocks(html);
  const { parts, starts } = readBlocks(blocks);
  let out = '';
  let from = 0;
  const wrapped: string[] = [];
  blocks.forEach((b, i) => {
    const part = starts[i];
    if (part && b.annex) wrapped.push(part.id);
    if (!part || b.at < 0) return;
    out += `${html.slice(from, b.at)} id="${part.id}"`;
    from = b.at;
  });
  return { html: out + html.slice(from), parts, wrapped };
}
