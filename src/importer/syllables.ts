/**
 * Vietnamese syllable structure (onset + rhyme + tone), for the repairs that have one right answer:
 * splitting two syllables a word processor glued together (`ĐOÀNBÍ` → `ĐOÀN BÍ`), putting a tone mark that a
 * legacy PDF font left detached back on its vowel, and spotting words that lost letters (`cơng`, `quc`).
 */

/** Tone marks (as combining characters, NFD): grave, acute, hook above, tilde, dot below. */
export const TONE_MARKS = '\u0300\u0301\u0309\u0303\u0323';
const TONE = new RegExp(`[${TONE_MARKS}]`, 'u');

const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

/** Every rhyme of the standard language, without tone. */
const RHYMES = new Set(
  `
a ai ao au ay ac ach am an ang anh ap at
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong ooc oong op ot oăc oăm oăn oăng oăt
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc ui um un ung up ut uê uêch uênh uy uya uych uyên uyêt uynh uyt uyu uôc uôi uôm uôn uông uôt uơ uăng uăn uâc
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
`
    .trim()
    .split(/\s+/),
);

const VOWELS = 'aăâeêioôơuưy';
const QUALITY = 'ăâêôơư';

/** Lower case, NFD, tone marks removed: the base letters and the quality marks (ă â ê ô ơ ư) stay. */
function toneless(word: string): { base: string; tones: string[] } {
  const nfd = word.toLocaleLowerCase('vi').normalize('NFD');
  const tones: string[] = [];
  let base = '';
  for (const ch of nfd)
    if (TONE.test(ch)) tones.push(ch);
    else base += ch;
  return { base: base.normalize('NFC'), tones };
}

/** Onset and rhyme of a toneless syllable, or null when it has no valid split. */
function split(base: string): { onset: string; rhyme: string } | null {
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rhyme = base.slice(onset.length);
    if (RHYMES.has(rhyme)) return { onset, rhyme };
    // `gi` before a rhyme that starts with i (`gìn` = gi + in); `qu` + `y` (`quý`).
    if (onset === 'gi' && RHYMES.has(`i${rhyme}`)) return { onset: 'g', rhyme: `i${rhyme}` };
  }
  return null;
}

/** A single well-formed Vietnamese syllable (case and tone ignored; at most one tone mark). */
export function isSyllable(word: string): boolean {
  if (!/^[\p{L}\p{M}]+$/u.test(word)) return false;
  const { base, tones } = toneless(word);
  return tones.length <= 1 && split(base) !== null;
}

/** The word carries a tone mark or a Vietnamese-only letter: it cannot be an acronym or a foreign word. */
export function isMarkedVietnamese(word: string): boolean {
  return /[đĐ]/u.test(word) || [...word.normalize('NFD')].some((c) => TONE.test(c) || /[\u0302\u0306\u031B]/u.test(c));
}

/** The syllables administrative text uses most, to choose between two ways of cutting a glued word. */
const COMMON = new Set(
  `
ban bí thư trưởng phó chủ tịch giám đốc chánh văn phòng thường trực vụ ủy viên đoàn đảng tỉnh huyện xã nhân dân hội
đồng trung ương bộ chính trị quyết định kế hoạch chỉ thị công tác tổng cục sở quốc việt nam thành phố về việc số ngày
tháng năm của và các những được có là trong theo thực hiện ban hành để cho với đối tại trên đến từ một này đã sẽ
cán đảng viên cấp lãnh đạo quy chế nghị luật phát triển kinh tế xã hội an ninh quản lý nhà nước cơ quan đơn vị
tổ chức thông báo hướng dẫn văn bản điều khoản mục phần chương trình đề án báo cáo tờ trình kết luận nội dung
`
    .trim()
    .split(/\s+/),
);

const commonCount = (a: string, b: string) => Number(COMMON.has(a.toLocaleLowerCase('vi'))) + Number(COMMON.has(b.toLocaleLowerCase('vi')));

/**
 * Two syllables glued together (`ĐOÀNBÍ`, `sốđiều`, `banhành`): the way to cut the word into two valid syllables,
 * or null when there is none, or when two ways are equally likely. `VỤPHÓ` is `VỤ PHÓ` or `VỤP HÓ`, `banhành` is
 * `ban hành` or `ba nhành`: the cut whose syllables administrative text uses more wins.
 */
export function splitGluedSyllables(word: string): [string, string] | null {
  if (word.length < 4 || isSyllable(word) || !isMarkedVietnamese(word)) return null;
  const found: [string, string][] = [];
  for (let i = 1; i < word.length; i++) {
    const a = word.slice(0, i),
      b = word.slice(i);
    if (/^\p{M}/u.test(b)) continue;
    if (isSyllable(a) && isSyllable(b)) found.push([a, b]);
  }
  if (found.length <= 1) return found[0] ?? null;
  const scored = found.map((f) => ({ f, score: commonCount(f[0], f[1]) })).sort((x, y) => y.score - x.score);
  return scored[0]!.score > scored[1]!.score ? scored[0]!.f : null;
}

/** Index (in the NFD letters of `base`) of the vowel that takes the tone, by the new-style rule. */
function tonePosition(onset: string, rhyme: string): number {
  const nfc = [...rhyme];
  const vowelIdx = nfc.map((c, i) => (VOWELS.includes(c) ? i : -1)).filter((i) => i >= 0);
  const quality = nfc.findIndex((c) => QUALITY.includes(c));
  // `ươ`: the tone goes on ơ.
  if (rhyme.includes('ươ')) return onset.length + rhyme.indexOf('ơ');
  if (quality >= 0) return onset.length + quality;
  if (vowelIdx.length === 1) return onset.length + vowelIdx[0]!;
  const last = vowelIdx.at(-1)!;
  const hasCoda = last < nfc.length - 1;
  if (vowelIdx.length >= 3) return onset.length + vowelIdx[1]!;
  if (hasCoda) return onset.length + last;
  if (['ia', 'ua', 'ưa'].includes(rhyme) && onset !== 'qu' && onset !== 'g') return onset.length + vowelIdx[0]!;
  return (
    onset.length +
    (['ai', 'ao', 'au', 'ay', 'eo', 'ơi', 'ôi', 'oi', 'ui', 'ưi', 'iu', 'ưu', 'âu', 'ây', 'êu'].includes(rhyme) ? vowelIdx[0]! : last)
  );
}

/**
 * Put a detached tone mark on the syllable that lost it: `hai` + dot below → `hại`. Null when the word is not a
 * syllable or already has a tone.
 */
export function attachTone(word: string, mark: string): string | null {
  const { base, tones } = toneless(word);
  if (tones.length || !TONE.test(mark)) return null;
  const s = split(base);
  if (!s) return null;
  const at = tonePosition(s.onset, s.rhyme);
  const chars = [...base];
  if (!VOWELS.includes(chars[at]!)) return null;
  chars[at] = (chars[at]!.normalize('NFD') + mark).normalize('NFC');
  const out = chars.join('');
  // Keep the case the word had.
  return [...word].map((c, i) => (c !== c.toLocaleLowerCase('vi') ? [...out][i]!.toLocaleUpperCase('vi') : [...out][i]!)).join('');
}
