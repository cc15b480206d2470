/**
 * The content model: one zod schema for a directive's frontmatter and one for the issuer
 * registry, shared by `src/content.config.ts` and the command-line tools.
 * Messages are in Vietnamese because editors read them.
 */
import { z } from 'astro/zod';
import { STATUS_KEYS } from './status.ts';
import { DOC_TYPE_KEYS } from './doc-types.ts';
import { parseIsoDate, toIso, YEAR_MAX, YEAR_MIN } from './dates.ts';
import { parseNumber } from './numbers.ts';

const text = (what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `thiếu ${what}` : `${what} phải là chuỗi văn bản`) })
    .trim()
    .min(1, { error: `${what} không được để trống` });

/** Why a date string is not accepted: its form, a day that does not exist, or a year outside the range. */
function dateProblem(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return 'không phải ngày hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2021-09-07)';
  const year = Number(m[1]);
  if (year < YEAR_MIN || year > YEAR_MAX) return `nằm ngoài khoảng nhận (năm ${YEAR_MIN} đến ${YEAR_MAX})`;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `không có tháng ${month} (tháng từ 01 đến 12)`;
  return `không có ngày này: tháng ${month} năm ${year} có ${new Date(Date.UTC(year, month, 0)).getUTCDate()} ngày`;
}

/**
 * YAML may hand us a string or (when unquoted and parsed by a timestamp-aware loader) a Date.
 * Both become an ISO `YYYY-MM-DD` string; impossible dates are refused.
 */
export const isoDate = (what: string) =>
  z
    .union([z.string(), z.date()], { error: (i) => (i.input === undefined ? `thiếu ${what}` : `${what} phải có dạng YYYY-MM-DD`) })
    .transform((v, ctx) => {
      const s = v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10)) : v.trim();
      const parts = parseIsoDate(s);
      if (!parts) {
        ctx.addIssue({ code: 'custom', message: `${what} "${s}" ${dateProblem(s)}` });
        return z.NEVER;
      }
      return toIso(parts);
    });

/** A subject is a line or a few: longer than this, the body has landed in it. */
export const TITLE_MAX = 2000;

export const signerSchema = z
  .object(
    {
      name: text('họ tên người ký (signer.name)'),
      title: text('chức vụ người ký (signer.title)').optional(),
      /** `T/M Ban Thường vụ`, `K/T Trưởng ban`, `KT. Chủ tịch`. */
      authority: text('thẩm quyền ký (signer.authority)').optional(),
    },
    { error: 'signer phải có name, và có thể có title, authority' },
  )
  .strict();

export const RELATION_KINDS = ['implements', 'based-on', 'replaces', 'amends', 'repeals', 'guides', 'cites'] as const;

export const relationSchema = z
  .object({
    kind: z.enum(RELATION_KINDS, { error: `kind phải là một trong: ${RELATION_KINDS.join(', ')}` }),
    /** Number as cited (`01-CT/TU`) or a directive id. */
    number: text('số hiệu văn bản liên quan (relations.number)').optional(),
    target: text('id văn bản liên quan (relations.target)').optional(),
    issued: isoDate('ngày của văn bản liên quan').optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => r.number || r.target, { error: 'mỗi quan hệ cần number hoặc target' });

/** How the text of a kept original was obtained: from a Word file, a PDF's text layer, or recognised from images. */
export const EXTRACTIONS = ['word', 'text-layer', 'ocr'] as const;

export const sourceSchema = z.union([
  z.string().min(1),
  z
    .object({
      file: z.string().optional(),
      url: z.string().optional(),
      note: z.string().optional(),
      /** The original (Word, PDF, scan), relative to the content folder: `sources/<name>.pdf`; offered on the page. */
      original: z
        .string()
        .regex(/^sources\/[^/\\]+$/, { error: 'source.original là tên tệp trong thư mục sources/ của thư viện, ví dụ sources/x.pdf' })
        .optional(),
      /** The text taken from it, relative to the content folder. */
      text: z.string().optional(),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, { error: 'source.sha256 là mã SHA-256 gồm 64 chữ số hex' })
        .optional(),
      size: z.number({ error: 'source.size là số byte của tệp gốc' }).int().nonnegative().optional(),
      mediaType: z.string().optional(),
      pages: z.number({ error: 'source.pages là số trang' }).int().positive().optional(),
      extraction: z.enum(EXTRACTIONS, { error: `source.extraction là một trong: ${EXTRACTIONS.join(', ')}` }).optional(),
    })
    .strict(),
]);

/** A directive an editor still has to check against its original (its text was recognised from a scan). */
export const reviewSchema = z
  .object({
    reason: z.enum(['ocr'], { error: 'review.reason là ocr (chữ nhận dạng từ bản quét)' }),
    /** Mean OCR confidence, 0–100. */
    confidence: z.number().min(0).max(100).optional(),
    note: z.string().optional(),
  })
  .strict();

