/**
 * One raw document → the parts of a directive: decode and clean (input), header, tail (Nơi nhận and signing),
 * body (Markdown). Issuer resolution against the registry is a separate step ({@link buildDirective}) because
 * it depends on the registry the batch is growing.
 */
import { docType, typesForCode, type DocType } from '../doc-types.ts';
import { directiveFileName } from '../ids.ts';
import type { ParsedNumber } from '../numbers.ts';
import type { DirectiveInput, Issuer, Province, Registry } from '../schema.ts';
import { bodyToMarkdown } from './body.ts';
import { capitalizeFirst } from './casing.ts';
import { parseHeader } from './header.ts';
import { decodeInput, toLines, type InputEncoding, type SourceLine } from './input.ts';
import { resolveIssuer } from './issuer-resolve.ts';
import { findTailStart, parseTail } from './signing.ts';

export interface ParsedDoc {
  number: ParsedNumber;
  type: DocType;
  /** Subject as printed, `V/v` dropped, first letter capitalised. */
  title: string;
  issued: string;
  place: string | undefined;
  recipients: string[];
  signer: { name: string; title?: string; authority?: string } | undefined;
  distribution: string[];
  /** Markdown, ending with a newline. */
  body: string;
  issuerLines: string[];
  encoding: InputEncoding;
  warnings: string[];
  lines: SourceLine[];
}

export interface ParseFailure { ok: false; reason: string; line?: number | undefined }
export type ParseResult = { ok: true; doc: ParsedDoc } | ParseFailure;

const quote = (l: SourceLine | undefined) => (l ? `dòng ${l.n}: «${l.text.length > 60 ? `${l.text.slice(0, 57)}...` : l.text}»` : 'hết tệp');

