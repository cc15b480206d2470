/**
 * Read and parse one raw file, whatever its format: the part of an import that needs no registry, so it can run on
 * any thread. Word, PDF and scans are turned into text first (src/importer/extract/), then parsed like any text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractOriginal, type ExtractOptions } from './extract/extract.ts';
import { inputKind } from './extract/kind.ts';
import { readMetaFile } from './meta.ts';
import { parseDirective, type ParseResult } from './parse.ts';

export async function parseFile(file: string, opts: ExtractOptions = {}): Promise<ParseResult> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: `không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const meta = readMetaFile(file);
  if (!meta.ok) return { ok: false, reason: meta.reason };
  const kind = inputKind(buf, path.extname(file));
  const parseOpts = { markdown: kind === 'markdown', meta: meta.fields, metaFile: meta.file };
  if (kind === 'text' || kind === 'markdown') return parseDirective(buf, parseOpts);
  const extracted = await extractOriginal(buf, kind, opts);
  if (!extracted.ok) return { ok: false, reason: extracted.reason };
  const parsed = parseDirective(extracted.text, parseOpts);
  if (!parsed.ok) return parsed;
  parsed.doc.original = { facts: extracted.original, text: extracted.text };
  parsed.doc.warnings.push(...extracted.notes);
  return parsed;
}
