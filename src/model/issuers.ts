/** Issuers as readers see them: their scope, the browse tree (national bodies, then provinces and their bodies), their header. */
import type { Issuer, Province, Registry } from './schema.ts';
import { compareVietnamese } from './text.ts';

/** What readers call the level above the provinces: the group of national bodies in menus, lists and citations. */
export const NATIONAL_SCOPE = 'Trung ương';

/** Where an issuer belongs for readers: its province's name, or NATIONAL_SCOPE. */
export function issuerScope(issuer: Issuer, provinces: ReadonlyMap<string, Province>): string {
  return (issuer.province && provinces.get(issuer.province)?.name) || NATIONAL_SCOPE;
}

export interface IssuerNode {
  issuer: Issuer;
  children: IssuerNode[];
}
export interface ProvinceGroup {
  province: Province;
  roots: IssuerNode[];
}
export interface IssuerTree {
  national: IssuerNode[];
  provinces: ProvinceGroup[];
}

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
  const sortDeep = (list: IssuerNode[]) => {
    list.sort(byName);
    for (const n of list) sortDeep(n.children);
    return list;
  };
  const provinces = [...registry.provinces]
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((province) => ({
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
