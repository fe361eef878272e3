// Text normalisation for matching (issue #4). Matching happens on folded tokens; offsets always point into the
// original text, so what is highlighted is exactly what the page shows.
//
// Folding: NFKD, non-spacing marks dropped (Erdogan = Erdoğan), lower case with Turkish dotted/dotless i folded
// to plain i (İSTANBUL = Istanbul = İstanbul = ıstanbul), final sigma = sigma, ß = ss.
// Tokens: maximal runs of letters, marks and digits; each CJK/Thai character is a token of its own, because those
// scripts write words without spaces and aliases are matched as character sequences there. A RegExp `\b` would be
// ASCII-only, so character classes come from Unicode property escapes, computed once per code unit and cached.

/** Character classes, cached per UTF-16 code unit. */
const C_OTHER = 1;
const C_WORD = 2; // letter, mark or digit: part of a token
const C_SOLO = 3; // CJK, kana, Thai...: a token by itself
const C_SPACE = 4;

const classCache = new Uint8Array(65536);
const foldCache: (string | undefined)[] = new Array(65536);
/** 1 upper, 2 lower, 3 caseless. */
const caseCache = new Uint8Array(65536);

const RE_WORD = /[\p{L}\p{M}\p{N}]/u;
const RE_SOLO = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const RE_SPACE = /\s/u;
const RE_MN = /\p{Mn}/gu;

function classify(c: number): number {
  let k = classCache[c]!;
  if (k !== 0) return k;
  if (c >= 0xd800 && c <= 0xdfff) k = C_WORD; // surrogate halves: astral letters stay inside their token
  else {
    const ch = String.fromCharCode(c);
    k = RE_SOLO.test(ch) ? C_SOLO : RE_WORD.test(ch) ? C_WORD : RE_SPACE.test(ch) ? C_SPACE : C_OTHER;
  }
  classCache[c] = k;
  return k;
}

/** The folded form of one code unit (may be empty for marks, or longer: ß → ss, ﬁ → fi). */
export function foldUnit(c: number): string {
  let f = foldCache[c];
  if (f !== undefined) return f;
  if (c === 0x130 || c === 0x131 || c === 0x49) f = 'i';
  else if (c === 0x3c2) f = 'σ';
  else if (c === 0xdf || c === 0x1e9e) f = 'ss';
  else if (c >= 0xd800 && c <= 0xdfff) f = String.fromCharCode(c);
  else {
    const ch = String.fromCharCode(c);
    f = ch.normalize('NFKD').replace(RE_MN, '').toLowerCase();
    // NFKD can expose a dotted capital I again (compatibility forms): fold it once more.
    if (f !== f.normalize('NFKD')) f = f.normalize('NFKD').replace(RE_MN, '');
    f = f.replace(/\u0131/g, 'i');
  }
  foldCache[c] = f;
  return f;
}

