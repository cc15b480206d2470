/** Reading the issuer registry (`content/issuers.yaml`): the file, its schema, and the checks across entries. */
import fs from 'node:fs';
import * as yaml from 'js-yaml';
import { registrySchema, type Registry } from '../model/schema.ts';
import { forbiddenCharacter } from '../model/text.ts';
import { readContentText } from './files.ts';
import { translateZodMessage, type Problem } from './problems.ts';

/** The entry a schema issue is about: `issuers.3 (ban-dan-van-tu)` rather than `issuers.3.code`. */
function entryField(raw: unknown, path: readonly PropertyKey[]): string {
  const [list, index, ...rest] = path.map(String);
  if (list === undefined) return '';
  if (index === undefined) return list;
  const entry = (raw as Record<string, unknown[] | undefined>)?.[list]?.[Number(index)] as { id?: unknown } | undefined;
  const id = typeof entry?.id === 'string' ? ` (${entry.id})` : '';
  return `${list}.${index}${id}${rest.length ? `.${rest.join('.')}` : ''}`;
}

export function readRegistry(file: string): { registry: Registry | null; problems: Problem[] } {
  if (!fs.existsSync(file))
    return {
      registry: null,
      problems: [{ file, message: 'không tìm thấy sổ đăng ký cơ quan ban hành; tạo tệp này với khóa provinces và issuers' }],
    };
  const read = readContentText(file);
  if (!read.ok) return { registry: null, problems: [read.problem] };
  let raw: unknown;
  try {
    raw = yaml.load(read.text, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const err = e as { mark?: { line: number }; reason?: string; message: string };
    return {
      registry: null,
      problems: [{ file, line: err.mark ? err.mark.line + 1 : undefined, message: `YAML sai cú pháp: ${err.reason ?? err.message}` }],
    };
  }
  const bad = forbiddenCharacter(read.text);
  if (bad) {
    const line = read.text.slice(0, bad.index).split('\n').length;
    return { registry: null, problems: [{ file, line, message: `có ký tự điều khiển ${bad.codePoint}; xóa ký tự này` }] };
  }
  const parsed = registrySchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return {
      registry: null,
      problems: parsed.error.issues.map((i) => ({
        file,
        field: entryField(raw, i.path) || undefined,
        message: translateZodMessage(i as never),
      })),
    };
  }
  const registry = parsed.data;
  const problems: Problem[] = [];
  const provinceIds = new Set(registry.provinces.map((p) => p.id));
  const byId = new Map<string, (typeof registry.issuers)[number]>();
  for (const [n, i] of registry.issuers.entries()) {
    const field = `issuers.${n} (${i.id})`;
    if (byId.has(i.id)) problems.push({ file, field, message: `id "${i.id}" bị trùng; mỗi cơ quan cần một id riêng` });
    byId.set(i.id, i);
    if (i.province && !provinceIds.has(i.province))
      problems.push({ file, field, message: `tỉnh "${i.province}" chưa có trong danh sách provinces` });
  }
  for (const [n, i] of registry.issuers.entries()) {
    const field = `issuers.${n} (${i.id})`;
    if (i.parent && !byId.has(i.parent)) {
      problems.push({ file, field, message: `cơ quan cấp trên "${i.parent}" không có trong sổ đăng ký` });
      continue;
    }
    // Walk up: an issuer that is its own ancestor would vanish from the tree of issuers.
    const chain = [i.id];
    for (let up = i.parent; up; up = byId.get(up)?.parent) {
      if (up === i.id) {
        problems.push({
          file,
          field: `${field}.parent`,
          message: `cơ quan là cấp trên của chính nó (${[...chain, up].join(' → ')}); sửa parent để chuỗi cấp trên kết thúc`,
        });
        break;
      }
      if (chain.includes(up)) break; // a loop higher up, reported from its own members
      chain.push(up);
    }
  }
  return { registry, problems };
}
