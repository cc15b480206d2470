/**
 * The text of an original that is not plain text — Word (`.docx`, `.doc`), PDF, a scanned page — and the facts kept
 * about the original. Everything after this goes through the same parser as text, so the rules for real text apply to
 * every format.
 */
import { readDoc } from './doc.ts';
import { readDocx } from './docx.ts';
import { imageMediaType, type InputKind, MEDIA_TYPES } from './kind.ts';
import { recognise } from './ocr.ts';
import { type Extracted, MAX_ORIGINAL_BYTES, type OriginalFacts, sha256 } from './original.ts';
import { pdfText } from './pdf-lines.ts';
import { readPdf } from './pdf.ts';

export interface ExtractOptions {
  /** Recognise scanned pages and images (slow; the directive is marked for review). */
  ocr?: boolean | undefined;
}

const MB = 1024 * 1024;

export async function extractOriginal(
  bytes: Buffer,
  kind: Exclude<InputKind, 'text' | 'markdown'>,
  opts: ExtractOptions,
): Promise<Extracted> {
  if (bytes.length > MAX_ORIGINAL_BYTES)
    return {
      ok: false,
      reason: `tệp lớn ${(bytes.length / MB).toFixed(1)} MB, quá giới hạn ${MAX_ORIGINAL_BYTES / MB} MB cho một văn bản; tách hoặc nén lại (in ra PDF với chất lượng thấp hơn)`,
    };
  const facts = { sha256: sha256(bytes), size: bytes.length };
  if (kind === 'docx') {
    const r = await readDocx(bytes);
    if (!r.ok) return r;
    return { ok: true, text: r.text, notes: r.notes, original: { ...facts, mediaType: MEDIA_TYPES.docx, extraction: 'word' } };
  }
  if (kind === 'doc') {
    const r = await readDoc(bytes);
    if (!r.ok) return r;
    return { ok: true, text: r.text, notes: [], original: { ...facts, mediaType: MEDIA_TYPES.doc, extraction: 'word' } };
  }
  if (kind === 'pdf') {
    const r = await readPdf(bytes, { ocr: !!opts.ocr });
    if (!r.ok) return r;
    const notes = r.removed.length ? [`bỏ đầu trang, chân trang và số trang: ${r.removed.join('; ')}`] : [];
    const original: OriginalFacts = { ...facts, mediaType: MEDIA_TYPES.pdf, pages: r.pages, extraction: r.ocr ? 'ocr' : 'text-layer' };
    if (r.ocr) {
      original.confidence = r.ocr.confidence;
      notes.push(`nhận dạng chữ (OCR) trang ${r.ocr.pages.join(', ')}, độ tin cậy ${r.ocr.confidence}%: cần đối chiếu với bản gốc`);
    }
    return { ok: true, text: r.text, notes, original };
  }
  const mediaType = imageMediaType(bytes)!;
  if (!opts.ocr)
    return {
      ok: false,
      reason: 'tệp là ảnh chụp hoặc ảnh quét; chạy lại với --ocr để nhận dạng chữ (văn bản sẽ được đánh dấu cần đối chiếu)',
    };
  const rec = await recognise(bytes);
  const { text, removed } = pdfText([rec.page]);
  const notes = [`nhận dạng chữ (OCR), độ tin cậy ${rec.confidence}%: cần đối chiếu với bản gốc`];
  if (removed.length) notes.push(`bỏ số trang: ${removed.join('; ')}`);
  return { ok: true, text, notes, original: { ...facts, mediaType, pages: 1, extraction: 'ocr', confidence: rec.confidence } };
}
