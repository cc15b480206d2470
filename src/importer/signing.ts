/**
 * The end of a directive: `Nơi nhận` list and the signing block (authority `T/M BAN THƯỜNG VỤ`, `K/T TRƯỞNG BAN`,
 * `KT. CHỦ TỊCH`; office `PHÓ TRƯỞNG BAN`; the signer's name), in either order, possibly as two flattened
 * columns, possibly wrapped in `**`. Lines it cannot place are returned so the caller keeps them in the body.
 */
import { foldVietnamese } from '../model/text.ts';
import { isAllCaps, nameCase, personName } from './casing.ts';
import type { SourceLine } from './input.ts';
import { isListItem, ItemList, NOI_NHAN } from './lists.ts';

// Without a dot or slash the prefix must stand alone (`TM BAN ...`), or `TMĐT` would count.
const AUTHORITY = /^(T\s?\/\s?M|K\s?\/\s?T|T\s?\/\s?L|T\s?\/\s?UQ|TM\.|KT\.|TL\.|TUQ\.|Q\.|(?:TM|KT|TL|TUQ)(?=\s))\s*(\S.*)$/u;

/** `K/T TRƯỞNG BAN` → `K/T Trưởng ban`; null when the text is not an authority line. */
export function readAuthority(text: string): string | null {
  const m = AUTHORITY.exec(text);
  if (!m || !isAllCaps(m[2]!) || m[2]!.length > 80) return null;
  return `${m[1]!.replace(/\s+/g, '')} ${nameCase(m[2]!)}`;
}

const OFFICE =
  /^(pho |q\. |quyen )?(truong|bi thu|chu tich|giam doc|chanh|thuong truc|uy vien|tong|chu nhiem|vien truong|thu truong|thu tuong|bo truong|cuc truong|vu truong|hieu truong|ke toan|chi cuc truong)\b/u;

/** `PHÓ TRƯỞNG BAN`, `GIÁM ĐỐC`: an office printed above the signer's name. */
export function isOffice(text: string): boolean {
  return isAllCaps(text) && text.length <= 80 && OFFICE.test(foldVietnamese(text));
}

/** A personal name: 2–6 capitalised syllables, letters only (`Vương Thúy Hằng`, `NGUYỄN VĂN AN`). */
export function looksLikeName(text: string): boolean {
  const words = text.split(' ');
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}[\p{L}\p{M}]*$/u.test(w));
}

export interface TailResult {
  distribution: string[];
  signer: { name: string; title?: string; authority?: string } | undefined;
  /** Office and authority lines of a signing block whose name the copy lacks (cut, or never printed). */
  unsignedOffice: { title?: string; authority?: string } | undefined;
  /** Lines of the tail that are neither list nor signing (kept in the body by the caller). */
  leftovers: { n: number; text: string }[];
  /** Lines left on the page by the clerk's tools (file paths): skipped, and reported. */
  stray: { n: number; text: string }[];
}

/** `(Đã ký)`, `(đã ký và đóng dấu)`, `[Đã ký]`: the copy says the original was signed. */
export const SIGNED_MARK = /^[([]\s*(đã ký|Đã ký|ĐÃ KÝ)[^)\]]{0,40}[)\]]$/u;
/** A file path left on the page by the clerk's word processor (`d:\2011\CV\...doc`). */
export const FILE_PATH = /^(?:[a-zA-Z]:\\|\\\\|\/home\/|\/Users\/)\S*|^\S+\.(?:docx?|pdf|rtf|odt)$/u;

/**
 * Where the tail starts, looking between `from` and `end`: the first `Nơi nhận` or authority line, or an office line
 * right above the last (name) line.
 */
export function findTailStart(lines: readonly SourceLine[], from: number, end = lines.length): number {
  for (let i = from; i < end; i++) {
    const first = lines[i]!.cells[0];
    if (first && (NOI_NHAN.test(first) || readAuthority(first))) return i;
  }
  // Signed in the head's own name, without authority: `GIÁM ĐỐC` then the name, at the very end.
  const nonBlank: number[] = [];
  for (let i = end - 1; i >= from && nonBlank.length < 3; i--) if (lines[i]!.text && !SIGNED_MARK.test(lines[i]!.text)) nonBlank.push(i);
  const [last, prev] = nonBlank;
  if (last !== undefined && prev !== undefined && looksLikeName(lines[last]!.text) && isOffice(lines[prev]!.text)) return prev;
  return end;
}

