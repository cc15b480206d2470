/**
 * What a portal puts around a document: chrome (menus, search boxes, "Đang tải ..."), the page title ("Kế hoạch
 * 155/KH-UBND năm 2017 triển khai ..."), and a metadata table ("Số hiệu | 18/2025/NQ-HĐND |", "Người ký: ...").
 * The document starts at its header; what comes before is reported as skipped, and the title and the table are
 * kept as evidence: they may fill a field the printed text lacks, and a disagreement with the print is a warning.
 */
import { parseVietnameseDate, toIso } from '../model/dates.ts';
import type { DocType } from '../model/doc-types.ts';
import { foldVietnamese } from '../model/text.ts';
import { explodeCell, isDecoration, readDateLine, readNumberLine, readTypeNameAtStart } from './header.ts';
import { titleFragmentKind, titleKind } from './anchors.ts';
import { isAllCaps } from './casing.ts';
import type { SourceLine } from './input.ts';

export interface PortalMetadata {
  number?: string;
  typeName?: string;
  issuer?: string;
  signer?: string;
  issued?: string;
  /** The page title, when it names the document: its type, number and the rest (the subject). */
  pageTitle?: { type: DocType | undefined; number: string | undefined; subject: string; n: number };
}

export interface Skipped {
  from: number;
  to: number;
  kind: 'chrome' | 'metadata' | 'page-title' | 'lead' | 'trailer';
  text: string;
}

const KEYS: [RegExp, keyof PortalMetadata | null][] = [
  [/^(so hieu|so ky hieu|ky hieu)$/, 'number'],
  [/^loai van ban$/, 'typeName'],
  [/^(noi ban hanh|co quan ban hanh|don vi ban hanh)$/, 'issuer'],
  [/^(nguoi ky|nguoi ky duyet)$/, 'signer'],
  [/^ngay ban hanh$/, 'issued'],
  [
    /^(ngay hieu luc|ngay co hieu luc|ngay cong bao|so cong bao|tinh trang|tinh trang hieu luc|linh vuc|linh vuc, nganh|ngay het hieu luc|ngay dang|nguon|chuc danh|trich yeu|cap co quan)$/,
    null,
  ],
];
const KEY_WORDS =
  /(Số hiệu|Số ký hiệu|Ký hiệu|Loại văn bản|Nơi ban hành|Cơ quan ban hành|Đơn vị ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày có hiệu lực|Ngày công báo|Số công báo|Tình trạng hiệu lực|Tình trạng|Lĩnh vực|Ngày hết hiệu lực|Ngày đăng|Nguồn|Chức danh|Trích yếu|Cấp cơ quan)\s*[:|]?\s*/gu;

/** `Số hiệu: 66-QĐ/TW Loại văn bản: Quy định` or `Số hiệu | 18/2025/NQ-HĐND |`: the pairs, or null for another line. */
export function readMetadataLine(text: string): [keyof PortalMetadata | null, string][] | null {
  const found = [...text.matchAll(KEY_WORDS)];
  if (!found.length || found[0]!.index !== 0) return null;
  const out: [keyof PortalMetadata | null, string][] = [];
  found.forEach((m, i) => {
    const value = text
      .slice(m.index + m[0].length, found[i + 1]?.index ?? text.length)
      .replace(/[|\s]+$/u, '')
      .trim();
    const key = foldVietnamese(m[1]!);
    const slot = KEYS.find(([re]) => re.test(key));
    out.push([slot ? slot[1] : null, value]);
  });
  return out;
}

/** The document's own title line on the page: `Quyết định 66-QĐ/TW thể loại ...`, `QUY ĐỊNH 66-QĐ/TW VỀ ...`. */
function readPageTitle(text: string, n: number): PortalMetadata['pageTitle'] | null {
  const type = readTypeNameAtStart(text);
  if (!type) return null;
  const after = text
    .slice(type.length)
    .trim()
    .replace(/^số\s*:?\s*/iu, '');
  const num = readNumberLine(`Số ${after}`);
  if (!num) return null;
  const subject = num.rest.replace(/^(năm|ngày)\s+[\d/.-]+\s*/iu, '').trim();
  return { type: type.type, number: num.raw, subject, n };
}

