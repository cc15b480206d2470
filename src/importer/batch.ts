/**
 * Importing a batch of files into a content folder: parse, resolve issuers (growing the registry as it goes),
 * check each result the way `npm run validate` will, check that no source line was lost, then write the
 * registry (if it grew) and the directive, each atomically. A failed file writes nothing; the batch goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FrontmatterError, parseFrontmatter, stringifyFrontmatter } from '../content/frontmatter.ts';
import { directiveId } from '../model/ids.ts';
import { listDirectiveFiles, readContentText } from '../content/files.ts';
import { INPUT_EXTENSIONS } from './extract/kind.ts';
import { lockWhenFree, type Lock, type LockHolder } from '../content/lock.ts';
import { readRegistry } from '../content/registry.ts';
import { ROOT } from '../settings.ts';
import { translateZodMessage } from '../content/problems.ts';
import { directiveSchema, type DirectiveInput, type Issuer, type Province, type Registry } from '../model/schema.ts';
import { checkDirective } from '../content/library.ts';
import { unaccountedLines } from './coverage.ts';
import { buildDirective, issuerTexts, type ImportNotes, type ParseResult } from './parse.ts';
import { parseSource } from './parse-pool.ts';
import { EMPTY_REGISTRY, registryText } from './registry-file.ts';
import { removeStaleTempFiles, stageFile, writeFileAtomic, writeFileAtomicAsync, type StagedFile } from './write-file.ts';

export interface ImportOptions {
  /** Content folder holding `directives/` and `issuers.yaml`. */
  contentDir: string;
  dryRun?: boolean | undefined;
  force?: boolean | undefined;
  /** Recognise the text of scanned PDFs and images (slow; such directives are marked for review). */
  ocr?: boolean | undefined;
  /** Make `contentDir` a new library when it is not one yet (no `issuers.yaml`); without it such a folder is refused. */
  init?: boolean | undefined;
  /** Told who holds the library when another import is writing to it; this one waits for it to finish. */
  onWait?: ((holder: LockHolder | null) => void) | undefined;
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
  /** Temp files of an earlier import that was killed, removed before this one. */
  removedTempFiles: string[];
  /** The library was created by this import (`init`). */
  created: boolean;
  counts: Record<OutcomeStatus, number> & { total: number };
}

export class ImportAbort extends Error {}

export interface CollectedInputs {
  files: string[];
  /** Paths named on the command line that do not exist. */
  missing: string[];
  /** Links in the folders that lead nowhere or in a circle, with why. */
  broken: { file: string; reason: string }[];
  /** Files in the folders that are not of a kind the importer reads. */
  ignored: string[];
}

/**
 * Files named on the command line, and the files of folders walked recursively that the importer reads (text, Word,
 * PDF, images; hidden entries skipped). Links are followed, to a file or a folder, each real folder walked once.
 */
