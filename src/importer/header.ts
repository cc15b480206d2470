/**
 * The header: issuer block, `*` or dash rule, title lines, number, place and date, type-name line, subject,
 * the enacting line and `Kính gửi`. Copies flatten the two-column layout every way (one line for both columns,
 * one word per line, `|` table cells), so the header is read as a stream of cells: a cell holding several parts
 * is cut where each part starts, a part wrapped over several cells is joined again, and every part is found by
 * its pattern, never by its position. The header ends at the first cell that is none of them (the body).
 */
import { typeByName, DOC_TYPES, type DocType } from '../model/doc-types.ts';
import { NUMERIC_DATE_TEXT, parseVietnameseDate, toIso, VIETNAMESE_DATE } from '../model/dates.ts';
import { normalizeNumberText, parseNumber, type ParsedNumber } from '../model/numbers.ts';
import { foldVietnamese } from '../model/text.ts';
import { findTitles, NUMBER_START, PLACE_DATE, titleFragmentKind, titleKind, type TitleKind } from './anchors.ts';
import { isAllCaps } from './casing.ts';
import type { SourceLine } from './input.ts';
import { isListItem, ItemList, KINH_GUI, NOI_NHAN } from './lists.ts';

export interface HeaderResult {
  /** From the title lines: `ĐẢNG CỘNG SẢN VIỆT NAM` → party; `CỘNG HÒA ...` → state. */
  familyHint: 'party' | 'state' | null;
  /** `ĐOÀN TNCS HỒ CHÍ MINH` printed as the title line: a document of the Đoàn. */
  doanTitle: boolean;
  /** Issuer block lines in order (capitals, before the number). */
  issuerLines: { n: number; text: string }[];
  number: { raw: string; parsed: ParsedNumber; n: number; printed: string } | null;
  /** `text`: the date line as printed; `index`: its line. */
  date: { iso: string; place: string | undefined; n: number; text: string } | null;
  typeName: { type: DocType; n: number; index: number } | null;
  /** Subject lines; `marker` says where it was found (`V/v`, under the number, after the type name). */
  subject: { text: string; n: number; marker: 'vv' | 'number' | 'type' } | null;
  /** The enacting body's line after the subject (`ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG`): the first line of the body. */
  enacting: { text: string; n: number } | null;
  recipients: string[];
  /** Header cells that are none of the parts (kept at the start of the body, and named in a warning). */
  unplaced: { n: number; text: string }[];
  /** Index into the lines array of the first body line, and the text the body starts with in it. */
  bodyStart: { index: number; text: string };
  /** Line where header reading stopped (the body's first line), for messages. */
  stoppedAt: SourceLine | undefined;
}

// Length checks first: folding is the costly part, and body lines are long.
export const isPartyTitle = (t: string) => t.length <= 40 && titleKind(t) === 'party';
export const isStateTitle = (t: string) => t.length <= 60 && titleKind(t) === 'state';
export const isMotto = (t: string) => t.length <= 60 && titleKind(t) === 'motto';
/**
 * `*`, `-----`, `___`, `=====`, a lone `|`: layout marks; and a character alone on its line, which in a header is the
 * star under the issuer as OCR reads it (`x`, `+`, `°`), never a field.
 */
export const isDecoration = (t: string) => /^[*\-–—_=.~·•|\s]+$/u.test(t) || /^\s*[\p{L}+°º]\s*$/u.test(t);