/** `GIÁM ĐỐC Nguyễn Văn An` (office and name on one line) → the two parts; null otherwise. */
export function splitOfficeAndName(cell: string): [string, string] | null {
  const m = /^(\p{Lu}[\p{Lu}\p{M}.,/\s]*?[\p{Lu}\p{M}])\s+(\p{Lu}[\p{Ll}\p{M}]+(?:\s\p{Lu}[\p{Ll}\p{M}]*){1,5})$/u.exec(cell);
  return m && isAllCaps(m[1]!) && (isOffice(m[1]!) || !!readAuthority(m[1]!)) && looksLikeName(m[2]!) ? [m[1]!, m[2]!] : null;
}

export function parseTail(lines: readonly SourceLine[], start: number, end = lines.length): TailResult {
  const dist = new ItemList();
  let distStarted = false;
  let lastDistN = -1;
  let gap = false;
  const authorities: string[] = [];
  const titleLines: string[] = [];
  const signLines: { n: number; text: string }[] = [];
  let name: string | null = null;
  let lastTitleN = -1;
  const leftovers: { n: number; text: string }[] = [];
  const stray: { n: number; text: string }[] = [];

  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (!line.text) {
      gap = true;
      continue;
    }
    const cells = line.cells.flatMap((c) => splitOfficeAndName(c) ?? [c]);
    for (const cell of cells) {
      if (SIGNED_MARK.test(cell)) {
        signLines.push({ n: line.n, text: cell });
        continue;
      }
      if (FILE_PATH.test(cell)) {
        stray.push({ n: line.n, text: cell });
        continue;
      }
      const nn = NOI_NHAN.exec(cell);
      if (nn) {
        distStarted = true;
        gap = false;
        lastDistN = line.n;
        const rest = cell.slice(nn[0].length).trim();
        if (rest) dist.add(rest);
        continue;
      }
      const auth = name ? null : readAuthority(cell);
      if (auth) {
        authorities.push(auth);
        signLines.push({ n: line.n, text: cell });
        continue;
      }
      if (distStarted && isListItem(cell)) {
        dist.add(cell);
        lastDistN = line.n;
        gap = false;
        continue;
      }
      const signOpen = !name && (authorities.length > 0 || titleLines.length > 0 || isOffice(cell));
      if (signOpen) {
        if (
          isAllCaps(cell) &&
          (titleLines.length === 0 ? authorities.length > 0 || isOffice(cell) : line.n === lastTitleN + 1 && !looksLikeName(cell))
        ) {
          titleLines.push(cell);
          lastTitleN = line.n;
          signLines.push({ n: line.n, text: cell });
          continue;
        }
        if (looksLikeName(cell)) {
          name = personName(cell);
          signLines.push({ n: line.n, text: cell });
          continue;
        }
      }
      if (distStarted && !gap && line.n === lastDistN + 1 && !isListItem(cell) && dist.continueWith(cell)) {
        lastDistN = line.n;
        continue;
      }
      leftovers.push({ n: line.n, text: cell });
    }
    gap = false;
  }
  let signer: TailResult['signer'];
  let unsignedOffice: TailResult['unsignedOffice'];
  const office: { title?: string; authority?: string } = {};
  if (titleLines.length) office.title = nameCase(titleLines.join(' '));
  if (authorities.length) office.authority = authorities.join(', ');
  if (name) {
    signer = { name, ...office };
  } else {
    // Without a name there is no signer to store; keep its lines rather than lose them.
    if (office.title || office.authority) unsignedOffice = office;
    leftovers.push(...signLines.filter((l) => !SIGNED_MARK.test(l.text)));
    leftovers.sort((a, b) => a.n - b.n);
  }
  return { distribution: dist.items, signer, unsignedOffice, leftovers, stray };
}
