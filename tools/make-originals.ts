/**
 * Originals made from text written here, for the tests and the benchmark: Word files with the `docx` package (the header and
 * the signing block in two-column tables, as offices lay them out; optionally in the legacy `.VnTime` font, its text
 * TCVN3-encoded), PDFs with pdf-lib and Debian's DejaVu font (both header columns on shared baselines, running header
 * and page numbers on a second page), and scans: a PDF page rendered to an image, alone or wrapped in a PDF with no
 * text layer. No binary fixture comes from elsewhere.
 */
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { renderPageAsImage } from 'unpdf';
import { encodeTcvn3 } from '../src/importer/encodings.ts';

/** A directive as laid out on paper: header columns, body paragraphs, signing columns. */
export interface DocSpec {
  left: string[];
  right: string[];
  body: string[];
  signLeft: string[];
  signRight: string[];
}

export const PARTY: DocSpec = {
  left: ['TỈNH ỦY BẮC NINH', 'BAN TUYÊN GIÁO', '*', 'Số 312-CV/BTGTU', 'V/v tuyên truyền kỷ niệm 75 năm', 'Ngày Thương binh - Liệt sĩ'],
  right: ['ĐẢNG CỘNG SẢN VIỆT NAM', '', 'Bắc Ninh, ngày 20 tháng 6 năm 2022'],
  body: [
    'Kính gửi: Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy, các đảng ủy trực thuộc Tỉnh ủy.',
    'Thực hiện Hướng dẫn số 66-HD/BTGTW ngày 01/6/2022 của Ban Tuyên giáo Trung ương, Ban Tuyên giáo Tỉnh ủy đề nghị các đơn vị tập trung tuyên truyền một số nội dung sau:',
    '1. Ý nghĩa lịch sử của Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2022); truyền thống "Uống nước nhớ nguồn", "Đền ơn đáp nghĩa" của dân tộc và phong trào chăm sóc gia đình chính sách ở địa phương trong những năm qua.',
    '2. Kết quả thực hiện chính sách ưu đãi người có công với cách mạng trên địa bàn tỉnh.',
    'Ban Tuyên giáo Tỉnh ủy đề nghị các đơn vị thực hiện.',
  ],
  signLeft: ['Nơi nhận:', '- Như trên,', '- Thường trực Tỉnh ủy (b/c),', '- Lưu BTG.'],
  signRight: ['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', 'Nguyễn Đức Mạnh'],
};

export const STATE: DocSpec = {
  left: [
    'UBND TỈNH NAM ĐỊNH',
    'SỞ Y TẾ',
    'Số: 2345/SYT-NVY',
    'V/v tăng cường tiêm chủng vắc xin',
    'phòng Covid-19 cho trẻ em từ 5 đến dưới 12 tuổi',
  ],
  right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Nam Định, ngày 05 tháng 3 năm 2022'],
  body: [
    'Kính gửi: Ủy ban nhân dân các huyện, thành phố; Trung tâm Kiểm soát bệnh tật tỉnh.',
    'Thực hiện Công văn số 1185/BYT-DP ngày 10/3/2022 của Bộ Y tế, Sở Y tế đề nghị các đơn vị thực hiện một số nội dung sau:',
    '1. Rà soát, lập danh sách trẻ em từ 5 đến dưới 12 tuổi trên địa bàn; hoàn thành trước ngày 20/3/2022 và gửi về Sở Y tế để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.',
    '2. Bảo đảm an toàn tiêm chủng theo hướng dẫn tại Quyết định số 3588/QĐ-BYT; tổ chức theo dõi sau tiêm ít nhất 30 phút.',
    'Đề nghị các đơn vị khẩn trương triển khai thực hiện./.',
  ],
  signLeft: ['Nơi nhận:', '- Như trên;', '- UBND tỉnh (để b/c);', '- Lưu: VT, NVY.'],
  signRight: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', 'Trần Văn Bình'],
};

/** A third directive, of another province, for tests that need three different ones (a scan among them). */
export const DISTRICT: DocSpec = {
  left: ['TỈNH ỦY HÀ TĨNH', 'BAN DÂN VẬN', '*', 'Số 45-CV/BDVTU', 'V/v tổ chức hội nghị đối thoại', 'với đoàn viên, hội viên năm 2023'],
  right: ['ĐẢNG CỘNG SẢN VIỆT NAM', '', 'Hà Tĩnh, ngày 12 tháng 8 năm 2023'],
  body: [
    'Kính gửi: Ban dân vận các huyện ủy, thị ủy, thành ủy.',
    'Ban Dân vận Tỉnh ủy đề nghị các đơn vị chủ động xây dựng kế hoạch tổ chức hội nghị đối thoại với đoàn viên, hội viên, báo cáo kết quả về Ban Dân vận Tỉnh ủy trước ngày 30 tháng 9 năm 2023.',
  ],
  signLeft: ['Nơi nhận:', '- Như trên,', '- Lưu VT.'],
  signRight: ['T/M BAN DÂN VẬN', 'TRƯỞNG BAN', '', 'Lê Văn Hòa'],
};

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf';

