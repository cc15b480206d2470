/**
 * Which files are the library, and how a content file's text is read: one rule for `npm run validate`, the build
 * (pages and search index alike) and the importer's look at what is already there.
 *
 * The library is every `*.md` file under `directives/`, at any depth, except names starting with a dot (editor
 * drafts, `.old/` folders): those are reported as left out, never read. Symbolic links are not followed: a link is
 * an error naming where it points (so nothing outside the content folder is published unseen, and a loop is one
 * message, not a crash). The content folder itself may be a link.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { normalizeText } from '../model/text.ts';
import type { Problem } from './problems.ts';

export interface LibraryListing {
  /** Absolute paths, sorted. */
  files: string[];
  problems: Problem[];
}

const isHidden = (name: string) => name.startsWith('.');

/** The directive files under `dir` (the library's `directives/` folder). */
export function listDirectiveFiles(dir: string): LibraryListing {
  const files: string[] = [];
  const problems: Problem[] = [];
  const walk = (folder: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: folder, message: `không đọc được thư mục (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(folder, e.name);
      if (e.isSymbolicLink()) {
        problems.push({
          file: p,
          message: `là liên kết tượng trưng (symlink) tới ${linkTarget(p)}; thư viện không theo liên kết: chép tệp vào thư mục này hoặc xóa liên kết`,
        });
        continue;
      }
      if (isHidden(e.name)) {
        if (e.isDirectory() ? containsMarkdown(p) : e.name.endsWith('.md'))
          problems.push({
            file: p,
            severity: 'warning',
            message: `không thuộc thư viện: tên bắt đầu bằng dấu chấm là ${e.isDirectory() ? 'thư mục' : 'tệp'} ẩn; bỏ dấu chấm nếu muốn đưa vào`,
          });
        continue;
      }
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.md')) files.push(p);
    }
  };
  walk(dir);
  // One order for every reader: by path, as a plain string.
  return { files: files.sort(), problems };
}

function linkTarget(p: string): string {
  let target: string;
  try {
    target = fs.readlinkSync(p);
  } catch {
    return '(không đọc được)';
  }
  try {
    fs.realpathSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') return `${target} (vòng lặp)`;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return `${target} (không tồn tại)`;
  }
  return target;
}

function containsMarkdown(dir: string): boolean {
  try {
    return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((f) => f.endsWith('.md'));
  } catch {
    return false;
  }
}

export type TextRead = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * A content file's text, normalised (src/model/text.ts: BOM, CRLF and CR-only line endings, NFC), or why it cannot
 * be read as UTF-8: another encoding is named, a bad byte is given by its offset and line.
 */
export function readContentText(file: string): TextRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, problem: { file, message: `không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` } };
  }
  const encoding = otherEncoding(bytes);
  if (encoding) return { ok: false, problem: { file, message: `tệp ở mã ${encoding}, không phải UTF-8; mở tệp và lưu lại với mã UTF-8` } };
  if (!isUtf8(bytes)) {
    const at = firstBadUtf8Byte(bytes);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `tệp không phải UTF-8 hợp lệ: byte 0x${bytes[at]!.toString(16).padStart(2, '0').toUpperCase()} ở vị trí ${at} (dòng ${line}); lưu lại tệp với mã UTF-8`,
      },
    };
  }
  return { ok: true, text: normalizeText(bytes.toString('utf8')) };
}

/** UTF-16 or UTF-32 by their byte-order marks, or UTF-16 without one (every other byte a NUL in ASCII text). */
function otherEncoding(b: Buffer): string | null {
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 ? 'UTF-32' : 'UTF-16';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32';
  const head = b.subarray(0, 64);
  let nul = 0;
  for (const x of head) if (x === 0) nul++;
  return head.length >= 8 && nul >= head.length / 3 ? 'UTF-16' : null;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstBadUtf8Byte(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const x = b[i]!;
    const len = x < 0x80 ? 1 : x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    if (!len) return i;
    for (let k = 1; k < len; k++) {
      const c = b[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const y = b[i + 1]!;
    if ((x === 0xe0 && y < 0xa0) || (x === 0xed && y > 0x9f) || (x === 0xf0 && y < 0x90) || (x === 0xf4 && y > 0x8f)) return i;
    i += len;
  }
  return b.length;
}
