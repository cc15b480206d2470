/**
 * The header: issuer block, `*` or dash rule, title lines, number, place and date, type-name line, subject,
 * and `Kính gửi`. Plain text flattens the two-column layout in any order, so every part is found by its
 * pattern, not by its position; the header ends at the first line that is none of them (the body).
 */
import { typeByName, DOC_TYPES, type DocType } from '../doc-types.ts';
import { NUMERIC_DATE_TEXT, parseVietnameseDate, toIso, VIETNAMESE_DATE } from '../dates.ts';
import { parseNumber, type ParsedNumber } from '../numbers.ts';
import { foldVietnamese } from '../text.ts';
import { isAllCaps } from './casing.ts';
import type { SourceLine } from './input.ts';
import { isListItem, ItemList, KINH_GUI, NOI_NHAN } from './lists.ts';

export interface HeaderResult {
  /** From the title lines: `ĐẢNG CỘNG SẢN VIỆT NAM` → party; `CỘNG HÒA ...` → state. */
  familyHint: 'party' | 'state' | null;
  /** Issuer block lines in order (capitals, before the number). */
  issuerLines: { n: number; text: string }[];
  number: { raw: string; parsed: ParsedNumber; n: number } | null;
  date: { iso: string; place: string | undefined; n: number } | null;
  typeName: { type: DocType; n: number } | null;
  /** Subject lines; `marker` says where it was found (`V/v`, under the number, after the type name). */
  subject: { text: string; n: number; marker: 'vv' | 'number' | 'type' } | null;
  recipients: string[];
  /** Index into the lines array of the first body line, and the cell where the body starts in it. */
  bodyStart: { index: number; cell: number };
  /** Line where header reading stopped (the body's first line), for messages. */
  stoppedAt: SourceLine | undefined;
}

// Length checks first: folding is the costly part, and body lines are long.
export const isPartyTitle = (t: string) => t.length <= 30 && foldVietnamese(t).replace(/\s+/g, ' ') === 'dang cong san viet nam';
export const isStateTitle = (t: string) => t.length <= 45 && foldVietnamese(t).replace(/\s+/g, ' ') === 'cong hoa xa hoi chu nghia viet nam';
export const isMotto = (t: string) => t.length <= 45 && /^doc lap\s*[-–—,]?\s*tu do\s*[-–—,]?\s*hanh phuc\.?$/u.test(foldVietnamese(t));
/** `*`, `-----`, `___`, `=====`: layout marks. */
export const isDecoration = (t: string) => /^[*\-–—_=.~·•\s]+$/u.test(t);

const NUMBER_LINE = /^Số\s*:?\s*(?=\d)/iu;
const NUMBER_TOKEN = /^\d{1,5}[a-zA-Z]?(?:\s{0,2}[-/]\s{0,2}[\p{L}\p{M}\d]+){1,4}/u;
// The place is optional and is never the word `ngày` itself.
const DATE_LINE = new RegExp(String.raw`^(?:(?!ngày\s)([^\d,]{1,60}?)\s*,?\s+)?${VIETNAMESE_DATE}\s*\.?$`, 'iu');
// Lines arrive with runs of spaces collapsed (input.ts), so the shared single-space pattern suffices.
const NUMERIC_DATE_LINE = new RegExp(String.raw`^(?:(?!ngày\s)([^\d,]{1,60}?)\s*,?\s+)?ngày\s+${NUMERIC_DATE_TEXT}\s*\.?$`, 'iu');
const VV = /^V\s*\/\s*v\b\s*:?\s*/iu;
const VE = /^về\s/iu;

/** `Số: 2345 / UBND-VX` → number `2345/UBND-VX` and what follows it on the line. */
export function readNumberLine(text: string): { raw: string; parsed: ParsedNumber; rest: string } | null {
  const m = NUMBER_LINE.exec(text);
  if (!m) return null;
  const after = text.slice(m[0].length);
  const tok = NUMBER_TOKEN.exec(after);
  if (!tok) return null;
  // Longest prefix of the token that parses: `2345/UBND-VX` even when more text sticks to it.
  let raw = tok[0].replace(/\s+/g, '');
  let parsed = parseNumber(raw);
  while (!parsed && /[-/][^-/]*$/.test(raw)) {
    raw = raw.replace(/[-/][^-/]*$/, '');
    parsed = parseNumber(raw);
  }
  if (!parsed) return null;
  // What is left after the number as printed (spaces inside the number do not count).
  let consumed = 0, seen = 0;
  while (consumed < after.length && seen < raw.length) { if (!/\s/.test(after[consumed]!)) seen++; consumed++; }
  return { raw, parsed, rest: after.slice(consumed).trim() };
}

/** `Tuyên Quang, ngày 07 tháng 9 năm 2021` → place and ISO date; null when the line is not a date line. */
export function readDateLine(text: string): { iso: string; place: string | undefined } | null {
  const m = DATE_LINE.exec(text) ?? NUMERIC_DATE_LINE.exec(text);
  if (!m) return null;
  const parts = parseVietnameseDate(text.slice(m[1] ? m[1].length : 0));
  if (!parts) return null;
  const place = m[1]?.replace(/\s*,\s*$/, '').trim();
  return { iso: toIso(parts), place: place || undefined };
}

/** The type-name line (`CHỈ THỊ`, `Kế hoạch`); the shared table first, then a folded comparison for `HOÀ`/`Ð` variants. */
const TYPE_BY_FOLDED = new Map((DOC_TYPES as readonly DocType[]).map((t) => [foldVietnamese(t.name), t]));

