/**
 * Reading the library from disk once: every directive file and the registry, each file parsed and checked against
 * the schema, the registry and the rest of the library, every problem returned at once, and the citations found
 * and resolved ({@link readLibrary}). Shared by `npm run validate`, the build, Astro's content loader and the importer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildReferenceGraph, isSelfRelation, type ReferenceFinder, type ReferenceGraph } from '../model/crossref.ts';
import { bodyParts } from '../model/structure.ts';
import { markdownToText } from '../model/markdown-text.ts';
import { docType, normalizeCode, typesForCode } from '../model/doc-types.ts';
import { FrontmatterError, parseFrontmatter } from './frontmatter.ts';
import { directiveId, directivePath } from '../model/ids.ts';
import { listDirectiveFiles, readContentText } from './files.ts';
import { readRegistry } from './registry.ts';
import { numberKey, parseNumber } from '../model/numbers.ts';
import { translateZodMessage, type Problem } from './problems.ts';
import { directiveSchema, type DirectiveData, type Issuer, type Registry } from '../model/schema.ts';
import { forbiddenCharacter } from '../model/text.ts';

/** The fields cross-checks need, each parsed on its own so one bad field does not hide another's problem. */
function coreFields(data: Record<string, unknown>): Partial<Pick<DirectiveData, 'number' | 'type' | 'issuer'>> {
  const out: Partial<Pick<DirectiveData, 'number' | 'type' | 'issuer'>> = {};
  const shape = directiveSchema.shape;
  const n = shape.number.safeParse(data['number']);
  if (n.success) out.number = n.data;
  const t = shape.type.safeParse(data['type']);
  if (t.success) out.type = t.data;
  const i = shape.issuer.safeParse(data['issuer']);
  if (i.success) out.issuer = i.data;
  return out;
}

export interface LoadedDirective {
  file: string;
  id: string;
  data: DirectiveData;
  body: string;
}
export interface LoadedLibrary {
  registry: Registry | null;
  directives: LoadedDirective[];
  problems: Problem[];
  fileCount: number;
}

/** 1-based line of a top-level frontmatter key, so messages point at it. */
function keyLine(text: string, key: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length && lines[i] !== '---'; i++) {
    if (lines[i]!.startsWith(`${key}:`)) return i + 1;
  }
  return undefined;
}

/**
 * Checks that need more than the schema: the number agrees with the type, and the issuer exists (`issuers` null: the
 * registry could not be read, and its own problem says so once instead of once per directive).
 */
export function checkDirective(
  data: Partial<Pick<DirectiveData, 'number' | 'type' | 'issuer' | 'coIssuers'>>,
  issuers: ReadonlyMap<string, Issuer> | null,
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const type = data.type ? docType(data.type) : undefined;
  const n = data.number ? parseNumber(data.number) : null;
  if (n && type) {
    if (n.typeCode === null) {
      // A legal number without a type code (`653/2019/UBTVQH14`) says nothing of its type.
      if (data.type !== 'cong-van' && n.form !== 'legal') {
        out.push({
          field: 'number',
          message: `số "${data.number}" không có mã loại, tức là công văn của cơ quan nhà nước, nhưng type là "${data.type}" (${type.name}); sửa type thành cong-van hoặc sửa số hiệu`,
        });
      }
    } else if (!typesForCode(n.typeCode, n.family).some((t) => t.key === data.type)) {
      const meant = typesForCode(n.typeCode, n.family).map((t) => `${t.key} (${t.name})`);
      out.push({
        field: 'number',
        message:
          `mã loại "${n.typeCode}" trong số "${data.number}" không khớp với type "${data.type}" (${type.name})` +
          (meant.length
            ? `; mã này là ${meant.join(' hoặc ')}`
            : `; mã này không có trong bảng loại văn bản ${n.family === 'party' ? 'của Đảng' : 'nhà nước'}`),
      });
    }
  }
  if (!issuers) return out;
  for (const co of data.coIssuers ?? []) {
    if (!issuers.has(co))
      out.push({
        field: 'coIssuers',
        message: `cơ quan cùng ban hành "${co}" không có trong content/issuers.yaml; thêm cơ quan vào đó hoặc sửa id`,
      });
    else if (co === data.issuer) out.push({ field: 'coIssuers', message: `"${co}" đã là cơ quan ban hành (issuer); bỏ khỏi coIssuers` });
  }
  if (!data.issuer) return out;
  const issuer = issuers.get(data.issuer);
  if (!issuer) {
    out.push({ field: 'issuer', message: `cơ quan "${data.issuer}" không có trong content/issuers.yaml; thêm cơ quan vào đó hoặc sửa id` });
  } else if (n && normalizeCode(issuer.code) !== normalizeCode(n.issuerCode) && issuer.family === n.family && n.family === 'party') {
    out.push({
      field: 'number',
      message: `mã cơ quan "${n.issuerCode}" trong số "${data.number}" khác mã "${issuer.code}" của ${issuer.name}`,
    });
  }
  return out;
}

