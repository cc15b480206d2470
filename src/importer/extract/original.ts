/**
 * What the importer keeps of a file that is not text (Word, PDF, a scan): how its text was obtained, and the facts a
 * reader checks the copy against (SHA-256, size, type, pages).
 */
import crypto from 'node:crypto';

/** How the text of an original was obtained. */
export type Extraction = 'word' | 'text-layer' | 'ocr';

export interface OriginalFacts {
  sha256: string;
  size: number;
  mediaType: string;
  pages?: number | undefined;
  extraction: Extraction;
  /** Mean OCR confidence, 0–100, when the text was recognised from images. */
  confidence?: number | undefined;
}

export type Extracted = { ok: true; text: string; original: OriginalFacts; notes: string[] } | { ok: false; reason: string };

export const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Files larger than this are refused before they are opened: no directive is that large, a mistake is. */
export const MAX_ORIGINAL_BYTES = 50 * 1024 * 1024;
