/**
 * Province-level units, so a header like `SỞ Y TẾ NAM ĐỊNH` or `TỈNH ỦY TUYÊN QUANG` can be split into body and
 * province. The 63 units before the 2025 merger plus Huế (a city since 2025); every one of the 34 units after
 * the merger keeps one of these names. Centrally-run cities are marked, since their bodies say `Thành ủy`.
 */
import { foldVietnamese } from './text.ts';

const CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];
const PROVINCES = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bạc Liêu',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Định',
  'Bình Dương',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cao Bằng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Tĩnh',
  'Hải Dương',
  'Hậu Giang',
  'Hòa Bình',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lâm Đồng',
  'Lạng Sơn',
  'Lào Cai',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Thừa Thiên Huế',
  'Tiền Giang',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];
/** Other spellings seen in documents. */
const ALIASES: Record<string, string> = {
  'ba ria vung tau': 'Bà Rịa - Vũng Tàu',
  'bac can': 'Bắc Kạn',
  'thua thien - hue': 'Thừa Thiên Huế',
  'tp ho chi minh': 'Hồ Chí Minh',
  'thanh pho ho chi minh': 'Hồ Chí Minh',
  'dak lak': 'Đắk Lắk',
  'dak nong': 'Đắk Nông',
};

export interface KnownProvince {
  name: string;
  city: boolean;
}

/** Folded key: marks, case, `đ`, dashes and extra spaces ignored (`Bà Rịa-Vũng Tàu` = `BÀ RỊA - VŨNG TÀU`). */
export const provinceKey = (s: string) =>
  foldVietnamese(s)
    .replace(/[-–—.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const byKey = new Map<string, KnownProvince>();
for (const name of PROVINCES) byKey.set(provinceKey(name), { name, city: false });
for (const name of CITIES) byKey.set(provinceKey(name), { name, city: true });
for (const [alias, name] of Object.entries(ALIASES)) byKey.set(provinceKey(alias), byKey.get(provinceKey(name))!);
const MAX_WORDS = Math.max(...[...byKey.keys()].map((k) => k.split(' ').length));

export function lookupProvince(name: string): KnownProvince | undefined {
  return byKey.get(provinceKey(name));
}

/**
 * Longest known province name at the end of `text`: `SỞ Y TẾ NAM ĐỊNH` → { rest: `SỞ Y TẾ`, province: Nam Định }.
 * Word boundaries only; null when the text does not end with one.
 */
export function provinceAtEnd(text: string): { rest: string; province: KnownProvince } | null {
  const words = text.trim().split(/\s+/);
  for (let n = Math.min(MAX_WORDS + 2, words.length); n >= 1; n--) {
    const tail = words.slice(words.length - n).join(' ');
    const p = lookupProvince(tail);
    if (p) return { rest: words.slice(0, words.length - n).join(' '), province: p };
  }
  return null;
}

const PROVINCE_MENTION =
  /(?<![\p{L}\p{M}])(?:tỉnh|thành phố|Tỉnh|Thành phố|TỈNH|THÀNH PHỐ)\s+(\p{Lu}[\p{L}\p{M}]*(?:\s*-\s*|\s)?(?:\p{Lu}[\p{L}\p{M}]*(?:\s*-\s*|\s)?){0,3})/gu;

/** Provinces a text names (`tỉnh Lạng Sơn`, `thành phố Hà Nội`), the most named first. */
export function mentionedProvinces(text: string): string[] {
  const counts = new Map<string, number>();
  for (const m of text.slice(0, 20_000).matchAll(PROVINCE_MENTION)) {
    const words = m[1]!.trim().split(/\s+/);
    for (let n = Math.min(words.length, MAX_WORDS + 2); n >= 1; n--) {
      const p = lookupProvince(words.slice(0, n).join(' '));
      if (p) {
        counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
        break;
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/** Every known province name, for casing and matching names in text. */
export const PROVINCE_NAMES: readonly string[] = [...CITIES, ...PROVINCES];