/** A library as read from disk, before any check; a build reads it once and hands it to every step. */
export interface LibraryFiles {
  registry: Registry | null;
  /** Problems of the registry, or of a missing directives folder. */
  problems: Problem[];
  /** Every directive file, sorted, with its text normalised (src/model/text.ts). */
  files: { file: string; text: string }[];
}

export function readLibraryFiles(contentDir: string): LibraryFiles {
  const { registry, problems } = readRegistry(path.join(contentDir, 'issuers.yaml'));
  const dir = path.join(contentDir, 'directives');
  if (!fs.existsSync(dir)) {
    problems.push({ file: dir, message: 'không có thư mục văn bản; tạo thư mục này hoặc chạy npm run import' });
    return { registry, problems, files: [] };
  }
  const listing = listDirectiveFiles(dir);
  problems.push(...listing.problems);
  const files: LibraryFiles['files'] = [];
  for (const file of listing.files) {
    const read = readContentText(file);
    if (read.ok) files.push({ file, text: read.text });
    else problems.push(read.problem);
  }
  return { registry, problems, files };
}

/**
 * A file's directive when its frontmatter reads and passes the schema, without the checks against the registry
 * and the rest of the library: what the build needs to make a search record before the library is validated.
 */
export function readDirectiveText(text: string): { data: DirectiveData; body: string } | null {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(text);
  } catch {
    return null;
  }
  const result = directiveSchema.safeParse(parsed.data);
  return result.success ? { data: result.data, body: parsed.body } : null;
}

