/** Reading the issuer registry (`content/issuers.yaml`): the file, its schema, and the checks across entries. */
import fs from 'node:fs';
import * as yaml from 'js-yaml';
import type { Problem } from './problems.ts';
import { registrySchema, type Registry } from '../model/schema.ts';

export function readRegistry(file: string): { registry: Registry | null; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { mark?: { line: number }; reason?: string };
    if (err.code === 'ENOENT')
      return {
        registry: null,
        problems: [{ file, message: 'không tìm thấy sổ đăng ký cơ quan ban hành; tạo tệp này với khóa provinces và issuers' }],
      };
    return {
      registry: null,
      problems: [{ file, line: err.mark ? err.mark.line + 1 : undefined, message: `YAML sai cú pháp: ${err.reason ?? err.message}` }],
    };
  }
  const parsed = registrySchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return { registry: null, problems: parsed.error.issues.map((i) => ({ file, field: i.path.join('.'), message: i.message })) };
  }
  const registry = parsed.data;
  const problems: Problem[] = [];
  const provinceIds = new Set(registry.provinces.map((p) => p.id));
  const seen = new Set<string>();
  for (const [n, i] of registry.issuers.entries()) {
    const field = `issuers.${n} (${i.id})`;
    if (seen.has(i.id)) problems.push({ file, field, message: `id "${i.id}" bị trùng; mỗi cơ quan cần một id riêng` });
    seen.add(i.id);
    if (i.province && !provinceIds.has(i.province))
      problems.push({ file, field, message: `tỉnh "${i.province}" chưa có trong danh sách provinces` });
  }
  for (const [n, i] of registry.issuers.entries()) {
    if (i.parent && !seen.has(i.parent))
      problems.push({ file, field: `issuers.${n} (${i.id})`, message: `cơ quan cấp trên "${i.parent}" không có trong sổ đăng ký` });
  }
  return { registry, problems };
}