// `số 1595/QĐ-TTg ...` in small letters at a line's start is a wrapped sentence, not a number line.
const NUMBER_LINE = /^(?:Số|SỐ)\s*:?\s*(?=\d)/u;
/** `Nghị quyết số: 653/2019/UBTVQH14`: the type's name before `số` on the number line. */
const TYPED_NUMBER_LINE = new RegExp(`^(?:${DOC_TYPES.map((t) => t.name).join('|')})\\s+số\\s*:?\\s*(?=\\d)`, 'iu');
const NUMBER_TOKEN = /^\d{1,5}[a-zA-Z]?(?:\s{0,2}(?:[-/]|\s(?=\p{Lu}+\s?\/))\s{0,2}[\p{L}\p{M}\d&]+){1,5}/u;
// The place is optional and is never the word `ngày` itself.
const DATE_LINE = new RegExp(String.raw`^(?:(?!ngày\s)([^\d,]{1,60}?)\s*,?\s+)?${VIETNAMESE_DATE}\s*\.?$`, 'iu');
// Lines arrive with runs of spaces collapsed (input.ts), so the shared single-space pattern suffices.
const NUMERIC_DATE_LINE = new RegExp(String.raw`^(?:(?!ngày\s)([^\d,]{1,60}?)\s*,?\s+)?ngày\s+${NUMERIC_DATE_TEXT}\s*\.?$`, 'iu');
const VV = /^V\s*\/\s*v\b\s*:?\s*/iu;
const VE = /^về\s/iu;
const TONED = /[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

/** The letters of a code cannot carry a tone: `VPĐOÀN` is `VP` with `ĐOÀN` glued on. Index where the tone's syllable starts. */
function tonedCut(token: string): number {
  const m = TONED.exec(token);
  if (!m) return -1;
  let i = m.index;
  while (i > 0 && /[aăâeêioôơuưy]/iu.test(token[i - 1]!)) i--;
  const onset = /(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])$/iu.exec(token.slice(0, i));
  return onset ? i - onset[0].length : i;
}

/** `Số: 2345 / UBND-VX` → number `2345/UBND-VX` and what follows it on the line. */
export function readNumberLine(text: string): { raw: string; printed: string; parsed: ParsedNumber; rest: string } | null {
  const m = NUMBER_LINE.exec(text) ?? (text.length <= 80 ? TYPED_NUMBER_LINE.exec(text) : null);
  if (!m) return null;
  return readNumberToken(text.slice(m[0].length));
}

function readNumberToken(after: string): { raw: string; printed: string; parsed: ParsedNumber; rest: string } | null {
  const tok = NUMBER_TOKEN.exec(after);
  if (!tok) return null;
  let printed = tok[0];
  const cut = tonedCut(printed);
  if (cut > 0) printed = printed.slice(0, cut);
  // Longest prefix of the token that parses: `2345/UBND-VX` even when more text sticks to it.
  let raw = normalizeNumberText(printed);
  let parsed = parseNumber(raw);
  while (!parsed && /[-/][^-/]*$/.test(raw)) {
    raw = raw.replace(/[-/][^-/]*$/, '');
    parsed = parseNumber(raw);
  }
  if (!parsed) return null;
  // What is left after the number as printed (spaces inside the number do not count).
  let consumed = 0,
    seen = 0;
  const squashed = raw.replace(/-/g, '');
  while (consumed < after.length && seen < squashed.length) {
    if (!/[\s-]/.test(after[consumed]!)) seen++;
    consumed++;
  }
  printed = after.slice(0, consumed).trim();
  return { raw, printed, parsed, rest: after.slice(consumed).trim() };
}

/** `NUMBER_START` anchored where it is asked for (sticky), so the shared global pattern's state is never touched. */
const NUMBER_START_AT = new RegExp(NUMBER_START.source, 'uy');

/** End (index in `text`) of the number that starts at the `Số` found at `at`; null when none parses. */
export function numberTokenEnd(text: string, at: number): number | null {
  NUMBER_START_AT.lastIndex = at;
  const start = NUMBER_START_AT.exec(text);
  if (!start) return null;
  const read = readNumberToken(text.slice(at + start[0].length));
  return read ? at + start[0].length + read.printed.length : null;
}

/** `Tuyên Quang, ngày 07 tháng 9 năm 2021` → place and ISO date; null when the line is not a date line. */
export function readDateLine(text: string): { iso: string; place: string | undefined } | null {
  if (text.length > 90) return null;
  const m = DATE_LINE.exec(text) ?? NUMERIC_DATE_LINE.exec(text);
  if (!m) return null;
  const parts = parseVietnameseDate(text.slice(m[1] ? m[1].length : 0));
  if (!parts) return null;
  const place = m[1]?.replace(/\s*,\s*$/, '').trim();
  // A place is a few words of a name, not a sentence.
  if (place && (place.split(' ').length > 6 || /[;:()]/.test(place))) return null;
  return { iso: toIso(parts), place: place || undefined };
}

