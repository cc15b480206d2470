/** schema.org JSON-LD for a directive page, so search engines show its number, subject and issuer. */
import type { Directive, Library } from './library.ts';
import { directivePath } from '../model/ids.ts';
import { absolute } from './urls.ts';

export function legislationJsonLd(d: Directive, lib: Library, site: URL | undefined): string {
  const citations = (lib.graph.outgoing.get(d.id) ?? []).map((r) => {
    const t = r.target ? lib.byId.get(r.target) : undefined;
    return t
      ? { '@type': 'Legislation', legislationIdentifier: t.data.number, name: t.title, url: absolute(directivePath(t.id), site) }
      : { '@type': 'Legislation', legislationIdentifier: r.number };
  });
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: d.title,
    legislationIdentifier: d.data.number,
    legislationType: d.typeName,
    legislationDate: d.data.issued,
    datePublished: d.data.issued,
    inLanguage: 'vi',
    url: absolute(directivePath(d.id), site),
    legislationPassedBy: { '@type': 'GovernmentOrganization', name: d.issuer.name },
    author: { '@type': 'GovernmentOrganization', name: d.issuer.name },
    legislationJurisdiction: d.province ? d.province.name : 'Việt Nam',
    ...(d.data.signer ? { accountablePerson: { '@type': 'Person', name: d.data.signer.name, jobTitle: d.data.signer.title } } : {}),
    ...(citations.length ? { citation: citations } : {}),
  };
  // `<` escaped so no value can close the script element.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
