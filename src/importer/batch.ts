/**
 * Importing a batch of files into a content folder: parse, resolve issuers (growing the registry as it goes),
 * check each result the way `npm run validate` will, check that no source line was lost, then write the
 * registry (if it grew) and the directive, each atomically. A failed file writes nothing; the batch goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FrontmatterError, parseFrontmatter, stringifyFrontmatter } from '../content/frontmatter.ts';
import { directiveId } from '../model/ids.ts';
import { readRegistry } from '../content/registry.ts';
import { ROOT } from '../settings.ts';
import { translateZodMessage } from '../content/problems.ts';
import { directiveSchema, type DirectiveInput, type Issuer, type Province, type Registry } from '../model/schema.ts';
import { normalizeText } from '../model/text.ts';
import { checkDirective } from '../content/library.ts';
import { unaccountedLines } from './coverage.ts';
import { buildDirective, issuerTexts, type ImportNotes, type ParseResult } from './parse.ts';
import { parseSource } from './parse-pool.ts';
import { registryText, writeFileAtomic, writeFileAtomicAsync } from './registry-file.ts';

export interface ImportOptions {
  /** Content folder holding `directives/` and `issuers.yaml`. */
  contentDir: string;
  dryRun?: boolean | undefined;
  force?: boolean | undefined;
  /** Called after each file, for a progress display. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Checked between files; true stops the batch cleanly (Ctrl-C). */
  shouldStop?: (() => boolean) | undefined;
}

export type OutcomeStatus = 'imported' | 'replaced' | 'skipped' | 'failed';

export interface FileOutcome {
  file: string;
  status: OutcomeStatus;
  /** Directive file written (or that would be written), or the existing one a skip refers to. */
  target?: string | undefined;
  id?: string | undefined;
  reason?: string | undefined;
  line?: number | undefined;
  warnings?: string[] | undefined;
  /** What the import skipped, took from outside the print, repaired and guessed (parse.ts ImportNotes). */
  notes?: ImportNotes | undefined;
  encoding?: string | undefined;
  /** Frontmatter and body, in dry runs (to show what would be written). */
  data?: DirectiveInput | undefined;
  body?: string | undefined;
}

export interface ImportReport {
  contentDir: string;
  dryRun: boolean;
  stopped: boolean;
  files: FileOutcome[];
  newProvinces: Province[];
  newIssuers: Issuer[];
  counts: Record<OutcomeStatus, number> & { total: number };
}

export class ImportAbort extends Error {}

const INPUT_EXT = new Set(['.txt', '.md']);

/** Files named on the command line, folders walked recursively (`.txt` and `.md`, hidden entries skipped). */
export function collectInputs(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && INPUT_EXT.has(path.extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files.map((f) => path.resolve(f)))], missing };
}

/** How a source is recorded in `source.file`: relative to the project when inside it, else its name. */
export function sourceRef(file: string): string {
  const rel = path.relative(ROOT, path.resolve(file));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : path.basename(file);
}

/** Ids of the directives already in the folder (light scan: frontmatter only). */
function existingIds(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  } catch {
    return out;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const { data } = parseFrontmatter(fs.readFileSync(file, 'utf8'));
      const [issuer, number, issued] = [data['issuer'], data['number'], data['issued']];
      if (typeof issuer === 'string' && typeof number === 'string' && typeof issued === 'string')
        out.set(directiveId({ issuer, number, issued }), file);
    } catch (e) {
      if (!(e instanceof FrontmatterError)) throw e;
    }
  }
  return out;
}

function loadRegistry(file: string): { registry: Registry; text: string | null } {
  if (!fs.existsSync(file)) return { registry: { provinces: [], issuers: [] }, text: null };
  const { registry, problems } = readRegistry(file);
  if (!registry)
    throw new ImportAbort(
      `không đọc được sổ đăng ký cơ quan ${file}: ${problems.map((p) => p.message).join('; ')}. Sửa tệp này trước khi nhập.`,
    );
  return { registry, text: fs.readFileSync(file, 'utf8') };
}

/** Enough writes in flight to keep libuv's four threads busy, few enough that memory stays flat. */
const MAX_WRITES_IN_FLIGHT = 16;

