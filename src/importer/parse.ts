/**
 * One raw document → the parts of a directive: decode and clean (input), find where the document starts among
 * the page's clutter (portal), header, tail (Nơi nhận and signing), attached documents, body (Markdown). Portal
 * metadata fills what the print lacks and is checked against it; a clerk's `.meta.yaml` (meta.ts) goes over all.
 * Issuer resolution against the registry is a separate step ({@link buildDirective}) because it depends on the
 * registry the batch is growing.
 */
import type { OriginalFacts } from './extract/original.ts';
import { docType, typesForCode, type DocType } from '../model/doc-types.ts';
import { directiveFileName } from '../model/ids.ts';
import { canonicalNumber, numberKey, parseNumber, type ParsedNumber } from '../model/numbers.ts';
import type { DirectiveInput, Issuer, Province, Registry } from '../model/schema.ts';
import { foldVietnamese } from '../model/text.ts';
import { findAnnexStart, parseAnnex } from './annex.ts';
import { bodyToMarkdown } from './body.ts';
import { capitalizeFirst } from './casing.ts';
import { parseHeader, readTypeName } from './header.ts';
import { decodeInput, toLinesWithRepairs, type InputEncoding, type SourceLine } from './input.ts';
import { resolveIssuer } from './issuer-resolve.ts';
import { describeMissing, headerlessLead, metaIssuerLines, type MetaFields } from './meta.ts';
import { isChrome, locateDocument, metadataDate, type PortalMetadata, type Skipped } from './portal.ts';
import { lookupProvince, mentionedProvinces } from '../model/provinces.ts';
import { cutWord, describeSuspects } from './repair.ts';
import { findTailStart, parseTail } from './signing.ts';

export interface ImportNotes {
  /** Lines not in the directive: chrome, metadata, page title, a news lead, stray lines. */
  skipped: Skipped[];
  /** Fields taken from the portal's metadata (or the clerk's `.meta.yaml`) rather than the printed text. */
  fromMetadata: string[];
  /** What was repaired, with the line. */
  repairs: string[];
  /** What was guessed and why. */
  guesses: string[];
}

export interface ParsedDoc {
  number: ParsedNumber;
  /** The number as printed, when the canonical spelling differs. */
  numberPrinted: string | undefined;
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
  /** What resolving the issuer needs besides its lines. */
  issuerContext: { doan: boolean; acting: string | undefined; provinceHints: string[]; metaIssuer: string | undefined };
  encoding: InputEncoding;
  warnings: string[];
  notes: ImportNotes;
  /** Source lines, for the "nothing lost" check; `skippedLines` are the line numbers accounted for as skipped. */
  lines: SourceLine[];
  skippedLines: ReadonlySet<number>;
  /** The original, when the text was taken from a Word file, a PDF or a scan (src/importer/extract/), and that text. */
  original?: { facts: OriginalFacts; text: string } | undefined;
}

export interface ParseFailure {
  ok: false;
  reason: string;
  line?: number | undefined;
}
export type ParseResult = { ok: true; doc: ParsedDoc } | ParseFailure;

const quote = (l: SourceLine | undefined) =>
  l ? `dòng ${l.n}: «${l.text.length > 60 ? `${l.text.slice(0, 57)}...` : l.text}»` : 'hết tệp';

/** `Ban Bí thư quy định về ...`, `Bộ Chính trị quyết định`: the acting body named in the enacting sentence. */
const ENACTING_SENTENCE =
  /(?:^|[\n.;,:]\s*)((?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Ban Thường vụ|Ban Bí thư Trung ương Đoàn)(?: Trung ương(?: Đảng| Đoàn)?)?(?: \(?khóa [IVXLC]+\)?)?)\s+(quy định|quyết định|chỉ thị|kết luận|yêu cầu|hướng dẫn|ban hành|thông báo)\b/u;