/** The type-name line (`CHỈ THỊ`, `Kế hoạch`); the shared table first, then a folded comparison for `HOÀ`/`Ð` variants. */
const TYPE_BY_FOLDED = new Map((DOC_TYPES as readonly DocType[]).map((t) => [foldVietnamese(t.name), t]));
const TYPE_NAMES_FOLDED = [...TYPE_BY_FOLDED.keys()].sort((a, b) => b.length - a.length);

export function readTypeName(text: string): DocType | undefined {
  if (text.length > 30 || /[:.,]$/.test(text)) return undefined;
  // Cheap folded lookup first (it runs on every short line); the shared table decides the exact spelling.
  const folded = TYPE_BY_FOLDED.get(foldVietnamese(text).replace(/\s+/g, ' ').trim());
  return folded ? (typeByName(text) ?? folded) : undefined;
}

/**
 * A type name in capitals with its subject on the same line: `HƯỚNG DẪN VỀ THỂ THỨC ...`, `KẾ HOẠCH TRIỂN KHAI ...`.
 * The subject must start with `về`/`V/v`, or the number must already say this type.
 */
export function readTypeLine(text: string, numberTypes: readonly DocType[]): { type: DocType; rest: string } | null {
  if (!isAllCaps(text.split(' ').slice(0, 3).join(' '))) return null;
  const f = foldVietnamese(text);
  for (const name of TYPE_NAMES_FOLDED) {
    if (!f.startsWith(`${name} `)) continue;
    const type = TYPE_BY_FOLDED.get(name)!;
    const rest = text.slice(name.length).trim();
    if (VE.test(rest) || VV.test(rest) || (isAllCaps(rest) && rest.split(' ').length >= 2 && numberTypes.some((t) => t.key === type.key)))
      return { type, rest };
  }
  return null;
}

/** The enacting body's line: `ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG`, `HỘI ĐỒNG NHÂN DÂN TỈNH ... KHÓA VII, KỲ HỌP THỨ 3`, `BỘ TRƯỞNG BỘ Y TẾ`. */
const ENACTING = new RegExp(
  [
    String.raw`^(chu tich )?(uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd)( (tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b.*)?$`,
    String.raw`^(ban bi thu|ban thuong vu|ban chap hanh|ban can su|bo chinh tri|thuong truc|ban thuong truc)\b.*$`,
    String.raw`^(bo truong|thu truong|giam doc|chu tich|chanh van phong|tong cuc truong|cuc truong|vien truong|truong ban|thu tuong)\b.*$`,
    String.raw`^(chinh phu|quoc hoi|uy ban thuong vu quoc hoi|tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy)\b.*$`,
  ].join('|'),
);
export function isEnactingLine(text: string): boolean {
  return (
    text.length <= 140 &&
    isAllCaps(text) &&
    !/\d{3,}|\//.test(text.replace(/KHÓA|KHOÁ|NHIỆM KỲ.*$/u, '')) &&
    ENACTING.test(foldVietnamese(text).replace(/\s+/g, ' '))
  );
}

/** Capitalised sentences that start a body, never a wrapped subject. */
const BODY_OPENING =
  /^(Căn cứ|Thực hiện|Xét|Theo đề nghị|Thi hành|Để|Nhằm|Trong những năm|Những năm|Qua|Thừa lệnh|Ngày \d|Vừa qua|Hiện nay|Trên cơ sở|Tiếp theo)\b/u;
/** Words after which a subject line must go on. */
const CONNECTOR_END =
  /(?:^|\s)(của|và|về|với|cho|tại|đối với|giữa|thuộc|trên|theo|trong|các|những|số|ngày|năm|CỦA|VÀ|VỀ|VỚI|CHO|TẠI|ĐỐI VỚI|GIỮA|THUỘC|TRÊN|THEO|TRONG|CÁC|NHỮNG|SỐ|NGÀY|NĂM|-|,)$/u;

/** Starting pieces of the title lines and of a number or date line, so a part wrapped over cells is joined. */
const isTitleFragment = (t: string) => titleFragmentKind(t) !== null;