export function collectInputs(paths: readonly string[]): CollectedInputs {
  const out: CollectedInputs = { files: [], missing: [], broken: [], ignored: [] };
  const walked = new Set<string>();
  const walk = (dir: string) => {
    const real = fs.realpathSync(dir);
    if (walked.has(real)) return;
    walked.add(real);
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      let st: fs.Stats = e as unknown as fs.Stats;
      if (e.isSymbolicLink()) {
        try {
          st = fs.statSync(p);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          out.broken.push({ file: p, reason: code === 'ELOOP' ? 'liên kết vòng lặp' : 'liên kết tới tệp không tồn tại' });
          continue;
        }
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && INPUT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.files.push(p);
      else if (st.isFile()) out.ignored.push(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      out.missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.files.push(p);
  }
  out.files = [...new Set(out.files.map((f) => path.resolve(f)))];
  return out;
}

/** How a source is recorded in `source.file`: relative to the project when inside it, else its name. */
export function sourceRef(file: string): string {
  const rel = path.relative(ROOT, path.resolve(file));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : path.basename(file);
}

/** Ids of the directives already in the library (light scan: frontmatter only), by the library's one rule of files. */
function existingIds(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const file of listDirectiveFiles(dir).files) {
    const id = idOfFile(file);
    if (id) out.set(id, file);
  }
  return out;
}

/** The id a directive file describes, or null when it does not read as one. */
function idOfFile(file: string): string | null {
  const read = readContentText(file);
  if (!read.ok) return null;
  try {
    const { data } = parseFrontmatter(read.text);
    const [issuer, number, issued] = [data['issuer'], data['number'], data['issued']];
    return typeof issuer === 'string' && typeof number === 'string' && typeof issued === 'string'
      ? directiveId({ issuer, number, issued })
      : null;
  } catch (e) {
    if (e instanceof FrontmatterError) return null;
    throw e;
  }
}

/** What a file already there says it is, for a message: `số 01-CT/TU ngày 2021-01-05`, or that it does not read. */
function describeFile(file: string): string {
  const read = readContentText(file);
  try {
    if (read.ok) {
      const { data } = parseFrontmatter(read.text);
      return `số ${String(data['number'] ?? '?')} ngày ${String(data['issued'] ?? '?')}`;
    }
  } catch {
    /* described below */
  }
  return 'nội dung không đọc được như một văn bản';
}

/**
 * The library to import into: a folder with `issuers.yaml`. A folder without one (a typo in `--out`) is refused
 * unless `init` asks for a new library; returns whether one is (or, in a dry run, would be) created.
 */
function checkLibrary(contentDir: string, init: boolean, dryRun: boolean): boolean {
  if (fs.existsSync(path.join(contentDir, 'issuers.yaml'))) return false;
  if (!init)
    throw new ImportAbort(
      `${contentDir} không phải thư viện văn bản (không có issuers.yaml). Kiểm tra lại đường dẫn --out, ` +
        'hoặc thêm --init để tạo thư viện mới ở đó.',
    );
  if (!dryRun) {
    fs.mkdirSync(path.join(contentDir, 'directives'), { recursive: true });
    writeFileAtomic(path.join(contentDir, 'issuers.yaml'), EMPTY_REGISTRY, { durable: true });
  }
  return true;
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
  const created = checkLibrary(opts.contentDir, !!opts.init, dryRun);
  // One import writes to a library at a time; another waits, then reads the library as the first one left it.
  let lock: Lock | null = null;
  if (!dryRun) lock = await lockWhenFree(path.join(opts.contentDir, '.import.lock'), (h) => opts.onWait?.(h));
  try {
    return await importLocked(files, opts, { dryRun, registryFile, directivesDir, created });
  } finally {
    lock?.release();
  }
}

async function importLocked(
  files: readonly string[],
  opts: ImportOptions,
  at: { dryRun: boolean; registryFile: string; directivesDir: string; created: boolean },
): Promise<ImportReport> {
  const { dryRun, registryFile, directivesDir } = at;
  const removedTempFiles = dryRun ? [] : removeStaleTempFiles([opts.contentDir, directivesDir]);
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
    removedTempFiles,
    created: at.created,
    counts: { imported: 0, replaced: 0, skipped: 0, failed: 0, total: files.length },
  };
  const done = (o: FileOutcome) => {
    report.files.push(o);
    report.counts[o.status]++;
  };
  // Originals (Word, PDF, scans) written with a directive, taken out again if the directive is not written.
  const written = new Map<FileOutcome, KeptOriginal>();
  const fail = (o: FileOutcome, reason: string) => {
    report.counts[o.status]--;
    report.counts.failed++;
    Object.assign(o, { status: 'failed', reason });
    written.get(o)?.remove();
  };

  // Parsing needs no registry: worker threads do it ahead while this loop resolves issuers and writes in order.
  const parsedFiles = parseSource(files, { extract: { ocr: !!opts.ocr } });
  // Directive files are written in the background, a few at a time; a file whose write fails is reported failed.
  const writing = new Set<Promise<void>>();
  // Originals a replaced directive kept under other names, removed once the directive that replaces it is written.
  const superseded = new Map<FileOutcome, string[]>();
  const whenWritten = (o: FileOutcome) => {
    for (const f of superseded.get(o) ?? []) fs.rmSync(f, { force: true });
  };
  const writeDirective = (o: FileOutcome, text: string) => {
    const w: Promise<void> = writeFileAtomicAsync(o.target!, text)
      .then(
        () => whenWritten(o),
        (e: NodeJS.ErrnoException) => fail(o, cannotWrite(o.target!, e)),
      )
      .finally(() => writing.delete(w));
    writing.add(w);
  };

  /**
   * Directives that add to the registry, or name an issuer it does not hold on disk yet, wait staged (written to their
   * temp files) until the registry is written with their issuers; then they are put in place. So the registry only
   * ever names issuers of directives that are written, no directive names an issuer the registry lacks, and the
   * registry is written once per batch of them rather than once per new issuer (rewriting it costs ~20-80 ms at a few
   * hundred issuers).
   */
  let onDisk: Registry = registry;
  const pendingIds = new Set<string>();
  let pendingAdditions: { provinces: Province[]; issuers: Issuer[] } = { provinces: [], issuers: [] };
  let waiting: { outcome: FileOutcome; staged: StagedFile; issuers: string[] }[] = [];
  const flushRegistry = () => {
    if (!waiting.length && !pendingAdditions.issuers.length && !pendingAdditions.provinces.length) return;
    const [queue, additions] = [waiting, pendingAdditions];
    waiting = [];
    pendingAdditions = { provinces: [], issuers: [] };
    try {
      if (additions.issuers.length || additions.provinces.length) {
        // A registry made read-only is not replaced behind its owner's back (the rename would allow it).
        if (fs.existsSync(registryFile)) fs.accessSync(registryFile, fs.constants.W_OK);
        const next = registryText(registryTextNow, onDisk, additions);
        writeFileAtomic(registryFile, next, { durable: true });
        registryTextNow = next;
        onDisk = { provinces: [...onDisk.provinces, ...additions.provinces], issuers: [...onDisk.issuers, ...additions.issuers] };
        report.newProvinces.push(...additions.provinces);
        report.newIssuers.push(...additions.issuers);
        for (const i of additions.issuers) pendingIds.delete(i.id);
      }
    } catch (e) {
      // Its issuers stay pending and unwritten: a later directive that names one fails at the next write.
      for (const w of queue) {
        w.staged.abort();
        fail(w.outcome, cannotWrite(registryFile, e));
      }
      return;
    }
    const known = new Set(onDisk.issuers.map((i) => i.id));
    for (const w of queue) {
      const missing = w.issuers.find((id) => !known.has(id));
      if (missing) {
        w.staged.abort();
        fail(
          w.outcome,
          `cơ quan ${missing} chưa ghi được vào ${registryFile}, nên văn bản không được ghi; sửa lỗi ghi sổ đăng ký rồi nhập lại`,
        );
        continue;
      }
      try {
        w.staged.commit();
        whenWritten(w.outcome);
      } catch (e) {
        fail(w.outcome, cannotWrite(w.outcome.target!, e));
      }
    }
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
    flushRegistry();
  } finally {
    // Staged directives that never got their registry (an unexpected stop) are dropped, not left as temp files.
    for (const w of waiting) w.staged.abort();
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
    // A file of this name that describes another directive (edited by hand since, or not a directive at all).
    const occupied = !already && fs.existsSync(target);
    if (occupied && !opts.force)
      return {
        ...base,
        status: 'failed',
        id,
        target,
        reason:
          `tệp ${path.relative(process.cwd(), target) || target} đã có và ghi văn bản khác (${describeFile(target)}), ` +
          `văn bản nhập là số ${b.data.number} ngày ${schema.data.issued}; không ghi đè. Đổi tên tệp đã có, hoặc dùng --force để thay`,
      };
    inBatch.set(id, file);
    const replacing = already ?? (occupied ? target : undefined);
    if (replacing) keepEditorialFields(replacing, b.data as Record<string, unknown>);
    const outcome: FileOutcome = {
      ...base,
      status: replacing ? 'replaced' : 'imported',
      id,
      target,
      ...(dryRun ? { data: b.data, body: b.body } : {}),
    };
    const kept = doc.original ? keepOriginal(file, target, doc.original, b.data as DirectiveInput) : null;
    const text = stringifyFrontmatter(b.data, b.body);
    const adds = b.additions.provinces.length > 0 || b.additions.issuers.length > 0;
    if (adds) {
      registry = { provinces: [...registry.provinces, ...b.additions.provinces], issuers: allIssuers };
      if (dryRun) {
        report.newProvinces.push(...b.additions.provinces);
        report.newIssuers.push(...b.additions.issuers);
      }
    }
    existing.set(id, target);
    if (dryRun) return outcome;
    if (kept) {
      // The original and its text go in first; a directive that is not written takes them out again.
      try {
        kept.write();
      } catch (e) {
        existing.delete(id);
        return { ...base, status: 'failed', id, target, reason: cannotWrite(kept.files[0]!, e) };
      }
      written.set(outcome, kept);
    }
    if (replacing) {
      const old = keptFilesOf(replacing, path.dirname(path.dirname(target))).filter((f) => !kept?.files.includes(f));
      if (old.length) superseded.set(outcome, old);
    }
    const waits = adds || [b.data.issuer, ...(b.data.coIssuers ?? [])].some((x) => pendingIds.has(x));
    if (!waits) {
      writeDirective(outcome, text);
      return outcome;
    }
    let staged: StagedFile;
    try {
      staged = stageFile(target, text);
    } catch (e) {
      existing.delete(id);
      return { ...base, status: 'failed', id, target, reason: cannotWrite(target, e) };
    }
    for (const p of b.additions.provinces) pendingAdditions.provinces.push(p);
    for (const i of b.additions.issuers) {
      pendingAdditions.issuers.push(i);
      pendingIds.add(i.id);
    }
    waiting.push({ outcome, staged, issuers: [b.data.issuer, ...(b.data.coIssuers ?? [])] });
    if (waiting.length >= REGISTRY_BATCH) flushRegistry();
    return outcome;
  }
}

