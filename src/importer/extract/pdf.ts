/**
 * The text of a PDF with unpdf (PDF.js): the text layer of each page, positioned, rebuilt into lines
 * (src/importer/extract/pdf-lines.ts). A page without a text layer (a scan) is refused unless recognition was asked
 * for (`--ocr`); a page with neither text nor an image is blank and passes. A scan is rendered at 300 dpi and
 * recognised (src/importer/extract/ocr.ts). A PDF with a password, or one that does not open, is refused with the reason.
 */
import { getDocumentProxy, getResolvedPDFJS, renderPageAsImage } from 'unpdf';
import { OCR_DPI, recognise } from './ocr.ts';
import { pdfText, type PlacedPage } from './pdf-lines.ts';

/** A page with fewer letters than this in its text layer is a scan (a stamp or a page number is not a text). */
const MIN_TEXT_LETTERS = 20;

export type PdfRead =
  | { ok: true; text: string; pages: number; ocr: { pages: number[]; confidence: number } | null; removed: string[] }
  | { ok: false; reason: string };

/** PDF.js's operators that paint an image, found on first use. */
let imageOps: Promise<Set<number>> | undefined;
const paintImageOps = () =>
  (imageOps ??= getResolvedPDFJS().then(
    ({ OPS }) =>
      new Set<number>([
        OPS.paintImageXObject,
        OPS.paintInlineImageXObject,
        OPS.paintInlineImageXObjectGroup,
        OPS.paintImageXObjectRepeat,
        OPS.paintImageMaskXObject,
        OPS.paintImageMaskXObjectGroup,
        OPS.paintImageMaskXObjectRepeat,
      ]),
  ));

/** Whether a page paints an image: a page with neither letters nor images is blank (a last empty page), not a scan. */
async function paintsImage(page: { getOperatorList(): Promise<{ fnArray: number[] }> }): Promise<boolean> {
  const images = await paintImageOps();
  return (await page.getOperatorList()).fnArray.some((op) => images.has(op));
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

export async function readPdf(bytes: Uint8Array, opts: { ocr: boolean }): Promise<PdfRead> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 } as never);
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException')
      return { ok: false, reason: 'tệp PDF được khóa bằng mật khẩu; mở khóa (in ra PDF mới hoặc bỏ mật khẩu) rồi nhập lại' };
    return { ok: false, reason: `tệp PDF hỏng hoặc không đầy đủ (${(e as Error).message.split('\n')[0]}); lấy lại tệp gốc rồi nhập lại` };
  }
  try {
    const pages: PlacedPage[] = [];
    const scanned: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = (content.items as TextItem[])
        .filter((i) => typeof i.str === 'string' && i.str.trim())
        .map((i) => ({
          text: i.str,
          x: i.transform[4]!,
          y: i.transform[5]!,
          width: i.width,
          size: Math.hypot(i.transform[2]!, i.transform[3]!) || 10,
        }));
      const letters = items.reduce((k, i) => k + (i.text.match(/\p{L}/gu)?.length ?? 0), 0);
      if (letters < MIN_TEXT_LETTERS && (await paintsImage(page))) scanned.push(n);
      pages.push({ width: view.width, height: view.height, items });
    }
    if (scanned.length && !opts.ocr) {
      const which = scanned.length === pdf.numPages ? 'không trang nào' : `trang ${scanned.join(', ')} không`;
      return {
        ok: false,
        reason: `PDF là bản quét: ${which} có lớp chữ. Chạy lại với --ocr để nhận dạng chữ (văn bản sẽ được đánh dấu cần đối chiếu)`,
      };
    }
    let confidence = 0;
    for (const n of scanned) {
      const scale = OCR_DPI / 72;
      const png = await renderPageAsImage(pdf, n, { canvasImport: () => import('@napi-rs/canvas'), scale });
      const { width, height } = pages[n - 1]!;
      const rec = await recognise(new Uint8Array(png), { width: Math.round(width * scale), height: Math.round(height * scale) });
      pages[n - 1] = rec.page;
      confidence += rec.confidence;
    }
    const { text, removed } = pdfText(pages);
    return {
      ok: true,
      text,
      pages: pdf.numPages,
      ocr: scanned.length ? { pages: scanned, confidence: Math.round(confidence / scanned.length) } : null,
      removed,
    };
  } finally {
    await pdf.cleanup();
    await pdf.loadingTask.destroy();
  }
}
