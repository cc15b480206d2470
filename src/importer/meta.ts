/**
 * Fields a clerk supplies without editing the text: `<name>.meta.yaml` beside `<name>.txt`, merged over what the
 * parser found. It is how a republication without a formal header (a newspaper's or portal's copy that names the
 * number and date only in its lead) gets into the library, and how a wrong or missing field is corrected.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { z } from 'astro/zod';
import { DOC_TYPE_KEYS, DOC_TYPES } from '../model/doc-types.ts';
import { isoDate, signerSchema } from '../model/schema.ts';
import { parseNumber } from '../model/numbers.ts';
import { findReferences } from '../model/references.ts';
import { readTypeName } from './header.ts';
import type { SourceLine } from './input.ts';
import type { Skipped } from './portal.ts';

const metaSchema = z
  .object({
    number: z
      .string()
      .trim()
      .refine((n) => parseNumber(n) !== null, { error: 'number không đúng dạng số hiệu (ví dụ 01-CT/TU, 12/KH-UBND)' })
      .optional(),
    type: z.enum(DOC_TYPE_KEYS, { error: `type phải là một trong: ${DOC_TYPE_KEYS.join(', ')}` }).optional(),
    title: z.string().trim().min(1).optional(),
    /** An issuer id of content/issuers.yaml, or the body's name as cited (`Ban Thường vụ Tỉnh ủy Yên Bái`). */
    issuer: z.string().trim().min(1).optional(),
    issued: isoDate('ngày ban hành (issued)').optional(),
    place: z.string().trim().min(1).optional(),
    signer: signerSchema.optional(),
    recipients: z.array(z.string().trim().min(1)).optional(),
    distribution: z.array(z.string().trim().min(1)).optional(),
    /** The province of a local body whose header does not name it. */
    province: z.string().trim().min(1).optional(),
  })
  .strict();

export type MetaFields = z.output<typeof metaSchema>;

/** `a/b/15-van-ban.txt` → `a/b/15-van-ban.meta.yaml`. */
export function metaPathFor(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.meta.yaml`);
}

/** The meta file beside `file`, if any: its fields, or why it cannot be used. */
export function readMetaFile(file: string): { ok: true; fields: MetaFields | undefined; file: string } | { ok: false; reason: string } {
  const metaFile = metaPathFor(file);
  // Most texts have none: ask without the cost of an exception.
  if (!fs.statSync(metaFile, { throwIfNoEntry: false })) return { ok: true, fields: undefined, file: path.basename(metaFile) };
  let text: string;
  try {
    text = fs.readFileSync(metaFile, 'utf8');
  } catch (e) {
    return {
      ok: false,
      reason: `không đọc được ${path.basename(metaFile)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    };
  }
  let raw: unknown;
  try {
    raw = yaml.load(text.replace(/^\uFEFF/, ''), { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const mark = (e as { mark?: { line: number } }).mark;
    return {
      ok: false,
      reason: `${path.basename(metaFile)}${mark ? ` dòng ${mark.line + 1}` : ''}: YAML sai cú pháp; sửa tệp này rồi nhập lại`,
    };
  }
  const parsed = metaSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      i.code === 'unrecognized_keys'
        ? `khóa không dùng được: ${(i as { keys: string[] }).keys.join(', ')} (dùng number, type, title, issuer, issued, place, signer, recipients, distribution, province)`
        : `${i.path.join('.')}: ${i.message}`,
    );
    return { ok: false, reason: `${path.basename(metaFile)}: ${issues.join('; ')}` };
  }
  return { ok: true, fields: parsed.data, file: path.basename(metaFile) };
}

/** How to tell the clerk where missing fields go. */
export function describeMissing(metaFile: string | undefined): string {
  return `tệp ${metaFile ?? '<tên tệp>.meta.yaml'} đặt cạnh tệp văn bản (ví dụ: number: 01-CT/TU, type: chi-thi, issuer: tinh-uy-tuyen-quang, issued: 2021-09-07)`;
}

/** The issuer a meta file names by its name: as the header line a printed copy would carry. */
export function metaIssuerLines(issuer: string): string[] {
  // `Ban Thường vụ Tỉnh ủy X` acts for the Tỉnh ủy X.
  const name = issuer.replace(/^(Ban Thường vụ|Thường trực|Ban Chấp hành)\s+(?=(Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s*ủy)/iu, '');
  return [name.toLocaleUpperCase('vi')];
}

export interface HeaderlessLead {
  /** Line index where the document's own text starts (its type-name line, or the line after the lead). */
  start: number;
  skipped: Skipped[];
  /** What the lead says about the document (`Chỉ thị số 17`, `ngày 9/5/2024`), for the refusal message. */
  hints: string[];
}

/** A republication's lead: the lines before the document's type-name line, or up to the lead's `như sau:`. */
export function headerlessLead(lines: readonly SourceLine[]): HeaderlessLead {
  const firstText = lines.findIndex((l) => l.text);
  let start = Math.max(0, firstText);
  const typeAt = lines
    .slice(0, 30)
    .findIndex((l) => l.cells.length === 1 && l.text === l.text.toLocaleUpperCase('vi') && !!readTypeName(l.text));
  if (typeAt >= 0) start = typeAt;
  else {
    const intro = lines.slice(0, 12).findIndex((l) => /(như sau|toàn văn[^.]*)\s*:?\s*$/iu.test(l.text));
    if (intro >= 0) start = intro + 1;
  }
  const lead = lines.slice(0, start).filter((l) => l.text);
  const skipped: Skipped[] = lead.map((l) => ({ from: l.n, to: l.n, kind: 'lead', text: l.text }));
  const text =
    lead.map((l) => l.text).join('\n') ||
    lines
      .slice(0, 6)
      .map((l) => l.text)
      .join('\n');
  const hints: string[] = [];
  for (const r of findReferences(text).slice(0, 2)) hints.push(`«${r.text.slice(0, 60)}»`);
  // A lead often names the document loosely (`Chỉ thị số 17`): worth showing when nothing fuller was found.
  if (!hints.length) {
    const loose = new RegExp(`(?:${DOC_TYPES.map((t) => t.name).join('|')})\\s+số\\s+[\\p{L}\\d/-]+`, 'iu').exec(text);
    if (loose) hints.push(`«${loose[0]}»`);
  }
  const date = /(?:ngày|Ngày)\s+(\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?)/u.exec(text);
  if (date) hints.push(`ngày ${date[1]}`);
  return { start, skipped, hints };
}