/** An original kept beside the library: its file and its text under `sources/`, written together. */
interface KeptOriginal {
  files: string[];
  write(): void;
  remove(): void;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/tiff': '.tif',
};

/**
 * Record an original in the directive (`source`, and `review` when its text was recognised from images) and say how it
 * is written: named after the directive's file, so two originals never collide and a re-import replaces its own.
 */
function keepOriginal(
  input: string,
  target: string,
  original: NonNullable<ParseResultDoc['original']>,
  data: DirectiveInput,
): KeptOriginal {
  const { facts } = original;
  const stem = path.basename(target, '.md');
  const name = `${stem}${EXTENSIONS[facts.mediaType] ?? path.extname(input).toLowerCase()}`;
  const sources = path.join(path.dirname(path.dirname(target)), 'sources');
  const files = [path.join(sources, name), path.join(sources, `${stem}.txt`)];
  const prior = typeof data.source === 'object' ? data.source : data.source ? { file: data.source } : {};
  data.source = {
    ...prior,
    original: `sources/${name}`,
    text: `sources/${stem}.txt`,
    sha256: facts.sha256,
    size: facts.size,
    mediaType: facts.mediaType,
    ...(facts.pages ? { pages: facts.pages } : {}),
    extraction: facts.extraction,
  };
  if (facts.extraction === 'ocr')
    data.review = { reason: 'ocr', ...(facts.confidence !== undefined ? { confidence: facts.confidence } : {}) };
  return {
    files,
    write() {
      writeFileAtomic(files[0]!, fs.readFileSync(input));
      writeFileAtomic(files[1]!, original.text);
    },
    remove() {
      for (const f of files) fs.rmSync(f, { force: true });
    },
  };
}