/** Every string of parsed frontmatter with its dotted path (`signer.name`, `recipients.2`). */
function* stringFields(value: unknown, at: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringFields(v, `${at}.${i}`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* stringFields(v, at ? `${at}.${k}` : k);
}

/** Forbidden characters (src/model/text.ts) in any field or in the body: each field once, the body's first line. */
function characterProblems(file: string, text: string, data: Record<string, unknown>, body: string, bodyLine: number): Problem[] {
  const out: Problem[] = [];
  for (const [field, value] of stringFields(data, '')) {
    const bad = forbiddenCharacter(value);
    if (bad)
      out.push({
        file,
        line: keyLine(text, field.split('.')[0]!),
        field,
        message: `có ký tự điều khiển ${bad.codePoint} ở vị trí ${bad.index + 1} (không in ra được, làm hỏng feed XML); xóa ký tự này`,
      });
  }
  for (const [i, line] of body.split('\n').entries()) {
    const bad = forbiddenCharacter(line);
    if (bad) {
      out.push({
        file,
        line: bodyLine + i,
        message: `nội dung có ký tự điều khiển ${bad.codePoint} ở cột ${bad.index + 1}; xóa ký tự này (ngắt dòng của Word thì thay bằng xuống dòng)`,
      });
      break;
    }
  }
  return out;
}

/**
 * A kept original (`source.original`) must be in the library with the size recorded; a directive whose text was
 * recognised from a scan (`review`) is a warning until an editor has checked it against the original.
 */
function originalProblems(file: string, text: string, contentDir: string, data: DirectiveData): Problem[] {
  const out: Problem[] = [];
  const source = typeof data.source === 'object' ? data.source : null;
  if (source?.original) {
    const at = path.join(contentDir, source.original);
    let size: number | null = null;
    try {
      size = fs.statSync(at).size;
    } catch {
      /* reported below */
    }
    if (size === null)
      out.push({
        file,
        line: keyLine(text, 'source'),
        field: 'source.original',
        message: `không có tệp gốc ${source.original} trong thư mục nội dung; chép tệp vào đó hoặc bỏ khóa original`,
      });
    else if (source.size !== undefined && size !== source.size)
      out.push({
        file,
        line: keyLine(text, 'source'),
        field: 'source.original',
        message: `tệp gốc ${source.original} có ${size} byte, khác ${source.size} byte ghi trong source.size: tệp đã bị thay; nhập lại bản gốc với --force`,
      });
  }
  if (data.review)
    out.push({
      file,
      line: keyLine(text, 'review'),
      field: 'review',
      severity: 'warning',
      message: `cần đối chiếu: chữ được nhận dạng từ bản quét${data.review.confidence !== undefined ? ` (độ tin cậy ${data.review.confidence}%)` : ''}; so với bản gốc, sửa chỗ sai rồi xóa khóa review`,
    });
  return out;
}

/** Today's date plus one day, as ISO: an issue date later than this is a typo more often than a plan. */
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export function loadLibrary(contentDir: string, read: LibraryFiles = readLibraryFiles(contentDir)): LoadedLibrary {
  const { registry } = read;
  const problems: Problem[] = [...read.problems];
  // Without a readable registry, "issuer not in the registry" would be said of every directive: its own problem says it once.
  const issuers = registry ? new Map(registry.issuers.map((i) => [i.id, i])) : null;
  const directives: LoadedDirective[] = [];
  // Keyed by issuer, canonical number and date, so `01-CT/TU` and `1-CT/TU` of one day are one directive.
  const seen = new Map<string, LoadedDirective>();
  // Keyed by id, which is the page's address: `2345/UBND-KTE` and `2345/UBND-KTÊ` of one day would share it.
  const byId = new Map<string, LoadedDirective>();
  const latest = tomorrow();
  for (const { file, text } of read.files) {
    let parsed: ReturnType<typeof parseFrontmatter>;
    try {
      parsed = parseFrontmatter(text);
    } catch (e) {
      if (e instanceof FrontmatterError) {
        problems.push({ file, line: e.line ?? undefined, message: e.message });
        continue;
      }
      throw e;
    }
    const unprintable = characterProblems(file, text, parsed.data, parsed.body, parsed.bodyLine);
    problems.push(...unprintable);
    const result = directiveSchema.safeParse(parsed.data);
    // Cross-field checks run even when another field failed, so one run reports everything.
    const extra = checkDirective(result.success ? result.data : coreFields(parsed.data), issuers);
    for (const x of extra) problems.push({ file, line: keyLine(text, x.field), field: x.field, message: x.message });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? (issue as { keys?: string[] }).keys?.[0] ?? '');
        problems.push({
          file,
          line: key ? keyLine(text, key) : undefined,
          field: issue.path.join('.') || undefined,
          message: translateZodMessage(issue as never),
        });
      }
      continue;
    }
    if (!parsed.body.trim())
      problems.push({ file, line: parsed.bodyLine, message: 'văn bản không có nội dung (phần thân sau khai báo YAML trống)' });
    problems.push(...originalProblems(file, text, contentDir, result.data));
    if (result.data.issued > latest)
      problems.push({
        file,
        line: keyLine(text, 'issued'),
        field: 'issued',
        severity: 'warning',
        message: `ngày ban hành ${result.data.issued} ở tương lai; kiểm tra lại ngày`,
      });
    if (extra.length || unprintable.length) continue;
    const d = { file, id: directiveId(result.data), data: result.data, body: parsed.body };
    const key = `${d.data.issuer}|${numberKey(parseNumber(d.data.number)!)}|${d.data.issued}`;
    const twin = seen.get(key);
    if (twin) {
      problems.push({
        file,
        field: 'number',
        line: keyLine(text, 'number'),
        message: `trùng văn bản với ${twin.file} (cùng cơ quan, số ${d.data.number} và ngày ${d.data.issued}); xóa một trong hai tệp`,
      });
      continue;
    }
    const sameAddress = byId.get(d.id);
    if (sameAddress) {
      problems.push({
        file,
        field: 'number',
        line: keyLine(text, 'number'),
        message:
          `cùng địa chỉ trang ${directivePath(d.id)} với ${sameAddress.file} (số ${sameAddress.data.number} và số ${d.data.number} ` +
          'chỉ khác nhau ở dấu hoặc chữ hoa, cùng cơ quan và ngày); sửa số hiệu của một trong hai tệp cho đúng bản in',
      });
      continue;
    }
    seen.set(key, d);
    byId.set(d.id, d);
    directives.push(d);
  }
  return { registry, directives, problems, fileCount: read.files.length };
}

