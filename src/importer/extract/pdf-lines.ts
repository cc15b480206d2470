/**
 * The lines of a PDF's text layer, rebuilt from the glyph positions: text items on one baseline make one line, read
 * left to right, and a wide gap between them (the two columns of a directive's header) becomes three spaces, which
 * the header parser reads as a cell boundary. Running headers and footers (the same line at the top or bottom of
 * several pages) and page numbers are removed and reported; the lines of a paragraph that a PDF wrapped are joined
 * again, and a word hyphenated across two lines is made whole. Pure: it takes positioned text, not a PDF.
 */

/** A run of text as the PDF places it: its left edge, baseline (from the bottom of the page), width and font size. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PlacedPage {
  width: number;
  height: number;
  items: PlacedText[];
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

export interface PdfText {
  text: string;
  /** Running headers, footers and page numbers taken out: `trang 2: «- 2 -»`. */
  removed: string[];
}

/** Gap between two runs on one line, in font sizes, from which they are two columns rather than two words. */
const COLUMN_GAP = 1.5;
/** Share of the page's height, top and bottom, where running headers, footers and page numbers stand. */
const MARGIN_BAND = 0.1;

function pageLines(page: PlacedPage): Line[] {
  const items = page.items.filter((i) => i.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PlacedText[][] = [];
  for (const it of items) {
    const row = rows.find((r) => Math.abs(r[0]!.y - it.y) <= Math.max(r[0]!.size, it.size) * 0.4);
    if (row) row.push(it);
    else rows.push([it]);
  }
  return rows
    .map((row) => {
      row.sort((a, b) => a.x - b.x);
      let text = '';
      let end = Number.NEGATIVE_INFINITY;
      for (const it of row) {
        const gap = it.x - end;
        if (text) text += gap > it.size * COLUMN_GAP ? '   ' : gap > it.size * 0.15 && !/\s$/.test(text) ? ' ' : '';
        text += text ? it.text.replace(/^\s+/, '') : it.text.trim();
        end = Math.max(end, it.x + it.width);
      }
      const size = Math.max(...row.map((i) => i.size));
      return { text: text.replace(/\s+$/, ''), x: row[0]!.x, right: end, y: row[0]!.y, size };
    })
    .sort((a, b) => b.y - a.y);
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang\s*)?\d{1,4}(?:\s*(?:\/|của|trên)\s*\d{1,4})?(?:\s*[-–—])?$/iu;
/** A running line compared without its numbers (`Trang 2` and `Trang 3` are one footer). */
const runningKey = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** Lines in the top or bottom band that are page numbers, or recur on at least two pages. */
function runningLines(pages: { lines: Line[]; height: number }[]): Set<Line> {
  const inBand = (l: Line, h: number) => l.y > h * (1 - MARGIN_BAND) || l.y < h * MARGIN_BAND;
  const seen = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.lines.filter((l) => inBand(l, p.height)).map((l) => runningKey(l.text)));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const out = new Set<Line>();
  for (const p of pages)
    for (const l of p.lines) {
      if (!inBand(l, p.height)) continue;
      if (PAGE_NUMBER.test(l.text.trim()) || (pages.length > 1 && (seen.get(runningKey(l.text)) ?? 0) >= 2)) out.add(l);
    }
  return out;
}

/** A line that starts something of its own: a heading, a numbered or lettered item, a list dash, an article. */
const STARTS_ITEM =
  /^(?:[-–•+*]\s|\d{1,3}(?:\.\d{1,3})*[.)/-]?\s|[a-zđ][.)]\s|[IVXLC]{1,6}[.-]\s|Điều\s+\d|Chương\s|Mục\s|Phần\s|PHỤ LỤC|Nơi nhận)/u;

/**
 * Join a paragraph's lines the PDF wrapped: a line that runs to the right margin continues on the next line when that
 * one starts at the left margin and begins no item of its own. A word hyphenated at the end of a line is made whole.
 */
function reflow(lines: Line[]): string[] {
  if (!lines.length) return [];
  // The right margin is where most lines end; the left one where the lines that reach it start furthest left (the
  // first line of a paragraph is indented, a centred heading can stick out of the margins).
  const right = mostCommon(lines.map((l) => [l.right, l.size]));
  const full = lines.filter((l) => Math.abs(l.right - right) < l.size * 2);
  const left = full.length ? Math.min(...full.map((l) => l.x)) : mostCommon(lines.map((l) => [l.x, l.size]));
  const out: string[] = [];
  let current: Line | null = null;
  let text = '';
  for (const l of lines) {
    const continues =
      current !== null &&
      current.right >= right - (right - left) * 0.1 &&
      !current.text.includes('   ') &&
      !l.text.includes('   ') &&
      Math.abs(l.x - left) < l.size * 1.5 &&
      current.y - l.y < Math.max(current.size, l.size) * 2 &&
      !STARTS_ITEM.test(l.text);
    if (continues) {
      // `phát triển kinh-` + `tế` → one word; otherwise the line break was a space.
      text = /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(l.text) ? text.slice(0, -1) + l.text : `${text} ${l.text}`;
    } else {
      if (current) out.push(text);
      text = l.text;
    }
    current = l;
  }
  out.push(text);
  return out;
}

/** The most common of `[value, size]` pairs, values within about a font size counted as one. */
function mostCommon(values: [number, number][]): number {
  const counts = new Map<number, { n: number; sum: number }>();
  for (const [v, size] of values) {
    const key = Math.round(v / Math.max(size, 1));
    const c = counts.get(key) ?? { n: 0, sum: 0 };
    c.n++;
    c.sum += v;
    counts.set(key, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0]!;
  return best.sum / best.n;
}

/** The text of a PDF's pages, one line per line of the document, paragraphs whole. */
export function pdfText(pages: readonly PlacedPage[]): PdfText {
  const laid = pages.map((p) => ({ lines: pageLines(p), height: p.height }));
  const running = runningLines(laid);
  const removed: string[] = [];
  const kept: Line[] = [];
  for (const [k, p] of laid.entries())
    for (const l of p.lines) {
      if (running.has(l)) removed.push(`trang ${k + 1}: «${l.text.trim()}»`);
      else kept.push(l);
    }
  return { text: `${reflow(kept).join('\n')}\n`, removed };
}
