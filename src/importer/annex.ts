/**
 * A document issued with the directive (`Quy định ... ban hành kèm theo Quyết định số ...`) often follows it in the
 * same text, after the signing block, with a header of its own. It is kept as an annex of the directive: its own
 * heading (an anchor on the page) and its text. A second header with a number of its own is another directive in
 * the same file, and refused: it must be imported from a file of its own.
 */
import { numberKey, type ParsedNumber } from '../model/numbers.ts';
import { titleKind } from './anchors.ts';
import { bodyToMarkdown, mdastToMarkdown } from './body.ts';
import { isAllCaps } from './casing.ts';
import { isDecoration, parseHeader, readTypeName } from './header.ts';
import type { SourceLine } from './input.ts';

const ANNEX_TITLE = /^(PHỤ LỤC|Phụ lục)(\s+(?:[IVXLC]+|\d+|SỐ\s+\d+))?\s*[.:]?$/u;
const ATTACHED = /^\(?\s*(Ban hành|ban hành|BAN HÀNH)\s+kèm\s+theo/u;

const nonBlank = (lines: readonly SourceLine[], from: number, count: number): number[] => {
  const out: number[] = [];
  for (let i = from; i < lines.length && out.length < count; i++) if (lines[i]!.text) out.push(i);
  return out;
};

/**
 * Where an attached document starts after the body (at or after `from`), or `lines.length`. It starts at a
 * title line, at an issuer line over a rule or title, at `PHỤ LỤC`, or at a type name followed by `Ban hành kèm
 * theo ...`; issuer lines right above are part of it.
 */
export function findAnnexStart(lines: readonly SourceLine[], from: number): number {
  let signed = false;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    const first = l.cells[0] ?? '';
    if (/^(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|Nơi nhận)/iu.test(first)) signed = true;
    if (!signed) continue;
    const next = nonBlank(lines, i + 1, 4).map((k) => lines[k]!);
    const titled = l.cells.some((c) => titleKind(c) !== null && titleKind(c) !== 'motto');
    const issuerOverRule =
      isAllCaps(l.text) &&
      !readTypeName(l.text) &&
      next[0] &&
      (isDecoration(next[0].text) || next[0].cells.some((c) => titleKind(c) !== null));
    const typed =
      l.cells.length === 1 &&
      isAllCaps(l.text) &&
      (!!readTypeName(l.text) || ANNEX_TITLE.test(l.text)) &&
      next.some((x) => ATTACHED.test(x.text));
    if (titled || issuerOverRule || typed || ANNEX_TITLE.test(l.text)) {
      // Issuer lines right above belong to the annex's header.
      let s = i;
      for (let k = i - 1; k > from; k--) {
        const p = lines[k]!;
        if (!p.text) continue;
        if (isAllCaps(p.text) && !/^(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.)/u.test(p.text) && !/\d/.test(p.text) && titled) {
          s = k;
          continue;
        }
        break;
      }
      return s;
    }
  }
  return lines.length;
}

export type AnnexResult = { ok: true; markdown: string; title: string } | { ok: false; reason: string; line: number };

/** The annex as Markdown: a heading (its type and subject), a line with its header, then its text. */
export function parseAnnex(lines: readonly SourceLine[], start: number, own: ParsedNumber): AnnexResult {
  const h = parseHeader(lines, start);
  if (h.number) {
    const same = numberKey(h.number.parsed) === numberKey(own);
    return {
      ok: false,
      line: h.number.n,
      reason: same
        ? `văn bản số ${own.raw} có hai lần trong cùng tệp (lần thứ hai ở dòng ${h.number.n}); xóa bản thừa rồi nhập lại`
        : `tệp có hai văn bản: số ${own.raw} và số ${h.number.raw} (dòng ${h.number.n}); tách thành hai tệp rồi nhập lại`,
    };
  }
  const typeLine = h.typeName
    ? (lines[h.typeName.index]?.cells.find((c) => readTypeName(c)) ?? h.typeName.type.name.toLocaleUpperCase('vi'))
    : '';
  const title = [typeLine, h.subject?.text].filter(Boolean).join(' ') || 'PHỤ LỤC';
  const headerParts = [...h.issuerLines.map((l) => l.text), ...(h.date ? [h.date.text] : [])];
  // A rule, then the heading: how the site knows an annex (src/html/annexes.ts) and shows it after the signing block.
  const heading = mdastToMarkdown({
    type: 'root',
    children: [{ type: 'thematicBreak' }, { type: 'heading', depth: 2, children: [{ type: 'text', value: title }] }],
  });
  const intro = headerParts.length ? bodyToMarkdown([`(${headerParts.join(' · ')})`]) : '';
  const rest: string[] = [];
  for (let i = h.bodyStart.index; i < lines.length; i++) rest.push(i === h.bodyStart.index ? h.bodyStart.text : lines[i]!.text);
  return { ok: true, markdown: `${heading}\n${intro}${intro ? '\n' : ''}${bodyToMarkdown(rest)}`, title };
}