// --- Word ------------------------------------------------------------------------------------------------------

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/** One row of two borderless cells, each a column of paragraphs: how Word directives lay out header and signature. */
function columns(left: string[], right: string[], run: (t: string) => TextRun): Table {
  const cell = (lines: string[]) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(l)] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left), cell(right)] })],
  });
}

/** A `.docx` of the directive; `legacyFont` writes every run in `.VnTime` with its text TCVN3-encoded. */
export async function makeDocx(spec: DocSpec, opts: { legacyFont?: boolean } = {}): Promise<Buffer> {
  const run = (t: string) =>
    opts.legacyFont ? new TextRun({ text: encodeTcvn3(t), font: '.VnTime' }) : new TextRun({ text: t, font: 'Times New Roman' });
  const doc = new Document({
    sections: [
      {
        children: [
          columns(spec.left, spec.right, run),
          new Paragraph({ children: [] }),
          ...spec.body.map((p) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [run(p)] })),
          new Paragraph({ children: [] }),
          columns(spec.signLeft, spec.signRight, run),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// --- PDF -------------------------------------------------------------------------------------------------------

const PAGE = { width: 595, height: 842, margin: 60 };

/** Words of `text` in lines no wider than `width` at `size` (each word measured once: measuring is the slow part). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = (w: string) => font.widthOfTextAtSize(w, size);
  const space = measure(' ');
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  for (const w of text.split(/\s+/)) {
    const ww = measure(w);
    if (line.length && used + space + ww > width) {
      lines.push(line.join(' '));
      line = [];
      used = 0;
    }
    used += (line.length ? space : 0) + ww;
    line.push(w);
  }
  if (line.length) lines.push(line.join(' '));
  return lines;
}

/**
 * A PDF of the directive as Word exports one: the header columns side by side on shared baselines, the body wrapped
 * (and justified, as the paragraphs of a directive are), the signing columns. `pages: 2` moves the signing block to a
 * second page, with a running header and page numbers on both.
 */
export async function makePdf(spec: DocSpec, opts: { pages?: 1 | 2 } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fs.readFileSync(FONT), { subset: true });
  const bold = await pdf.embedFont(fs.readFileSync(FONT_BOLD), { subset: true });
  const size = 12;
  const lead = 17;
  const colX = [PAGE.margin, PAGE.width / 2 + 10];
  const colWidth = PAGE.width / 2 - PAGE.margin;
  const centred = (page: PDFPage, text: string, x: number, y: number, f: PDFFont) =>
    page.drawText(text, { x: x + (colWidth - f.widthOfTextAtSize(text, size)) / 2, y, size, font: f });
  const pages = [pdf.addPage([PAGE.width, PAGE.height])];
  let page = pages[0]!;
  let y = PAGE.height - PAGE.margin;
  const rows = (left: string[], right: string[]) => {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      if (left[i]) centred(page, left[i]!, colX[0]!, y, i < 2 ? bold : font);
      if (right[i]) centred(page, right[i]!, colX[1]!, y, i < 2 ? bold : font);
      y -= lead;
    }
  };
  rows(spec.left, spec.right);
  y -= lead;
  const textWidth = PAGE.width - 2 * PAGE.margin;
  for (const p of spec.body) {
    const lines = wrap(p, font, size, textWidth - 30);
    for (const [k, l] of lines.entries()) {
      // Justified: every line but the last stretched to the right margin by spacing its words.
      const words = l.split(' ');
      const natural = font.widthOfTextAtSize(l, size);
      const x0 = PAGE.margin + (k === 0 ? 30 : 0);
      const room = textWidth - (k === 0 ? 30 : 0);
      if (k < lines.length - 1 && words.length > 1) {
        const extra = (room - natural) / (words.length - 1);
        let x = x0;
        for (const w of words) {
          page.drawText(w, { x, y, size, font });
          x += font.widthOfTextAtSize(`${w} `, size) + extra;
        }
      } else page.drawText(l, { x: x0, y, size, font });
      y -= lead;
    }
  }
  if (opts.pages === 2) {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    y = PAGE.height - PAGE.margin - 2 * lead;
  } else y -= lead;
  rows(spec.signLeft, spec.signRight);
  if (opts.pages === 2)
    for (const [k, p] of pages.entries()) {
      p.drawText('Văn bản số hóa - lưu hành nội bộ', { x: PAGE.margin, y: PAGE.height - 30, size: 9, font });
      p.drawText(`Trang ${k + 1}/${pages.length}`, { x: PAGE.width / 2 - 20, y: 25, size: 9, font });
    }
  return pdf.save();
}

// --- Scans -----------------------------------------------------------------------------------------------------

/** The first page of a PDF as a PNG image, at `dpi`: what a scanner gives. */
export async function renderPage(pdfBytes: Uint8Array, dpi = 200): Promise<Buffer> {
  const png = await renderPageAsImage(new Uint8Array(pdfBytes), 1, { canvasImport: () => import('@napi-rs/canvas'), scale: dpi / 72 });
  return Buffer.from(png);
}

/** A PDF whose only page is an image: a scanned paper, with no text layer. */
export async function scannedPdf(png: Buffer): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  page.drawImage(image, { x: 0, y: 0, width: PAGE.width, height: PAGE.height });
  return pdf.save();
}

/**
 * A PDF locked with a password: the standard security handler's dictionary added by an incremental update, with
 * owner and user keys no empty password opens (what a PDF "protected by password" carries).
 */
export async function lockedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const base = Buffer.from(await doc.save({ useObjectStreams: false }));
  const text = base.toString('latin1');
  const prev = Number(/startxref\s+(\d+)/.exec(text)![1]);
  const size = Number(/\/Size (\d+)/.exec(text)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text)![1];
  const key = (n: number) => 'ab'.repeat(n);
  const encrypt = `${size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${key(32)}> /U <${key(32)}> /P -4 >>\nendobj\n`;
  const xref =
    `xref\n${size} 1\n${String(base.length).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Encrypt ${size} 0 R /Prev ${prev} /ID [<${key(16)}> <${key(16)}>] >>\n` +
    `startxref\n${base.length + encrypt.length}\n%%EOF\n`;
  return Buffer.concat([base, Buffer.from(encrypt + xref, 'latin1')]);
}

