/**
 * What a keyboard leaves in a query when the Vietnamese input method was off or half on: VNI digits (`dang3`,
 * `nghe2o`) and Telex letters (`ddangr`, `phofng`, `khoois`). Only a word that is no Vietnamese syllable as typed and
 * becomes one without the marks is repaired, so codes (`UBND`, `KH594`), numbers and real syllables are left alone.
 * Tone and vowel marks need not be put back: search folds them away.
 */

// A folded Vietnamese syllable: onset, one to three vowels, coda.
const SYLLABLE = /^(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;
/** A folded word that is a Vietnamese syllable (`dang`, `khoi`), not a code (`ubnd`, `duk`). */
export const isSyllable = (w: string) => SYLLABLE.test(w);

// VNI: 1–5 tones, 6 â ê ô, 7 ơ ư, 8 ă, 9 đ, typed after the letter they mark, one or two at a time.
const isVni = (w: string) => /^[a-z][a-z1-9]*$/.test(w) && /[1-9]/.test(w) && !/[1-9]{3}/.test(w) && /[aeiouy]/.test(w);

function fromVni(w: string): string | null {
  if (!isVni(w)) return null;
  const plain = w.replace(/[1-9]/g, '');
  return isSyllable(plain) ? plain : null;
}

function fromTelex(w: string): string | null {
  if (!/^[a-z]+$/.test(w)) return null;
  const shaped = w.replace(/^dd/, 'd').replace(/aa|aw/g, 'a').replace(/ee/g, 'e').replace(/oo|ow/g, 'o').replace(/uw|w/g, 'u');
  // A tone letter typed at the end, or right after the vowels before the coda (`phofng`).
  const toned = shaped
    .replace(/([aeiouy])[sfrxjz](?=(?:ch|ng|nh|[cmnpt])?$)/, '$1')
    .replace(/([aeiouy](?:ch|ng|nh|[cmnpt])?)[sfrxjz]$/, '$1');
  return toned !== w && isSyllable(toned) ? toned : null;
}

/** A word as it was meant: `ddangr` → `dang`, `nghe2o` → `ngheo`; any other word unchanged. */
export function repairTyping(word: string): string {
  const w = word.toLowerCase();
  if (isSyllable(w) || !/^[a-z1-9]+$/.test(w)) return word;
  return fromVni(w) ?? fromTelex(w) ?? word;
}
