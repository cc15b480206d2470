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
import { parseNumber } from '../numbers.ts';
import { foldVietnameseNoSpaces } from '../text.ts';
import { isDecoration, isMotto, isPartyTitle, isStateTitle, readDateLine, readNumberLine, readTypeName } from './header.ts';
import type { SourceLine } from './input.ts';
import { KINH_GUI, NOI_NHAN } from './lists.ts';

export interface CoverageInput {
  lines: readonly SourceLine[];
  data: Record<string, unknown>;
  body: string;
  /** Header lines and names of the issuer and its parents, from the registry. */
  issuerTexts: readonly string[];
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
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

/** Source lines (or cells of a flattened two-column line) not found in the output. */
export function unaccountedLines(input: CoverageInput): { n: number; text: string }[] {
  const { data } = input;
  const number = typeof data['number'] === 'string' ? parseNumber(data['number']) : null;
  const family = number?.family;
  const hay = squash([...strings(data, []), unescapeMarkdown(input.body), ...input.issuerTexts].join('\n'));
  const missing: { n: number; text: string }[] = [];
  let from = 0;

  const accounted = (cell: string): boolean => {
    if (isDecoration(cell)) return true;
    if (isPartyTitle(cell)) return family === 'party';
    if (isStateTitle(cell) || isMotto(cell)) return family === 'state';
    let t = cell.replace(KINH_GUI, '').replace(NOI_NHAN, '');
    const num = readNumberLine(t);
    if (num) {
      if (squash(num.raw) !== squash(String(data['number'] ?? ''))) return false;
      t = num.rest;
    }
    const date = readDateLine(t);
    if (date && date.iso === data['issued'] && (!date.place || squash(date.place) === squash(String(data['place'] ?? '')))) return true;
    const type = readTypeName(t);
    if (type && type.key === data['type']) return true;
    t = t.replace(/^V\s*\/\s*v\b\s*:?\s*/iu, '').replace(/^[-–—+•∙*]\s*/u, '').replace(/[\s,;.]+$/u, '');
    const needle = squash(t);
    if (!needle) return true;
    // Lines mostly come in the same order in the output: look after the last one found first.
    let at = hay.indexOf(needle, from);
    if (at < 0 && from > 0) at = hay.indexOf(needle);
    if (at < 0) return false;
    from = at + needle.length;
    return true;
  };

  for (const line of input.lines) {
    if (!line.text) continue;
    for (const cell of line.cells) if (!accounted(cell)) missing.push({ n: line.n, text: cell });
  }
  return missing;
}