export const directiveSchema = z
  .object({
    number: text('số hiệu (number)').refine((n) => parseNumber(n) !== null, {
      error: 'số hiệu không đúng dạng: cần "234-CV/BDVTU" (Đảng), "2345/UBND-VX" hoặc "30/2020/NĐ-CP" (Nhà nước)',
    }),
    /** The number as printed, when the canonical `number` spells it otherwise (`367 - QĐ/TWĐTN-VP`, `CT-TTG`). */
    numberPrinted: text('số hiệu như in (numberPrinted)').optional(),
    type: z.enum(DOC_TYPE_KEYS, {
      error: (i) => `loại văn bản "${String(i.input ?? '')}" không có trong bảng loại; dùng một trong: ${DOC_TYPE_KEYS.join(', ')}`,
    }),
    title: text('trích yếu (title)').max(TITLE_MAX, {
      error: (i) =>
        `trích yếu (title) dài ${String(i.input ?? '').length} ký tự, quá ${TITLE_MAX}; chỉ ghi phần trích yếu, nội dung để ở phần thân`,
    }),
    issuer: text('cơ quan ban hành (issuer)').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'issuer phải là id ASCII của cơ quan trong content/issuers.yaml, ví dụ ban-dan-van-tu-tuyen-quang',
    }),
    /** Other bodies that issued the document with `issuer` (a joint quy chế of the UBND and the Front). */
    coIssuers: z
      .array(
        text('cơ quan cùng ban hành (coIssuers)').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
          error: 'coIssuers là danh sách id cơ quan trong content/issuers.yaml',
        }),
      )
      .default([]),
    issued: isoDate('ngày ban hành (issued)'),
    place: text('địa danh (place)').optional(),
    recipients: z.array(text('nơi gửi (recipients)')).default([]),
    signer: signerSchema.optional(),
    distribution: z.array(text('nơi nhận (distribution)')).default([]),
    topics: z.array(text('chủ đề (topics)')).default([]),
    source: sourceSchema.optional(),
    relations: z.array(relationSchema).default([]),
    /** From when it takes effect, when not from its date. */
    effective: isoDate('ngày có hiệu lực (effective)').optional(),
    /** When it ceases to have effect, when it says so itself. */
    expires: isoDate('ngày hết hiệu lực (expires)').optional(),
    /** Its status when the library cannot tell it (src/model/status.ts), with `statusNote` saying why. */
    status: z
      .enum(STATUS_KEYS, { error: `status phải là một trong: ${STATUS_KEYS.join(', ')} (để trống khi thư viện tự xác định được)` })
      .optional(),
    statusNote: text('ghi chú hiệu lực (statusNote)').optional(),
    review: reviewSchema.optional(),
  })
  .strict();

export type DirectiveData = z.output<typeof directiveSchema>;
export type DirectiveInput = z.input<typeof directiveSchema>;

export const ISSUER_LEVELS = ['national', 'province', 'district', 'commune'] as const;
/** Party bodies, State bodies, and the mass organisations (the Front, the Đoàn, unions and associations). */
export const ISSUER_FAMILIES = ['party', 'state', 'mass'] as const;
export type IssuerFamily = (typeof ISSUER_FAMILIES)[number];

export const provinceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id tỉnh phải là chữ thường ASCII, số và dấu gạch ngang' }),
    name: text('tên tỉnh (name)'),
  })
  .strict();

export const issuerSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id cơ quan phải là chữ thường ASCII, số và dấu gạch ngang' }),
    /** Full name as cited: `Ban Dân vận Tỉnh ủy Tuyên Quang`. */
    name: text('tên cơ quan (name)'),
    /** Code in numbers: `BDVTU`, `TU`, `UBND`. */
    code: text('mã cơ quan (code)'),
    family: z.enum(ISSUER_FAMILIES, { error: 'family phải là party (Đảng), state (Nhà nước) hoặc mass (Mặt trận, đoàn thể)' }),
    level: z.enum(ISSUER_LEVELS, { error: `level phải là một trong: ${ISSUER_LEVELS.join(', ')}` }),
    /** Province id, for every level but national. */
    province: z.string().optional(),
    /** District or commune name, for local bodies. */
    locality: z.string().optional(),
    parent: z.string().optional(),
    /** Issuer block lines as printed at the top left (`TỈNH ỦY TUYÊN QUANG`, `BAN DÂN VẬN`). */
    header: z.array(z.string()).optional(),
  })
  .strict()
  .refine((i) => i.level === 'national' || !!i.province, { error: 'cơ quan cấp tỉnh, huyện, xã cần province' });

export const registrySchema = z
  .object({
    provinces: z.array(provinceSchema).default([]),
    issuers: z.array(issuerSchema).default([]),
  })
  .strict();

export type Issuer = z.output<typeof issuerSchema>;
export type Province = z.output<typeof provinceSchema>;
export type Registry = z.output<typeof registrySchema>;
