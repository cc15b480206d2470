/** Stable directive ids and their address, derived from issuer, number and date (a number alone repeats across provinces and terms). */
import { slugify } from './text.ts';

export interface DirectiveKey {
  issuer: string;
  number: string;
  issued: string;
}

/** `ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu` */
export function directiveId(d: DirectiveKey): string {
  return `${d.issuer}/${d.issued}-${slugify(d.number)}`;
}

/** File name the importer gives a directive: the id with `/` → `--`. */
export function directiveFileName(d: DirectiveKey): string {
  return `${directiveId(d).replace('/', '--')}.md`;
}

/** The one address of a directive's page, under the site's base: `van-ban/<issuer>/<date>-<number>/`. */
export function directivePath(id: string): string {
  return `van-ban/${id}/`;
}

/**
 * The address of a directive's body in parts, for the passages of search results (src/search/passage.ts), gzipped:
 * `tim-kiem/van-ban/<id>.json.gz`. From the directive's own address, as a search result gives it.
 */
export function passagePath(directiveAddress: string): string {
  return directiveAddress.replace(/(^|\/)van-ban\/(.+?)\/?$/, '$1tim-kiem/van-ban/$2.json.gz');
}

/** The address of a directive's kept original (`sources/<name>` in the library) on the site: `goc/<name>`. */
export function originalPath(original: string): string {
  return `goc/${original.slice(original.lastIndexOf('/') + 1)}`;
}
