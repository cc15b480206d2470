/**
 * The issuer menus of the search page. The values are exactly the filter values the search index stores
 * (src/search/record.ts): the issuer's scope (src/model/issuers.ts issuerScope) and its name.
 */
import { issuerScope, NATIONAL_SCOPE } from '../model/issuers.ts';
import { compareVietnamese } from '../model/text.ts';
import type { Library } from './library.ts';

/** A scope and the names of its bodies that have directives, in Vietnamese alphabetical order. */
export interface IssuerGroup {
  scope: string;
  issuers: string[];
}

/** National bodies first, then the provinces in alphabetical order. */
export function issuerGroups(lib: Library): IssuerGroup[] {
  const byScope = new Map<string, string[]>();
  for (const [id, list] of lib.byIssuer) {
    if (list.length === 0) continue;
    const issuer = lib.issuers.get(id)!;
    const scope = issuerScope(issuer, lib.provinces);
    const names = byScope.get(scope) ?? [];
    names.push(issuer.name);
    byScope.set(scope, names);
  }
  return [...byScope]
    .map(([scope, issuers]) => ({ scope, issuers: issuers.sort(compareVietnamese) }))
    .sort((a, b) => Number(b.scope === NATIONAL_SCOPE) - Number(a.scope === NATIONAL_SCOPE) || compareVietnamese(a.scope, b.scope));
}
