/**
 * The headed parts of a directive's body and their anchors: Phần, Chương, Mục, Roman-numbered sections, Điều,
 * numbered clauses, lettered points and annexes. An anchor is made from the labels printed in the text
 * (`#dieu-5-khoan-2-diem-a`, `#muc-ii-1`, `#phu-luc-1`), never from a position, so a person can type it and a
 * re-import keeps it. One reader serves the page (blocks of the rendered HTML, src/html/parts.ts) and the library
 * pass (blocks of the Markdown, {@link markdownBlocks}), so both give the same anchors.
 *
 * Labels are accepted only in sequence (I then II; 1 then 2; a then b; a new parent starts again at the first),
 * which is what separates a clause `2. ...` from a sentence that happens to start with a number.
 */
import { markdownToText } from './markdown-text.ts';
import { cutAtWord } from './text.ts';

export type PartKind = 'phan' | 'chuong' | 'muc' | 'dieu' | 'khoan' | 'tieu-khoan' | 'diem' | 'phu-luc';

export interface Part {
  kind: PartKind;
  /** The anchor, unique in the document: `dieu-5-khoan-2`. */
  id: string;
  /** The label as a reader names it: `Điều 5`, `Mục II`, `khoản 2`, `điểm a`, `Phụ lục 1`. */
  label: string;
  /** The heading's text, cut short: `I. MỤC ĐÍCH, YÊU CẦU`, `Điều 5. Trách nhiệm thi hành`. */
  title: string;
  /** Nesting depth, 0 for the outermost part found. */
  depth: number;
  /** The block (paragraph, heading or list item) it starts at. */
  block: number;
}

/** Parts shown in a table of contents: headed divisions, not clauses and points. */
export const CONTENTS_KINDS: ReadonlySet<PartKind> = new Set(['phan', 'chuong', 'muc', 'dieu', 'phu-luc']);

// How parts nest: a part closes every open part of its rank or below.
const RANK: Record<PartKind, number> = { 'phu-luc': 0, phan: 1, chuong: 2, muc: 3, dieu: 4, khoan: 5, 'tieu-khoan': 6, diem: 7 };

const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** `XIV` → 14; null when not a Roman numeral. */
export function romanValue(s: string): number | null {
  if (!ROMAN.test(s)) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUE[s[i]!]!;
    const next = ROMAN_VALUE[s[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

const ORDINALS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
/** Points are lettered in the Vietnamese order (no f, j, w, z); some copies use the Latin one. */
const VI_LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

const numberOf = (s: string): number | null => {
  if (/^\d+$/.test(s)) return Number(s);
  const ordinal = /^thứ\s+(\S+)$/iu.exec(s);
  if (ordinal) {
    const i = ORDINALS.indexOf(ordinal[1]!.toLowerCase());
    return i < 0 ? null : i + 1;
  }
  return romanValue(s.toUpperCase());
};

const roman = (n: number): string => {
  const table: [number, string][] = [
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
};

const letterSlug = (l: string) => (l === 'đ' ? 'dd' : l);

interface Label {
  kind: PartKind;
  /** Its number in its sequence (a point's letter is its place in the alphabet it uses). */
  n: number;
  letter?: string;
  /** `1.2`: the clause it belongs to. */
  parent?: number;
  /** A Roman-numbered section (`II.`), not a State `Mục 2`. */
  romanSection?: boolean;
}

// Markers, tried in order on the block's text (NFC). A division's word may be in capitals.
const DIVISION = /^(phần|chương|mục)\s+(thứ\s+\p{L}+|[IVXLC]+|\d{1,3})(?=$|[\s.:\-–—])/iu;
const ARTICLE = /^điều\s+(\d{1,3})\s*(?:[.:\-–—]|$)/iu;
const ANNEX = /^PHỤ\s+LỤC(?:\s+(?:SỐ\s+)?(?:[IVXLC]+|\d{1,2}))?(?=$|[\s.:\-–—])/u;
const SECTION = /^([IVXLC]{1,6})\s*[.\-–—/)]\s*(?=\S)/u;
const SUBCLAUSE = /^(\d{1,2})\.(\d{1,2})\s*[.\-–—/)]?\s+(?=\S)/u;
const CLAUSE = /^(\d{1,2})\s*(?:[.\-–—/)]|\.\))\s*(?=\S)(?!\d)/u;
const POINT = /^([a-zđ])\s*[)/]\s*(?=\S)/u;