/**
 * Warnings about citations: those that match several directives (the site shows them unlinked rather than guess), and
 * frontmatter relations that point at no directive of the library or at the directive itself (ignored).
 */
export function referenceWarnings(lib: LoadedLibrary, graph: ReferenceGraph): Problem[] {
  const files = new Map(lib.directives.map((d) => [d.id, d.file]));
  const out: Problem[] = graph.ambiguous.map(({ from, reference: r }) => ({
    file: files.get(from)!,
    field: r.source === 'relation' ? 'relations' : undefined,
    severity: 'warning' as const,
    message: `dẫn chiếu "${r.text || r.number}" chưa xác định: có ${r.candidates.length} văn bản cùng số ${r.number} (${r.candidates.join(', ')}); thêm ngày vào trích dẫn hoặc khai báo relations với target để chỉ rõ`,
  }));
  for (const d of lib.directives) {
    for (const [i, rel] of d.data.relations.entries()) {
      const field = `relations.${i}`;
      const self = isSelfRelation(d, rel);
      if (self)
        out.push({
          file: d.file,
          field,
          severity: 'warning',
          message: 'quan hệ trỏ về chính văn bản này nên bị bỏ qua; xóa hoặc sửa target/number',
        });
      else if (rel.target && !files.has(rel.target))
        out.push({
          file: d.file,
          field,
          severity: 'warning',
          message: `target "${rel.target}" không phải id của văn bản nào trong thư viện (id có dạng <id cơ quan>/<ngày>-<số>, ví dụ ${d.id}); sửa id hoặc dùng number`,
        });
    }
  }
  return out;
}

/** The citations of a loaded library, found once in each text as a reader sees it. */
export function libraryGraph(lib: LoadedLibrary, find?: ReferenceFinder): ReferenceGraph {
  const nodes = lib.directives.map((d) => ({
    id: d.id,
    data: d.data,
    text: markdownToText(d.body),
    partIds: () => new Set(bodyParts(d.body).map((p) => p.id)),
  }));
  return buildReferenceGraph(nodes, lib.registry ?? { provinces: [], issuers: [] }, find);
}

export interface CheckedLibrary {
  library: LoadedLibrary;
  /** Null when the library has errors (or no registry): it is not built. */
  graph: ReferenceGraph | null;
  /** Errors and warnings, the reference warnings included. */
  problems: Problem[];
  errors: number;
}

/** The one pass over a library: read, parse and check every file, then (when it has no errors) find its citations. */
export function readLibrary(contentDir: string, opts: { read?: LibraryFiles; find?: ReferenceFinder } = {}): CheckedLibrary {
  const library = loadLibrary(contentDir, opts.read);
  const errors = library.problems.filter((p) => p.severity !== 'warning').length;
  if (errors || !library.registry) return { library, graph: null, problems: library.problems, errors: errors || 1 };
  const graph = libraryGraph(library, opts.find);
  return { library, graph, problems: [...library.problems, ...referenceWarnings(library, graph)], errors: 0 };
}
