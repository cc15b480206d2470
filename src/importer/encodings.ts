/**
 * Legacy 8-bit Vietnamese encodings still found in old files: TCVN3 (ABC, the `.VnTime` fonts) and VNI
 * (the `VNI-Times` fonts). Both are read here as text decoded byte-for-byte (Latin-1 / Windows-1252), which is
 * also what such a file looks like after someone "converted" it to UTF-8 without knowing its encoding.
 * The encoders exist so tests can generate legacy samples from the same tables the decoder uses.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

export const ENCODING_NAMES: Record<LegacyEncoding | 'utf-8' | 'utf-16', string> = {
  'utf-8': 'UTF-8',
  'utf-16': 'UTF-16',
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI (phông VNI-Times)',
};

/** TCVN3 byte → letter. TCVN3 has no capital toned vowels: `.VnTimeH` fonts draw the lower-case codes as capitals. */
const TCVN3_TABLE: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
];

const TCVN3_DECODE = new Map<string, string>(TCVN3_TABLE.map(([b, ch]) => [String.fromCharCode(b), ch]));
const TCVN3_ENCODE = new Map<string, string>(TCVN3_TABLE.map(([b, ch]) => [ch, String.fromCharCode(b)]));
/** Letters TCVN3 writes with a lower-case code whatever their case (everything but the 7 base capitals). */
const TCVN3_CASELESS = new Set(TCVN3_TABLE.filter(([b]) => b >= 0xa8).map(([, ch]) => ch));

/** VNI: base letter followed by a mark byte; a few letters are single bytes. Upper case uses the upper-case mark bytes. */
const VNI_MARKS: Record<string, readonly [string, string]> = {
  // mark: [lower-case byte, upper-case byte]
  acute: ['ù', 'Ù'],
  grave: ['ø', 'Ø'],
  hook: ['û', 'Û'],
  tilde: ['õ', 'Õ'],
  dot: ['ï', 'Ï'],
  circ: ['â', 'Â'],
  circAcute: ['á', 'Á'],
  circGrave: ['à', 'À'],
  circHook: ['å', 'Å'],
  circTilde: ['ã', 'Ã'],
  circDot: ['ä', 'Ä'],
  breve: ['ê', 'Ê'],
  breveAcute: ['é', 'É'],
  breveGrave: ['è', 'È'],
  breveHook: ['ú', 'Ú'],
  breveTilde: ['ü', 'Ü'],
  breveDot: ['ë', 'Ë'],
};
const TONES = ['acute', 'grave', 'hook', 'tilde', 'dot'] as const;
const TONE_MARKS = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

function buildVni(): Map<string, string> {
  const enc = new Map<string, string>(); // Unicode letter → VNI string
  const add = (uni: string, vni: string) => {
    enc.set(uni.normalize('NFC'), vni);
  };
  for (const upper of [false, true]) {
    const c = (s: string) => (upper ? s.toUpperCase() : s);
    const m = (k: keyof typeof VNI_MARKS) => VNI_MARKS[k]![upper ? 1 : 0];
    // a e o u y with the five tones
    for (const base of ['a', 'e', 'o', 'u', 'y']) {
      TONES.forEach((t, i) => {
        if (!(base === 'y' && t === 'dot')) add(c(base) + TONE_MARKS[i], c(base) + m(t));
      });
    }
    add(`${c('y')}\u0323`, upper ? 'Î' : 'î');
    // â ê ô (circumflex) with tones
    for (const base of ['a', 'e', 'o']) {
      add(`${c(base)}\u0302`, c(base) + m('circ'));
      for (const [i, k] of (['circAcute', 'circGrave', 'circHook', 'circTilde', 'circDot'] as const).entries()) {
        add(`${c(base)}\u0302${TONE_MARKS[i]}`, c(base) + m(k));
      }
    }
    // ă (breve) with tones
    add(`${c('a')}\u0306`, c('a') + m('breve'));
    for (const [i, k] of (['breveAcute', 'breveGrave', 'breveHook', 'breveTilde', 'breveDot'] as const).entries()) {
      add(`${c('a')}\u0306${TONE_MARKS[i]}`, c('a') + m(k));
    }
    // ơ ư are single bytes (ô ö), toned with the plain tone bytes
    const horn = [
      ['o', upper ? 'Ô' : 'ô'],
      ['u', upper ? 'Ö' : 'ö'],
    ] as const;
    for (const [base, byte] of horn) {
      add(`${c(base)}\u031B`, byte);
      for (const [i, t] of TONES.entries()) add(`${c(base)}\u031B${TONE_MARKS[i]}`, byte + m(t));
    }
    // i: single bytes
    const iBytes = upper ? ['Í', 'Ì', 'Æ', 'Ó', 'Ò'] : ['í', 'ì', 'æ', 'ó', 'ò'];
    for (const i of TONES.keys()) add(c('i') + TONE_MARKS[i], iBytes[i]!);
    add(upper ? 'Đ' : 'đ', upper ? 'Ñ' : 'ñ');
  }
  return enc;
}

const VNI_ENCODE = buildVni();
const VNI_DECODE = new Map<string, string>([...VNI_ENCODE].map(([u, v]) => [v, u]));

/** Unicode → TCVN3 bytes (as a Latin-1 string). Capital toned letters take their lower-case code, as in real files. */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    out += TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}

