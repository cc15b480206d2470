/**
 * What a query asks, read the way people type it: typing leftovers repaired (src/search/typing.ts), numbers in any
 * spelling or order turned into the index's number tokens, abbreviations of bodies and provinces spelled out, and
 * the query's adjacent syllables as pair tokens (src/search/syllables.ts), those of a quoted phrase required. Runs in
 * the browser; the same modules shape the index.
 */
import { ABBREVIATIONS } from '../model/abbreviations.ts';
import { DOC_TYPES, isTypeCode, type DocType } from '../model/doc-types.ts';
import { rewriteNumberQuery, seqKey } from '../model/numbers.ts';
import { foldVietnamese } from '../model/text.ts';
import { normalizeQuery } from './query-text.ts';
import { pairsOfRuns, syllableRuns } from './syllables.ts';
import { isSyllable, repairTyping } from './typing.ts';

export interface QueryPlan {
  /** The words Pagefind is asked for. */
  terms: string;
  /** Pair tokens of the query's adjacent syllables: a result with more of them ranks higher. */
  pairs: string[];
  /** Pair tokens of the quoted phrases: a result must have every one. */
  required: string[];
  /** The query's syllables, folded, abbreviations spelled out: what an issuer's name is matched against. */
  syllables: string[];
  /** The query names a document number (then a result needs no excerpt). */
  isNumber: boolean;
}

/** At most this many pair searches per query (each is a Pagefind search over the loaded chunks). */
export const MAX_PAIRS = 10;

const fold = (w: string) => foldVietnamese(w).replace(/[^a-z0-9]/g, '');
const isType = (code: string) => isTypeCode(code, 'party') || isTypeCode(code, 'state');
const typeCode = (t: DocType) => (t.partyCodes[0] ?? t.stateCodes[0] ?? '').toLowerCase();
const TYPE_NAMES = new Map((DOC_TYPES as readonly DocType[]).map((t) => [fold(t.name.replace(/\s+/g, '')), typeCode(t)]));
const SEQ = /^\d{1,5}$/;
// A code written after a number: not a syllable, or typed in capitals (`UBND`, `TU`).
const CODE_WORD = /^[A-Za-zĐđ]{2,8}$/;

/** Glued `594kh` / `KH594`: the number and its type code. */
function gluedNumber(w: string): [string, string] | null {
  const after = /^(\d{1,5})([a-zđ]{1,4})$/i.exec(w);
  if (after && isType(after[2]!)) return [after[1]!, fold(after[2]!)];
  const before = /^([a-zđ]{1,4})(\d{1,5})$/i.exec(w);
  if (before && isType(before[1]!)) return [before[2]!, fold(before[1]!)];
  return null;
}

/**
 * Loose spellings of a number (`kh 594`, `594 kh ubnd`, `số 594`, `kế hoạch 594`, `nq 18 hdnd`) into the tokens the
 * index has for it: number + type and number + issuer code (src/model/numbers.ts numberSearchTokens). Returns the
 * words with those parts replaced, and whether any was found.
 */