/** The verb that enacts a Party `QĐ`: `QUYẾT ĐỊNH:` (a decision) or `... quy định ... như sau` (a regulation). */
const ENACTS_REGULATION = /\bquy định(?: về| chuẩn mực| [^.:\n]{0,80})? như sau\s*:/iu;
const ENACTS_DECISION = /(?:^|\n)\s*QUYẾT ĐỊNH\s*:?\s*(?:\n|$)/u;

export interface ParseOptions {
  markdown?: boolean;
  meta?: MetaFields | undefined;
  metaFile?: string | undefined;
}

export function parseDirective(input: Uint8Array | string, opts: ParseOptions = {}): ParseResult {
  const decoded = decodeInput(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  if (opts.markdown && /^---\s*\n/.test(decoded.text))
    return { ok: false, reason: 'tệp đã có phần khai báo YAML (có lẽ đã là văn bản trong thư viện); không nhập lại' };
  const read = toLinesWithRepairs(decoded.text, opts);
  const warnings = [...decoded.warnings];
  const notes: ImportNotes = { skipped: [], fromMetadata: [], repairs: read.repairs.map((r) => `dòng ${r.line}: ${r.what}`), guesses: [] };
  const skippedLines = new Set<number>();
  const skip = (s: Skipped) => {
    notes.skipped.push(s);
    for (let n = s.from; n <= s.to; n++) skippedLines.add(n);
  };

  // Chrome the page left inside the text is blanked for the parser (and reported).
  const lines = read.lines.map((l) => {
    if (!l.text || !isChrome(l.text)) return l;
    skip({ from: l.n, to: l.n, kind: 'chrome', text: l.text });
    return { ...l, text: '', cells: [] };
  });
  const located = locateDocument(lines);
  located.skipped.forEach(skip);
  const meta = opts.meta ?? {};
  const portal = located.metadata;

  let startIndex = located.start;
  if (startIndex === null) {
    // No formal header: a republication. Only the clerk's meta file can say what it is.
    const lead = headerlessLead(lines);
    if (!meta.number || !meta.issued || !meta.issuer) {
      const first = lines.find((l) => l.text);
      const hints = lead.hints.length ? ` Trong lời dẫn có: ${lead.hints.join('; ')}.` : '';
      return {
        ok: false,
        line: first?.n,
        reason: `không phải văn bản chỉ đạo: thiếu số hiệu, thiếu ngày ban hành: không có phần đầu văn bản (Quốc hiệu hoặc «ĐẢNG CỘNG SẢN VIỆT NAM», số hiệu, ngày ban hành), có lẽ là bài đăng lại trên báo hay cổng thông tin (dòng ${first?.n ?? 1}).${hints} Để nhập, ghi number, type, issuer, issued (và title) trong ${describeMissing(opts.metaFile)} rồi nhập lại.`,
      };
    }
    lead.skipped.forEach(skip);
    startIndex = lead.start;
  }

  const h = parseHeader(lines, startIndex, { numberTypes: (n) => typesForCode(n.typeCode ?? '', n.family) });

  // Number and date: the print, else the portal's metadata, else the clerk's meta file.
  const fromPortal = (field: string) => notes.fromMetadata.push(field);
  let number = h.number ? { raw: h.number.raw, printed: h.number.printed, parsed: h.number.parsed } : null;
  if (!number && portal.number && parseNumber(portal.number)) {
    number = { raw: portal.number, printed: portal.number, parsed: parseNumber(portal.number)! };
    fromPortal('number (Số hiệu trên trang)');
  }
  let issued = h.date?.iso ?? null;
  const portalDate = metadataDate(portal.issued);
  if (!issued && portalDate) {
    issued = portalDate;
    fromPortal('issued (Ngày ban hành trên trang)');
  }
  if (meta.number) {
    number = { raw: meta.number, printed: meta.number, parsed: parseNumber(meta.number)! };
    fromPortal(`number (${opts.metaFile})`);
  }
  if (meta.issued) {
    issued = meta.issued;
    fromPortal(`issued (${opts.metaFile})`);
  }

  const missing: string[] = [];
  if (!number) missing.push('số hiệu (dòng «Số 234-CV/BDVTU» hoặc «Số: 2345/UBND-VX»)');
  if (!issued) missing.push('ngày ban hành (dòng «..., ngày 07 tháng 9 năm 2021»)');
  if (missing.length) {
    const attached = !number ? attachedTo(lines, startIndex) : null;
    if (attached) {
      return {
        ok: false,
        line: attached.n,
        reason: `văn bản này không có số hiệu riêng: nó được ban hành kèm theo ${attached.text} (dòng ${attached.n}); hãy nhập văn bản đó (văn bản kèm theo sẽ là phụ lục của nó), hoặc ghi number, issued trong ${describeMissing(opts.metaFile)}`,
      };
    }
    const notDirective = !number && !issued ? 'không phải văn bản chỉ đạo: ' : '';
    return {
      ok: false,
      reason: `${notDirective}thiếu ${missing.join(', thiếu ')}; phần đầu văn bản dừng ở ${quote(h.stoppedAt)}; có thể ghi các trường còn thiếu trong ${describeMissing(opts.metaFile)}`,
      line: h.stoppedAt?.n,
    };
  }
  const parsedNumber = number!.parsed;
  const canonical = canonicalNumber(number!.raw);
  const numberPrinted = number!.printed.replace(/\s+/g, ' ') !== canonical ? number!.printed.replace(/\s+/g, ' ') : undefined;
  if (numberPrinted) notes.repairs.push(`số hiệu in là «${numberPrinted}», lưu là «${canonical}»`);

  // Body, tail and attached documents.
  const start = h.bodyStart;
  const annexAt = findAnnexStart(lines, start.index);
  const tailStart = findTailStart(lines, start.index, annexAt);
  const bodyLines: string[] = [];
  for (let i = start.index; i < tailStart; i++) bodyLines.push(i === start.index ? start.text : lines[i]!.text);
  const unplaced = h.unplaced.map((u) => u.text);
  if (unplaced.length) {
    bodyLines.unshift(...unplaced, '');
    warnings.push(`${unplaced.length} dòng ở phần đầu không rõ là gì (${h.unplaced.map((u) => u.n).join(', ')}); đã đưa vào đầu nội dung`);
  }
  const tail = parseTail(lines, tailStart, annexAt);
  for (const s of tail.stray) skip({ from: s.n, to: s.n, kind: 'trailer', text: s.text });
  if (tail.stray.length)
    warnings.push(`bỏ qua ${tail.stray.length} dòng lạ ở phần cuối (đường dẫn tệp: ${tail.stray.map((s) => `dòng ${s.n}`).join(', ')})`);
  if (tail.leftovers.length) {
    warnings.push(
      `${tail.leftovers.length} dòng ở phần cuối (${tail.leftovers.map((l) => l.n).join(', ')}) không thuộc nơi nhận hay chữ ký; đã đưa vào cuối nội dung`,
    );
    bodyLines.push('');
    let prevN = -1;
    for (const l of tail.leftovers) {
      if (prevN >= 0 && l.n > prevN + 1) bodyLines.push('');
      bodyLines.push(l.text);
      prevN = l.n;
    }
  }
  let body = bodyToMarkdown(bodyLines);
  if (annexAt < lines.length) {
    const annex = parseAnnex(lines, annexAt, parsedNumber);
    if (!annex.ok) return { ok: false, reason: annex.reason, line: annex.line };
    body = `${body}${body ? '\n' : ''}${annex.markdown}`;
    notes.guesses.push(`từ dòng ${lines[annexAt]!.n}: văn bản ban hành kèm theo (${annex.title}), giữ làm phụ lục`);
  }
  if (!body.trim())
    return { ok: false, reason: `không có phần nội dung sau phần đầu văn bản (${quote(h.stoppedAt)})`, line: h.stoppedAt?.n };
  const bodyText = bodyLines.join('\n');

  // Type: the type-name line, else the number's type code (a Party `QĐ` by its enacting verb), else a công văn.
  const typeOut = decideType(h.typeName?.type, parsedNumber, bodyText, portal, h.enacting?.text);
  if (!typeOut.ok) return { ok: false, reason: typeOut.reason, line: h.typeName?.n ?? h.number?.n };
  let type = typeOut.type;
  if (typeOut.guess) notes.guesses.push(typeOut.guess);
  if (meta.type) {
    type = docType(meta.type)!;
    fromPortal(`type (${opts.metaFile})`);
  }

  // Subject: the print, else the page's title for this number, else the clerk's.
  let title = h.subject ? h.subject.text.replace(/^V\s*\/\s*v\b\s*:?\s*/iu, '') : '';
  title = capitalizeFirst(title.trim());
  const pageTitle = portal.pageTitle;
  if (!title && pageTitle?.subject && pageTitle.number && sameNumber(pageTitle.number, parsedNumber)) {
    title = capitalizeFirst(pageTitle.subject);
    fromPortal('title (tiêu đề trang đăng văn bản)');
  }
  if (meta.title) {
    title = meta.title;
    fromPortal(`title (${opts.metaFile})`);
  }
  if (!title) {
    title = `${type.name} số ${canonical}`;
    warnings.push(`không thấy trích yếu (V/v ..., về ...); tạm đặt tiêu đề «${title}»`);
  }

  // Signer: the print, else the portal's "Người ký" (the office, if printed, kept).
  let signer = tail.signer;
  if (!signer && portal.signer && /^\p{Lu}[\p{L}\p{M}]*(?:\s\p{Lu}[\p{L}\p{M}]*){1,5}$/u.test(portal.signer)) {
    signer = { name: portal.signer, ...tail.unsignedOffice };
    fromPortal('signer.name (Người ký trên trang)');
  } else if (signer && portal.signer && foldVietnamese(signer.name) !== foldVietnamese(portal.signer)) {
    warnings.push(`người ký in trên văn bản (${signer.name}) khác người ký trên trang đăng (${portal.signer}); giữ theo bản in`);
  }
  if (meta.signer) {
    signer = meta.signer as ParsedDoc['signer'];
    fromPortal(`signer (${opts.metaFile})`);
  }
  if (!signer)
    warnings.push(
      tail.unsignedOffice
        ? 'khối chữ ký không có họ tên người ký (văn bản có thể bị cắt)'
        : 'không thấy khối chữ ký (T/M, K/T, KT. ... và họ tên người ký): văn bản có thể bị cắt',
    );
  if (!tail.distribution.length && !tail.signer) warnings.push('không thấy phần «Nơi nhận»: văn bản có thể chỉ là trích đoạn');

  // The portal's metadata against the print: the print wins, a disagreement is a warning.
  if (h.date && portalDate && portalDate !== h.date.iso)
    warnings.push(`ngày ban hành trên trang đăng (${portal.issued}) khác ngày in trên văn bản (${h.date.iso}); giữ ngày in`);
  const portalNumber = portal.number ? parseNumber(portal.number) : null;
  if (h.number && portalNumber && numberKey(portalNumber) !== numberKey(parsedNumber))
    warnings.push(`số hiệu trên trang đăng (${portal.number}) khác số in trên văn bản (${canonical}); giữ số in`);

  // Damage without one right answer: named.
  for (const d of read.damage) warnings.push(`dòng ${d.line}: ${d.what}`);
  // A cut excerpt ends inside a word: that last word is cut, not damaged.
  const cut = cutWord(lines.findLast((l) => l.text)?.text ?? '');
  const bodySuspects = new Set(lines.slice(start.index, tailStart).flatMap((l) => l.suspects ?? []));
  if (cut) bodySuspects.delete(cut);
  const suspects = describeSuspects([...bodySuspects]);
  if (suspects) warnings.push(suspects);

  const acting = h.enacting?.text ?? ENACTING_SENTENCE.exec(bodyText.slice(0, 3000))?.[1];
  const provinceHints = [
    ...(h.date?.place ? [h.date.place] : []),
    ...(portal.issuer ? [portal.issuer.replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, '')] : []),
    ...(meta.province ? [meta.province] : []),
    ...mentionedProvinces(bodyText),
  ].filter((p) => lookupProvince(p));
  if (meta.province) provinceHints.unshift(meta.province);

  notes.skipped.sort((a, b) => a.from - b.from);
  return {
    ok: true,
    doc: {
      number: parseNumber(canonical)!,
      numberPrinted,
      type,
      title,
      issued: issued!,
      place: meta.place ?? h.date?.place,
      recipients: meta.recipients ?? h.recipients,
      signer,
      distribution: meta.distribution ?? tail.distribution,
      body,
      issuerLines: meta.issuer ? metaIssuerLines(meta.issuer) : h.issuerLines.map((l) => l.text),
      issuerContext: { doan: h.doanTitle, acting, provinceHints, metaIssuer: meta.issuer },
      encoding: decoded.encoding,
      warnings,
      notes,
      lines: read.lines,
      skippedLines,
    },
  };
}

