/**
 * Body text → mdast → Markdown through remark-stringify, so that `*`, `_`, `#` or `1.` in the text are escaped
 * instead of turning into formatting. Structure recognised: paragraphs (wrapped lines joined), section headings
 * (`I. MỤC ĐÍCH, YÊU CẦU`, `Phần I`, `Chương II`), numbered points `1.` (an ordered list while the numbers run on),
 * `-` bullets with `+` sub-bullets; `1-`, `a)`, `1.1.` stay as the paragraph text they are.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { romanValue } from '../model/structure.ts';

const processor = unified().use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-', fences: true });

const HEADING = /^([IVXLC]{1,7})\s*[.\-–)]\s+(\S.*)$/u;
const PART = /^(PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+([IVXLC]+|\d+|THỨ\s+\p{Lu}+|thứ\s+\p{Ll}+)\b.*$/u;
const LETTER_HEADING = /^[A-Z]\s*[.\-–]\s+(\S.*)$/u;
const ORDERED = /^([1-9]\d{0,2})\.\s+(\S.*)$/u;
const BULLET = /^[-–—•∙*]\s*(\S.*)$/u;
const SUB_BULLET = /^\+\s*(\S.*)$/u;

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'ordered'; num: number; text: string }
  | { kind: 'bullet'; text: string; level: 1 | 2 };

function headingText(t: string): string | null {
  const m = HEADING.exec(t);
  if (m && romanValue(m[1]!) !== null && m[2]!.length <= 200 && (/^[^\p{Ll}]*$/u.test(m[2]!) || m[2]!.length <= 100)) return t;
  if (PART.test(t) && t.length <= 200) return t;
  const l = LETTER_HEADING.exec(t);
  if (l && !/\p{Ll}/u.test(l[1]!) && l[1]!.length <= 200) return t;
  return null;
}

/** Words a sentence cannot end with: the line after them goes on. */
const CONNECTOR_END =
  /(?:^|\s)(?:số|ngày|của|và|về|với|cho|tại|các|những|theo|trong|được|là|có|đến|từ|giữa|thuộc|đối với|nhằm|để|CỦA|VÀ|VỀ|VỚI|CHO|TẠI|CÁC|THEO|TRONG|GIỮA)$/u;

const isCapsLine = (t: string) => t.length <= 80 && /\p{L}.*\p{L}/u.test(t) && !/\p{Ll}/u.test(t);

/** A line that starts a block of its own (never joined to the line above). */
function startsBlock(t: string): boolean {
  return (
    headingText(t) !== null ||
    ORDERED.test(t) ||
    BULLET.test(t) ||
    SUB_BULLET.test(t) ||
    /^(\d{1,3}(\.\d{1,3})*[.)\-–]|[a-zđ]\)|[a-zđ]\.|Điều\s+\d+)\s*\S/u.test(t)
  );
}

/** Lines to blocks. Wrapped lines are joined when the line above is unfinished or the line starts in lower case. */
export function toBlocks(lines: readonly string[]): { blocks: Block[]; blankBefore: boolean[] } {
  const blocks: Block[] = [];
  const blankBefore: boolean[] = [];
  let blank = true;
  let open = false; // the last block can take a wrapped line
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) {
      blank = true;
      open = false;
      continue;
    }
    const last = blocks.at(-1);
    // A line in capitals standing alone (`QUYẾT ĐỊNH`, `NHỮNG QUY ĐỊNH CHUNG`) is never a wrapped piece of prose.
    const capsLine = isCapsLine(t);
    if (open && last && last.kind !== 'heading' && !startsBlock(t) && !(capsLine && !isCapsLine(last.text))) {
      const prev = last.text;
      // Hard-wrapped text: the line above is unfinished (no closing punctuation) and long enough to be prose,
      // or it ends with a word a sentence cannot end with (`Căn cứ Nghị quyết số` / `19/2008/NQLT ...`).
      const unfinished = !/[.:;!?…"”)]$/u.test(prev) && prev.length >= 40 && /\p{Ll}/u.test(prev);
      if (/^\p{Ll}/u.test(t) || /[,(\-–]$/u.test(prev) || unfinished || CONNECTOR_END.test(prev)) {
        last.text = `${prev} ${t}`;
        continue;
      }
    }
    // A heading wrapped over two lines (`I. MỤC ĐÍCH,` / `YÊU CẦU`).
    if (
      last?.kind === 'heading' &&
      !blank &&
      capsLine &&
      !startsBlock(t) &&
      (/[,\-–]$/u.test(last.text) || CONNECTOR_END.test(last.text))
    ) {
      last.text = `${last.text} ${t}`;
      continue;
    }
    const push = (b: Block) => {
      blocks.push(b);
      blankBefore.push(blank);
      blank = false;
      open = b.kind !== 'heading';
    };
    const h = headingText(t);
    if (h) {
      push({ kind: 'heading', text: h });
      continue;
    }
    const o = ORDERED.exec(t);
    if (o) {
      push({ kind: 'ordered', num: Number(o[1]), text: o[2]! });
      continue;
    }
    const s = SUB_BULLET.exec(t);
    if (s) {
      push({ kind: 'bullet', text: s[1]!, level: 2 });
      continue;
    }
    const b = BULLET.exec(t);
    if (b && !/^[-–—]{2,}/u.test(t)) {
      push({ kind: 'bullet', text: b[1]!, level: 1 });
      continue;
    }
    push({ kind: 'para', text: t });
  }
  return { blocks, blankBefore };
}