export function parseDirective(input: Uint8Array | string, opts: { markdown?: boolean } = {}): ParseResult {
  const decoded = decodeInput(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  if (opts.markdown && /^---\s*\n/.test(decoded.text)) return { ok: false, reason: 'tệp đã có phần khai báo YAML (có lẽ đã là văn bản trong thư viện); không nhập lại' };
  const lines = toLines(decoded.text, opts);
  const warnings = [...decoded.warnings];
  const h = parseHeader(lines);

  const missing: string[] = [];
  if (!h.number) missing.push('số hiệu (dòng «Số 234-CV/BDVTU» hoặc «Số: 2345/UBND-VX»)');
  if (!h.date) missing.push('ngày ban hành (dòng «..., ngày 07 tháng 9 năm 2021»)');
  if (missing.length) {
    const notDirective = !h.number && !h.date ? 'không phải văn bản chỉ đạo: ' : '';
    return { ok: false, reason: `${notDirective}thiếu ${missing.join(', thiếu ')}; phần đầu văn bản dừng ở ${quote(h.stoppedAt)}`, line: h.stoppedAt?.n };
  }
  const number = h.number!.parsed;

  // Type: the type-name line, else the number's type code, else a State number without code is a công văn.
  let type: DocType | undefined = h.typeName?.type;
  if (number.typeCode) {
    const byCode = typesForCode(number.typeCode, number.family);
    if (type && !byCode.some((t) => t.key === type!.key)) {
      return { ok: false, reason: `dòng tên loại «${type.name.toLocaleUpperCase('vi')}» (dòng ${h.typeName!.n}) không khớp mã loại "${number.typeCode}" trong số hiệu ${number.raw}`, line: h.typeName!.n };
    }
    type ??= byCode[0];
    if (!type) return { ok: false, reason: `mã loại "${number.typeCode}" trong số hiệu ${number.raw} không có trong bảng loại văn bản`, line: h.number!.n };
  } else {
    if (type && type.key !== 'cong-van') {
      return { ok: false, reason: `số hiệu ${number.raw} không có mã loại (công văn) nhưng văn bản ghi «${type.name.toLocaleUpperCase('vi')}» ở dòng ${h.typeName!.n}`, line: h.typeName!.n };
    }
    type ??= docType('cong-van')!;
  }

  let title = h.subject ? h.subject.text.replace(/^V\s*\/\s*v\b\s*:?\s*/iu, '') : '';
  title = capitalizeFirst(title.trim());
  if (!title) {
    title = `${type.name} số ${number.raw}`;
    warnings.push(`không thấy trích yếu (V/v ..., về ...); tạm đặt tiêu đề «${title}»`);
  }

  // Body runs from the header's end to the tail; the tail's unplaced lines go to the end of the body.
  const start = h.bodyStart;
  const tailStart = findTailStart(lines, start.index);
  const bodyLines: string[] = [];
  for (let i = start.index; i < tailStart; i++) {
    const l = lines[i]!;
    bodyLines.push(i === start.index && start.cell > 0 ? l.cells.slice(start.cell).join(' ') : l.text);
  }
  const tail = parseTail(lines, tailStart);
  if (tail.leftovers.length) {
    warnings.push(`${tail.leftovers.length} dòng ở phần cuối (${tail.leftovers.map((l) => l.n).join(', ')}) không thuộc nơi nhận hay chữ ký; đã đưa vào cuối nội dung`);
    bodyLines.push('');
    let prevN = -1;
    for (const l of tail.leftovers) { if (prevN >= 0 && l.n > prevN + 1) bodyLines.push(''); bodyLines.push(l.text); prevN = l.n; }
  }
  const body = bodyToMarkdown(bodyLines);
  if (!body.trim()) return { ok: false, reason: `không có phần nội dung sau phần đầu văn bản (${quote(h.stoppedAt)})`, line: h.stoppedAt?.n };
  if (!tail.signer) warnings.push('không thấy khối chữ ký (T/M, K/T, KT. ... và họ tên người ký)');

  return {
    ok: true,
    doc: {
      number, type, title, issued: h.date!.iso, place: h.date!.place, recipients: h.recipients, signer: tail.signer,
      distribution: tail.distribution, body, issuerLines: h.issuerLines.map((l) => l.text), encoding: decoded.encoding, warnings, lines,
    },
  };
}

export interface BuiltDirective {
  data: DirectiveInput;
  body: string;
  fileName: string;
  issuer: Issuer;
  additions: { provinces: Province[]; issuers: Issuer[] };
}

/** Resolve the issuer against the registry and assemble the frontmatter in the library's key order. */
export function buildDirective(doc: ParsedDoc, registry: Registry, source?: string): { ok: true; built: BuiltDirective } | ParseFailure {
  const res = resolveIssuer({ issuerLines: doc.issuerLines, number: doc.number, authority: doc.signer?.authority }, registry);
  if (!res.ok) return { ok: false, reason: res.reason, line: doc.lines.find((l) => l.text)?.n };
  const data: DirectiveInput = {
    number: doc.number.raw,
    type: doc.type.key as DirectiveInput['type'],
    title: doc.title,
    issuer: res.issuer.id,
    issued: doc.issued,
  };
  if (doc.place) data.place = doc.place;
  if (doc.recipients.length) data.recipients = doc.recipients;
  if (doc.signer) data.signer = doc.signer;
  if (doc.distribution.length) data.distribution = doc.distribution;
  if (source) data.source = { file: source };
  return { ok: true, built: { data, body: doc.body, fileName: directiveFileName({ issuer: res.issuer.id, number: doc.number.raw, issued: doc.issued }), issuer: res.issuer, additions: res.additions } };
}

/** Names and header lines of an issuer and its parents: the text the issuer block stands for. */
export function issuerTexts(issuer: Issuer, all: readonly Issuer[]): string[] {
  const byId = new Map(all.map((i) => [i.id, i]));
  const out: string[] = [];
  const seen = new Set<string>();
  for (let cur: Issuer | undefined = issuer; cur && !seen.has(cur.id); cur = cur.parent ? byId.get(cur.parent) : undefined) {
    seen.add(cur.id);
    out.push(cur.name, ...(cur.header ?? []));
  }
  return out;
}