/** Yield to the event loop now and then, so Ctrl-C is handled between files, never in the middle of a write. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importFiles(files: readonly string[], opts: ImportOptions): Promise<ImportReport> {
  const dryRun = !!opts.dryRun;
  const registryFile = path.join(opts.contentDir, 'issuers.yaml');
  const directivesDir = path.join(opts.contentDir, 'directives');
  const loaded = loadRegistry(registryFile);
  let registry = loaded.registry;
  let registryTextNow = loaded.text;
  const existing = existingIds(directivesDir);
  const inBatch = new Map<string, string>();
  const report: ImportReport = {
    contentDir: opts.contentDir,
    dryRun,
    stopped: false,
    files: [],
    newProvinces: [],
    newIssuers: [],
    counts: { imported: 0, replaced: 0, skipped: 0, failed: 0, total: files.length },
  };
  const done = (o: FileOutcome) => {
    report.files.push(o);
    report.counts[o.status]++;
  };

  // Parsing needs no registry: worker threads do it ahead while this loop resolves issuers and writes in order.
  const parsedFiles = parseSource(files);
  // Directive files are written in the background, a few at a time; a file whose write fails is reported failed.
  const writing = new Set<Promise<void>>();
  const writeDirective = (o: FileOutcome, text: string) => {
    const w: Promise<void> = writeFileAtomicAsync(o.target!, text)
      .catch((e: NodeJS.ErrnoException) => {
        report.counts[o.status]--;
        report.counts.failed++;
        Object.assign(o, {
          status: 'failed',
          reason: `không ghi được tệp ${o.target} (${e.code ?? e.message}); kiểm tra quyền ghi và chỗ trống trên đĩa`,
        });
      })
      .finally(() => writing.delete(w));
    writing.add(w);
  };
  try {
    for (const [i, file] of files.entries()) {
      if (i % 25 === 0) await breathe();
      if (writing.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(writing);
      if (opts.shouldStop?.()) {
        report.stopped = true;
        break;
      }
      try {
        done(importOne(file, await parsedFiles.get(i)));
      } catch (e) {
        if (e instanceof ImportAbort) throw e;
        // An unexpected error in one file must not stop the batch or print a stack trace.
        done({ file, status: 'failed', reason: `lỗi không mong đợi khi xử lý tệp: ${(e as Error).message}` });
      }
      opts.onProgress?.(i + 1, files.length);
    }
  } finally {
    await Promise.all(writing);
    await parsedFiles.close();
  }
  return report;

  function importOne(file: string, parsed: ParseResult): FileOutcome {
    if (!parsed.ok) return { file, status: 'failed', reason: parsed.reason, line: parsed.line };
    const doc = parsed.doc;
    const built = buildDirective(doc, registry, sourceRef(file));
    if (!built.ok) return { file, status: 'failed', reason: built.reason, line: built.line, warnings: doc.warnings };
    const b = built.built;
    const notes: ImportNotes = { ...doc.notes, guesses: [...doc.notes.guesses, ...b.guesses] };
    const base = { file, encoding: doc.encoding, warnings: doc.warnings.length ? doc.warnings : undefined, notes };

    // The same checks `npm run validate` makes, against the registry as it will be.
    const allIssuers = [...registry.issuers, ...b.additions.issuers];
    const schema = directiveSchema.safeParse(b.data);
    if (!schema.success) {
      return {
        ...base,
        status: 'failed',
        reason: `kết quả không hợp lệ: ${schema.error.issues.map((x) => `${x.path.join('.')}: ${translateZodMessage(x as never)}`).join('; ')}`,
      };
    }
    const extra = checkDirective(schema.data, new Map(allIssuers.map((x) => [x.id, x])));
    if (extra.length) return { ...base, status: 'failed', reason: `kết quả không hợp lệ: ${extra.map((x) => x.message).join('; ')}` };

    const texts = [b.issuer, ...b.coIssuers].flatMap((i) => issuerTexts(i, allIssuers));
    const lost = unaccountedLines({
      lines: doc.lines,
      data: b.data as Record<string, unknown>,
      body: b.body,
      issuerTexts: texts,
      skipped: doc.skippedLines,
      named: [...doc.warnings, ...notes.guesses],
    });
    if (lost.length) {
      const first = lost[0]!;
      return {
        ...base,
        status: 'failed',
        line: first.n,
        reason: `${lost.length} dòng không đọc được vào văn bản (không được để mất nội dung), đầu tiên là dòng ${first.n}: «${first.text.slice(0, 80)}»`,
      };
    }

    const id = directiveId({ issuer: b.data.issuer, number: b.data.number, issued: schema.data.issued });
    const twin = inBatch.get(id);
    if (twin)
      return {
        ...base,
        status: 'skipped',
        id,
        reason: `trùng văn bản với tệp ${twin} trong cùng lượt nhập (cùng cơ quan, số ${b.data.number}, ngày ${schema.data.issued})`,
      };
    const already = existing.get(id);
    if (already && !opts.force) {
      return {
        ...base,
        status: 'skipped',
        id,
        target: already,
        reason: `đã có trong thư viện (${path.relative(process.cwd(), already) || already}); dùng --force để thay`,
      };
    }
    const target = already ?? path.join(directivesDir, b.fileName);
    inBatch.set(id, file);

    if (b.additions.provinces.length || b.additions.issuers.length) {
      const next: Registry = { provinces: [...registry.provinces, ...b.additions.provinces], issuers: allIssuers };
      if (!dryRun) {
        const text = registryText(registryTextNow, registry, b.additions);
        writeFileAtomic(registryFile, text, { durable: true });
        registryTextNow = text;
      }
      registry = next;
      report.newProvinces.push(...b.additions.provinces);
      report.newIssuers.push(...b.additions.issuers);
    }
    if (already) keepEditorialFields(already, b.data as Record<string, unknown>);
    existing.set(id, target);
    const outcome: FileOutcome = {
      ...base,
      status: already ? 'replaced' : 'imported',
      id,
      target,
      ...(dryRun ? { data: b.data, body: b.body } : {}),
    };
    if (!dryRun) writeDirective(outcome, stringifyFrontmatter(b.data, b.body));
    return outcome;
  }
}

/**
 * Fields only editors write (the raw text never carries them) survive `--force`: replacing a
 * directive from a corrected source must not throw away its topics and relations.
 */
const EDITORIAL_FIELDS = ['topics', 'relations'] as const;

function keepEditorialFields(file: string, data: Record<string, unknown>): void {
  let old: Record<string, unknown>;
  try {
    old = parseFrontmatter(normalizeText(fs.readFileSync(file, 'utf8'))).data;
  } catch {
    return; // an unreadable old file has nothing to keep
  }
  for (const k of EDITORIAL_FIELDS) {
    const v = old[k];
    if (Array.isArray(v) && v.length && !(Array.isArray(data[k]) && (data[k] as unknown[]).length)) data[k] = v;
  }
}
