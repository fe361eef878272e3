// Reading the words around a candidate name (issue #4): capitalised neighbours that make it part of a longer
// unknown name, titles and honorifics before it, what follows it at the start of a sentence, and whether the
// text is a sports report.
import type { RawMatch } from './matcher';
import { A_CS } from './matcher';
import { type Tokens, G_APOS, G_DOT, G_HYPHEN, G_OTHER, G_SPACE, T_ALLCAPS, T_CAP, T_LOWER, T_PARA, T_SENT, T_WIDE, tokenEquals } from './normalize';
import { SPORT_STRONG, SPORT_WEAK, W_AFTER, W_FUNCTION, W_HONORIFIC, W_MEDIA, W_OCCUPATION, W_OF, W_PRE, W_TEAM, W_TITLEWORD, W_DETERMINER, W_LOCATIVE, W_SPORTVERB, W_STATE, W_TITLE, listedAt, maskAt, predicateAt } from './linker-context';

// The cue words are English and ASCII, so an ASCII \b is right here (and much faster than Unicode look-arounds).
const words = (list: Set<string>) => `\\b(?:${[...list].join('|')})\\b`;
const SPORT_STRONG_RE = new RegExp(words(SPORT_STRONG), 'i');
const SPORT_ALL_RE = new RegExp(words(new Set([...SPORT_STRONG, ...SPORT_WEAK])), 'gi');


/** What the words around one match say. */
export interface Context {
  m: RawMatch;
  /** text.slice(m.start, m.end), made when first asked (surfaceOf): most matches never need the string. */
  surface: string | null;
  sent: boolean;
  lower: boolean;
  allcaps: boolean;
  dateline: boolean;
  capPrev: boolean;
  capNext: boolean;
  title: string | null;
  honorific: number; // token index of "Mr" before the name, or -1
  predicate: boolean;
  stateAfter: boolean;
  /** An occupation outside politics before the name: "writer David Emery" (after it: `appositive`). */
  occupied: boolean;
  /** "to", "for" or "of" and a determiner after the name: "Key to the plan" (a noun phrase, not "Key said"). */
  phrase: boolean;
  /** The actor this match anchors (a plain full name that links on its own; -1 for none), set in the first pass. */
  anchored: number;
  /** "in", "at", "near", "from" or "outside" right before the name: where something is or happens. */
  locative: boolean;
  /** A sports verb or preposition right before or after the name ("beating Liverpool", "Phoenix lost"). */
  sportVerb: boolean;
  /** appositive(), once read (null before). */
  appos: boolean | null;
  /** The lower-case word after the name: W_TEAM ("Leicester forward"), W_MEDIA ("New York magazine") or 0. */
  nounAfter: number;
  multi: boolean;
  /** The entries that pass the checks independent of the pass (filled by the linker on first use). */
  elig: number[] | null;
  /** Some candidate's score depends on the other actors (support, conflict, coreference): set with elig. */
  dep: boolean;
  /** The linker's scores of this context without support (its first pass), kept for the later passes. */
  alone: unknown;
  /** One candidate, or a surname of which one person led on the article's date (the linker's, null until asked). */
  unique: boolean | null;
  /** The surface folds to a function word ("May", "Bio"): the linker's, null until asked. */
  fnWord: boolean | null;
}

// Helpers of readContext as plain functions: closures made per call were a good part of its garbage.
/** A capitalised token that is not part of a candidate name. */
const standalone = (toks: Tokens, covered: Uint8Array, t: number) => !covered[t] && (toks.flags[t]! & T_CAP) !== 0;
/**
 * May this capitalised word follow a name without being part of it ("Turkey's Prime Minister")? `k`: its W_ bits.
 */
const fine = (toks: Tokens, t: number, k: number) =>
  (k & (W_FUNCTION | W_AFTER)) !== 0 || ((k & W_PRE) !== 0 && t + 1 < toks.count && (maskAt(toks, t + 1) & W_AFTER) !== 0);

