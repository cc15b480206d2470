/** schema.org JSON-LD for a directive page, so search engines show its number, subject and issuer. */
import type { DirectivePageView } from './views.ts';
import { directivePath } from '../model/ids.ts';
import { absolute } from './urls.ts';

export function legislationJsonLd(d: DirectivePageView, site: URL | undefined): string {
  const citations = d.cites.map(({ target: t, number }) =>
    t
      ? { '@type': 'Legislation', legislationIdentifier: t.number, name: t.title, url: absolute(directivePath(t.id), site) }
      : { '@type': 'Legislation', legislationIdentifier: number },
  );
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
    legislationLegalForce: `https://schema.org/${d.status.info.legalForce}`,
    ...(d.data.effective ? { legislationDateOfApplicability: d.data.effective } : {}),
    ...(d.data.signer ? { accountablePerson: { '@type': 'Person', name: d.data.signer.name, jobTitle: d.data.signer.title } } : {}),
    ...(citations.length ? { citation: citations } : {}),
    ...(d.original
      ? {
          associatedMedia: {
            '@type': 'MediaObject',
            contentUrl: absolute(d.original.path, site),
            encodingFormat: d.original.mediaType,
            contentSize: d.original.sizeText,
            ...(d.original.sha256 ? { sha256: d.original.sha256 } : {}),
          },
        }
      : {}),
  };
  // `<` escaped so no value can close the script element.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