// Most blocks are prose: one test on their start rules them out before the markers are tried.
const MAY_BE_LABEL = /^\s*(?:\d|[IVXLC]{1,6}\s*[.\-–—/)]|[a-zđ]\s*[)/]|(?:điều|phần|chương|mục|phụ)\s)/iu;

function readLabel(text: string): Label | null {
  if (!MAY_BE_LABEL.test(text)) return null;
  const t = text.trimStart();
  let m = ARTICLE.exec(t);
  if (m) return { kind: 'dieu', n: Number(m[1]) };
  if (ANNEX.test(t)) return { kind: 'phu-luc', n: 0 };
  m = DIVISION.exec(t);
  if (m) {
    const word = m[1]!.toLowerCase();
    const n = numberOf(m[2]!);
    if (n === null) return null;
    const kind: PartKind = word === 'phần' ? 'phan' : word === 'chương' ? 'chuong' : 'muc';
    return { kind, n, romanSection: kind === 'muc' && /^[IVXLC]+$/i.test(m[2]!) };
  }
  m = SECTION.exec(t);
  if (m) {
    const n = romanValue(m[1]!);
    return n === null ? null : { kind: 'muc', n, romanSection: true };
  }
  m = SUBCLAUSE.exec(t);
  if (m) return { kind: 'tieu-khoan', n: Number(m[2]), parent: Number(m[1]) };
  m = CLAUSE.exec(t);
  if (m) return { kind: 'khoan', n: Number(m[1]) };
  m = POINT.exec(t);
  if (m) {
    const l = m[1]!;
    return { kind: 'diem', n: VI_LETTERS.indexOf(l) + 1, letter: l };
  }
  return null;
}

interface Open {
  kind: PartKind;
  n: number;
  id: string;
  /** The last number taken by each kind of part directly inside this one. */
  last: Partial<Record<PartKind, number>>;
  lastLetter?: string;
}

const isNextLetter = (prev: string | undefined, l: string) => {
  if (!prev) return l === 'a';
  const vi = VI_LETTERS.indexOf(prev);
  const la = LATIN_LETTERS.indexOf(prev);
  return VI_LETTERS[vi + 1] === l || (la >= 0 && LATIN_LETTERS[la + 1] === l);
};

const cut = (s: string) => cutAtWord(s, 120);

/** Anchors of parts numbered through the whole document (or annex): no parent in them. */
const UNSCOPED: ReadonlySet<PartKind> = new Set(['phan', 'chuong', 'dieu']);

/**
 * Reads one scope (the main text, or one annex) block by block and tells which part each block starts, if any.
 * `prefix` scopes the anchors: an annex's parts are `phu-luc-1-dieu-2`.
 */
class ScopeReader {
  private stack: Open[] = [];
  private readonly root: Open = { kind: 'phu-luc', n: 0, id: '', last: {} };
  private lastArticle: number | undefined;

  private readonly prefix: string;
  private readonly used: Set<string>;

  constructor(prefix: string, used: Set<string>) {
    this.prefix = prefix;
    this.used = used;
  }

  read(text: string, block: number, depthOffset: number): Part | null {
    const label = readLabel(text);
    if (!label || label.kind === 'phu-luc') return null;
    // The parent: the innermost open part that ranks above the label's kind.
    let depth = this.stack.length;
    while (depth > 0 && RANK[this.stack[depth - 1]!.kind] >= RANK[label.kind]) depth--;
    const parent = depth > 0 ? this.stack[depth - 1]! : this.root;
    if (!this.inSequence(label, parent)) return null;
    const id = this.unique(this.anchor(label, parent));
    if (label.kind === 'diem') parent.lastLetter = label.letter!;
    else parent.last[label.kind] = label.n;
    if (label.kind === 'dieu') this.lastArticle = label.n;
    this.stack.length = depth;
    this.stack.push({ kind: label.kind, n: label.n, id, last: {} });
    return { kind: label.kind, id, label: partName(label), title: cut(text), depth: depth + depthOffset, block };
  }

