/**
 * Input hygiene: bytes → clean NFC text → lines. Detects UTF-8 (with or without BOM), UTF-16 with BOM, and the
 * legacy TCVN3 / VNI encodings (as raw bytes, or already mangled into UTF-8 as Latin-1 mojibake), and refuses
 * binary or undecodable input with a message instead of importing mojibake.
 */
import { normalizeText, withoutForbidden } from '../model/text.ts';
import { decodeLegacy, ENCODING_NAMES, letterStats, syllableShare, type LegacyEncoding } from './encodings.ts';
import { relineFlattened, isFlattenedDocument } from './reline.ts';
import { repairDetachedMarks, repairTokens, scanTokens, splitLiteralBreaks, type Repair } from './repair.ts';

export type InputEncoding = 'utf-8' | 'utf-16' | LegacyEncoding;

export type DecodeResult = { ok: true; text: string; encoding: InputEncoding; warnings: string[] } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function binaryKind(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) return 'tệp PDF';
  if (head.startsWith('PK\u0003\u0004')) return 'tệp nén hoặc Word/Excel (.docx, .xlsx, .zip)';
  if (head.startsWith('\u00D0\u00CF\u0011\u00E0')) return 'tệp Word/Excel đời cũ (.doc, .xls)';
  if (head.startsWith('{\\rtf')) return 'tệp RTF';
  // Control bytes other than tab/newline/form feed do not occur in text.
  let control = 0;
  const n = Math.min(buf.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return 'tệp nhị phân (có byte 0)';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n / 100 ? 'tệp nhị phân' : null;
}

/** A string holding one char per byte, so legacy tables can be applied. */
const latin1 = (buf: Uint8Array) => Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');

/** Try both legacy tables; the better one leaves the fewest non-Vietnamese characters behind. */
function bestLegacy(bytes: string): { encoding: LegacyEncoding; text: string; foreign: number; vietnamese: number } {
  const candidates = (['tcvn3', 'vni'] as const).map((encoding) => {
    const text = decodeLegacy(bytes, encoding).normalize('NFC');
    const s = letterStats(text);
    return { encoding, text, foreign: s.foreign, vietnamese: s.vietnamese };
  });
  candidates.sort((a, b) => a.foreign - b.foreign || b.vietnamese - a.vietnamese);
  return candidates[0]!;
}

/** Legacy text converts cleanly when almost nothing foreign is left and real Vietnamese letters appeared. */
const convertsCleanly = (c: { foreign: number; vietnamese: number; text: string }) =>
  c.vietnamese >= 3 && c.foreign <= Math.max(1, c.vietnamese / 200) && syllableShare(c.text) >= 0.9;

export function decodeInput(buf: Uint8Array): DecodeResult {
  if (buf.length === 0) return { ok: false, reason: 'tệp rỗng' };
  // UTF-16 with BOM (Notepad's "Unicode"): decode before the binary check, which would see its zero bytes.
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    const text = new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buf);
    return finish(text, 'utf-16', []);
  }
  const binary = binaryKind(buf);
  if (binary) return { ok: false, reason: `${binary}, không phải văn bản thuần (.txt); hãy lưu lại dưới dạng văn bản UTF-8` };

  let decoded: string | null = null;
  try {
    decoded = utf8.decode(buf);
  } catch {
    decoded = null;
  }

  if (decoded !== null) {
    const text = decoded.normalize('NFC');
    const stats = letterStats(text);
    // Unicode Vietnamese: specific letters present and (almost) nothing foreign.
    if (stats.foreign === 0 || (stats.specific > 0 && stats.foreign <= stats.vietnamese / 200)) return finish(decoded, 'utf-8', []);
    // Latin-1 look-alikes of legacy bytes saved as UTF-8: map back to bytes and decode the legacy way.
    const onlyLatin1 = ![...text].some((ch) => ch.codePointAt(0)! > 0xff && !/[\u2010-\u2027\u2030-\u203A\u20AC]/u.test(ch));
    if (onlyLatin1 && stats.specific === 0) {
      const best = bestLegacy(text);
      if (convertsCleanly(best)) {
        return finish(best.text, best.encoding, [`đã chuyển từ mã ${ENCODING_NAMES[best.encoding]} (lưu nhầm thành UTF-8) sang Unicode`]);
      }
      return {
        ok: false,
        reason: `văn bản có vẻ ở mã ${ENCODING_NAMES[best.encoding]} nhưng không chuyển được sạch sang Unicode (còn ${best.foreign} ký tự lạ); hãy chuyển mã bằng Unikey rồi nhập lại`,
      };
    }
    if (stats.specific > 0) {
      return {
        ok: false,
        reason: `văn bản lẫn Unicode với ${stats.foreign} ký tự lạ (có thể một phần ở mã TCVN3 hoặc VNI); hãy chuyển mã toàn bộ bằng Unikey rồi nhập lại`,
      };
    }
    return finish(decoded, 'utf-8', [`có ${stats.foreign} ký tự không phải tiếng Việt`]);
  }

  // Not UTF-8: a legacy 8-bit encoding or something we do not know.
  const best = bestLegacy(latin1(buf));
  if (convertsCleanly(best)) return finish(best.text, best.encoding, [`đã chuyển từ mã ${ENCODING_NAMES[best.encoding]} sang Unicode`]);
  if (best.vietnamese >= 3 && syllableShare(best.text) >= 0.6) {
    return {
      ok: false,
      reason: `tệp không phải UTF-8; có vẻ ở mã ${ENCODING_NAMES[best.encoding]} nhưng không chuyển được sạch (còn ${best.foreign} ký tự lạ); hãy chuyển mã bằng Unikey rồi nhập lại`,
    };
  }
  return { ok: false, reason: 'tệp không phải UTF-8 và không nhận ra mã tiếng Việt cũ (TCVN3, VNI); hãy lưu lại dưới dạng UTF-8' };
}