/** `opens`: the positions of '(' in the text, in order (`openings`). */
/** "to", "for" or "of" and then a determiner at token t: "Key to the plan" reads as a noun phrase. */
function nounPhraseAt(toks: Tokens, t: number): boolean {
  return t + 1 < toks.count && (maskAt(toks, t + 1) & W_DETERMINER) !== 0 &&
    (tokenEquals(toks, t, 'to') || tokenEquals(toks, t, 'for') || tokenEquals(toks, t, 'of'));
}

/**
 * "David Emery, a writer for Snopes": an occupation outside politics among the three words after the name and a
 * comma. Read only for the few readings it could change (a politician's name).
 */
export function appositive(toks: Tokens, m: RawMatch): boolean {
  if (toks.text.charCodeAt(m.end) !== 44) return false;
  for (let t = m.tokEnd, n = 0; t < toks.count && n < 4; t++, n++) {
    if (n > 0 && toks.gap[t] !== G_SPACE) return false;
    if (maskAt(toks, t) & W_OCCUPATION) return true;
  }
  return false;
}

export function readContext(text: string, toks: Tokens, m: RawMatch, covered: Uint8Array, opens: readonly number[]): Context {
  const { flags, gap, count } = toks;
  const f0 = flags[m.tokStart]!;
  const prev = m.tokStart - 1, next = m.tokEnd;
  let capPrev = false, title: string | null = null, honorific = -1, occupied = false, locative = false, sportVerb = false;
  // Words are looked up in the lists by token (W_ bits), not by a string made per word.
  if (prev >= 0 && (gap[m.tokStart] === G_SPACE || gap[m.tokStart] === G_DOT)) {
    const w = listedAt(toks, prev), k = w ? w.mask : 0;
    occupied = (k & W_OCCUPATION) !== 0 && gap[m.tokStart] === G_SPACE;
    locative = (k & W_LOCATIVE) !== 0 && gap[m.tokStart] === G_SPACE && (flags[prev]! & T_LOWER) !== 0;
    sportVerb = (k & W_SPORTVERB) !== 0 && gap[m.tokStart] === G_SPACE;
    if (k & W_TITLE) title = w!.w;
    else if (k & W_HONORIFIC) honorific = prev;
    else if (gap[m.tokStart] === G_SPACE && standalone(toks, covered, prev) && !(k & W_FUNCTION)) capPrev = true;
    // "Duchess of Cambridge", "Bank of England": the name ends a longer name.
    else if (k & W_OF && prev >= 1 && gap[m.tokStart] === G_SPACE && gap[prev] === G_SPACE && standalone(toks, covered, prev - 1)) {
      if (!(maskAt(toks, prev - 1) & (W_TITLE | W_FUNCTION))) capPrev = true;
    }
  }
  let capNext = false, predicate = next >= count, stateAfter = false, kNext = 0, phrase = false;
  if (next < count) {
    const g = gap[next]!;
    let k = (kNext = maskAt(toks, next));
    let after = next;
    if (g === G_APOS && tokenEquals(toks, next, 's')) {
      // The word after "'s" is read instead (none at the end of the text).
      predicate = true; after = next + 1; k = after < count ? maskAt(toks, after) : 0;
      // "Houston's Top Dentists", "America's Got Talent": a possessive inside a longer capitalised title, which starts
      // with one of a few words; "Sony's PlayStation" and "Manhattan's Lower East Side" are the name's own.
      if (after < count && gap[after] === G_SPACE && standalone(toks, covered, after) && (k & W_TITLEWORD) !== 0) capNext = true;
    } else if (g === G_OTHER || g === G_HYPHEN) predicate = true;
    else if (g === G_SPACE && standalone(toks, covered, next) && !fine(toks, next, k)) capNext = true;
    // "Turkey to host" is a headline's verb; "Key to the plan" is a noun phrase ("to" and a determiner).
    if (g === G_SPACE && after < count && predicateAt(toks, after)) predicate = !(phrase = nounPhraseAt(toks, after));
    if (after < count && k & W_STATE && (k & W_AFTER || (flags[after]! & T_LOWER) !== 0)) stateAfter = true;
  }
  // "Rape Crisis (England and Wales)": places in brackets right after an unknown name qualify that name.
  // The nearest of "(", ")" and a line break within 60 characters before the name must be "(" (native searches
  // over a slice: a character loop here was the costliest line of the whole reading).
  const open = capPrev ? -1 : openBracket(text, m.start, opens);
  if (open >= 0) {
    const close = text.indexOf(')', m.end);
    if (close >= 0 && close - m.end < 60 && !text.slice(m.end, close).includes('(')) {
      let t = m.tokStart - 1;
      while (t >= 0 && toks.start[t]! > open) t--;
      if (t >= 0 && standalone(toks, covered, t) && !(maskAt(toks, t) & W_FUNCTION) && /^\s*$/.test(text.slice(toks.end[t]!, open))) capPrev = true;
    }
  }
  const nounAfter = next < count && gap[next] === G_SPACE && (flags[next]! & T_LOWER) !== 0 ? kNext & (W_TEAM | W_MEDIA) : 0;

  if (!sportVerb && next < count && gap[next] === G_SPACE && (kNext & W_SPORTVERB) !== 0) sportVerb = true;
  return {
    m,
    surface: null,
    phrase,
    locative,
    sportVerb,
    occupied,
    nounAfter,
    sent: (f0 & T_SENT) !== 0,
    lower: (f0 & T_LOWER) !== 0,
    allcaps: (f0 & T_ALLCAPS) !== 0,
    dateline: (f0 & T_PARA) !== 0 && (f0 & T_ALLCAPS) !== 0 && (next >= count || gap[next] === G_OTHER || gap[next] === G_HYPHEN),
    capPrev,
    capNext,
    title,
    honorific,
    predicate,
    stateAfter,
    multi: m.tokEnd - m.tokStart > 1,
    elig: null,
    dep: true,
    alone: null,
    unique: null,
    fnWord: null,
    // Set later; initialised here so that every context has one shape (a property added later slows every access).
    anchored: -1,
    appos: null,
  };
}

