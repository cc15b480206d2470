/** What a file to import is, by its first bytes (an extension can lie: a `.doc` that is really a `.docx`). */

export type InputKind = 'text' | 'markdown' | 'docx' | 'doc' | 'pdf' | 'image';

export const MEDIA_TYPES: Record<Exclude<InputKind, 'text' | 'markdown' | 'image'>, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
};

/** Extensions the importer reads (folders are walked for these). */
export const INPUT_EXTENSIONS = new Set(['.txt', '.md', '.docx', '.doc', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff']);

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function imageMediaType(b: Uint8Array): string | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  return null;
}

export function inputKind(bytes: Uint8Array, extension: string): InputKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // a zip: Word's .docx
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // OLE: Word 97-2003
  if (imageMediaType(bytes)) return 'image';
  return extension.toLowerCase() === '.md' ? 'markdown' : 'text';
}