const sameNumber = (a: string, n: ParsedNumber) => {
  const p = parseNumber(a);
  return !!p && numberKey(p) === numberKey(n);
};

/** `(Ban hành kèm theo Quyết định số: 59/QĐ-UBND ...)` near the top: the text is an attachment. */
function attachedTo(lines: readonly SourceLine[], from: number): { text: string; n: number } | null {
  const window = lines.slice(from, from + 40);
  const joined = window.map((l) => l.text).join(' ');
  const m = /ban hành\s+kèm\s+theo\s+((?:Quyết định|Nghị quyết|Chỉ thị|Quy định)\s+số\s*:?\s*[\d\p{L}/.-]+)/iu.exec(joined);
  if (!m) return null;
  const word = m[0].split(' ')[0]!;
  const at = window.find((l) => l.text.includes('kèm theo') || l.text.includes(word));
  return { text: m[1]!.replace(/\s+/g, ' '), n: at?.n ?? lines[from]!.n };
}

type TypeDecision = { ok: true; type: DocType; guess?: string } | { ok: false; reason: string };

function decideType(
  named: DocType | undefined,
  number: ParsedNumber,
  body: string,
  portal: PortalMetadata,
  enacting: string | undefined,
): TypeDecision {
  if (!number.typeCode) {
    // A legal number without a type code (`653/2019/UBTVQH14`) takes the type line; a State number without one is a công văn.
    if (number.form === 'legal')
      return named
        ? { ok: true, type: named }
        : { ok: false, reason: `số hiệu ${number.raw} không có mã loại và văn bản không có dòng tên loại (NGHỊ QUYẾT, QUYẾT ĐỊNH ...)` };
    if (named && named.key !== 'cong-van') {
      return {
        ok: false,
        reason: `số hiệu ${number.raw} không có mã loại (công văn) nhưng văn bản ghi «${named.name.toLocaleUpperCase('vi')}»`,
      };
    }
    return { ok: true, type: docType('cong-van')! };
  }
  const byCode = typesForCode(number.typeCode, number.family);
  if (named) {
    if (!byCode.some((t) => t.key === named.key))
      return {
        ok: false,
        reason: `dòng tên loại «${named.name.toLocaleUpperCase('vi')}» không khớp mã loại "${number.typeCode}" trong số hiệu ${number.raw}`,
      };
    return { ok: true, type: named };
  }
  if (!byCode.length)
    return { ok: false, reason: `mã loại "${number.typeCode}" trong số hiệu ${number.raw} không có trong bảng loại văn bản` };
  if (byCode.length === 1) return { ok: true, type: byCode[0]! };
  // `QĐ` in a Party number is a Quyết định or a Quy định: the enacting verb, then the page says which.
  const evidence = [
    ENACTS_DECISION.test(body) ? ['quyet-dinh', 'dòng «QUYẾT ĐỊNH:» trong văn bản'] : null,
    ENACTS_REGULATION.test(body) ? ['quy-dinh', 'câu «... quy định ... như sau:» trong văn bản'] : null,
    enacting && /quy định/iu.test(enacting) ? ['quy-dinh', 'dòng ban hành'] : null,
    portal.pageTitle?.type ? [portal.pageTitle.type.key, 'tiêu đề trang đăng'] : null,
    portal.typeName ? [readTypeName(portal.typeName)?.key, 'mục «Loại văn bản» của trang'] : null,
  ].filter((e): e is [string, string] => !!e && !!e[0] && byCode.some((t) => t.key === e[0]));
  const pick = evidence[0];
  if (pick)
    return {
      ok: true,
      type: docType(pick[0])!,
      guess: `loại văn bản: mã "${number.typeCode}" là ${byCode.map((t) => t.name).join(' hoặc ')}; chọn ${docType(pick[0])!.name} theo ${pick[1]}`,
    };
  return {
    ok: true,
    type: byCode[0]!,
    guess: `loại văn bản: mã "${number.typeCode}" là ${byCode.map((t) => t.name).join(' hoặc ')}; văn bản không nói rõ, chọn ${byCode[0]!.name}`,
  };
}

