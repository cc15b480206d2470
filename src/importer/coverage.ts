/**
 * "Nothing lost": every non-empty source line must be found in the frontmatter or the body. Text is compared
 * folded (foldVietnamese) with all whitespace removed, so case changes (`K/T TRƯỞNG BAN` → `K/T Trưởng ban`),
 * wrapping and spacing do not matter. Lines the output keeps only through a field that implies them:
 *   - `*`, dash/underscore rules                       → layout only
 *   - `ĐẢNG CỘNG SẢN VIỆT NAM`                          → a Party document (family of the number)
 *   - `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc` → a State document
 *   - `Số ...`                                          → `number` (rest of the line checked as text)
 *   - `<place>, ngày .. tháng .. năm ....`              → `issued` and `place`
 *   - the type-name line (`CHỈ THỊ`)                     → `type`
 *   - `Kính gửi:`, `Nơi nhận:` labels, `V/v`, list markers, trailing `,;.` → dropped; the rest checked as text
 *   - issuer block lines                                → the issuer's `header` and names in the registry (passed in)
 */
import { parseNumber } from '../model/numbers.ts';
import { foldVietnameseNoSpaces } from '../model/text.ts';
import {
  explodeCell,
  isDecoration,
  isMotto,
  isPartyTitle,
  isStateTitle,
  joinWrappedPart,
  readDateLine,
  readNumberLine,
  readTypeName,
} from './header.ts';
import { titleKind } from './anchors.ts';
import type { SourceLine } from './input.ts';
import { SIGNED_MARK, splitOfficeAndName } from './signing.ts';
import { KINH_GUI, NOI_NHAN } from './lists.ts';

export interface CoverageInput {
  lines: readonly SourceLine[];
  data: Record<string, unknown>;
  body: string;
  /** Header lines and names of the issuer and its parents, from the registry. */
  issuerTexts: readonly string[];
  /** Line numbers the import report lists as skipped (portal chrome, metadata, a news lead). */
  skipped?: ReadonlySet<number> | undefined;
  /** What the report's warnings and guesses say: a line they quote is accounted for (`«Y BAN NHÂN DÂN» là ...`). */
  named?: readonly string[] | undefined;
}

const squash = foldVietnameseNoSpaces;

/** Markdown escapes and character references back to text, so `1\.` and `\*` compare equal to the source. */
export function unescapeMarkdown(md: string): string {
  return md
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|lt|gt|quot);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[n as 'amp']);
}

function strings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** Source lines (or cells of a flattened two-column line) not found in the output. */
export function unaccountedLines(input: CoverageInput): { n: number; text: string }[] {
  const { data } = input;
  const number = typeof data['number'] === 'string' ? parseNumber(data['number']) : null;
  const family = number?.family;
  const hay = squash([...strings(data, []), unescapeMarkdown(input.body), ...input.issuerTexts, ...(input.named ?? [])].join('\n'));
  const missing: { n: number; text: string }[] = [];
  let from = 0;

  const doan = input.issuerTexts.some((t) => /đoàn tncs|đoàn thanh niên/iu.test(t));
  const accounted = (cell: string): boolean => {
    if (isDecoration(cell) || SIGNED_MARK.test(cell)) return true;
    if (isPartyTitle(cell)) return family === 'party';
    if (isStateTitle(cell) || isMotto(cell)) return family === 'state';
    if (titleKind(cell) === 'doan' && doan) return true;
    let t = cell.replace(KINH_GUI, '').replace(NOI_NHAN, '');
    const num = readNumberLine(t);
    // The number line stands for `number`; any other `Số ...` line is text like the rest.
    if (num && squash(num.raw) === squash(String(data['number'] ?? ''))) t = num.rest;
    const date = readDateLine(t);
    if (date && date.iso === data['issued'] && (!date.place || squash(date.place) === squash(String(data['place'] ?? '')))) return true;
    const type = readTypeName(t);
    if (type && type.key === data['type']) return true;
    t = t
      .replace(/^V\s*\/\s*v\b\s*:?\s*/iu, '')
      .replace(/^[-–—+•∙*]\s*/u, '')
      .replace(/[\s,;.]+$/u, '');
    const needle = squash(t);
    if (!needle) return true;
    // Lines mostly come in the same order in the output: look after the last one found first.
    let at = hay.indexOf(needle, from);
    if (at < 0 && from > 0) at = hay.indexOf(needle);
    if (at < 0) return false;
    from = at + needle.length;
    return true;
  };

  // Cells in order, a blank line as a gap: a title or date wrapped over cells is read joined, as the header does.
  const cells: ({ n: number; text: string } | null)[] = [];
  for (const line of input.lines) {
    if (!line.text || input.skipped?.has(line.n)) {
      if (!line.text) cells.push(null);
      continue;
    }
    for (const text of line.cells) cells.push({ n: line.n, text });
  }
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (!c) continue;
    const wrapped = joinWrappedPart(c.text, (k) => cells[i + 1 + k]?.text);
    if (wrapped && accounted(wrapped.text)) {
      i += wrapped.used;
      continue;
    }
    // A cell the header read as several parts (both columns on one line) is checked part by part.
    // (and an office with the signer's name on its line, part by part).
    const parts = (t: string) => explodeCell(t).flatMap((p) => splitOfficeAndName(p) ?? [p]);
    if (!accounted(c.text) && !parts(c.text).every(accounted)) missing.push(c);
  }
  return missing;
}
