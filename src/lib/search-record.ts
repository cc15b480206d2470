/**
 * The page Pagefind indexes for a directive. It is written from the content, not scraped from the
 * rendered site, so that the indexed text carries the `đ` twins and number tokens people search with,
 * while the meta fields shown in results keep the printed spelling.
 */
import { numberSearchTokens, parseNumber } from './numbers.ts';
import type { DirectiveData } from './schema.ts';
import { SORT_FLOOR } from './search-shards.ts';
import { openingWords, uniqueWords, withDFolded } from './search-text.ts';
import { escapeXml as esc } from './xml.ts';

export interface SearchRecordInput {
  data: DirectiveData;
  /** The subject as shown (src/lib/display-title.ts). */
  title: string;
  body: string;
  issuerName: string;
  /** The issuer's province, or NATIONAL_SCOPE (src/lib/issuers.ts issuerScope). */
  scope: string;
  typeName: string;
}

/** Markdown to the words a reader sees; the bodies are prose, so markup characters are all there is to drop. */
export function markdownToText(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/[*_`]{1,3}(?=\S)|(?<=\S)[*_`]{1,3}/g, '');
}

const sortKey = (issued: string) => `<span data-pagefind-sort="issued">${esc(issued)}</span>`;

/** The record that takes the first place in a shard's date order (src/lib/search-shards.ts): no words, no filters. */
export function sortFloorHtml(): string {
  return `<!doctype html><html lang="vi"><head><title></title></head><body><main data-pagefind-body>${sortKey(SORT_FLOOR)}</main></body></html>`;
}

export function searchRecordHtml(r: SearchRecordInput): string {
  const n = parseNumber(r.data.number);
  const tokens = n ? numberSearchTokens(n) : [];
  const year = r.data.issued.slice(0, 4);
  const meta = (k: string, v: string) => `<span data-pagefind-meta="${k}">${esc(v)}</span>`;
  const filter = (k: string, v: string) => `<span data-pagefind-filter="${k}">${esc(v)}</span>`;
  const signer = r.data.signer ? `${r.data.signer.name} ${r.data.signer.title ?? ''}` : '';
  const text = markdownToText(r.body);
  return `<!doctype html><html lang="vi"><head><title>${esc(r.title)}</title></head><body><main data-pagefind-body>` +
    `<div data-pagefind-ignore>${meta('title', r.title)}${meta('number', r.data.number)}${meta('issuer', r.issuerName)}` +
    `${meta('issued', r.data.issued)}${meta('type', r.typeName)}${meta('summary', openingWords(text))}` +
    `${filter('issuer', r.issuerName)}${filter('type', r.typeName)}${filter('year', year)}${filter('scope', r.scope)}` +
    `${sortKey(r.data.issued)}</div>` +
    `<p data-pagefind-weight="10">${esc(r.data.number)} ${tokens.join(' ')}</p>` +
    `<h1 data-pagefind-weight="4">${esc(withDFolded(`${r.typeName} ${r.title}`))}</h1>` +
    `<p data-pagefind-weight="2">${esc(withDFolded(`${r.issuerName} ${signer} ${r.data.topics.join(' ')}`))}</p>` +
    `<div>${esc(withDFolded(uniqueWords(text)))}</div>` +
    `</main></body></html>`;
}