const text = (value: string) => ({ type: 'text' as const, value });
const para = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] });
const item = (value: string): ListItem => ({ type: 'listItem', spread: false, children: [para(value)] });

/** Blocks to an mdast tree: consecutive numbers form one ordered list; bullets right after a number nest under it. */
export function toMdast(blocks: readonly Block[], blankBefore: readonly boolean[]): Root {
  const root: Root = { type: 'root', children: [] };
  let ordered: { list: List; next: number } | null = null;
  let bullets: List | null = null; // level-1 list currently open (top level or inside an ordered item)
  let subs: List | null = null; // level-2 list inside the last level-1 item
  const close = () => {
    ordered = null;
    bullets = null;
    subs = null;
  };
  const newList = (isOrdered: boolean, start?: number): List => ({
    type: 'list',
    ordered: isOrdered,
    ...(isOrdered ? { start } : {}),
    spread: false,
    children: [],
  });

  blocks.forEach((b, i) => {
    const gapBefore = blankBefore[i] ?? false;
    if (b.kind === 'ordered') {
      const cur = ordered as { list: List; next: number } | null;
      if (cur && b.num === cur.next) {
        cur.list.children.push(item(b.text));
        cur.next++;
        if (gapBefore) cur.list.spread = true;
        bullets = null;
        subs = null;
        return;
      }
      // A number out of sequence right after a list would merge with it when read back: keep it as text.
      const lastNode = root.children.at(-1);
      if (lastNode?.type === 'list' && lastNode.ordered) {
        close();
        root.children.push(para(`${b.num}. ${b.text}`));
        return;
      }
      close();
      const list = newList(true, b.num);
      list.children.push(item(b.text));
      root.children.push(list);
      ordered = { list, next: b.num + 1 };
      return;
    }
    if (b.kind === 'bullet') {
      if (b.level === 2 && bullets) {
        const parent = (bullets as List).children.at(-1)!;
        if (!subs) {
          subs = newList(false);
          parent.children.push(subs);
        }
        (subs as List).children.push(item(b.text));
        if (gapBefore) (subs as List).spread = true;
        return;
      }
      subs = null;
      if (!bullets) {
        bullets = newList(false);
        const host = ordered ? (ordered as { list: List }).list.children.at(-1) : undefined;
        if (host) host.children.push(bullets);
        else root.children.push(bullets);
      } else if (gapBefore) (bullets as List).spread = true;
      (bullets as List).children.push(item(b.text));
      return;
    }
    close();
    if (b.kind === 'heading') root.children.push({ type: 'heading', depth: 2, children: [text(b.text)] } satisfies Heading);
    else root.children.push(para(b.text) as RootContent);
  });
  return root;
}

export function mdastToMarkdown(tree: Root): string {
  return processor.stringify(tree);
}

/** Body lines → Markdown (ends with one newline; empty string for an empty body). */
export function bodyToMarkdown(lines: readonly string[]): string {
  const { blocks, blankBefore } = toBlocks(lines);
  if (!blocks.length) return '';
  return mdastToMarkdown(toMdast(blocks, blankBefore));
}