/** Positions of '(' in the text, in order: found once per text (most texts have few or none). */
export function openings(text: string): number[] {
  const out: number[] = [];
  for (let p = text.indexOf('('); p >= 0; p = text.indexOf('(', p + 1)) out.push(p);
  return out;
}

/** The "(" nearest before `at` within 60 characters, when no ")" or line break follows it before `at`; else -1. */
function openBracket(text: string, at: number, opens: readonly number[]): number {
  // The last '(' before `at`, by bisection of the text's list (no slice or search of the text per match).
  let lo = 0, hi = opens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (opens[mid]! < at) lo = mid + 1; else hi = mid; }
  if (lo === 0) return -1;
  const p = opens[lo - 1]!;
  if (p < at - 60) return -1;
  for (let i = p + 1; i < at; i++) { const c = text.charCodeAt(i); if (c === 41 || c === 10) return -1; }
  return p;
}

/** Does the case of the text allow this alias? Lower-case text never links a capitalised name. */
export const surfaceOf = (text: string, c: Context): string => (c.surface ??= text.slice(c.m.start, c.m.end));

export function surfaceOk(text: string, c: Context, t: string, flags: number): boolean {
  // Equal strings normalise alike, so most case-sensitive checks end with the comparison in place.
  if (flags & A_CS) return sameAt(text, c.m.start, c.m.end, t) || surfaceOf(text, c).normalize('NFC') === t.normalize('NFC');
  if (c.lower) {
    const first = t.charAt(0);
    return first.toLowerCase() === first; // the alias itself starts lower case ("al-Shabaab")
  }
  return true;
}

/** Is text[st, en) the string t? */
function sameAt(text: string, st: number, en: number, t: string): boolean {
  if (en - st !== t.length) return false;
  for (let k = 0; k < t.length; k++) if (text.charCodeAt(st + k) !== t.charCodeAt(k)) return false;
  return true;
}

