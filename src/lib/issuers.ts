/** The issuer registry: loading, lookup and the browse tree (national bodies, then provinces and their bodies). */
import fs from 'node:fs';
import * as yaml from 'js-yaml';
import { registrySchema, type Issuer, type Province, type Registry } from './schema.ts';
import { compareVietnamese } from './text.ts';
import type { Problem } from './problems.ts';

/** What readers call the level above the provinces: the group of national bodies in menus, lists and citations. */
export const NATIONAL_SCOPE = 'Trung ương';

/** Where an issuer belongs for readers: its province's name, or NATIONAL_SCOPE. */
export function issuerScope(issuer: Issuer, provinces: ReadonlyMap<string, Province>): string {
  return (issuer.province && provinces.get(issuer.province)?.name) || NATIONAL_SCOPE;
}

export function readRegistry(file: string): { registry: Registry | null; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { mark?: { line: number }; reason?: string };
    if (err.code === 'ENOENT') return { registry: null, problems: [{ file, message: 'không tìm thấy sổ đăng ký cơ quan ban hành; tạo tệp này với khóa provinces và issuers' }] };
    return { registry: null, problems: [{ file, line: err.mark ? err.mark.line + 1 : undefined, message: `YAML sai cú pháp: ${err.reason ?? err.message}` }] };
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
    if (i.province && !provinceIds.has(i.province)) problems.push({ file, field, message: `tỉnh "${i.province}" chưa có trong danh sách provinces` });
  }
  for (const [n, i] of registry.issuers.entries()) {
    if (i.parent && !seen.has(i.parent)) problems.push({ file, field: `issuers.${n} (${i.id})`, message: `cơ quan cấp trên "${i.parent}" không có trong sổ đăng ký` });
  }
  return { registry, problems };
}

export interface IssuerNode { issuer: Issuer; children: IssuerNode[] }
export interface ProvinceGroup { province: Province; roots: IssuerNode[] }
export interface IssuerTree { national: IssuerNode[]; provinces: ProvinceGroup[] }

/** National bodies first, then each province (in Vietnamese order) with its bodies nested under their parents. */
export function issuerTree(registry: Registry): IssuerTree {
  const nodes = new Map(registry.issuers.map((i) => [i.id, { issuer: i, children: [] as IssuerNode[] }]));
  const roots: IssuerNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.issuer.parent ? nodes.get(node.issuer.parent) : undefined;
    // A body whose parent sits at another scope (a provincial board under a national one) is a root of its own scope.
    if (parent && parent.issuer.province === node.issuer.province) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: IssuerNode, b: IssuerNode) => compareVietnamese(a.issuer.name, b.issuer.name);
  const sortDeep = (list: IssuerNode[]) => { list.sort(byName); list.forEach((n) => sortDeep(n.children)); return list; };
  const provinces = [...registry.provinces].sort((a, b) => compareVietnamese(a.name, b.name)).map((province) => ({
    province,
    roots: sortDeep(roots.filter((r) => r.issuer.province === province.id)),
  }));
  return { national: sortDeep(roots.filter((r) => r.issuer.level === 'national')), provinces };
}

/** Issuer block lines printed at the top left of the formal layout. */
export function issuerHeader(issuer: Issuer, byId: ReadonlyMap<string, Issuer>): string[] {
  if (issuer.header?.length) return issuer.header;
  const parent = issuer.parent ? byId.get(issuer.parent) : undefined;
  return [parent?.name, issuer.name].filter((s): s is string => !!s).map((s) => s.toLocaleUpperCase('vi'));
}
