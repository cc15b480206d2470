/** The public shape of a directive in `catalog.json`. References are filled in by the cross-reference module. */
import type { Directive } from './library.ts';
import { originalView } from './original.ts';
import { STATUSES } from '../model/status.ts';

export interface CatalogReference {
  number: string;
  text: string;
  target: string | null;
  kind: string;
  status: string;
}

export function catalogEntry(d: Directive, references: CatalogReference[] = [], referencedBy: string[] = []) {
  return {
    id: d.id,
    url: d.url,
    number: d.data.number,
    type: d.data.type,
    typeName: d.typeName,
    title: d.title,
    // The subject as printed, when it is shown otherwise (all capitals shown in sentence case).
    ...(d.title !== d.data.title ? { titlePrinted: d.data.title } : {}),
    ...(d.data.numberPrinted ? { numberPrinted: d.data.numberPrinted } : {}),
    issued: d.data.issued,
    issuer: { id: d.issuer.id, name: d.issuer.name },
    coIssuers: d.coIssuers.map((i) => ({ id: i.id, name: i.name })),
    province: d.province ? { id: d.province.id, name: d.province.name } : null,
    signer: d.data.signer ? { ...d.data.signer } : null,
    place: d.data.place ?? null,
    topics: d.data.topics,
    original: catalogOriginal(d),
    status: {
      key: d.status.key,
      label: STATUSES[d.status.key].label,
      legalForce: STATUSES[d.status.key].legalForce,
      ...(d.data.effective ? { effective: d.data.effective } : {}),
      ...(d.data.expires ? { expires: d.data.expires } : {}),
      ...(d.status.note ? { note: d.status.note } : {}),
      changes: d.status.changes,
    },
    ...(d.data.review ? { review: d.data.review } : {}),
    references,
    referencedBy,
  };
}

/** The kept original, for tools: where it is, what it is, its SHA-256 and how the text was obtained. */
function catalogOriginal(d: Directive) {
  const o = originalView(d.data);
  if (!o) return null;
  const source = typeof d.data.source === 'object' ? d.data.source : {};
  return { url: o.href, mediaType: o.mediaType, size: o.size, sha256: o.sha256, pages: o.pages, extraction: source.extraction ?? null };
}
