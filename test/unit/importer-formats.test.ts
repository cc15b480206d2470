/**
 * Word files, PDFs and scans, made by the tests from the text in tools/make-originals.ts, read by the
 * importer into the same fields as the text they were made from; and the originals it refuses, by name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOcr } from '../../src/importer/extract/ocr.ts';
import { parseFile } from '../../src/importer/parse-file.ts';
import type { ParseResult } from '../../src/importer/parse.ts';
import { PDFDocument } from 'pdf-lib';
import { parseDirective } from '../../src/importer/parse.ts';
import {
  docxFromText,
  inflatedDocx,
  lockedPdf,
  makeDocx,
  makePdf,
  PARTY,
  renderPage,
  scannedPdf,
  STATE,
} from '../../tools/make-originals.ts';

let dir: string;
const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-formats-'));
  // A cache of its own: recognition runs for real in this file.
  process.env.OCR_CACHE_DIR = path.join(dir, 'ocr-cache');
});
afterAll(async () => {
  await closeOcr();
  fs.rmSync(dir, { recursive: true, force: true });
});

function ok(r: ParseResult) {
  if (!r.ok) throw new Error(r.reason);
  return r.doc;
}

const PARTY_FIELDS = {
  number: '312-CV/BTGTU',
  title: 'Tuyên truyền kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ',
  issued: '2022-06-20',
  signer: { name: 'Nguyễn Đức Mạnh', title: 'Phó Trưởng ban', authority: 'K/T Trưởng ban' },
  distribution: ['Như trên', 'Thường trực Tỉnh ủy (b/c)', 'Lưu BTG'],
};
const STATE_FIELDS = {
  number: '2345/SYT-NVY',
  title: 'Tăng cường tiêm chủng vắc xin phòng Covid-19 cho trẻ em từ 5 đến dưới 12 tuổi',
  issued: '2022-03-05',
  signer: { name: 'Trần Văn Bình', title: 'Phó Giám đốc', authority: 'KT. Giám đốc' },
  distribution: ['Như trên', 'UBND tỉnh (để b/c)', 'Lưu: VT, NVY'],
};
const fields = (d: ReturnType<typeof ok>) => ({
  number: d.number.raw,
  title: d.title,
  issued: d.issued,
  signer: d.signer,
  distribution: d.distribution,
});

describe('Word', () => {
  it('reads a .docx with its header and signing block in two-column tables, both families', async () => {
    const party = ok(await parseFile(write('party.docx', await makeDocx(PARTY))));
    expect(fields(party)).toEqual(PARTY_FIELDS);
    expect(party.issuerLines).toEqual(['TỈNH ỦY BẮC NINH', 'BAN TUYÊN GIÁO']);
    expect(party.original?.facts).toMatchObject({ extraction: 'word', mediaType: expect.stringContaining('wordprocessingml') });
    expect(party.body).toMatch(/^Thực hiện Hướng dẫn số 66-HD\/BTGTW/);
    const state = ok(await parseFile(write('state.docx', await makeDocx(STATE))));
    expect(fields(state)).toEqual(STATE_FIELDS);
  });

  it('a .docx typed line by line (every line a paragraph of its own) reads as the text it was typed from', async () => {
    // Word puts a paragraph break after each line, which the reader turns into blank lines: the subject wrapped over
    // two paragraphs must still come out whole.
    const text = [
      'UBND TỈNH KHÁNH HÒA',
      'SỞ Y TẾ',
      '-------',
      'Số: 7/SYT-NVY',
      'V/v tổ chức học tập và làm theo tư tưởng, đạo',
      'đức, phong cách Hồ Chí Minh năm 2019',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Khánh Hòa, ngày 31 tháng 3 năm 2019',
      '',
      'Kính gửi: Các sở, ban, ngành cấp tỉnh.',
      '',
      'Sở Y tế đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau đây trong năm 2019.',
      '',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Lê Văn An',
      '',
    ].join('\n');
    const fromText = ok(parseDirective(text));
    const d = ok(await parseFile(write('typed.docx', await docxFromText(text))));
    expect(d.title).toBe('Tổ chức học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2019');
    expect(fields(d)).toEqual(fields(fromText));
    expect(d.body).toBe(fromText.body);
  });

  it('decodes runs in the legacy .VnTime font (TCVN3) run by run, and says so', async () => {
    const d = ok(await parseFile(write('legacy.docx', await makeDocx(STATE, { legacyFont: true }))));
    expect(fields(d)).toEqual(STATE_FIELDS);
    expect(d.warnings).toContain('chữ ở phông cũ (TCVN3 hoặc VNI) đã được chuyển sang Unicode');
  });

  it('refuses a .docx that would expand past the limit, before expanding it', async () => {
    const r = await parseFile(write('bomb.docx', await inflatedDocx(3_000_000_000)));
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/bung ra \d+ MB, quá giới hạn 200 MB/) });
  });

  it('refuses a damaged Word file with the reason', async () => {
    const docx = await makeDocx(PARTY);
    expect(await parseFile(write('cut.docx', docx.subarray(0, docx.length / 2)))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^tệp \.docx hỏng hoặc không đầy đủ/),
    });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]);
    expect(await parseFile(write('broken.doc', ole))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^không đọc được tệp Word \.doc/),
    });
  });
});

describe('PDF', () => {
  it('rebuilds lines from glyph positions: the header columns stay apart, wrapped paragraphs are whole', async () => {
    const d = ok(await parseFile(write('state.pdf', await makePdf(STATE))));
    expect(fields(d)).toEqual(STATE_FIELDS);
    expect(d.original?.facts).toMatchObject({ extraction: 'text-layer', mediaType: 'application/pdf', pages: 1 });
    expect(d.original!.text).toContain('UBND TỈNH NAM ĐỊNH   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n');
    // A paragraph the PDF wrapped over three lines comes back as one.
    expect(d.original!.text).toContain(`${STATE.body[2]}\n`);
  });

  it('removes and reports running headers and page numbers; the signing block on page 2 is read', async () => {
    const d = ok(await parseFile(write('party-2p.pdf', await makePdf(PARTY, { pages: 2 }))));
    expect(fields(d)).toEqual(PARTY_FIELDS);
    expect(d.original?.facts.pages).toBe(2);
    expect(d.original!.text).not.toMatch(/Trang \d|lưu hành nội bộ/);
    expect(d.warnings.join('\n')).toContain(
      'bỏ đầu trang, chân trang và số trang: trang 1: «Văn bản số hóa - lưu hành nội bộ»; trang 1: «Trang 1/2»; trang 2: «Văn bản số hóa - lưu hành nội bộ»; trang 2: «Trang 2/2»',
    );
  });

  it('a blank page (no text, no image) is not a scan: the PDF is read without --ocr', async () => {
    const pdf = await PDFDocument.load(await makePdf(STATE));
    pdf.addPage();
    const d = ok(await parseFile(write('state-blank-page.pdf', await pdf.save())));
    expect(fields(d)).toEqual(STATE_FIELDS);
    expect(d.original?.facts.pages).toBe(2);
  });

  it('refuses a PDF locked with a password, a truncated one, and one over the size limit', async () => {
    expect(await parseFile(write('locked.pdf', await lockedPdf()))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^tệp PDF được khóa bằng mật khẩu/),
    });
    const pdf = await makePdf(STATE);
    expect(await parseFile(write('cut.pdf', pdf.subarray(0, 300)))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^tệp PDF hỏng hoặc không đầy đủ/),
    });
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(51 * 1024 * 1024)]);
    expect(await parseFile(write('huge.pdf', huge))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^tệp lớn 51\.0 MB, quá giới hạn 50 MB/),
    });
  });
});

describe('scans', () => {
  let png: Buffer;
  beforeAll(async () => {
    png = await renderPage(await makePdf(PARTY), 200);
  });

  it('a scanned PDF or an image is refused without --ocr, suggesting it', async () => {
    for (const [name, bytes] of [
      ['scan.pdf', await scannedPdf(png)],
      ['scan.png', png],
    ] as const) {
      expect(await parseFile(write(name, bytes))).toMatchObject({ ok: false, reason: expect.stringContaining('--ocr') });
    }
  });

  it('with --ocr, a scanned page is recognised into the same fields, with its confidence', async () => {
    const d = ok(await parseFile(write('scan.pdf', await scannedPdf(png)), { ocr: true }));
    expect(fields(d)).toEqual(PARTY_FIELDS);
    expect(d.original?.facts).toMatchObject({ extraction: 'ocr', pages: 1, confidence: expect.any(Number) });
    expect(d.original!.facts.confidence!).toBeGreaterThan(80);
    expect(d.warnings.join('\n')).toMatch(/nhận dạng chữ \(OCR\) trang 1, độ tin cậy \d+%: cần đối chiếu với bản gốc/);
  }, 120_000);

  it('recognition is cached by the image: the same scan again is not recognised again', async () => {
    const file = write('again.png', png);
    const first = ok(await parseFile(file, { ocr: true }));
    const cached = fs.readdirSync(process.env.OCR_CACHE_DIR!);
    expect(cached.length).toBeGreaterThan(0);
    const started = performance.now();
    const second = ok(await parseFile(file, { ocr: true }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(second.original!.text).toBe(first.original!.text);
    expect(fs.readdirSync(process.env.OCR_CACHE_DIR!)).toEqual(cached);
  }, 120_000);
});