type ParseResultDoc = Extract<ParseResult, { ok: true }>['doc'];

/** The original and text files a directive file keeps under `sources/` (absolute paths). */
function keptFilesOf(file: string, contentDir: string): string[] {
  const read = readContentText(file);
  if (!read.ok) return [];
  try {
    const source = parseFrontmatter(read.text).data['source'] as Record<string, unknown> | undefined;
    return ['original', 'text']
      .map((k) => source?.[k])
      .filter((v): v is string => typeof v === 'string' && /^sources\/[^/\\]+$/.test(v))
      .map((v) => path.join(contentDir, v));
  } catch {
    return [];
  }
}

/** How many directives at most wait for one write of the registry. */
const REGISTRY_BATCH = 200;

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'không có quyền ghi',
  EPERM: 'không có quyền ghi',
  EROFS: 'ổ đĩa chỉ đọc',
  ENOSPC: 'hết chỗ trên đĩa',
  EISDIR: 'đó là một thư mục',
  ERR_FS_EISDIR: 'đó là một thư mục',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  // From making the folder: a file stands where the folder should be.
  EEXIST: 'một phần của đường dẫn không phải thư mục',
};

/** Why a file could not be written, naming it, in words. */
function cannotWrite(file: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const why = (err.code && WRITE_ERRORS[err.code]) ?? err.code ?? err.message;
  return `không ghi được ${path.relative(process.cwd(), file) || file} (${why}); kiểm tra quyền ghi và chỗ trống trên đĩa`;
}

/**
 * Fields only editors write (the raw text never carries them) survive `--force`: replacing a
 * directive from a corrected source must not throw away its topics and relations.
 */
const EDITORIAL_FIELDS = ['topics', 'relations'] as const;

function keepEditorialFields(file: string, data: Record<string, unknown>): void {
  let old: Record<string, unknown>;
  try {
    const read = readContentText(file);
    if (!read.ok) return;
    old = parseFrontmatter(read.text).data;
  } catch {
    return; // an unreadable old file has nothing to keep
  }
  for (const k of EDITORIAL_FIELDS) {
    const v = old[k];
    if (Array.isArray(v) && v.length && !(Array.isArray(data[k]) && (data[k] as unknown[]).length)) data[k] = v;
  }
}
