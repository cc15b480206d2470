/**
 * Vietnamese text hygiene and folding: the single source of the folding rules
 * used by slugs, search records, the importer and the search UI.
 */

const BOM = /^\uFEFF/;
const NBSP = /[\u00A0\u202F\u2007]/g;
const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060]/g;

/** Normalise raw input: strip BOM, LF line ends, NFC, NBSP and zero-width characters to plain spaces/nothing. */
export function normalizeText(input: string): string {
  return input
    .replace(BOM, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(NBSP, ' ')
    .replace(ZERO_WIDTH, '');
}

/** đ/Đ and their look-alikes ð/Ð have no Unicode decomposition, so they are mapped explicitly. */
export function foldD(s: string): string {
  return s.replace(/[đð]/g, 'd').replace(/[ĐÐ]/g, 'D');
}

/** Lower-case, strip every combining mark and fold đ: `Đảng ủy Khối` → `dang uy khoi`. Tone placement (`uỷ`/`ủy`) folds to the same result. */
export function foldVietnamese(s: string): string {
  return foldD(s.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase().normalize('NFC');
}

/** ASCII slug for URLs and ids: `234-CV/BDVTU` → `234-cv-bdvtu`. */
export function slugify(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Vietnamese collation: `Đ` sorts right after `D`, not after `Y`. */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);
