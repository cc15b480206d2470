/**
 * Turning the capitals of headers and signing blocks (`BAN DÂN VẬN`, `K/T TRƯỞNG BAN`) into the case
 * Vietnamese administrative writing uses (`Ban Dân vận`, `K/T Trưởng ban`): the first syllable, the first
 * syllable of the name after a body word (`Ban`, `Sở`, `Khối`), of known compound titles (`Tỉnh ủy`,
 * `Thường vụ`, `Bí thư`) and every syllable of a place name after `tỉnh`, `huyện` ... are capitalised.
 */

const cap = (w: string) => (w ? w[0]!.toLocaleUpperCase('vi') + w.slice(1) : w);
const lower = (s: string) => s.toLocaleLowerCase('vi');

/** Capitalise the first letter only (`về tăng cường` → `Về tăng cường`). */
export function capitalizeFirst(s: string): string {
  const i = s.search(/\p{L}/u);
  return i < 0 ? s : s.slice(0, i) + s[i]!.toLocaleUpperCase('vi') + s.slice(i + 1);
}

/** Body words: the syllable after them starts the body's own name (`Ban Dân vận`, `Sở Y tế`, `Khối Cơ quan`). */
const BODY_WORDS = new Set(['ban', 'sở', 'khối', 'cục', 'bộ', 'hội', 'đoàn', 'viện', 'trường', 'phòng', 'tâm']);
/** Compounds whose first syllable is capitalised wherever they appear. */
const COMPOUNDS = [
  'tỉnh ủy',
  'thành ủy',
  'huyện ủy',
  'quận ủy',
  'thị ủy',
  'đảng ủy',
  'đảng bộ',
  'chi bộ',
  'trung ương',
  'ủy ban',
  'hội đồng',
  'thường vụ',
  'thường trực',
  'chấp hành',
  'bí thư',
  'chính trị',
  'trưởng ban',
  'chủ tịch',
  'giám đốc',
  'văn phòng',
  'chủ nhiệm',
  'thủ trưởng',
  'trưởng phòng',
  'viện trưởng',
  'chánh án',
  'bộ trưởng',
  'thứ trưởng',
  'thủ tướng',
  'mặt trận',
  'tổ quốc',
  'kiểm tra',
  'trung tâm',
  'khối',
  'đảng',
];
/** Proper names inside body names, every syllable capitalised. */
const PROPER = ['việt nam', 'hồ chí minh'];
/** After these words a name stays lower case (`Ủy ban nhân dân`, `Hội đồng nhân dân`, `Khối các cơ quan`). */
const FUNCTION_WORDS = new Set(['nhân', 'các', 'và', 'của', 'với', 'cho', 'trong']);
/** A place name follows these, every syllable capitalised (`tỉnh Bến Tre`, `huyện Yên Sơn`). */
const PLACE_WORDS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'quận', 'xã', 'phường'];
/** Acronyms kept in capitals; anything without a vowel is one too (`UBND`, `HĐND`, `TW`). */
const ACRONYMS = new Set(['UBND', 'HĐND', 'MTTQ', 'TNCS', 'UBKT', 'CAND', 'QĐND', 'HTX']);
const VOWEL = /[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/iu;

const isAcronym = (w: string) => /^\p{Lu}[\p{Lu}\d]*$/u.test(w) && (ACRONYMS.has(w) || !VOWEL.test(w));

export interface NameCaseOptions {
  /** Words that are known proper names (a province), capitalised syllable by syllable. */
  properNames?: readonly string[];
}

/**
 * `BAN DÂN VẬN` → `Ban Dân vận`; `PHÓ TRƯỞNG BAN` → `Phó Trưởng ban`; `ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH` →
 * `Ủy ban nhân dân tỉnh Nam Định`. Text that is not all capitals is returned as it is.
 */
export function nameCase(text: string, opts: NameCaseOptions = {}): string {
  const src = text.trim().replace(/\s+/g, ' ');
  if (/\p{Ll}/u.test(src)) return src;
  const words = src.split(' ');
  const low = words.map(lower);
  const out = low.slice();
  const capAt = new Set<number>([0]);
  const joined = ` ${low.join(' ')} `;
  const startOf = (charIndex: number) => joined.slice(0, charIndex).trim().split(' ').filter(Boolean).length;
  for (const c of COMPOUNDS) {
    let from = 0;
    for (;;) {
      const at = joined.indexOf(` ${c} `, from);
      if (at < 0) break;
      capAt.add(startOf(at + 1));
      from = at + 1;
    }
  }
  for (let i = 0; i < low.length; i++) {
    const w = low[i]!;
    // After a body word, the name starts (unless it is a function word); `- ` starts a second name.
    if ((BODY_WORDS.has(w) || w === '-' || w === '–') && i + 1 < low.length && !FUNCTION_WORDS.has(low[i + 1]!)) {
      // `Đảng bộ`, `Chi bộ` are not `Bộ` (ministry).
      if (w === 'bộ' && (low[i - 1] === 'đảng' || low[i - 1] === 'chi')) continue;
      capAt.add(i + 1);
    }
    if (w === 'và' && i > 0 && i + 1 < low.length) capAt.add(i + 1);
    // `Trung ương Đoàn`, `Trung ương Đảng`: the organisation's name after `Trung ương`.
    if ((w === 'đoàn' || w === 'đảng') && low[i - 1] === 'ương' && low[i - 2] === 'trung') capAt.add(i);
  }
  // Place names: everything after the first place word (`tỉnh Bến Tre`) or committee (`Tỉnh ủy Tuyên Quang`).
  for (let i = 0; i < low.length; i++) {
    const two = `${low[i]} ${low[i + 1] ?? ''}`;
    let len = PLACE_WORDS.includes(two) ? 2 : PLACE_WORDS.includes(low[i]!) ? 1 : 0;
    if (low[i + 1] === 'ủy' && ['tỉnh', 'thành', 'huyện', 'quận', 'thị'].includes(low[i]!)) len = 2;
    if (low[i] === 'xã' && low[i + 1] === 'hội') len = 0; // `xã hội` (society), not a commune
    if (!len || i + len >= low.length) continue;
    if (FUNCTION_WORDS.has(low[i + len]!)) continue;
    for (let k = i + len; k < low.length; k++) capAt.add(k);
    break;
  }
  for (const name of [...PROPER, ...(opts.properNames ?? [])]) {
    const n = lower(name).split(' ');
    for (let i = 0; i + n.length <= low.length; i++) {
      if (n.every((w, k) => low[i + k] === w)) for (let k = 0; k < n.length; k++) capAt.add(i + k);
    }
  }
  for (let i = 0; i < out.length; i++) {
    if (isAcronym(words[i]!)) out[i] = words[i]!;
    else if (capAt.has(i)) out[i] = out[i]!.split('-').map(cap).join('-');
  }
  return out.join(' ');
}

/** `NGUYỄN VĂN AN` → `Nguyễn Văn An`: personal names capitalise every syllable. */
export function personName(text: string): string {
  const src = text.trim().replace(/\s+/g, ' ');
  if (/\p{Ll}/u.test(src)) return src;
  return src
    .split(' ')
    .map((w) => cap(lower(w)))
    .join(' ');
}

/** True when every letter is a capital (and there are at least two letters). */
export function isAllCaps(s: string): boolean {
  const letters = s.match(/\p{L}/gu);
  return !!letters && letters.length >= 2 && !/\p{Ll}/u.test(s);
}