  private inSequence(label: Label, parent: Open): boolean {
    if (label.kind === 'diem') return isNextLetter(parent.lastLetter, label.letter!);
    // Articles run on through chapters and sections; a copy may leave some out, never go back.
    if (label.kind === 'dieu') return this.lastArticle === undefined || label.n > this.lastArticle;
    // A sub-clause belongs to the clause open (`1.2` inside clause 1).
    if (label.kind === 'tieu-khoan' && (parent.kind !== 'khoan' || parent.n !== label.parent)) return false;
    const last = parent.last[label.kind];
    return last === undefined ? label.n === 1 : label.n === last + 1;
  }

  private anchor(label: Label, parent: Open): string {
    const own =
      label.kind === 'phan'
        ? `phan-${label.n}`
        : label.kind === 'chuong'
          ? `chuong-${roman(label.n)}`
          : label.kind === 'muc'
            ? `muc-${label.romanSection ? roman(label.n) : label.n}`
            : label.kind === 'dieu'
              ? `dieu-${label.n}`
              : label.kind === 'khoan'
                ? parent.kind === 'dieu' || parent === this.root
                  ? `khoan-${label.n}`
                  : String(label.n)
                : label.kind === 'tieu-khoan'
                  ? String(label.n)
                  : `diem-${letterSlug(label.letter!)}`;
    // A State `Mục 2` is numbered within its chapter, a clause within its article or section, a point within its clause.
    const scoped = !UNSCOPED.has(label.kind) && !(label.kind === 'muc' && label.romanSection);
    const base = scoped && parent !== this.root ? `${parent.id}-${own}` : own;
    return this.prefix && !base.startsWith(`${this.prefix}-`) ? `${this.prefix}-${base}` : base;
  }

  private unique(id: string): string {
    let out = id;
    for (let k = 2; this.used.has(out); k++) out = `${id}-${k}`;
    this.used.add(out);
    return out;
  }
}

function partName(label: Label): string {
  switch (label.kind) {
    case 'phan':
      return `Phần ${label.n}`;
    case 'chuong':
      return `Chương ${roman(label.n).toUpperCase()}`;
    case 'muc':
      return `Mục ${label.romanSection ? roman(label.n).toUpperCase() : label.n}`;
    case 'dieu':
      return `Điều ${label.n}`;
    case 'khoan':
      return `khoản ${label.n}`;
    case 'tieu-khoan':
      return `tiểu mục ${label.parent}.${label.n}`;
    case 'diem':
      return `điểm ${label.letter}`;
    default:
      return `Phụ lục ${label.n}`;
  }
}