/** Unicode → VNI bytes (as a Latin-1 string). */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/**
 * TCVN3 text (one char per byte) → Unicode. TCVN3 writes capital toned letters with the lower-case codes (the
 * `.VnTimeH` font draws them as capitals), so case is restored from context: a word whose other letters are
 * capitals is all capitals (`HµNH` → `HÀNH`); a short word like `ñY` (`ỦY`) is when a neighbouring word is;
 * and a word starting a sentence or a line starts with a capital (`ý nghĩa` → `Ý nghĩa`).
 */
export function decodeTcvn3(bytes: string): string {
  const chars: string[] = [];
  const caseless: boolean[] = [];
  for (const ch of bytes) {
    const u = TCVN3_DECODE.get(ch);
    chars.push(u ?? ch);
    caseless.push(u !== undefined && TCVN3_CASELESS.has(u));
  }
  // Words with their case evidence, in one linear pass.
  interface Word {
    start: number;
    end: number;
    kind: 'upper' | 'lower' | 'unsure';
    hasCaseless: boolean;
    sentenceStart: boolean;
  }
  const words: Word[] = [];
  let i = 0;
  let sentenceStart = true;
  let lastSignificant = '.';
  let lineStart = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (!isLetter(c)) {
      // A new line starts a sentence only after `.` `:` `;` or a blank line: a wrapped line goes on in lower case.
      if (c === '\n') {
        sentenceStart = /[.:;!?\n]/.test(lastSignificant);
        lastSignificant = '\n';
        lineStart = i + 1;
      } else if (/[.!?]/.test(c)) sentenceStart = true;
      else if (!/[\s\d\-–)(•+*"“]/u.test(c)) sentenceStart = false;
      if (!/\s/.test(c)) lastSignificant = c;
      i++;
      continue;
    }
    // A list item (`1. `, `- `) starts a sentence whatever the line above ended with.
    if (i - lineStart <= 8 && /^\s*(?:\d+[.)-]|[-–•+*])\s*$/u.test(chars.slice(lineStart, i).join(''))) sentenceStart = true;
    lastSignificant = c;
    let j = i,
      upper = 0,
      lower = 0,
      hasCaseless = false;
    while (j < chars.length && isLetter(chars[j]!)) {
      if (caseless[j]) hasCaseless = true;
      else if (isUpper(chars[j]!)) upper++;
      else lower++;
      j++;
    }
    const kind = lower > 0 ? 'lower' : upper >= 2 || (upper === 1 && !hasCaseless) ? 'upper' : 'unsure';
    words.push({ start: i, end: j, kind, hasCaseless, sentenceStart });
    sentenceStart = false;
    i = j;
  }
  const sameLine = (a: Word, b: Word) => !chars.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)).includes('\n');
  words.forEach((w, k) => {
    if (!w.hasCaseless) return;
    const prev = words[k - 1],
      next = words[k + 1];
    const capsAround = (prev && sameLine(prev, w) && prev.kind === 'upper') || (next && sameLine(w, next) && next.kind === 'upper');
    if (w.kind === 'upper' || (w.kind === 'unsure' && capsAround)) {
      for (let x = w.start; x < w.end; x++) if (caseless[x]) chars[x] = chars[x]!.toUpperCase();
    } else if (w.sentenceStart && caseless[w.start]) {
      chars[w.start] = chars[w.start]!.toUpperCase();
    }
  });
  return chars.join('');
}

/** VNI text (one char per byte) → Unicode; longest match first (`ôù` is `ớ`, `ô` alone is `ơ`). */
export function decodeVni(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const two = VNI_DECODE.get(bytes.slice(i, i + 2));
    if (two !== undefined && i + 1 < bytes.length) {
      out += two;
      i++;
      continue;
    }
    const ch = bytes[i]!;
    // Single-byte letters (ơ ư đ and toned i, ỵ) only: a lone mark byte stays as it is, so bad input shows.
    const one = VNI_DECODE.get(ch);
    out += one ?? ch;
  }
  return out;
}

export function decodeLegacy(bytes: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? decodeTcvn3(bytes) : decodeVni(bytes);
}

// Vietnamese letters outside ASCII: Latin-1 ones, ă đ ĩ ũ ơ ư (and capitals), and the Latin Extended Additional block.
const VIET_LATIN1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ']);
const VIET_EXTENDED = /[ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9]/u;

/** Counts used to decide whether text is Vietnamese Unicode, legacy bytes, or neither. */
export function letterStats(text: string): { vietnamese: number; specific: number; foreign: number } {
  let vietnamese = 0,
    specific = 0,
    foreign = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (VIET_LATIN1.has(ch)) {
      vietnamese++;
      continue;
    }
    if (VIET_EXTENDED.test(ch)) {
      vietnamese++;
      specific++;
      continue;
    }
    // Common typography that Unicode Vietnamese text legitimately contains.
    if (/[\u2010-\u2027\u00A0\u00AB\u00BB\u00B0\u00A7\u2030-\u203A\u20AB\u2116\u00D7]/u.test(ch)) continue;
    if (/[\u0300-\u036F]/u.test(ch)) continue; // NFD marks are counted after NFC
    if (c <= 0x24f || (c >= 0x80 && c <= 0x9f)) foreign++;
  }
  return { vietnamese, specific, foreign };
}

const V = 'aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[${V}]{1,3}(?:ch|nh|ng|[cmnpt])?$`, 'u');

/**
 * Share of words with Vietnamese letters that are possible Vietnamese syllables. Converting French or other
 * Latin-1 text with a Vietnamese table gives words like `rộunion`, which no syllable looks like.
 */
export function syllableShare(text: string): number {
  let total = 0,
    ok = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (/^[a-z]+$/.test(w)) continue;
    total++;
    if (SYLLABLE.test(w)) ok++;
  }
  return total ? ok / total : 0;
}