export interface BuiltDirective {
  data: DirectiveInput;
  body: string;
  fileName: string;
  issuer: Issuer;
  coIssuers: Issuer[];
  additions: { provinces: Province[]; issuers: Issuer[] };
  guesses: string[];
}

/** Resolve the issuer against the registry and assemble the frontmatter in the library's key order. */
export function buildDirective(doc: ParsedDoc, registry: Registry, source?: string): { ok: true; built: BuiltDirective } | ParseFailure {
  const known = doc.issuerContext.metaIssuer ? registry.issuers.find((i) => i.id === doc.issuerContext.metaIssuer) : undefined;
  const res = known
    ? { ok: true as const, issuer: known, coIssuers: [], additions: { provinces: [], issuers: [] }, guesses: [] }
    : resolveIssuer(
        {
          issuerLines: doc.issuerLines,
          number: doc.number,
          authority: doc.signer?.authority,
          acting: doc.issuerContext.acting,
          doan: doc.issuerContext.doan,
          provinceHints: doc.issuerContext.provinceHints,
        },
        registry,
      );
  if (!res.ok) return { ok: false, reason: res.reason, line: doc.lines.find((l) => l.text)?.n };
  const data: DirectiveInput = {
    number: doc.number.raw,
    ...(doc.numberPrinted ? { numberPrinted: doc.numberPrinted } : {}),
    type: doc.type.key as DirectiveInput['type'],
    title: doc.title,
    issuer: res.issuer.id,
    ...(res.coIssuers.length ? { coIssuers: res.coIssuers.map((i) => i.id) } : {}),
    issued: doc.issued,
  };
  if (doc.place) data.place = doc.place;
  if (doc.recipients.length) data.recipients = doc.recipients;
  if (doc.signer) data.signer = doc.signer;
  if (doc.distribution.length) data.distribution = doc.distribution;
  if (source || doc.notes.fromMetadata.length) {
    data.source = {
      ...(source ? { file: source } : {}),
      ...(doc.notes.fromMetadata.length ? { note: sourceNote(doc.notes.fromMetadata) } : {}),
    };
  }
  return {
    ok: true,
    built: {
      data,
      body: doc.body,
      fileName: directiveFileName({ issuer: res.issuer.id, number: doc.number.raw, issued: doc.issued }),
      issuer: res.issuer,
      coIssuers: res.coIssuers,
      additions: res.additions,
      guesses: res.guesses,
    },
  };
}

/** `number (a.meta.yaml)`, `issued (a.meta.yaml)` → `Không có trong bản in, lấy từ a.meta.yaml: number, issued.` */
function sourceNote(fields: readonly string[]): string {
  const bySource = new Map<string, string[]>();
  for (const f of fields) {
    const m = /^(\S+) \((.+)\)$/.exec(f);
    const [field, from] = m ? [m[1]!, m[2]!] : [f, 'nguồn khác'];
    bySource.set(from, [...(bySource.get(from) ?? []), field]);
  }
  return `Không có trong bản in, lấy từ ${[...bySource].map(([from, list]) => `${from}: ${list.join(', ')}`).join('; ')}.`;
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