/** Phrases of portal chrome that can stand anywhere in a copied page, even inside the document's text. */
const CHROME =
  /^(Đang tải( nội dung| văn bản)?.*|Tải bản đầy đủ.*|Tải về.*|Bạn đang xem bản rút gọn.*|Bạn chưa đăng nhập.*|Đăng nhập|Đăng ký|Quên mật khẩu.*|Từ kh[oó]a:.*|Tìm kiếm.*|In văn bản|Lưu văn bản|Chia sẻ.*|Theo dõi văn bản.*|Văn bản liên quan.*|Mục lục văn bản.*|Chung nhan Tin Nhiem Mang|Chứng nhận Tín Nhiệm Mạng|Hệ thống pháp luật|Thư viện pháp luật)$/iu;
export const isChrome = (t: string) => t.length <= 120 && CHROME.test(t);

/** Does this line start a header: a title line, a number line, a place and date, or the start of one of them wrapped? */
function headerAnchor(l: SourceLine): string | null {
  for (const c of l.cells.flatMap(explodeCell)) {
    const title = titleKind(c) ?? titleFragmentKind(c);
    if (title) return title;
    if (readNumberLine(c) || /^Số\s*:?$/iu.test(c)) return 'number';
    if (readDateLine(c)) return 'date';
  }
  return null;
}

const issuerish = (l: SourceLine) =>
  l.cells.length > 0 && l.cells.every((c) => isAllCaps(c) && c.length <= 100 && !/\d{2,}|\//.test(c) && !isChrome(c));

export interface Located {
  /** Index of the header's first line; null when the text has no formal header. */
  start: number | null;
  metadata: PortalMetadata;
  skipped: Skipped[];
}

/**
 * Where the document starts: the first header anchor that a second, different one follows within a few lines,
 * moved back over the issuer lines above it. Lines before it are metadata, the page title or chrome.
 */
export function locateDocument(lines: readonly SourceLine[], maxScan = 150): Located {
  const metadata: PortalMetadata = {};
  let start: number | null = null;
  const limit = Math.min(lines.length, maxScan);
  for (let i = 0; i < limit && start === null; i++) {
    const a = headerAnchor(lines[i]!);
    if (!a) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 16); j++) {
      const b = headerAnchor(lines[j]!);
      if (b && b !== a) {
        start = i;
        break;
      }
    }
    // A number line alone is a header when issuer lines stand right above it (a copy without title or date).
    if (start === null && a === 'number') {
      const above = lines.slice(Math.max(0, i - 4), i).filter((l) => l.text && !isDecoration(l.text));
      if (above.length && above.every(issuerish)) start = i;
    }
  }
  if (start !== null) {
    let s = start;
    for (let j = start - 1; j >= 0; j--) {
      const l = lines[j]!;
      if (!l.text || l.cells.every(isDecoration)) continue;
      if (!issuerish(l)) break;
      s = j;
    }
    start = s;
  }
  const skipped: Skipped[] = [];
  const end = start ?? 0;
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    const meta = readMetadataLine(l.text);
    if (meta) {
      for (const [k, v] of meta)
        if (k && v && !/^(đang cập nhật|đã biết|không xác định)$/iu.test(v)) (metadata as Record<string, unknown>)[k] ??= v;
      skipped.push({ from: l.n, to: l.n, kind: 'metadata', text: l.text });
      continue;
    }
    const title = metadata.pageTitle ? null : readPageTitle(l.text, l.n);
    if (title) {
      metadata.pageTitle = title;
      skipped.push({ from: l.n, to: l.n, kind: 'page-title', text: l.text });
      continue;
    }
    skipped.push({ from: l.n, to: l.n, kind: 'chrome', text: l.text });
  }
  return { start, metadata, skipped: mergeRuns(skipped) };
}

/** Consecutive skipped lines of one kind, as one range. */
export function mergeRuns(list: readonly Skipped[]): Skipped[] {
  const out: Skipped[] = [];
  for (const s of list) {
    const last = out.at(-1);
    if (last && last.kind === s.kind && s.from <= last.to + 2) {
      last.to = s.to;
      last.text = `${last.text} / ${s.text}`.slice(0, 200);
    } else out.push({ ...s });
  }
  return out;
}

/** `09/01/2026` (as portals print it) → ISO; null when it is not a date. */
export function metadataDate(value: string | undefined): string | null {
  const p = value ? parseVietnameseDate(value) : null;
  return p ? toIso(p) : null;
}
