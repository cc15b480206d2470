/**
 * The text of a Word `.docx`, read with mammoth: one line per paragraph, a table row as `| cell | cell |` (the header
 * parser reads cells), and runs in a legacy Vietnamese font (`.VnTime`, `.VnTimeH`: TCVN3; `VNI-Times`: VNI) decoded
 * run by run with the importer's own tables. The zip is checked before it is opened: a file that would expand past a
 * limit (a zip bomb) is refused.
 */
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { decodeLegacy, type LegacyEncoding } from '../encodings.ts';

/** A `.docx` whose parts together expand past this is refused (real directives are a few megabytes at most). */
export const MAX_DOCX_EXPANDED = 200 * 1024 * 1024;

/** The legacy encoding a font name stands for, if any. */
export function fontEncoding(font: string | null | undefined): LegacyEncoding | null {
  if (!font) return null;
  if (/^\.?vn(?!i)/i.test(font.trim())) return 'tcvn3';
  if (/^vni[-\s]/i.test(font.trim())) return 'vni';
  return null;
}

/** The total size of a zip's entries once expanded, read from its directory without expanding anything. */
function expandedSize(bytes: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      let total = 0;
      zip.on('entry', (e: yauzl.Entry) => {
        total += e.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

interface DocNode {
  type: string;
  value?: string;
  font?: string | null;
  children?: DocNode[];
}

/** A document tree (mammoth's model) as lines of text, and whether any run was in a legacy font. */
function toLines(root: DocNode): { lines: string[]; legacy: boolean } {
  const lines: string[] = [];
  let legacy = false;
  const textOf = (n: DocNode, encoding: LegacyEncoding | null): string => {
    switch (n.type) {
      case 'text':
        return encoding ? decodeLegacy(n.value ?? '', encoding) : (n.value ?? '');
      case 'tab':
        return '\t';
      case 'break':
        return '\n';
      case 'run': {
        const own = fontEncoding(n.font);
        if (own) legacy = true;
        return (n.children ?? []).map((c) => textOf(c, own ?? encoding)).join('');
      }
      default:
        return (n.children ?? []).map((c) => textOf(c, encoding)).join('');
    }
  };
  const walk = (n: DocNode) => {
    if (n.type === 'paragraph') {
      // A paragraph of its own, as a portal's text has them: a blank line after it.
      for (const l of textOf(n, null).split('\n')) lines.push(l.replace(/\s+$/, ''));
      lines.push('');
    } else if (n.type === 'table') {
      // A row's cells side by side, paragraph by paragraph, as the page shows them: the two columns of a header or a
      // signing block come out as `| TỈNH ỦY BẮC NINH | ĐẢNG CỘNG SẢN VIỆT NAM |`, row after row.
      for (const row of n.children ?? []) {
        const cells = (row.children ?? []).map((cell) =>
          (cell.children ?? []).flatMap((p) => textOf(p, null).split('\n')).map((t) => t.replace(/\s+/g, ' ').trim()),
        );
        const depth = Math.max(0, ...cells.map((c) => c.length));
        for (let k = 0; k < depth; k++) {
          const parts = cells.map((c) => c[k] ?? '');
          if (parts.some(Boolean)) lines.push(`| ${parts.join(' | ')} |`);
        }
      }
      lines.push('');
    } else for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return { lines, legacy };
}

export async function readDocx(bytes: Buffer): Promise<{ ok: true; text: string; notes: string[] } | { ok: false; reason: string }> {
  let expanded: number;
  try {
    expanded = await expandedSize(bytes);
  } catch {
    return { ok: false, reason: 'tệp .docx hỏng hoặc không đầy đủ (không đọc được như tệp nén của Word); mở bằng Word và lưu lại' };
  }
  if (expanded > MAX_DOCX_EXPANDED)
    return {
      ok: false,
      reason: `tệp .docx bung ra ${Math.round(expanded / 1024 / 1024)} MB, quá giới hạn ${MAX_DOCX_EXPANDED / 1024 / 1024} MB (không phải một văn bản bình thường); không mở`,
    };
  let tree: DocNode | null = null;
  try {
    await mammoth.convertToHtml({ buffer: bytes }, {
      transformDocument: (doc: unknown) => {
        tree = doc as DocNode;
        return doc;
      },
    } as Parameters<typeof mammoth.convertToHtml>[1]);
  } catch (e) {
    return { ok: false, reason: `không đọc được tệp Word .docx (${(e as Error).message.split('\n')[0]}); mở bằng Word và lưu lại` };
  }
  if (!tree) return { ok: false, reason: 'tệp Word .docx không có nội dung' };
  const { lines, legacy } = toLines(tree);
  return { ok: true, text: `${lines.join('\n')}\n`, notes: legacy ? ['chữ ở phông cũ (TCVN3 hoặc VNI) đã được chuyển sang Unicode'] : [] };
}
