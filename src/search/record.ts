/**
 * The page Pagefind indexes for a directive. It is written from the content, not scraped from the
 * rendered site, so that the indexed text carries the `đ` twins and number tokens people search with,
 * while the meta fields shown in results keep the printed spelling.
 */
import { displayTitle, libraryTitleNames } from '../model/display-title.ts';
import { docType } from '../model/doc-types.ts';
import { directiveId, directivePath } from '../model/ids.ts';
import { issuerScope } from '../model/issuers.ts';
import { markdownToText } from '../model/markdown-text.ts';
import { numberSearchTokens, parseNumber } from '../model/numbers.ts';
import type { DirectiveData, Registry } from '../model/schema.ts';
import { SORT_FLOOR } from './shards.ts';
import { uniqueWords, withDFolded } from './query-text.ts';
import { passageParts } from './passage-parts.ts';
import { pairTokens } from './syllables.ts';
import { escapeXml as esc } from '../html/escape.ts';
import { gzipSync } from 'node:zlib';

export interface SearchRecordInput {
  data: DirectiveData;
  /** The subject as shown (src/model/display-title.ts). */
  title: string;
  body: string;
  issuerName: string;
  /** The issuer's province, or NATIONAL_SCOPE (src/model/issuers.ts issuerScope). */
  scope: string;
  typeName: string;
}

const sortKey = (issued: string) => `<span data-pagefind-sort="issued">${esc(issued)}</span>`;

/** The record that takes the first place in a shard's date order (src/search/shards.ts): no words, no filters. */
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
  const heading = `${r.typeName} ${r.title}`;
  return (
    `<!doctype html><html lang="vi"><head><title>${esc(r.title)}</title></head><body><main data-pagefind-body>` +
    `<div data-pagefind-ignore>${meta('title', r.title)}${meta('number', r.data.number)}${meta('issuer', r.issuerName)}` +
    `${meta('issued', r.data.issued)}${meta('type', r.typeName)}` +
    `${filter('issuer', r.issuerName)}${filter('type', r.typeName)}${filter('year', year)}${filter('scope', r.scope)}` +
    `${sortKey(r.data.issued)}</div>` +
    `<p data-pagefind-weight="10">${esc(r.data.number)} ${tokens.join(' ')}</p>` +
    // The title and the names with their adjacent-syllable tokens (src/search/syllables.ts), at their weight. Not the
    // body: its pairs more than doubled the index, its build time and memory at 10,000. Not the title alone either: a
    // query's pairs then often find no token, and such a lookup loads more of the index (docs/benchmarks.md).
    `<h1 data-pagefind-weight="4">${esc(withDFolded(heading))} ${pairTokens(heading).join(' ')}</h1>` +
    `<p data-pagefind-weight="2">${esc(withDFolded(`${r.issuerName} ${signer} ${r.data.topics.join(' ')}`))} ${pairTokens(
      `${r.issuerName}\n${signer}\n${r.data.topics.join('\n')}`,
    ).join(' ')}</p>` +
    `<div>${esc(withDFolded(uniqueWords(text)))}</div>` +
    `</main></body></html>`
  );
}

/**
 * One page for Pagefind: where the result links to, the HTML it indexes, and its date (which shard it goes to); and
 * the body in parts for the result's passage (src/search/passage.ts), served beside the index: Pagefind 1.6 indexes
 * every meta field, so the body cannot ride in the result's fragment without filling the index with it.
 */
export interface SearchRecord {
  url: string;
  html: string;
  issued: string;
  /**
   * The body's passage parts, as JSON gzipped (no time stamp: the same parts, the same bytes), in base64: records
   * are cached between builds, so the gzip is made once per change of a directive.
   */
  passages: string;
}

/**
 * What makes the search record of a directive: null when its issuer is not in the registry (such content is
 * refused anyway). It needs the frontmatter and body alone, so a rebuild can make records before the library
 * is validated.
 */
export function searchRecordMaker(registry: Registry): (d: { data: DirectiveData; body: string }) => SearchRecord | null {
  const issuers = new Map(registry.issuers.map((i) => [i.id, i]));
  const provinces = new Map(registry.provinces.map((p) => [p.id, p]));
  const names = libraryTitleNames(registry);
  return (d) => {
    const issuer = issuers.get(d.data.issuer);
    if (!issuer) return null;
    const input: SearchRecordInput = {
      data: d.data,
      title: displayTitle(d.data.title, names),
      body: d.body,
      issuerName: issuer.name,
      scope: issuerScope(issuer, provinces),
      typeName: docType(d.data.type)?.name ?? d.data.type,
    };
    // Without the base: Pagefind prefixes result URLs with the folder it is served from.
    return {
      url: `/${directivePath(directiveId(d.data))}`,
      html: searchRecordHtml(input),
      issued: d.data.issued,
      passages: gzipSync(JSON.stringify(passageParts(d.body))).toString('base64'),
    };
  };
}