function looseNumbers(words: string[]): { words: string[]; found: boolean } {
  const out: string[] = [];
  let found = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // `số` before a number already read (`Số 594/KH-UBND` → `594khubnd`) says nothing more, and few texts print it.
    if (fold(w) === 'so' && /^\d/.test(words[i + 1] ?? '') && !SEQ.test(words[i + 1]!)) {
      found = true;
      continue;
    }
    // A legal number's serial and year alone (`18/2025`): the start of its token.
    const withYear = /^(\d{1,5})\/(\d{4})$/.exec(w);
    if (withYear) {
      out.push(`${seqKey(withYear[1]!)}${withYear[2]}`);
      found = true;
      continue;
    }
    const glued = gluedNumber(w);
    if (!glued && !SEQ.test(w)) {
      out.push(w);
      continue;
    }
    let [seq, type] = glued ?? [w, ''];
    let context = !!glued;
    // Before it: `số`, and before that a type code or a type's name.
    if (fold(out.at(-1) ?? '') === 'so') {
      out.pop();
      context = true;
    }
    const prev = fold(out.at(-1) ?? '');
    const prev2 = fold(`${out.at(-2) ?? ''}${out.at(-1) ?? ''}`);
    if (!type && out.length >= 2 && TYPE_NAMES.has(prev2)) {
      type = TYPE_NAMES.get(prev2)!;
      out.splice(-2, 2);
      context = true;
    } else if (!type && prev && isType(prev)) {
      type = prev;
      out.pop();
      context = true;
    }
    // After it: a type code, then the issuer's codes.
    if (!type && words[i + 1] && isType(words[i + 1]!)) type = fold(words[++i]!);
    const codes: string[] = [];
    while (words[i + 1] && CODE_WORD.test(words[i + 1]!) && (type || context) && isCode(words[i + 1]!)) codes.push(fold(words[++i]!));
    if (!type && !codes.length && !context) {
      out.push(w);
      continue;
    }
    found = true;
    const n = seqKey(seq);
    if (type) out.push(`${n}${type}`);
    for (const c of codes) out.push(`${n}${c}`);
    if (!type && !codes.length) out.push(n);
  }
  return { words: out, found };
}

/** An issuer code after a number: capitals (`TU`), or a word that is no syllable (`ubnd`, `duk`). */
const isCode = (w: string) => w === w.toUpperCase() || !isSyllable(fold(w));

/** Initials of a province's name: `Tuyên Quang` → `tq`. */
const initials = (name: string) =>
  foldVietnamese(name)
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map((s) => s[0])
    .join('');

/** Spell out a body's abbreviation (`UBND`), or a province's initials in capitals (`TQ`) when only one province has them. */
function expand(word: string, provinces: readonly string[]): string {
  const key = fold(word);
  const abbr = ABBREVIATIONS[key];
  const upper = word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word);
  if (abbr && (!abbr.upper || upper)) return abbr.full;
  if (upper && key.length >= 2 && key.length <= 3 && !isType(key)) {
    const named = provinces.filter((p) => initials(p) === key);
    if (named.length === 1) return named[0]!;
  }
  return word;
}

/** Read a query. `provinces`: the names of the library's provinces, for their initials. */
export function planQuery(raw: string, provinces: readonly string[] = []): QueryPlan {
  const q = normalizeQuery(raw).normalize('NFC');
  const quoted = [...q.matchAll(/["“”]([^"“”]+)["“”]/g)].map((m) => m[1]!);
  const unquoted = q.replace(/["“”]/g, ' ');
  const typed = unquoted
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const core = /^([\p{P}]*)(.*?)([\p{P}]*)$/u.exec(w)!;
      return `${core[1]}${repairTyping(core[2]!)}${core[3]}`;
    });
  // Formal spellings first (`594/KH-UBND` → `594khubnd`), then the loose ones.
  const typedText = typed.join(' ');
  const formal = rewriteNumberQuery(typedText);
  const { words, found } = looseNumbers(formal.split(' ').filter(Boolean));
  const isNumber = found || formal !== typedText;
  const spelled = words.map((w) => (/\d/.test(w) ? w : expand(w, provinces)));
  const terms = spelled.join(' ');
  // The words without the numbers: what pairs and names are made of.
  const wordText = spelled.filter((w) => !/\d/.test(w)).join(' ');
  const runs = syllableRuns(wordText);
  return {
    terms,
    // Each pair is one more search on the page: a pasted title of thirty syllables ranks by its first pairs.
    pairs: pairsOfRuns(runs).slice(0, MAX_PAIRS),
    required: pairsOfRuns(
      quoted.flatMap((p) =>
        syllableRuns(
          p
            .split(/\s+/)
            .map((w) => expand(repairTyping(w), provinces))
            .join(' '),
        ),
      ),
    ),
    syllables: foldVietnamese(wordText)
      .split(/[^a-z]+/)
      .filter(Boolean),
    isNumber,
  };
}