export function isSport(text: string, toks?: Tokens): boolean {
  if (toks && SPORT_PLAIN) return sportByTokens(text, toks);
  if (!SPORT_STRONG_RE.test(text)) return false;
  let n = 0;
  SPORT_ALL_RE.lastIndex = 0;
  while (SPORT_ALL_RE.exec(text) && ++n < 3);
  return n >= 3;
}

// The same answer from the tokens, without two regex passes over the text. The regexes match a cue word as a whole
// run of ASCII word characters ([A-Za-z0-9_], any case; without the u flag no other character matches a cue
// letter). A token of ASCII units is such a run minus '_': a run is a cue word when its token is one and no '_'
// touches the token. A token with other units (T_WIDE: "rugbyé") holds runs split by them, read one by one.
const SPORT_ALL = new Set([...SPORT_STRONG, ...SPORT_WEAK]);
const SPORT_PLAIN = [...SPORT_ALL].every((w) => /^[a-z]{3,18}$/.test(w));
/** By a cue word's first three letters: bit (length - 3) set for each cue word of that length. */
const SPORT3 = new Uint16Array(26 * 26 * 26);
for (const w of SPORT_ALL) if (SPORT_PLAIN) SPORT3[((w.charCodeAt(0) - 97) * 26 + w.charCodeAt(1) - 97) * 26 + w.charCodeAt(2) - 97]! |= 1 << (w.length - 3);
/**
 * For `tokenize` (watchFirst): by a cue word's first two letters, bit (length - 3) for each cue word. Its watch list
 * then holds every token the test below could count, so the test reads that list instead of every token.
 */
export const SPORT_FIRST: Uint32Array | undefined = SPORT_PLAIN ? new Uint32Array(65536) : undefined;
for (const w of SPORT_ALL) if (SPORT_FIRST) SPORT_FIRST[(w.charCodeAt(0) << 8) | w.charCodeAt(1)]! |= 1 << (w.length - 3);

function sportByTokens(text: string, toks: Tokens): boolean {
  const { start, end, flags } = toks;
  // Only the watched tokens when the tokeniser listed them for these cue words (the answer does not depend on order).
  const list = toks.watchFilter !== null && toks.watchFilter === SPORT_FIRST ? toks.watch : null;
  const count = list ? toks.watchCount : toks.count;
  let n = 0, strong = false;
  for (let j = 0; j < count; j++) {
    const t = list ? list[j]! : j;
    if (flags[t]! & T_WIDE) {
      // Runs of ASCII units inside the token; at the token's edges a '_' would extend the run.
      const e = end[t]!;
      for (let a = start[t]!; a < e;) {
        let b = a;
        while (b < e && text.charCodeAt(b) < 128) b++;
        if (b - a >= 3 && b - a <= 18 && text.charCodeAt(a - 1) !== 95 && text.charCodeAt(b) !== 95) {
          const w = text.slice(a, b).toLowerCase();
          if (SPORT_ALL.has(w)) {
            n++;
            if (!strong) strong = SPORT_STRONG.has(w);
            if (strong && n >= 3) return true;
          }
        }
        for (a = b; a < e && text.charCodeAt(a) >= 128; a++);
      }
      continue;
    }
    const s = start[t]!, len = end[t]! - s;
    if (len < 3 || len > 18) continue;
    // (c | 32) - 97 is a letter's place in the alphabet for ASCII letters of either case, out of 0..25 otherwise.
    const a = (text.charCodeAt(s) | 32) - 97, b = (text.charCodeAt(s + 1) | 32) - 97, c = (text.charCodeAt(s + 2) | 32) - 97;
    if (a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25 || (SPORT3[(a * 26 + b) * 26 + c]! & (1 << (len - 3))) === 0) continue;
    const w = text.slice(s, s + len).toLowerCase();
    if (!SPORT_ALL.has(w) || text.charCodeAt(s - 1) === 95 || text.charCodeAt(s + len) === 95) continue;
    n++;
    if (!strong) strong = SPORT_STRONG.has(w);
    if (strong && n >= 3) return true;
  }
  return false;
}
