/**
 * Optical character recognition of page images with tesseract.js, Vietnamese data from the `@tesseract.js-data/vie`
 * package in node_modules (never the network). Each word comes back with its box, so the page goes through the same
 * line rebuilding as a PDF's text layer (src/importer/extract/pdf-lines.ts). Results are cached by the image's hash:
 * importing the same scan again does not recognise it again.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, type Worker } from 'tesseract.js';
import { ocrCacheDir } from '../../settings.ts';
import type { PlacedPage } from './pdf-lines.ts';
import { sha256 } from './original.ts';

const require = createRequire(import.meta.url);
const VIE = require('@tesseract.js-data/vie') as { langPath: string; gzip: boolean };

/** Resolution pages of a PDF are rendered at for recognition: enough for 10-point print. */
export const OCR_DPI = 300;
/** Bumped when what is cached changes shape, so old entries are not read. */
const CACHE_VERSION = 1;

export interface RecognisedPage {
  page: PlacedPage;
  /** Mean word confidence, 0–100. */
  confidence: number;
}

let worker: Promise<Worker> | null = null;

function ocrWorker(): Promise<Worker> {
  worker ??= createWorker('vie', 1, { langPath: VIE.langPath, gzip: VIE.gzip, cacheMethod: 'none', logger: () => {} });
  return worker;
}

/** Stop the recognition worker (the import is done). */
export async function closeOcr(): Promise<void> {
  if (!worker) return;
  const w = worker;
  worker = null;
  await (await w).terminate();
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface OcrWord {
  text: string;
  confidence: number;
  bbox: Box;
}

/**
 * Recognise one page image (PNG, JPEG or TIFF bytes). `size` is the page's size in the image's pixels when known (a
 * rendered PDF page); without it the words' extent stands for the page.
 */
export async function recognise(image: Uint8Array, size?: { width: number; height: number }): Promise<RecognisedPage> {
  const cacheDir = ocrCacheDir();
  const file = path.join(cacheDir, `${sha256(image)}.v${CACHE_VERSION}.json`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as RecognisedPage;
  } catch {
    // not recognised before
  }
  const w = await ocrWorker();
  const { data } = await w.recognize(Buffer.from(image), {}, { blocks: true, text: false });
  // Words keep the line tesseract found them on: one baseline for all (a letter's descender or its tone mark moves
  // a word's own box up or down).
  const words: (OcrWord & { line: Box })[] = [];
  for (const block of data.blocks ?? [])
    for (const para of block.paragraphs)
      for (const line of para.lines) for (const word of line.words) words.push({ ...(word as unknown as OcrWord), line: line.bbox });
  // Pixels to the page's own units, baseline measured from the bottom as in a PDF.
  const page = size ?? {
    width: Math.max(1, ...words.map((wd) => wd.bbox.x1)),
    height: Math.max(1, ...words.map((wd) => wd.line.y1)),
  };
  const items = words
    .filter((wd) => wd.text.trim())
    .map((wd) => ({
      text: wd.text,
      x: wd.bbox.x0,
      y: page.height - wd.line.y1,
      width: wd.bbox.x1 - wd.bbox.x0,
      // The height of capitals, not of the line's whole box with its tone marks: gaps are measured in it.
      size: Math.max(1, (wd.line.y1 - wd.line.y0) * 0.7),
    }));
  const confidence = words.length ? words.reduce((n, wd) => n + wd.confidence, 0) / words.length : 0;
  const result: RecognisedPage = { page: { ...page, items }, confidence: Math.round(confidence) };
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result));
  fs.renameSync(tmp, file);
  return result;
}
