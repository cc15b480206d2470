/** Read and parse one raw file: the part of an import that needs no registry, so it can run on any thread. */
import fs from 'node:fs';
import path from 'node:path';
import { readMetaFile } from './meta.ts';
import { parseDirective, type ParseResult } from './parse.ts';

export function parseFile(file: string): ParseResult {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: `không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const meta = readMetaFile(file);
  if (!meta.ok) return { ok: false, reason: meta.reason };
  return parseDirective(buf, { markdown: path.extname(file).toLowerCase() === '.md', meta: meta.fields, metaFile: meta.file });
}
