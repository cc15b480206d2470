/**
 * The reference grammar: how one directive cites another in running text.
 *   type word · optional `số` · number (Party, State or legal form) · optional date · optional issuing body
 * e.g. `Chương trình số 21-CTr/TU, ngày 18/02/2022 của Ban Thường vụ Tỉnh ủy`,
 *      `Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997`, `Chỉ thị 16/CT-TTg`.
 * Used by the site (links), the validator (warnings) and the catalog; one module, one grammar.
 */
import { DOC_TYPES, typeByName } from './doc-types.ts';
import { NUMERIC_DATE_TEXT, parseVietnameseDate, toIso, WORDED_DATE_TEXT } from './dates.ts';
import { normalizeNumberText, numberInText, parseNumber, type ParsedNumber } from './numbers.ts';
import type { RELATION_KINDS } from './schema.ts';
import { CITED_PART_TEXT } from './structure.ts';

export type RelationKind = (typeof RELATION_KINDS)[number];

export interface FoundReference {
  /** The whole citation as written. */
  text: string;
  start: number;
  end: number;
  /** Number as written (`21-CTr/TU`). */
  number: string;
  parsed: ParsedNumber;
  /** Type key named by the type word, when it names one (`Văn bản` does not). */
  type: string | null;
  /** ISO date when the citation gives one. */
  issued: string | null;
  /** Issuing body as written (`Ban Thường vụ Tỉnh ủy`, `Bộ Chính trị khóa XI`). */
  body: string | null;
  /** What the words before the citation say it is to the citing directive. */
  kind: RelationKind;
  /** The part of the cited directive named before it, as written (`điểm a khoản 2 Điều 3`), or null. */
  part: string | null;
}

/** Words that introduce a cited document; `Văn bản` is how a công văn is usually cited. */
const TYPE_WORDS = [...DOC_TYPES.map((t) => t.name), 'Văn bản', 'Luật', 'Pháp lệnh', 'Điều lệ']
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'));

const DATE = `${NUMERIC_DATE_TEXT}|${WORDED_DATE_TEXT}`;
/** A body name runs until a word that starts the rest of the sentence, or punctuation. */
const BODY = String.raw`[\p{Lu}][^,;.()\n]*?(?=\s+(?:về|nhằm|và|theo|để|trong|đã|đến|tại|năm|giai\s+đoạn|quy\s+định|ban\s+hành|hướng\s+dẫn|hết\s+hiệu\s+lực|không\s+còn|kể\s+từ)(?![\p{L}\p{M}])|\s*[,;.()\n]|\s*$)`;

const REFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:(?<part>${CITED_PART_TEXT})(?:của\s+)?)?(?<type>${TYPE_WORDS.join('|')})` +
    String.raw`(?:\s+của\s+(?<bodyBefore>[\p{Lu}][^,;.()\n]*?)(?=\s+số))?` +
    String.raw`\s+(?:số\s*:?\s*)?(?<number>${numberInText()})(?![\p{L}\p{M}\d/-])` +
    String.raw`(?:\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(?<date>${DATE}))?` +
    String.raw`(?:\s*,?\s*của\s+(?<body>${BODY}))?`,
  'giu',
);

const KIND_CUES: [RegExp, RelationKind][] = [
  [/thay\s+thế\s*$/iu, 'replaces'],
  [/sửa\s+đổi,?\s*(?:bổ\s+sung\s*)?(?:một\s+số\s+điều\s+(?:của\s+)?)?$/iu, 'amends'],
  [/bãi\s+bỏ\s*$/iu, 'repeals'],
  [/hướng\s+dẫn\s+thực\s+hiện\s*$/iu, 'guides'],
  [/căn\s+cứ\s*$/iu, 'based-on'],
  [/(?:thực\s+hiện|triển\s+khai|quán\s+triệt)(?:\s+tốt)?\s*$/iu, 'implements'],
];

/** Words after a citation that end its force: "Chỉ thị số 05-CT/TU ... hết hiệu lực kể từ ngày ...". */
const ENDED_AFTER = /^[^.;\n]{0,60}?(?<![\p{L}\p{M}])(?:(?:đã|sẽ)\s+)?(?:hết\s+hiệu\s+lực|không\s+còn\s+hiệu\s+lực)(?![\p{L}\p{M}])/iu;

/** What the citation is to the citing directive: from the words before it, or a repeal said after it. */
function relationKind(text: string, start: number, end: number): RelationKind {
  const before = text.slice(Math.max(0, start - 60), start);
  for (const [cue, kind] of KIND_CUES) if (cue.test(before)) return kind;
  // Never the citing directive's own ending ("Chỉ thị này hết hiệu lực khi ..."): the words must follow the citation.
  if (ENDED_AFTER.test(text.slice(end, end + 120))) return 'repeals';
  return 'cites';
}

/**
 * Every citation in `text`. A directive's mention of itself ("Công văn này") has no number and is
 * not found; pass `ownNumber` to drop undated citations of the directive's own number as well.
 */
export function findReferences(text: string, ownNumber?: string): FoundReference[] {
  const out: FoundReference[] = [];
  const own = ownNumber ? parseNumber(ownNumber) : null;
  for (const m of text.normalize('NFC').matchAll(REFERENCE)) {
    const g = m.groups!;
    const number = normalizeNumberText(g['number']!);
    const parsed = parseNumber(number);
    if (!parsed) continue;
    const date = g['date'] ? parseVietnameseDate(g['date']) : null;
    // Its own number, undated, is the directive itself; dated, it is an earlier one of the same number (numbering
    // starts again each term: "Chỉ thị này thay thế Chỉ thị số 05-CT/TU ngày 01/6/2011"), which resolution tells apart.
    if (own && !date && own.raw.replace(/\s+/g, '').toLowerCase() === number.toLowerCase()) continue;
    out.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      number,
      parsed,
      type: typeByName(g['type']!.replace(/\s+/g, ' '))?.key ?? null,
      issued: date ? toIso(date) : null,
      body: (g['body'] ?? g['bodyBefore'] ?? '').trim() || null,
      kind: relationKind(text, m.index, m.index + m[0].length),
      part: g['part']?.trim() || null,
    });
  }
  return out;
}