/** A type name at the start of a text, any case (`Kế hoạch 155/KH-UBND ...`): the type and the name's length. */
export function readTypeNameAtStart(text: string): { type: DocType; length: number } | null {
  const f = foldVietnamese(text.slice(0, 40));
  for (const name of TYPE_NAMES_FOLDED) if (f.startsWith(`${name} `)) return { type: TYPE_BY_FOLDED.get(name)!, length: name.length };
  return null;
}
const isNumberFragment = (t: string) => /^Số\s*:?$/iu.test(t);
const DATE_FRAGMENT =
  /^(?:\p{Lu}[\p{Ll}\p{M}]*\.?\s?){1,3},?\s*(?:ngày(?:\s+\d{1,2}(?:\s+tháng(?:\s+\d{1,2}(?:\s+năm)?)?)?)?)?$|^(?:(?:\p{Lu}[\p{Ll}\p{M}]*\s)*\p{Lu}[\p{Ll}\p{M}]*,\s*)?ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2})?(?:\s+năm)?$/u;
const isDateFragment = (t: string) => t.length <= 40 && DATE_FRAGMENT.test(t);

interface Item {
  index: number;
  n: number;
  text: string;
  blank: boolean;
}

/**
 * A title, number or date line a copy wrapped over the next cells (`CỘNG` / `HÒA XÃ HỘI ...`): the joined text and
 * how many following cells it took, or null. `next(k)` gives the k-th following cell, undefined past a blank.
 */
export function joinWrappedPart(text: string, next: (k: number) => string | undefined): { text: string; used: number } | null {
  if (!isTitleFragment(text) && !isNumberFragment(text) && !isDateFragment(text)) return null;
  const parts = [text];
  for (let k = 0; k < 3; k++) {
    const more = next(k);
    if (more === undefined) return null;
    parts.push(more);
    const joined = parts.join(' ').replace(/\s+/g, ' ');
    if (titleKind(joined) || readNumberLine(joined) || readDateLine(joined)) return { text: joined, used: k + 1 };
  }
  return null;
}

/** Cut a header cell where a title phrase, a `Số`, or a place and date starts or ends inside it. */
export function explodeCell(text: string): string[] {
  const cuts = new Set<number>();
  for (const t of findTitles(text)) {
    cuts.add(t.start);
    cuts.add(t.end);
  }
  for (const m of text.matchAll(NUMBER_START)) if (m.index > 0) cuts.add(m.index);
  for (const m of text.matchAll(PLACE_DATE)) {
    cuts.add(m.index);
    cuts.add(m.index + m[0].length);
  }
  const sorted = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  if (!sorted.length) return [text];
  const out: string[] = [];
  let from = 0;
  for (const c of [...sorted, text.length]) {
    const piece = text
      .slice(from, c)
      .replace(/^[\s*\-–—_|]+(?=\S)|(?<=\S)[\s\-–—_|]+$/gu, (s) => (/[*]/.test(s) ? s : ''))
      .trim();
    if (piece) out.push(piece);
    from = c;
  }
  return out;
}

/** Structural lines that end a subject or list when they appear. */
function isPattern(t: string): boolean {
  return (
    titleKind(t) !== null ||
    isDecoration(t) ||
    !!readNumberLine(t) ||
    !!readDateLine(t) ||
    KINH_GUI.test(t) ||
    NOI_NHAN.test(t) ||
    !!readTypeName(t) ||
    !!readTypeName(t.replace(/\s*:$/, ''))
  );
}

export interface HeaderOptions {
  /** Types the number's code stands for, once known, to accept `KẾ HOẠCH TRIỂN KHAI ...` on one line. */
  numberTypes?: (n: ParsedNumber) => DocType[];
}