export function readTypeName(text: string): DocType | undefined {
  if (text.length > 30 || /[:.,]$/.test(text)) return undefined;
  // Cheap folded lookup first (it runs on every short line); the shared table decides the exact spelling.
  const folded = TYPE_BY_FOLDED.get(foldVietnamese(text).replace(/\s+/g, ' ').trim());
  return folded ? typeByName(text) ?? folded : undefined;
}

interface Item { index: number; cell: number; n: number; text: string; blank: boolean }

/** Structural lines that end a subject or list when they appear. */
function isPattern(t: string): boolean {
  return isPartyTitle(t) || isStateTitle(t) || isMotto(t) || isDecoration(t) || !!readNumberLine(t) || !!readDateLine(t)
    || KINH_GUI.test(t) || NOI_NHAN.test(t) || !!readTypeName(t);
}

export function parseHeader(lines: readonly SourceLine[]): HeaderResult {
  const r: HeaderResult = {
    familyHint: null, issuerLines: [], number: null, date: null, typeName: null, subject: null, recipients: [],
    bodyStart: { index: lines.length, cell: 0 }, stoppedAt: undefined,
  };
  const items: Item[] = [];
  lines.forEach((l, index) => {
    if (!l.text) items.push({ index, cell: 0, n: l.n, text: '', blank: true });
    else l.cells.forEach((text, cell) => items.push({ index, cell, n: l.n, text, blank: false }));
  });

  let subjectLines: string[] = [];
  let subjectOpen = false;
  let lastSubjectN = -1;
  /** Line of the number or type name, after which a subject may follow. */
  let anchorN = -1;
  let expectSubject = false;
  let recipients: ItemList | null = null;
  let recipientsOpen = false;
  let recipientsGap = false;
  let lastRecipientN = -1;

  const closeSubject = () => { subjectOpen = false; };

  for (const it of items) {
    if (it.blank) { if (subjectOpen) closeSubject(); if (recipientsOpen) recipientsGap = true; continue; }
    const t = it.text;

    // Addressee list in progress.
    if (recipientsOpen && recipients) {
      // After a blank line, only an unfinished list (last item without `.`) goes on.
      if (isListItem(t) && !(recipientsGap && recipients.closed)) { recipients.add(t); recipientsGap = false; lastRecipientN = it.n; continue; }
      if (!recipientsGap && it.n === lastRecipientN + 1 && !isPattern(t) && recipients.continueWith(t)) { lastRecipientN = it.n; continue; }
      recipientsOpen = false;
    }
    // Wrapped subject line.
    if (subjectOpen && (it.n === lastSubjectN + 1 || it.n === lastSubjectN) && !isPattern(t)
      && (/^\p{Ll}/u.test(t) || (t.length <= 120 && !/[.:;]$/.test(subjectLines.at(-1) ?? '')))) {
      subjectLines.push(t); lastSubjectN = it.n; continue;
    }
    if (subjectOpen) closeSubject();

    if (isPartyTitle(t)) { r.familyHint ??= 'party'; continue; }
    if (isStateTitle(t) || isMotto(t)) { r.familyHint ??= 'state'; continue; }
    if (isDecoration(t)) continue;
    if (NOI_NHAN.test(t)) { r.bodyStart = { index: it.index, cell: it.cell }; r.stoppedAt = lines[it.index]; break; }

    const num = r.number ? null : readNumberLine(t);
    if (num) {
      r.number = { raw: num.raw, parsed: num.parsed, n: it.n };
      anchorN = it.n; expectSubject = !r.subject;
      if (num.rest) {
        const d = readDateLine(num.rest);
        if (d && !r.date) r.date = { ...d, n: it.n };
        else if (!r.subject) { subjectLines = [num.rest]; subjectOpen = true; lastSubjectN = it.n; r.subject = { text: '', n: it.n, marker: VV.test(num.rest) ? 'vv' : 'number' }; }
      }
      continue;
    }
    const date = r.date ? null : readDateLine(t);
    if (date) { r.date = { ...date, n: it.n }; continue; }
    const type = r.typeName ? undefined : readTypeName(t);
    if (type) {
      r.typeName = { type, n: it.n }; anchorN = it.n;
      expectSubject = !r.subject;
      continue;
    }
    const kg = KINH_GUI.exec(t);
    if (kg) {
      recipients = new ItemList(); recipientsOpen = true; recipientsGap = false; lastRecipientN = it.n;
      const rest = t.slice(kg[0].length).trim();
      if (rest) recipients.add(rest);
      expectSubject = false;
      continue;
    }
    // Subject: right under the number or type name, or after a blank line when it starts with `V/v` / `về`.
    const adjacent = it.n === anchorN + 1 || it.n === anchorN;
    if ((VV.test(t) && !r.subject) || (expectSubject && (adjacent || VE.test(t)))) {
      const marker = VV.test(t) ? 'vv' : anchorN === r.typeName?.n ? 'type' : 'number';
      subjectLines = [t]; subjectOpen = true; lastSubjectN = it.n; expectSubject = false;
      r.subject = { text: '', n: it.n, marker };
      continue;
    }
    // Issuer block: capitals before the number and the type name.
    if (isAllCaps(t) && !r.number && !r.typeName) { r.issuerLines.push({ n: it.n, text: t }); continue; }

    r.bodyStart = { index: it.index, cell: it.cell };
    r.stoppedAt = lines[it.index];
    break;
  }
  if (r.subject) r.subject.text = subjectLines.join(' ').replace(/\s+/g, ' ').trim();
  if (recipients) r.recipients = recipients.items;
  return r;
}