/** A block of a body: its text as a reader sees it, and whether it opens an annex (a rule, then a heading). */
export interface Block {
  text: string;
  annex?: boolean;
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|(\d{1,9})[.)])\s+/;
// Markup a block may hold; most hold none, and their text is their Markdown.
const MARKUP = /[<&[\\*_`!#>]/;

const asText = (md: string) => (MARKUP.test(md) ? markdownToText(md) : md).replace(/\s+/g, ' ').trim();

/**
 * The blocks of a body's Markdown, as the page renders them: paragraphs, headings and list items (an ordered item
 * carries its number, `2. ...`, as the page shows it). A rule followed by a heading opens an annex, as on the page.
 */
export function markdownBlocks(md: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let rule = false;
  let listNumber: number | null = null;
  const flush = () => {
    if (!lines.length) return;
    const text = asText(lines.join('\n'));
    lines = [];
    if (text) blocks.push({ text });
  };
  for (const line of md.split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    if (/^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      flush();
      rule = true;
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s/.test(line);
    const item = LIST_ITEM.exec(line);
    if (heading || item) flush();
    if (heading) {
      blocks.push({ text: asText(line), ...(rule ? { annex: true } : {}) });
      rule = false;
      listNumber = null;
      continue;
    }
    rule = false;
    if (item) {
      // An ordered list numbers its items from its first, whatever numbers follow (CommonMark).
      if (item[1] !== undefined) {
        listNumber = listNumber === null ? Number(item[1]) : listNumber + 1;
        lines.push(`${listNumber}. ${line.slice(item[0].length)}`);
      } else lines.push(line.slice(item[0].length));
      continue;
    }
    if (!lines.length) listNumber = null;
    lines.push(line);
  }
  flush();
  return blocks;
}

/** The parts of a body (its Markdown), main text and annexes alike. */
export function bodyParts(md: string): Part[] {
  return readBlocks(markdownBlocks(md)).parts;
}

/** A division's label with nothing after it (`Chương II`, `PHẦN THỨ NHẤT`). */
const LABEL_ONLY = /^(?:phần|chương|mục)\s+(?:thứ\s+\p{L}+|[IVXLC]+|\d{1,3})\s*[.:]?$/iu;

/** An annex's heading in the text (`PHỤ LỤC II`, `PHỤ LỤC`): short, in capitals. */
const isAnnexHeading = (text: string) => text.length <= 200 && text.includes('PHỤ') && ANNEX.test(text.trimStart());

/**
 * Read blocks in order: which part each starts (null for none). An annex (a `PHỤ LỤC` heading, or a rule and a
 * heading: a document issued with this one) starts a scope of its own, numbered in order of appearance.
 */
export function readBlocks(blocks: readonly Block[]): { parts: Part[]; starts: (Part | null)[] } {
  const used = new Set<string>();
  let reader = new ScopeReader('', used);
  let annexes = 0;
  const parts: Part[] = [];
  const starts: (Part | null)[] = [];
  blocks.forEach((b, i) => {
    let part: Part | null;
    if (b.annex || isAnnexHeading(b.text)) {
      annexes++;
      const id = `phu-luc-${annexes}`;
      used.add(id);
      reader = new ScopeReader(id, used);
      part = { kind: 'phu-luc', id, label: `Phụ lục ${annexes}`, title: cut(b.text), depth: 0, block: i };
    } else part = reader.read(b.text, i, annexes ? 1 : 0);
    // `Chương I` on a line of its own, its name on the next (`NHỮNG QUY ĐỊNH CHUNG`): the title is both.
    const next = blocks[i + 1]?.text;
    if (part && next && LABEL_ONLY.test(b.text) && next.length <= 120 && !/\p{Ll}/u.test(next) && !readLabel(next)) {
      part.title = cut(`${part.title}. ${next}`);
    }
    starts.push(part);
    if (part) parts.push(part);
  });
  return { parts, starts };
}

// --- Citations of a part ("điểm a khoản 2 Điều 3 Quyết định số ...") ------------------------------------------------

/** The words that name a part in a citation, smallest first; the reference grammar puts them before the type word. */
export const CITED_PART_TEXT = String.raw`(?:điểm\s+[a-zđ]\s+)?(?:(?:khoản|tiểu\s+mục|mục)\s+\d{1,2}(?:\.\d{1,2})?\s+)?(?:(?:Điều\s+\d{1,3}|Mục\s+[IVXLC]{1,6}|Chương\s+[IVXLC]{1,6}|Phần\s+(?:thứ\s+\p{L}+|[IVXLC]{1,6}|\d{1,2}))\s+)?`;

/**
 * The anchor a cited part has, in the scheme of {@link ScopeReader}: `điểm a khoản 2 Điều 3` → `dieu-3-khoan-2-diem-a`,
 * `tiểu mục 1 Mục II` → `muc-ii-1`, `Chương II` → `chuong-ii`; null when the words name no part.
 */
export function citedPartAnchor(words: string): string | null {
  const t = words.normalize('NFC').replace(/\s+/g, ' ').trim();
  const point = /(?:^|\s)điểm ([a-zđ])(?=\s|$)/iu.exec(t)?.[1]?.toLowerCase();
  const clause = /(?:^|\s)(?:khoản|tiểu mục|mục) (\d{1,2}(?:\.\d{1,2})?)(?=\s|$)/iu.exec(t)?.[1];
  const article = /(?:^|\s)điều (\d{1,3})(?=\s|$)/iu.exec(t)?.[1];
  // Roman numerals in capitals: `mục vi` is no section.
  const section = /(?:^|\s)[Mm]ục ([IVXLC]{1,6})(?=\s|$)/u.exec(t)?.[1];
  const chapter = /(?:^|\s)chương ([IVXLC]{1,6})(?=\s|$)/iu.exec(t)?.[1];
  const part = /(?:^|\s)phần (thứ \p{L}+|[IVXLC]{1,6}|\d{1,2})(?=\s|$)/iu.exec(t)?.[1];
  const clauseId = clause?.replace('.', '-');
  let id: string | null = null;
  if (article) id = `dieu-${article}${clauseId ? `-khoan-${clauseId}` : ''}`;
  else if (section && romanValue(section.toUpperCase())) id = `muc-${section.toLowerCase()}${clauseId ? `-${clauseId}` : ''}`;
  else if (chapter && romanValue(chapter.toUpperCase())) id = `chuong-${chapter.toLowerCase()}`;
  else if (part) id = numberOf(part) ? `phan-${numberOf(part)}` : null;
  else if (clauseId) id = `khoan-${clauseId}`;
  if (point) id = id ? `${id}-diem-${letterSlug(point)}` : `diem-${letterSlug(point)}`;
  return id;
}

/**
 * The anchor of the cited directive that a cited part lands on: the part itself; or the same part in its one
 * annex (a regulation issued with a quyết định is cited by its articles); or, when the cited directive's text does
 * not mark the smaller part, the larger part around it. Null when none is there.
 */
export function landingAnchor(wanted: string, ids: ReadonlySet<string>): string | null {
  for (let id: string | null = wanted; id; id = id.includes('-') ? shorter(id) : null) {
    if (ids.has(id)) return id;
    const inAnnex = [...ids].filter((x) => /^phu-luc-\d+-/.test(x) && x.replace(/^phu-luc-\d+-/, '') === id);
    if (inAnnex.length === 1) return inAnnex[0]!;
  }
  return null;
}

/** `dieu-3-khoan-2-diem-a` → `dieu-3-khoan-2`; `muc-ii-1` → `muc-ii`; `dieu-3` → null. */
function shorter(id: string): string | null {
  const m = /^(.+?)-(?:khoan-|diem-)?[^-]+$/.exec(id);
  const up = m?.[1] ?? null;
  return up && /-/.test(up) ? up : null;
}

/** How a reader names the part an anchor marks, smallest first: `dieu-3-khoan-2-diem-a` → `điểm a khoản 2 Điều 3`. */
export function anchorLabel(id: string): string {
  const annex = /^phu-luc-(\d+)(?:-|$)/.exec(id);
  let rest = annex ? id.slice(annex[0].length) : id;
  const words: string[] = [];
  const steps: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^phan-(\d+)-?/, (m) => `Phần ${m[1]}`],
    [/^chuong-([ivxlc]+)-?/, (m) => `Chương ${m[1]!.toUpperCase()}`],
    [/^muc-([ivxlc]+)-?/, (m) => `Mục ${m[1]!.toUpperCase()}`],
    [/^muc-(\d+)-?/, (m) => `Mục ${m[1]}`],
    [/^dieu-(\d+)-?/, (m) => `Điều ${m[1]}`],
    [/^(?:khoan-)?(\d+(?:-\d+)?)-?/, (m) => `khoản ${m[1]!.replace('-', '.')}`],
    [/^diem-(dd|[a-z])$/, (m) => `điểm ${m[1] === 'dd' ? 'đ' : m[1]}`],
  ];
  for (const [re, name] of steps) {
    const m = re.exec(rest);
    if (!m) continue;
    words.unshift(name(m));
    rest = rest.slice(m[0].length);
  }
  if (annex) words.push(`Phụ lục ${annex[1]}`);
  return words.join(' ');
}