export function parseHeader(lines: readonly SourceLine[], start = 0, opts: HeaderOptions = {}): HeaderResult {
  const r: HeaderResult = {
    familyHint: null,
    doanTitle: false,
    issuerLines: [],
    number: null,
    date: null,
    typeName: null,
    subject: null,
    enacting: null,
    recipients: [],
    unplaced: [],
    bodyStart: { index: lines.length, text: '' },
    stoppedAt: undefined,
  };
  // Items are made lazily: the header is a few dozen cells, the body may be thousands of lines.
  const queue: Item[] = [];
  let nextLine = start;
  const fill = (): boolean => {
    if (nextLine >= lines.length) return false;
    const l = lines[nextLine]!;
    if (!l.text || !l.cells.length) queue.push({ index: nextLine, n: l.n, text: '', blank: true });
    else for (const c of l.cells) for (const piece of explodeCell(c)) queue.push({ index: nextLine, n: l.n, text: piece, blank: false });
    nextLine++;
    return true;
  };
  const pull = (): Item | undefined => {
    while (!queue.length && fill());
    return queue.shift();
  };
  const peek = (k: number): Item | undefined => {
    while (queue.length <= k && fill());
    return queue[k];
  };

  let subjectLines: string[] = [];
  let subjectOpen = false;
  // A blank line after a subject line in lower case: a Word file or a portal that puts every line in a paragraph of
  // its own. Only a line that starts in lower case, or follows a connecting word, goes on the subject across it.
  let subjectGap = false;
  let subjectCaps = false;
  let lastSubjectIndex = -1;
  /** Line of the number or type name, after which a subject may follow. */
  let anchorIndex = -1;
  let expectSubject = false;
  let recipients: ItemList | null = null;
  let recipientsOpen = false;
  let recipientsGap = false;
  let lastRecipientIndex = -1;
  const numberTypes = () => (r.number && opts.numberTypes ? opts.numberTypes(r.number.parsed) : []);

  // The body starts with this item and the rest of its line (a flattened line may hold header and body).
  const stop = (it: Item) => {
    const first = lines[it.index]!;
    const restOfLine = queue.filter((q) => q.index === it.index).map((q) => q.text);
    const text = [it.text, ...restOfLine].join(' ');
    r.bodyStart = { index: it.index, text: first.cells.length === 1 && first.cells[0] === it.text ? first.text : text };
    r.stoppedAt = first;
  };

  for (let it = pull(); it; it = pull()) {
    if (it.blank) {
      if (subjectOpen && !subjectCaps) subjectGap = true;
      if (recipientsOpen) recipientsGap = true;
      continue;
    }
    // A part wrapped over several cells: join it back (`CỘNG` / `HÒA XÃ HỘI ...`, `Lạng Sơn, ngày 13` / `tháng 4 năm 2023`).
    const wrapped = joinWrappedPart(it.text, (k) => {
      const m = peek(k);
      return m && !m.blank ? m.text : undefined;
    });
    if (wrapped) {
      queue.splice(0, wrapped.used);
      it = { ...it, text: wrapped.text };
    }
    const t = it.text;

    // Addressee list in progress.
    if (recipientsOpen && recipients) {
      // After a blank line, only an unfinished list (last item without `.`) goes on.
      if (isListItem(t) && !(recipientsGap && recipients.closed)) {
        recipients.add(t);
        recipientsGap = false;
        lastRecipientIndex = it.index;
        continue;
      }
      if (!recipientsGap && it.index === lastRecipientIndex + 1 && !isPattern(t) && !BODY_OPENING.test(t) && recipients.continueWith(t)) {
        lastRecipientIndex = it.index;
        continue;
      }
      recipientsOpen = false;
    }
    // Wrapped subject line.
    if (subjectOpen && !isPattern(t) && !BODY_OPENING.test(t)) {
      const adjacent = it.index === lastSubjectIndex + 1 || it.index === lastSubjectIndex;
      const prev = subjectLines.at(-1) ?? '';
      if (subjectGap) {
        // Or any line after a word that cannot end a subject (`… năm` / `2016`, `… số` / `19/CT-TTg`).
        if ((/^\p{Ll}/u.test(t) || CONNECTOR_END.test(prev)) && !/[.:;]$/.test(prev) && it.index <= lastSubjectIndex + 3) {
          subjectLines.push(t);
          lastSubjectIndex = it.index;
          subjectGap = false;
          continue;
        }
      } else if (subjectCaps) {
        // A subject in capitals goes on while the lines stay in capitals; the enacting body's line ends it.
        if (!/\p{Ll}/u.test(t) && (adjacent || subjectLines.length < 6) && !(isEnactingLine(t) && !CONNECTOR_END.test(prev))) {
          subjectLines.push(t);
          lastSubjectIndex = it.index;
          continue;
        }
      } else if (adjacent && (/^\p{Ll}/u.test(t) || (t.length <= 120 && !/[.:;]$/.test(prev) && !/[.:;!?]$/.test(t) && !isAllCaps(t)))) {
        // A capitalised line goes on a subject only while it reads as a piece of one: no sentence's full stop.
        subjectLines.push(t);
        lastSubjectIndex = it.index;
        continue;
      }
    }
    if (subjectOpen) subjectOpen = subjectGap = false;

    const title = titleKind(t);
    if (title) {
      noteTitle(r, title);
      continue;
    }
    if (isDecoration(t)) continue;
    if (NOI_NHAN.test(t)) {
      stop(it);
      break;
    }

    const num = r.number ? null : readNumberLine(t);
    if (num) {
      r.number = { raw: num.raw, parsed: num.parsed, n: it.n, printed: num.printed };
      anchorIndex = it.index;
      expectSubject = !r.subject;
      if (num.rest) queue.unshift({ ...it, text: num.rest });
      continue;
    }
    const date = r.date ? null : readDateLine(t);
    if (date) {
      r.date = { ...date, n: it.n, text: t };
      continue;
    }
    const type = r.typeName ? undefined : readTypeName(t);
    if (type) {
      r.typeName = { type, n: it.n, index: it.index };
      anchorIndex = it.index;
      expectSubject = !r.subject;
      continue;
    }
    const typeLine = r.typeName || r.subject ? null : readTypeLine(t, numberTypes());
    if (typeLine) {
      r.typeName = { type: typeLine.type, n: it.n, index: it.index };
      subjectLines = [typeLine.rest];
      subjectOpen = true;
      subjectGap = false;
      subjectCaps = isAllCaps(typeLine.rest);
      lastSubjectIndex = it.index;
      expectSubject = false;
      r.subject = { text: '', n: it.n, marker: 'type' };
      continue;
    }
    const kg = KINH_GUI.exec(t);
    if (kg) {
      recipients = new ItemList();
      recipientsOpen = true;
      recipientsGap = false;
      lastRecipientIndex = it.index;
      const rest = t.slice(kg[0].length).trim();
      if (rest) recipients.add(rest);
      expectSubject = false;
      continue;
    }
    // Subject: right under the number or type name, or after a blank line when it starts with `V/v` / `về`, or in
    // capitals after the type name.
    const adjacent = it.index === anchorIndex + 1 || it.index === anchorIndex;
    // After the type-name line, past a blank: a subject in capitals, or a short line that is no sentence of the body.
    const afterType =
      expectSubject &&
      anchorIndex === r.typeName?.index &&
      !isEnactingLine(t) &&
      !isListItem(t) &&
      (isAllCaps(t) || (t.length <= 160 && !/[.:;]$/.test(t) && !/^\(/.test(t)));
    // `Thực hiện công tác dân vận năm 2022` right under the number is a subject; a longer sentence is the body.
    const opening = BODY_OPENING.test(t) && !(adjacent && t.length <= 150 && !/[.:;,]$/.test(t));
    if ((VV.test(t) && !r.subject) || (expectSubject && (adjacent || VE.test(t) || afterType) && !opening)) {
      const marker = VV.test(t) ? 'vv' : r.typeName && anchorIndex === r.typeName.index ? 'type' : 'number';
      subjectLines = [t];
      subjectOpen = true;
      subjectGap = false;
      subjectCaps = isAllCaps(t.replace(VV, ''));
      lastSubjectIndex = it.index;
      expectSubject = false;
      r.subject = { text: '', n: it.n, marker };
      continue;
    }
    // The enacting body's line right after the subject opens the body.
    if (r.subject && !r.enacting && isEnactingLine(t)) {
      r.enacting = { text: t, n: it.n };
      stop(it);
      break;
    }
    // Issuer block: capitals before the number and the type name.
    if (isAllCaps(t) && !r.number && !r.typeName && !/\d{2,}|\//u.test(t)) {
      r.issuerLines.push({ n: it.n, text: t });
      continue;
    }

    stop(it);
    break;
  }
  if (r.subject) r.subject.text = subjectLines.join(' ').replace(/\s+/g, ' ').trim();
  if (recipients) r.recipients = recipients.items;
  return r;
}

function noteTitle(r: HeaderResult, kind: TitleKind): void {
  if (kind === 'party') r.familyHint ??= 'party';
  else if (kind === 'doan') {
    r.doanTitle = true;
    r.familyHint ??= 'party';
  } else r.familyHint ??= 'state';
}