function finish(text: string, encoding: InputEncoding, warnings: string[]): DecodeResult {
  // Control characters carry no text and no library file may hold them (src/model/text.ts).
  const { text: clean, removed } = withoutForbidden(normalizeText(text));
  if (!clean.trim()) return { ok: false, reason: 'tệp rỗng' };
  const notes = removed ? [...warnings, `đã bỏ ${removed} ký tự điều khiển (không in ra được)`] : warnings;
  return { ok: true, text: clean, encoding, warnings: notes };
}

/** One source line: its 1-based number, clean text, and the cells a flattened two-column layout left in it. */
export interface SourceLine {
  /** Line number in the file (lines cut out of one flattened line share it). */
  n: number;
  /** Trimmed, spaces collapsed, stray `**` and table bars at the ends removed. Empty for a blank line. */
  text: string;
  /** `text` split where the layout left 3+ spaces, a tab or a `|` (columns or table cells flattened into one line). */
  cells: string[];
  /** Words in it that are no Vietnamese syllable (repair.ts scanTokens), when there are any. */
  suspects?: string[];
}

/** Clean one piece of a line: stray bold markers, tabs, runs of spaces. */
export function cleanText(s: string): string {
  return s
    .replace(/\*\*/g, '')
    .replace(/[\t\f\v]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export interface LinesResult {
  lines: SourceLine[];
  repairs: Repair[];
  damage: Repair[];
}

/**
 * Split normalised text into lines, repairing what has one right answer on the way (repair.ts): literal `\r\n`
 * escapes become line breaks, a document flattened into one line is cut back into lines, glued tokens are split.
 * `.md` input also loses Markdown heading marks and backslash escapes.
 */
export function toLinesWithRepairs(text: string, opts: { markdown?: boolean } = {}): LinesResult {
  const repairs: Repair[] = [];
  const damage: Repair[] = [];
  const lines: SourceLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const n = i + 1;
    let pieces = [raw];
    const unescaped = splitLiteralBreaks(raw);
    if (unescaped) {
      pieces = unescaped;
      repairs.push({ line: n, what: 'đổi chuỗi «\\r\\n» viết thành chữ thành xuống dòng' });
    }
    pieces = pieces.flatMap((p) => {
      if (!isFlattenedDocument(p)) return [p];
      repairs.push({ line: n, what: 'cả văn bản nằm trên một dòng: đã tách lại thành các dòng' });
      return relineFlattened(p);
    });
    for (let line of pieces) {
      if (opts.markdown) line = line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
      const suspects: string[] = [];
      line = scanTokens(repairDetachedMarks(repairTokens(line, n, repairs), n, repairs, damage), n, repairs, suspects);
      const bars = line.includes('|');
      const cells = line
        .split(bars ? /\t+| {3,}|\s*\|\s*/ : /\t+| {3,}/)
        .map(cleanText)
        .filter((c) => c !== '');
      const text = cleanText(line);
      const l: SourceLine = { n, text: bars ? text.replace(/^\|\s*|\s*\|$/g, '').replace(/^\|$/, '') : text, cells };
      if (suspects.length) l.suspects = suspects;
      lines.push(l);
    }
  });
  return { lines, repairs: dedupeRepairs(repairs), damage };
}

export function toLines(text: string, opts: { markdown?: boolean } = {}): SourceLine[] {
  return toLinesWithRepairs(text, opts).lines;
}

/** One entry per kind of repair and line. */
function dedupeRepairs(list: Repair[]): Repair[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const k = `${r.line}|${r.what}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