/** Fold a whole string for comparison (aliases, corrections). Not offset-preserving: use tokens for text. */
export function fold(s: string): string {
  // Printable ASCII without a backtick, a space at either end or two spaces in a row folds to its lower case (most
  // names; the general path below normalises and rewrites).
  let plain = s.length > 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = c > 32 ? c < 127 && c !== 96 : c === 32 && s.charCodeAt(i + 1) !== 32;
  }
  if (plain) return s.toLowerCase();
  let out = '';
  const n = s.normalize('NFC');
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    out += c < 128 ? (c >= 65 && c <= 90 ? String.fromCharCode(c | 32) : n[i]) : foldUnit(c);
  }
  return out.replace(/[\u2019\u02bc\u2018`´]/g, "'").replace(/\s+/g, ' ').trim();
}

function caseOf(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : 3;
  let k = caseCache[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = ch.toLowerCase() !== ch ? 1 : ch.toUpperCase() !== ch ? 2 : 3;
    caseCache[c] = k;
  }
  return k;
}

// Token flags.
export const T_CAP = 1; // first letter upper case
export const T_LOWER = 2; // first letter lower case
export const T_ALLCAPS = 4; // at least two cased letters, none lower case
export const T_SENT = 8; // first token of a sentence (or of the text)
export const T_PARA = 16; // first token of a line/paragraph
export const T_BLOCKED = 32; // inside a URL, e-mail address or code-like token: never matched
export const T_DIGIT = 64; // starts with a digit
export const T_WIDE = 128; // holds a code unit above ASCII

// Gap classes: what separates a token from the one before it.
export const G_NONE = 0; // adjacent (CJK)
export const G_SPACE = 1;
export const G_HYPHEN = 2;
export const G_DOT = 3;
export const G_APOS = 4;
export const G_OTHER = 5; // comma, brackets, quotes, line breaks, mixed punctuation

/** Tokens of a text in parallel typed arrays (one entry per token). */
export interface Tokens {
  text: string;
  count: number;
  start: Uint32Array;
  end: Uint32Array;
  /**
   * FNV-1a hash of the folded token, kept in small-integer range for fast Map keys; -1 until `tokenHash` computes
   * it. Hashing is lazy because most tokens (lower-case words) can never start a name and are never looked up.
   */
  hash: Int32Array;
  flags: Uint8Array;
  /** Gap class between this token and the previous one. */
  gap: Uint8Array;
  /**
   * Tokens that may start a name, in order (`candCount` of them): all but the lower-case words whose first two
   * code units `candFilter` (the matcher's lowerFirst table) turns away. Null filter: not made (no table given).
   */
  cand: Uint32Array;
  candCount: number;
  candFilter: Uint32Array | null;
  /** Some token holds a code unit above ASCII (what `hasWideWordUnit` tells of the text, found while scanning). */
  wide: boolean;
  /**
   * Tokens a word list may hold, in order (`watchCount` of them), when `watchFilter` (the linker's sports cue words)
   * was given: every T_WIDE token, and each ASCII token whose first two letters, lower-cased, key a mask in the
   * filter with bit (length - 3) set. Null filter: not made.
   */
  watch: Uint32Array;
  watchCount: number;
  watchFilter: Uint32Array | null;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashString(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}


/** ASCII classes: 1 lower, 2 upper, 3 digit, 4 space, 0 other. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : c === 32 || c === 10 || c === 9 || c === 13 ? 4 : 0;
/** 1 for ASCII letters and digits (the ASCII part of C_WORD). */
const WORD_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_ASCII[c] = ASCII[c]! >= 1 && ASCII[c]! <= 3 ? 1 : 0;

function alloc(cap: number): Tokens {
  return { text: '', count: 0, start: new Uint32Array(cap), end: new Uint32Array(cap), hash: new Int32Array(cap), flags: new Uint8Array(cap), gap: new Uint8Array(cap), cand: new Uint32Array(cap), candCount: 0, candFilter: null, wide: false, watch: new Uint32Array(cap), watchCount: 0, watchFilter: null };
}

/** New, larger arrays for a lent Tokens (its old contents are not kept: tokenize writes them all again). */
function enlarge(out: Tokens, cap: number): void {
  out.start = new Uint32Array(cap); out.end = new Uint32Array(cap); out.hash = new Int32Array(cap); out.flags = new Uint8Array(cap);
  out.gap = new Uint8Array(cap); out.cand = new Uint32Array(cap); out.watch = new Uint32Array(cap);
}

function isWordUnit(c: number): boolean {
  return c < 128 ? ASCII[c]! >= 1 && ASCII[c]! <= 3 : classify(c) === C_WORD;
}

/** The hash of token `t`, computed on first use. */
export function tokenHash(toks: Tokens, t: number): number {
  const known = toks.hash[t]!;
  if (known >= 0) return known;
  const text = toks.text;
  let h = FNV_OFFSET;
  for (let i = toks.start[t]!, e = toks.end[t]!; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) h = Math.imul(h ^ (ASCII[c] === 2 ? c | 32 : c), FNV_PRIME);
    else h = hashString(foldUnit(c), h);
  }
  h &= 0x3fffffff;
  toks.hash[t] = h;
  return h;
}

/**
 * Split text into tokens in one pass, with case and sentence-position flags from the original characters.
 * Chunks of non-space text that look like URLs, e-mail addresses or code (`://`, `@` inside a word, `_`,
 * dotted identifiers like `a.b.c`) have their tokens blocked. `reuse` lends buffers (index building).
 * `lowerFirst` (the alias index's table, keyed by `lowerKey`): also list the tokens that may start a name (cand).
 * `watchFirst` (length masks keyed by two lower-case letters): also list the tokens a word list may hold (watch).
 */
export function tokenize(text: string, reuse?: Tokens, lowerFirst?: Uint32Array, watchFirst?: Uint32Array): Tokens {
  const len = text.length;
  // Room for every token the text can hold (one per code unit at most): the scan then never grows the arrays, and
  // they stay constants of the loop.
  const out = reuse ?? alloc(Math.max(16, len + 1));
  if (out.start.length < len + 1) enlarge(out, len + 1);
  const { start, end, flags, gap, cand, watch, hash } = out;
  let n = 0, nc = 0, nw = 0;
  let gapClass = G_OTHER; // before the first token
  let sentence = true, para = true;
  let chunkFirst = 0; // first token of the current whitespace-delimited chunk
  let chunkCode = false;
  let dotAt = -2; // the last '.' seen (a word right after it may be code or a domain)
  let hashed = -1; // the current token's hash when the scan made it
  let theAt = -2; // the last lower-case "the" the lowerFirst filter turned away
  let skip = false; // the current token can start no name (lowerFirst)
  let wide = false; // a token holds a code unit above ASCII (every such unit of a token passes a branch below)
  let w = 0; // T_WIDE when the current token holds one
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    const a = c < 128 ? ASCII[c]! : 0;
    const k = a === 0 ? (c < 128 ? C_OTHER : classify(c)) : a === 4 ? C_SPACE : C_WORD;
    if (k === C_WORD || k === C_SOLO) {
      // A word glued to the previous one by '.' ("a.b.c", "bbc.co.uk") is code or a domain; "U.S" is not.
      if (dotAt === i - 1 && n > 0 && end[n - 1] === i - 1 && n > chunkFirst &&
        (end[n - 1]! - start[n - 1]! > 1 || (i + 1 < len && isWordUnit(text.charCodeAt(i + 1))))) chunkCode = true;
      let f = 0;
      const s = i;
      if (c >= 128) w = T_WIDE;
      if (k === C_SOLO) i++;
      else if (a === 1 || (a === 0 && caseOf(c) === 2)) {
        // Lower-case start (most tokens): never all capitals and hashed only when looked up, so only the end is sought.
        f = T_LOWER;
        // The second code unit is read apart: the lowerFirst filter below keys on it (0 for a one-letter word).
        let c1 = 0;
        if (++i < len) {
          const d = text.charCodeAt(i);
          if (d < 128 ? WORD_ASCII[d] !== 0 : classify(d) === C_WORD) {
            if (d >= 128) w = T_WIDE;
            c1 = d;
            for (i++; i < len; i++) {
              const e = text.charCodeAt(i);
              if (e < 128) { if (WORD_ASCII[e] === 0) break; } else if (classify(e) !== C_WORD) break; else w = T_WIDE;
            }
          }
        }
        // Starts no name unless a lower-case alias starts with its first two code units (ASCII ones only), the second
        // folded: aliases are listed folded, and "eBay" is written with a capital inside.
        // An ASCII word must also have the length of such an alias's first word (bit length - 1; 32 and longer: bit 31).
        let lf: number;
        if (lowerFirst !== undefined && c < 128 && c1 < 128 &&
          ((lf = lowerFirst[(c << 8) | (c1 >= 65 && c1 <= 90 ? c1 | 32 : c1)]!) === 0 || (w === 0 && ((lf >>> (i - s > 32 ? 31 : i - s - 1)) & 1) === 0))) {
          skip = true;
          // "the", which the filter turns away, may still start a name before a capitalised word ("the Kremlin").
          if (c === 116 && c1 === 104 && i - s === 3 && text.charCodeAt(s + 2) === 101) theAt = n;
        }
        // ASCII words by their first two letters and length (wide ones are all listed below). A shift counts mod 32:
        // lengths under 3 read bit 30 or 31, which no list of words under 33 letters sets.
        if (watchFirst !== undefined && w === 0 && ((watchFirst[(c << 8) | (c1 | 32)]! >>> (i - s - 3)) & 1) !== 0) watch[nw++] = n;
      } else {
        // Other starts: the matcher hashes every such token, so the hash is made in the same pass as the scan.
        let upper = 0, lower = 0, h = FNV_OFFSET;
        if (a !== 0) f = a === 2 ? T_CAP : T_DIGIT;
        else f = caseOf(c) === 1 ? T_CAP : 0;
        while (i < len) {
          const d = text.charCodeAt(i);
          if (d < 128) {
            const ad = ASCII[d]!;
            if (ad === 1) lower++;
            else if (ad === 2) upper++;
            else if (ad !== 3) break;
            h = Math.imul(h ^ (ad === 2 ? d | 32 : d), FNV_PRIME);
          } else {
            if (classify(d) !== C_WORD) break;
            w = T_WIDE;
            const cc = caseOf(d);
            if (cc === 1) upper++; else if (cc === 2) lower++;
            h = hashString(foldUnit(d), h);
          }
          i++;
        }
        if (upper >= 2 && lower === 0) f |= T_ALLCAPS;
        hashed = h & 0x3fffffff;
        if (watchFirst !== undefined && w === 0 && ((watchFirst[((c | 32) << 8) | (text.charCodeAt(s + 1) | 32)]! >>> (i - s - 3)) & 1) !== 0) watch[nw++] = n;
      }
      if (sentence) f |= T_SENT;
      if (para) f |= T_PARA;
      if (w !== 0) { f |= w; w = 0; wide = true; if (watchFirst !== undefined) watch[nw++] = n; }
      start[n] = s; end[n] = i; hash[n] = hashed; flags[n] = f; gap[n] = gapClass;
      if (skip) skip = false;
      else {
        if (theAt === n - 1 && gapClass === G_SPACE && !(f & T_LOWER)) cand[nc++] = n - 1;
        cand[nc++] = n;
      }
      hashed = -1;
      n++;
      sentence = false; para = false; gapClass = G_NONE;
      // One space after a word (the commonest gap) is taken here, as the space branch below would take it.
      if (i < len && text.charCodeAt(i) === 32) {
        if (chunkCode) { for (let t = chunkFirst; t < n; t++) flags[t]! |= T_BLOCKED; chunkCode = false; }
        chunkFirst = n; gapClass = G_SPACE; i++;
      }
      continue;
    }
    if (k === C_SPACE) {
      if (chunkCode) { for (let t = chunkFirst; t < n; t++) flags[t]! |= T_BLOCKED; chunkCode = false; }
      chunkFirst = n;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) { para = true; sentence = true; gapClass = G_OTHER; }
      else if (gapClass === G_NONE) gapClass = G_SPACE;
      i++;
      continue;
    }
    // Punctuation and symbols, commonest first.
    if (c === 44) gapClass = G_OTHER;
    else if (c === 46) { // '.'
      dotAt = i;
      gapClass = gapClass === G_NONE || gapClass === G_SPACE || gapClass === G_DOT ? G_DOT : G_OTHER;
      // A full stop ends a sentence unless it closes an abbreviation like "U.S." or "Mr." (short previous token).
      if (n > 0 && end[n - 1] === i && end[n - 1]! - start[n - 1]! > 3) sentence = true;
    } else if (c === 39 || c === 0x2019 || c === 0x2bc || c === 0x2018) {
      gapClass = gapClass === G_NONE ? G_APOS : G_OTHER;
    } else if (c === 45 || (c >= 0x2010 && c <= 0x2014) || c === 0x2212) {
      gapClass = gapClass === G_NONE || gapClass === G_SPACE || gapClass === G_HYPHEN ? G_HYPHEN : G_OTHER;
    } else {
      gapClass = G_OTHER;
      if (c === 33 || c === 63) sentence = true; // ! ?
      // '@', '_' or '\\' glued to a word, "://", or code punctuation inside a chunk: an address, identifier or URL.
      else if (c === 64 || c === 95 || c === 92) { if (i + 1 < len && isWordUnit(text.charCodeAt(i + 1))) chunkCode = true; }
      else if (c === 58) { if (text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) chunkCode = true; }
      else if ((c === 123 || c === 125 || c === 60 || c === 62 || c === 61) && n > chunkFirst) chunkCode = true;
    }
    i++;
  }
  if (chunkCode) for (let t = chunkFirst; t < n; t++) flags[t]! |= T_BLOCKED;
  out.text = text; out.count = n; out.start = start; out.end = end; out.hash = hash; out.flags = flags; out.gap = gap;
  out.cand = cand; out.candCount = lowerFirst ? nc : 0; out.candFilter = lowerFirst ?? null; out.wide = wide;
  out.watch = watch; out.watchCount = watchFirst ? nw : 0; out.watchFilter = watchFirst ?? null;
  return out;
}

