/** A directive's kept original (Word, PDF, a scan) as its page, the catalog and the structured data offer it. */
import { originalPath } from '../model/ids.ts';
import type { DirectiveData } from '../model/schema.ts';
import { href } from './urls.ts';

export interface OriginalView {
  /** Under the base: `/vanban/goc/<name>`. */
  href: string;
  /** Path under the base, for absolute URLs. */
  path: string;
  fileName: string;
  /** `PDF`, `Word`, `ảnh`. */
  kind: string;
  mediaType: string;
  size: number;
  /** `236 KB`. */
  sizeText: string;
  sha256: string | null;
  pages: number | null;
  /** How its text was obtained, as a sentence. */
  how: string;
  /** The text was recognised and nobody has checked it yet. */
  unchecked: boolean;
}

const KINDS: [RegExp, string][] = [
  [/pdf/, 'PDF'],
  [/word|msword/, 'Word'],
  [/^image\//, 'ảnh'],
];

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function originalView(data: DirectiveData): OriginalView | null {
  const source = typeof data.source === 'object' ? data.source : null;
  if (!source?.original) return null;
  const path = originalPath(source.original);
  const mediaType = source.mediaType ?? 'application/octet-stream';
  const confidence = data.review?.confidence;
  const how =
    source.extraction === 'ocr'
      ? `Chữ được nhận dạng (OCR) từ bản quét${confidence !== undefined ? `, độ tin cậy ${confidence}%` : ''}.`
      : source.extraction === 'text-layer'
        ? 'Chữ lấy từ lớp chữ của tệp PDF gốc.'
        : source.extraction === 'word'
          ? 'Chữ lấy từ tệp Word gốc.'
          : '';
  return {
    href: href(path),
    path,
    fileName: path.slice(path.lastIndexOf('/') + 1),
    kind: KINDS.find(([re]) => re.test(mediaType))?.[1] ?? 'tệp',
    mediaType,
    size: source.size ?? 0,
    sizeText: formatBytes(source.size ?? 0),
    sha256: source.sha256 ?? null,
    pages: source.pages ?? null,
    how,
    unchecked: !!data.review,
  };
}