/**
 * A `.docx` whose zip directory says its document expands to `bytes` (a zip bomb as the importer sees it: the check
 * reads the directory, and refuses before anything is expanded).
 */
export async function inflatedDocx(bytes: number): Promise<Buffer> {
  const zip = Buffer.from(await makeDocx(PARTY));
  // Every central directory entry (signature PK\x01\x02) has its uncompressed size at offset 24.
  for (let at = zip.indexOf('PK\x01\x02'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4))
    zip.writeUInt32LE(Math.min(bytes, 0xfffffffe), at + 24);
  return zip;
}

// --- From raw text (the benchmark's generated directives) ------------------------------------------------------

/** A raw text's lines as the two columns they were flattened from, where a run of spaces splits them. */
const splitColumns = (line: string) => line.split(/\s{3,}/).map((s) => s.trim());

/** A `.docx` of a raw text: a line with two columns becomes a two-cell table row, any other line a paragraph. */
export async function docxFromText(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  const run = (t: string) => new TextRun({ text: t, font: 'Times New Roman' });
  for (const line of text.split('\n')) {
    const cols = splitColumns(line);
    if (cols.length === 2) children.push(columns([cols[0]!], [cols[1]!], run));
    else children.push(new Paragraph({ children: line.trim() ? [run(line.trim())] : [] }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A PDF of a raw text: two columns side by side, short lines as they are, paragraphs wrapped, pages as needed. */
export async function pdfFromText(text: string, font?: { regular: Uint8Array }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const f = await pdf.embedFont(font?.regular ?? fs.readFileSync(FONT), { subset: true });
  const size = 11;
  const lead = 15;
  const textWidth = PAGE.width - 2 * PAGE.margin;
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const next = () => {
    y -= lead;
    if (y < PAGE.margin) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
  };
  for (const line of text.split('\n')) {
    const cols = splitColumns(line);
    if (!line.trim()) next();
    else if (cols.length === 2) {
      page.drawText(cols[0]!, { x: PAGE.margin, y, size, font: f });
      page.drawText(cols[1]!, { x: PAGE.width / 2 + 10, y, size, font: f });
      next();
    } else if (f.widthOfTextAtSize(line, size) <= textWidth) {
      page.drawText(line.trim(), { x: PAGE.margin, y, size, font: f });
      next();
    } else {
      // Wrapped, ragged right: drawing word by word to justify would cost the benchmark minutes of making files.
      for (const l of wrap(line.trim(), f, size, textWidth)) {
        page.drawText(l, { x: PAGE.margin, y, size, font: f });
        next();
      }
    }
  }
  return pdf.save();
}

/** The font bytes the PDF makers draw with, read once by a caller that makes many. */
export const fontBytes = () => ({ regular: fs.readFileSync(FONT) });
