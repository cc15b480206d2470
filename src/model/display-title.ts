/**
 * How lists and pages show a subject printed in capitals (`THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG NGÀY 16/7/2021 CỦA THỦ
 * TƯỚNG CHÍNH PHỦ ...`): in sentence case, with document numbers in their canonical spelling, Roman numerals and
 * acronyms in capitals, a type name that cites a document capitalised (`Chỉ thị số ...`), and the names of bodies
 * and places spelled as the registry spells them (`Thủ tướng Chính phủ`, `tỉnh Lạng Sơn`). The file keeps the
 * printed form; this is for display.
 */
import { DOC_TYPES } from './doc-types.ts';
import { canonicalNumber, parseNumber } from './numbers.ts';
import { PROVINCE_NAMES } from './provinces.ts';
import { foldVietnamese } from './text.ts';

/** Names that keep their capitals wherever a subject mentions them. */
export const NATIONAL_NAMES = [
  'Thủ tướng Chính phủ',
  'Chính phủ',
  'Bộ Chính trị',
  'Ban Bí thư',
  'Ban Chấp hành Trung ương',
  'Trung ương',
  'Quốc hội',
  'Ủy ban Thường vụ Quốc hội',
  'Ủy ban Mặt trận Tổ quốc Việt Nam',
  'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  'Đảng',
  'Nhà nước',
  'Mặt trận Tổ quốc Việt Nam',
  'Mặt trận Tổ quốc',
  'Việt Nam',
  'Hồ Chí Minh',
  'Đại hội đại biểu toàn quốc',
  'Đại hội',
  'Tỉnh ủy',
  'Thành ủy',
  'Huyện ủy',
  'Đảng ủy',
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Ban Thường vụ',
  'Ban Chỉ đạo',
  'Đoàn TNCS Hồ Chí Minh',
  'Nhân dân',
  'Tổ quốc',
  'Bác Hồ',
  'Chủ tịch Hồ Chí Minh',
];
const ACRONYMS = new Set(['UBND', 'HĐND', 'MTTQ', 'TNCS', 'COVID', 'ASEAN', 'WTO', 'CNH', 'HĐH', 'KT-XH', 'QP-AN', 'TP']);
const ROMAN = /^[IVXLC]+$/;
const TYPE_WORDS = DOC_TYPES.map((t) => t.name.toLocaleLowerCase('vi').split(' '));

const lower = (s: string) => s.toLocaleLowerCase('vi');
const capFirst = (s: string) => s.replace(/\p{L}/u, (c) => c.toLocaleUpperCase('vi'));

export interface TitleNames {
  /** Folded word sequences → their spelling, longest first. */
  entries: { words: string[]; spelled: string[] }[];
}

/** The names a library knows (its issuers and provinces), with the national ones, ready for {@link displayTitle}. */
export function titleNames(extra: readonly string[] = []): TitleNames {
  const seen = new Set<string>();
  const entries: TitleNames['entries'] = [];
  for (const name of [...NATIONAL_NAMES, ...PROVINCE_NAMES, ...extra]) {
    const spelled = name.split(/\s+/);
    const key = foldVietnamese(name);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ words: spelled.map((w) => foldVietnamese(w)), spelled });
  }
  entries.sort((a, b) => b.words.length - a.words.length);
  return { entries };
}

const DEFAULT_NAMES = titleNames();

/** The names of a registry's bodies and provinces. */
export function libraryTitleNames(registry: { issuers: readonly { name: string }[]; provinces: readonly { name: string }[] }): TitleNames {
  return titleNames([...registry.issuers.map((i) => i.name), ...registry.provinces.map((p) => p.name)]);
}

/** A subject for display: sentence case when it is printed all in capitals, as it is otherwise. */
export function displayTitle(title: string, names: TitleNames = DEFAULT_NAMES): string {
  if (/\p{Ll}/u.test(title) || !/\p{Lu}.*\p{Lu}/u.test(title)) return title;
  const tokens = title.split(/(\s+)/);
  const words = tokens.map((t, i) => (i % 2 ? null : t));
  const out = tokens.map((t, i) => (i % 2 ? t : keepOrLower(t)));
  const core = (t: string) => foldVietnamese(t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const idx = words.map((w, i) => (w === null ? -1 : i)).filter((i) => i >= 0);
  // Known names, longest first, each word spelled as the name spells it.
  const taken = new Set<number>();
  for (let k = 0; k < idx.length; k++) {
    for (const e of names.entries) {
      if (k + e.words.length > idx.length) continue;
      if (e.words.some((w, j) => taken.has(idx[k + j]!) || core(words[idx[k + j]!]!) !== w)) continue;
      e.words.forEach((_, j) => {
        const at = idx[k + j]!;
        taken.add(at);
        out[at] = respell(out[at]!, e.spelled[j]!);
      });
      break;
    }
  }
  // A type name citing a document: `chỉ thị số 19/CT-TTg` → `Chỉ thị số ...`.
  for (let k = 0; k < idx.length; k++) {
    for (const tw of TYPE_WORDS) {
      const after = idx[k + tw.length];
      if (after === undefined || tw.some((w, j) => lower(core(words[idx[k + j]!]!)) !== foldVietnamese(w))) continue;
      const next = words[after]!;
      // ... or naming a body (`Nghị quyết Đại hội ...`).
      const named = taken.has(after) && /^\p{Lu}/u.test(out[after]!);
      if (/^số$/iu.test(next) || parseNumber(next.replace(/[,;:.]+$/, '')) || /^\d/.test(next) || named)
        out[idx[k]!] = capFirst(out[idx[k]!]!);
    }
  }
  // The first letter, and the first letter inside opening quotes.
  const first = out.findIndex((t, i) => i % 2 === 0 && /\p{L}/u.test(t));
  if (first >= 0) out[first] = capFirst(out[first]!);
  return out.join('').replace(/([“"«(]\s*)(\p{Ll})/gu, (_, q: string, c: string) => q + c.toLocaleUpperCase('vi'));
}

/** One token: numbers canonical, Roman numerals and acronyms as printed, the rest in small letters. */
function keepOrLower(token: string): string {
  const bare = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (/\d/.test(bare) && /\p{L}/u.test(bare) && parseNumber(bare)) return token.replace(bare, canonicalNumber(bare));
  if (/\d/.test(bare)) return token;
  if (
    ROMAN.test(bare) ||
    ACRONYMS.has(bare) ||
    (bare.length >= 2 && !/[AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]/u.test(bare))
  )
    return token;
  return lower(token);
}

/** `thủ` spelled as `Thủ`: the name's capitals on the token, its punctuation kept. */
function respell(token: string, spelled: string): string {
  return token.replace(/[\p{L}\p{M}]+/u, (w) =>
    spelled[0] === spelled[0]!.toLocaleUpperCase('vi') && spelled[0] !== spelled[0]!.toLocaleLowerCase('vi') ? capFirst(w) : w,
  );
}