/** A 16-bit key from the first two folded code units of a word (a cheap pre-filter before hashing). */
export const lowerKey = (c0: number, c1: number): number => ((c0 & 0xff) << 8) | ((c1 || 0) & 0xff);

// Above ASCII, less the General Punctuation block (U+2000-U+206F: curly quotes, dashes, odd spaces), which holds no
// letter, mark or digit (checked over the block) and is most of the non-ASCII code units of English news text.
const WIDE = /[^\x00-\x7f\u2000-\u206f]/g;
/** Does the text hold a code unit above ASCII that tokens take in (a letter, mark, digit, CJK or surrogate)? */
export function hasWideWordUnit(text: string): boolean {
  // test() with a global regex moves lastIndex past each hit without making a match array (curly quotes are many).
  WIDE.lastIndex = 0;
  while (WIDE.test(text)) {
    const k = classify(text.charCodeAt(WIDE.lastIndex - 1));
    if (k === C_WORD || k === C_SOLO) return true;
  }
  return false;
}

/** Hash a folded token string the same way `tokenize` does. */
export function hashFolded(s: string): number {
  return hashString(s, FNV_OFFSET) & 0x3fffffff;
}

/** The folded text of token `t`. */
export function tokenText(text: string, toks: Tokens, t: number): string {
  const s = toks.start[t]!, e = toks.end[t]!;
  // ASCII tokens (most) fold by lower-casing: one native call instead of a string built code unit by code unit.
  let ascii = true;
  for (let i = s; i < e && ascii; i++) ascii = text.charCodeAt(i) < 128;
  if (ascii) return text.slice(s, e).toLowerCase();
  let out = '';
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    out += c < 128 ? (c >= 65 && c <= 90 ? String.fromCharCode(c | 32) : text[i]) : foldUnit(c);
  }
  return out;
}

/** Does token `t` fold to `word`? (No string is built: this runs on every hash hit.) */
export function tokenEquals(toks: Tokens, t: number, word: string): boolean {
  const text = toks.text;
  let j = 0;
  for (let i = toks.start[t]!, e = toks.end[t]!; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (word.charCodeAt(j++) !== (ASCII[c] === 2 ? c | 32 : c)) return false;
    } else {
      const f = foldUnit(c);
      for (let k = 0; k < f.length; k++) if (word.charCodeAt(j++) !== f.charCodeAt(k)) return false;
    }
  }
  return j === word.length;
}

/** Gaps that may stand for each other inside a multi-word name: "Nagorno Karabakh" = "Nagorno-Karabakh". */
export function gapCompatible(aliasGap: number, textGap: number): boolean {
  if (aliasGap === textGap) return true;
  if ((aliasGap === G_SPACE || aliasGap === G_HYPHEN) && (textGap === G_SPACE || textGap === G_HYPHEN)) return true;
  return false;
}
