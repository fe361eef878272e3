// Candidate finder (issue #4): aliases indexed by the hash of their first folded token; the text is tokenised
// once (hashing folded tokens on the fly) and each token start costs one Map lookup. NOTES.md measured a
// character trie at ~22 MB/s; a first-token hash map does far less work per character.
import type { Actor, Alias, KnowledgeBase } from './types';
import { type Tokens, G_DOT, G_SPACE, T_ALLCAPS, T_BLOCKED, T_CAP, T_LOWER, T_WIDE, foldUnit, gapCompatible, lowerKey, tokenEquals, tokenHash, tokenize, tokenText } from './normalize';

// Alias flags, packed.
export const A_CS = 1;
export const A_AMB = 2;
export const A_CTX = 4;
export const A_DEM = 8;
export const A_SHORT = 16;
/** A surname derived here from a person's full name (not in the knowledge base as an alias). */
export const A_IMPLICIT = 32;
/** A national team's country name ("England" for the England national rugby union team): sports reports only. */
export const A_TEAM = 64;

export interface AliasEntry {
  actor: number;
  flags: number;
  /** The alias as written in the knowledge base (for case-sensitive checks). */
  t: string;
  lang: string | null;
  /** Bit i set: token i of the alias is written in lower case ("Ohio state"), for case clashes in the text. */
  lower: number;
}

/** One distinct token sequence (several aliases of several actors may share it). */
export interface Seq {
  /** Hashes of tokens after the first (plain arrays: cheaper to create by the ten thousand than typed ones). */
  rest: number[];
  /** Gap classes before tokens after the first (same length as rest). */
  gaps: number[];
  /**
   * The alias text, or (`folded`) its folded tokens joined by U+001F; the folded tokens are computed on the first
   * hash hit, to verify it (hashes can collide).
   */
  src: string;
  folded: boolean;
  tokens: string[] | null;
  /** The alias ends with a full stop ("U.S.", "Calif."): the match takes the text's full stop too. */
  dot: boolean;
  entries: number[];
  /** When every alias here is case-sensitive ("IN", "AS"), their spellings: other spellings are no match. */
  csForms: string[] | null;
  /** Some alias here is written in lower case, so a lower-case word may match it. */
  lowerOk: boolean;
  /** Facts the linker derives from the entries, once per sequence (null until it first needs them). */
  info: unknown;
  /** Words every form writes in lower case (bit i for word i), read when first needed (see tryHere). */
  lowerAll?: number;
}

export interface Head {
  single: Seq | null;
  /** Longer sequences by the hash of their second token, longest first. */
  multi: Map<number, Seq[]> | null;
}

/**
 * Open-addressing table from a non-negative 30-bit hash to an int (-1: absent). The hot loop probes it once per
 * capitalised word; a Map keyed by numbers costs several times more per lookup. Load stays at most 1/3, so a miss
 * usually ends on the first empty slot.
 */
export class IntTable {
  /** Key and value side by side (a hit reads one cache line): kv[2i] key, kv[2i + 1] value. */
  readonly kv: Int32Array;
  private readonly mask: number;
  constructor(n: number) {
    let size = 16;
    while (size < n * 3) size <<= 1;
    this.kv = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
  }
  get(k: number): number {
    const kv = this.kv, mask = this.mask;
    let i = Math.imul(k, 0x9e3779b1) & mask;
    for (;;) {
      const x = kv[i << 1]!;
      if (x === k) return kv[(i << 1) + 1]!;
      if (x === -1) return -1;
      i = (i + 1) & mask;
    }
  }
  set(k: number, v: number): void {
    const kv = this.kv, mask = this.mask;
    let i = Math.imul(k, 0x9e3779b1) & mask;
    while (kv[i << 1] !== -1 && kv[i << 1] !== k) i = (i + 1) & mask;
    kv[i << 1] = k;
    kv[(i << 1) + 1] = v;
  }
  /** Every [key, value] pair. */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.kv.length; i += 2) if (this.kv[i] !== -1) yield [this.kv[i]!, this.kv[i + 1]!];
  }
}

/** The bit of a first-token hash in `AliasIndex.firstBits` (262,144 bits). */
export const bitOf = (h: number): number => (h ^ (h >>> 18)) & 0x3ffff;
export function firstBitsOf(keys: Iterable<number>): Int32Array {
  const bits = new Int32Array(1 << 13);
  for (const h of keys) { const b = bitOf(h); bits[b >> 5]! |= 1 << (b & 31); }
  return bits;
}

export function pairBitsOf(pairs: IntTable): Int32Array {
  const bits = new Int32Array(1 << 13);
  const kv = pairs.kv;
  for (let i = 0; i < kv.length; i += 2) if (kv[i] !== -1) { const b = bitOf(kv[i]!); bits[b >> 5]! |= 1 << (b & 31); }
  return bits;
}

/** Key of a (first token, second token) pair in `AliasIndex.pairs`. */
export const pairKey = (h1: number, h2: number): number => (Math.imul(h1, 0x01000193) ^ h2) & 0x3fffffff;

export interface AliasIndex {
  actors: Actor[];
  entries: AliasEntry[];
  /** Hash of the first token -> its one-token sequence in `singles` (-2: only longer sequences start there). */
  firstTable: IntTable;
  /**
   * One bit per first-token hash (bitOf): a 32 KiB filter that stays in the CPU cache and
   * turns most capitalised words that start no name away before the table (a cache miss) is read.
   */
  firstBits: Int32Array;
  singles: Seq[];
  /** pairKey(first, second) -> longer sequences starting with those tokens in `pairLists`, longest first. */
  pairTable: IntTable;
  pairLists: Seq[][];
  /** One bit per pair key (bitOf), like firstBits: most (name word, next word) pairs start no longer name. */
  pairBits: Int32Array;
  /**
   * First folded code units of aliases written in lower case ("al-Shabaab"), with the lengths of their first words:
   * bit (length - 1) for an ASCII word (bit 31 for 32 and longer), every bit for another. A lower-case word in the
   * text is looked up only when it starts like one of these and, if ASCII, has such a length: lower-case text never
   * links a capitalised name, so most words are skipped without hashing.
   */
  lowerFirst: Uint32Array;
  /** Hashes of the first tokens of lower-case aliases (checked after lowerFirst lets a word through). */
  lowerHeads: Set<number>;
  /** One bit per lower-case head (bitOf), before the set: most words that pass lowerFirst are no head. */
  lowerBits: Int32Array;
}

export interface RawMatch {
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  entries: number[];
  /** The sequence matched (its entries are `entries`). */
  seq: Seq;
}

function flagsOf(a: Alias): number {
  return (a.cs ? A_CS : 0) | (a.amb ? A_AMB : 0) | (a.ctx ? A_CTX : 0) | (a.dem ? A_DEM : 0) | (a.short ? A_SHORT : 0);
}

const LEGAL_FORM = /^,? (?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|plc|PLC|Co\.|Company|LLC|L\.P\.|S\.A\.|SA|AG|SE|GmbH|N\.V\.|NV|A\/S|ASA|AB|Oyj|S\.p\.A\.|K\.K\.)$/;
/** Is `name` the alias `t` and a legal form ("Apple Inc.", "Siemens AG")? */
const legalForm = (name: string, t: string): boolean => name.startsWith(t) && LEGAL_FORM.test(name.slice(t.length));

/** Build the index. Persons also get their surname as an implicit short form, linked only through context. */
export function buildAliasIndex(kb: KnowledgeBase): AliasIndex {
  const entries: AliasEntry[] = [];
  const first = new Map<number, Head>();
  // Sequences by a hash of all their tokens and gaps; built without any per-alias string (build time matters).
  const byHash = new Map<number, Seq | Seq[]>();
  const lowerFirst = new Uint32Array(65536);
  const lowerHeads = new Set<number>();
    let scratch: Tokens | undefined;
  let nameWords: number[] = [];
  let qualifiedName = '', fullName = '';
  const sameSeq = (q: Seq, toks: Tokens): boolean => {
    if (q.rest.length !== toks.count - 1) return false;
    for (let i = 1; i < toks.count; i++) if (q.rest[i - 1] !== toks.hash[i] || q.gaps[i - 1] !== toks.gap[i]) return false;
    return true;
  };
  /** Adds one alias; `name` marks the display name, which never overrides an alias of the same spelling. */
  const add = (actor: number, t: string, flags: number, lang: string | null, name = false) => {
    const toks = (scratch = tokenize(t, scratch));
    const n = toks.count;
    if (n === 0) return;
    let all = FNV;
    for (let i = 0; i < n; i++) all = Math.imul(all ^ tokenHash(toks, i), 0x01000193) ^ toks.gap[i]!;
    // One word of a longer name ("South" of South Korea, "Man" of Isle of Man) is a short form, unless the rest of
    // the name only says where it is ("Washington" of "Washington, D.C.") or what legal form it has ("Apple" of
    // "Apple Inc.", "Siemens" of "Siemens AG").
    if (n === 1 && !name && !(flags & A_CS) && nameWords.includes(toks.hash[0]!) && !qualifiedName.startsWith(t + ',') && !legalForm(fullName, t)) flags |= A_SHORT;
    const found = byHash.get(all);
    let seq = found === undefined ? undefined : Array.isArray(found) ? found.find((q) => sameSeq(q, toks)) : sameSeq(found, toks) ? found : undefined;
    if (!seq) {
      seq = { rest: Array.from(toks.hash.subarray(1, n)), gaps: Array.from(toks.gap.subarray(1, n)), src: t, folded: false, tokens: null, dot: t.charCodeAt(t.length - 1) === 46, entries: [], csForms: null, lowerOk: false, info: null };
      if (found === undefined) byHash.set(all, seq); else if (Array.isArray(found)) found.push(seq); else byHash.set(all, [found, seq]);
      const h = toks.hash[0]!;
      let head = first.get(h);
      if (!head) first.set(h, (head = { single: null, multi: null }));
      if (n === 1) head.single = seq;
      else {
        const multi = (head.multi ??= new Map<number, Seq[]>());
        const list = multi.get(seq.rest[0]!);
        if (list) list.push(seq); else multi.set(seq.rest[0]!, [seq]);
      }
      if (toks.flags[0]! & T_LOWER) {
        const w = foldUnit(t.charCodeAt(toks.start[0]!)) + (toks.end[0]! > toks.start[0]! + 1 ? foldUnit(t.charCodeAt(toks.start[0]! + 1)) : '');
        // Not for "the" ("the Kremlin"), the commonest word of English text: the tokeniser lists a lower-case "the"
        // as a candidate only before a capitalised word (see tokenize).
        if (!(toks.end[0]! - toks.start[0]! === 3 && t.startsWith('the', toks.start[0]!))) lowerFirst[lowerKey(w.charCodeAt(0), w.charCodeAt(1))]! |= lengthBits(toks, 0);
        lowerHeads.add(h);
      }
    }
    let lower = 0;
    for (let i = 0; i < n && i < 31; i++) if (toks.flags[i]! & T_LOWER) lower |= 1 << i;
    for (const e of seq.entries) {
      const en = entries[e]!;
      // Case-sensitive spellings of one actor ("NATO", "Nato") each keep their own entry.
      if (en.actor !== actor || (flags & en.flags & A_CS && en.t !== t)) continue;
      if (name) {
        if (!en.lang && (!(en.flags & A_CS) || en.t === t)) return; // the alias carries the flags ("Turkey" is amb)
        if (en.flags & A_CS) continue;
      }
      // Prefer fewer restrictions, then a language-neutral form ("Baku" over Turkish "Bakü").
      const better = name ? -1 : bitCount(flags) - bitCount(en.flags) || (lang ? 1 : 0) - (en.lang ? 1 : 0);
      // A word is lower case only if every form writes it so ("Kim Jong-un" and "Kim Jong Un" are one sequence).
      if (better < 0) { en.flags = flags; en.t = t; en.lang = lang; en.lower = lower & en.lower; } else en.lower &= lower;
      return;
    }
    seq.entries.push(entries.length);
    entries.push({ actor, flags, t, lang, lower });
  };
  const actors = kb.actors;
  for (let ai = 0; ai < actors.length; ai++) {
    const actor = actors[ai]!;
    nameWords = [];
    qualifiedName = actor.name.includes(',') ? actor.name : '';
    fullName = actor.name;
    if (actor.name.includes(' ')) {
      const nt = (scratch = tokenize(actor.name, scratch));
      for (let i = 0; i < nt.count; i++) nameWords.push(tokenHash(nt, i));
    }
    for (const a of actor.aliases) {
      if (!wordy(a.t)) continue;
      // "Azerbaijan's Defense Ministry" is two mentions, the country and the ministry: possessive forms are left out.
      if ((a.t.includes("'s ") || a.t.includes('’s ')) && /\p{L}['’]s\s/u.test(a.t)) continue;
      const flags = flagsOf(a);
      add(ai, a.t, flags, a.lang ?? null);
      // "United States Department of Education" is written "U.S. Department of Education".
      if (!a.lang && a.t.startsWith('United States ')) add(ai, 'U.S. ' + a.t.slice(14), flags, null);
    }
    const team = actor.type !== 'person' && actor.name.endsWith('team') ? /^(.+?) (?:national|men's national|women's national) .*team$/i.exec(actor.name) : null;
    if (team) add(ai, team[1]!, A_TEAM, null);
    if (wordy(actor.name)) add(ai, actor.name, /^[\p{Lu}\d.&-]{2,6}$/u.test(actor.name) ? A_CS : 0, null, true);
    if (actor.name.startsWith('United States ')) add(ai, 'U.S. ' + actor.name.slice(14), 0, null, true);
    if (actor.type === 'person') {
      // Surnames of full names, linked only through coreference or as a well-known leader's name.
      let last = surname(actor.name);
      if (last) add(ai, last, A_SHORT | A_IMPLICIT, null);
      for (const a of actor.aliases) {
        if (a.short || a.dem) continue;
        const l = surname(a.t);
        if (l && l !== last) { last = l; add(ai, l, A_SHORT | A_IMPLICIT, null); }
      }
    }
  }
  // Longest sequences first, so the first hit at a token is the longest match there.
  const finish = (q: Seq) => finishSeq(q, entries);
  for (const head of first.values()) {
    if (head.single) finish(head.single);
    if (head.multi) for (const list of head.multi.values()) {
      if (list.length > 1) list.sort((a, b) => b.rest.length - a.rest.length);
      list.forEach(finish);
    }
  }
  // Typed tables for the hot loop. Pair keys may collide: lists then merge, and tryHere checks every token.
  const firstTable = new IntTable(first.size);
  const singles: Seq[] = [];
  let pairCount = 0;
  for (const head of first.values()) pairCount += head.multi?.size ?? 0;
  const pairTable = new IntTable(pairCount);
  const pairLists: Seq[][] = [];
  for (const [h, head] of first) {
    if (head.single) { firstTable.set(h, singles.length); singles.push(head.single); } else firstTable.set(h, -2);
    if (head.multi) for (const [h2, list] of head.multi) {
      const k = pairKey(h, h2);
      const at = pairTable.get(k);
      if (at < 0) { pairTable.set(k, pairLists.length); pairLists.push(list.slice()); }
      else { const merged = pairLists[at]!; merged.push(...list); merged.sort((a, b) => b.rest.length - a.rest.length); }
    }
  }
  return { actors, entries, firstTable, firstBits: firstBitsOf(first.keys()), singles, pairTable, pairLists, pairBits: pairBitsOf(pairTable), lowerFirst, lowerHeads, lowerBits: firstBitsOf(lowerHeads) };
}

/** Case facts of a sequence, from its entries (after the build, or after unpacking). */
export function finishSeq(q: Seq, entries: AliasEntry[]): void {
  const es = q.entries.map((e) => entries[e]!);
  if (es.every((e) => e.flags & A_CS)) q.csForms = es.map((e) => e.t);
  q.lowerOk = es.some((e) => !(e.flags & A_CS) && e.lower & 1);
}

const FNV = 0x811c9dc5 | 0;

/** Never match on a form with fewer than two letters ("C$", "90"), except CJK: such forms are noise in text. */
const wordy = (t: string): boolean => /\p{L}\P{L}*\p{L}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t);

/** The last word of a person's name, which coreference may link alone: none for "Beatrix of the Netherlands" or
 * "Charles, Prince of Wales" (the last word there is a country or a place, not a surname). */
function surname(full: string): string | null {
  if (full.includes(' of ') || full.includes(',')) return null;
  const sp = full.lastIndexOf(' ');
  return sp > 0 && full.length - sp > 3 ? full.slice(sp + 1) : null;
}

/** Folded tokens of an alias, for verifying hash hits. */
export function seqTokens(seq: Seq): string[] {
  if (seq.tokens) return seq.tokens;
  if (seq.folded) return (seq.tokens = seq.src.split('\u001f'));
  const toks = tokenize(seq.src);
  const out: string[] = [];
  for (let i = 0; i < toks.count; i++) out.push(tokenText(seq.src, toks, i));
  return (seq.tokens = out);
}

export { lowerKey };

function bitCount(n: number): number {
  let c = 0;
  while (n) { c += n & 1; n >>= 1; }
  return c;
}

// One-token sequences (most tries) checked from compact arrays by their place in `singles`: the Seq objects, their
// arrays and strings are scattered over the heap, and reading them was a cache miss or more per try.
const S_LOWER_OK = 1, S_CS = 2, S_LONG = 4;
interface SingleFacts {
  /** S_LOWER_OK: seq.lowerOk; S_CS: it has csForms; S_LONG: not one token after all (checked the general way). */
  bits: Uint8Array;
  /** The folded token, filled on the first hash hit (seqTokens). */
  word: (string | null)[];
}
const singleFacts = new WeakMap<Seq[], SingleFacts>();
function factsOf(singles: Seq[]): SingleFacts {
  let f = singleFacts.get(singles);
  if (f) return f;
  const bits = new Uint8Array(singles.length);
  singles.forEach((q, i) => { bits[i] = (q.lowerOk ? S_LOWER_OK : 0) | (q.csForms !== null ? S_CS : 0) | (q.rest.length !== 0 ? S_LONG : 0); });
  singleFacts.set(singles, (f = { bits, word: new Array<string | null>(singles.length).fill(null) }));
  return f;
}

/** Leftmost-longest matches over the tokens; tokens inside URLs, addresses and code are skipped. */
export function findMatches(index: AliasIndex, text: string, toks: Tokens): RawMatch[] {
  const out: RawMatch[] = [];
  const { flags, gap, count } = toks;
  const lowerFirst = index.lowerFirst;
  /** `skip`: middle initials between the first word and the rest ("Donald J. Trump" for "Donald Trump"). */
  const tryHere = (t: number, seq: Seq, skip = 0): boolean => {
    const L = seq.rest.length;
    if (t + L + skip >= count) return false;
    // Case decides before anything else: "in" is not "IN", and "turkey" matches no capitalised alias.
    if (flags[t]! & T_LOWER && !seq.lowerOk) return false;
    if (skip === 0 && seq.csForms !== null && !csFormAt(seq, text, toks.start[t]!, toks.end[t + L]!)) return false;
    for (let j = 0; j < L; j++) {
      const k = t + 1 + j + skip;
      if (tokenHash(toks, k) !== seq.rest[j] || (!gapCompatible(seq.gaps[j]!, gap[k]!) && !(skip && j === 0)) || (flags[k]! & T_BLOCKED) !== 0) return false;
    }
    // Verify against the folded text: hashes can collide.
    const words = seqTokens(seq);
    for (let j = 0; j <= L; j++) if (!tokenEquals(toks, j === 0 ? t : t + j + skip, words[j]!)) return false;
    // A capital where every form of this sequence has a lower-case word is another spelling's sequence, or another
    // name ("Kim Jong Un" is not "Kim Jong-un"'s sequence, whose gaps match it too).
    let la = seq.lowerAll;
    if (la === undefined) { la = -1; for (const e of seq.entries) la &= index.entries[e]!.lower; seq.lowerAll = la; }
    if (la > 1) for (let j = 1; j <= L; j++) if (la & (1 << j) && (flags[t + j + skip]! & (T_CAP | T_ALLCAPS)) === T_CAP) return false;
    return true;
  };
  /** How many middle initials ("J.", "H.W.") follow token t, up to two, each a capital letter and a full stop. */
  const initialsAfter = (t: number): number => {
    let k = t + 1;
    while (k <= t + 2 && k + 1 < count && toks.end[k]! - toks.start[k]! === 1 && (flags[k]! & T_CAP) !== 0 && gap[k + 1] === G_DOT &&
      (gap[k] === G_SPACE || (k > t + 1 && gap[k] === G_DOT))) k++;
    return k - t - 1;
  };
  const personal = (seq: Seq): boolean => {
    for (const e of seq.entries) if (index.actors[index.entries[e]!.actor]!.type === 'person' && !(index.entries[e]!.flags & A_SHORT)) return true;
    return false;
  };
  const { bits: sBits, word: sWord } = factsOf(index.singles);
  /** tryHere for singles[at], from the compact arrays. */
  const trySingle = (t: number, at: number): boolean => {
    const b = sBits[at]!;
    if (b & S_LONG) return tryHere(t, singles[at]!);
    if (flags[t]! & T_LOWER && !(b & S_LOWER_OK)) return false;
    if (b & S_CS && !csFormAt(singles[at]!, text, toks.start[t]!, toks.end[t]!)) return false;
    let w: string | null = sWord[at]!;
    if (w === null) w = sWord[at] = seqTokens(singles[at]!)[0]!;
    return tokenEquals(toks, t, w);
  };
  const lowerBits = index.lowerBits, lowerHeads = index.lowerHeads;
  const firstTable = index.firstTable, firstBits = index.firstBits, pairTable = index.pairTable, pairBits = index.pairBits, singles = index.singles, pairLists = index.pairLists;
  // The tokens that may start a name: listed by the tokeniser when it was given this index's lowerFirst table.
  if (toks.candFilter !== lowerFirst) listCandidates(toks, lowerFirst);
  const cand = toks.cand, nc = toks.candCount;
  let free = 0; // first token not inside the last match
  for (let ci = 0; ci < nc; ci++) {
    const t = cand[ci]!;
    if (t < free) continue;
    const f = flags[t]!;
    if (f & T_BLOCKED) continue;
    const h = tokenHash(toks, t);
    const b = bitOf(h);
    // A lower-case word that passed the first-letters filter must still start a lower-case alias.
    if (f & T_LOWER && ((lowerBits[b >> 5]! & (1 << (b & 31))) === 0 || !lowerHeads.has(h))) continue;
    if ((firstBits[b >> 5]! & (1 << (b & 31))) === 0) continue;
    const at = firstTable.get(h);
    if (at === -1) continue;
    let hit: Seq | null = null;
    if (t + 1 < count && (flags[t + 1]! & T_BLOCKED) === 0) {
      const k = pairKey(h, tokenHash(toks, t + 1)), pb = bitOf(k);
      const li = (pairBits[pb >> 5]! & (1 << (pb & 31))) === 0 ? -1 : pairTable.get(k);
      if (li >= 0) for (const seq of pairLists[li]!) if (tryHere(t, seq)) { hit = seq; break; }
    }
    // "Donald J. Trump", "George H.W. Bush": a person's full name with middle initials the alias does not have.
    let skip = 0;
    if (hit === null && flags[t]! & T_CAP && t + 2 < count && toks.end[t + 1]! - toks.start[t + 1]! === 1 && (skip = initialsAfter(t)) > 0) {
      const k = pairKey(h, tokenHash(toks, t + 1 + skip)), pb = bitOf(k);
      const li = (pairBits[pb >> 5]! & (1 << (pb & 31))) === 0 ? -1 : pairTable.get(k);
      if (li >= 0) for (const seq of pairLists[li]!) if (personal(seq) && tryHere(t, seq, skip)) { hit = seq; break; }
      if (hit === null) skip = 0;
    }
    if (hit === null && at >= 0 && trySingle(t, at)) hit = singles[at]!;
    if (hit === null) continue;
    const L = hit.rest.length + skip;
    let end = toks.end[t + L]!;
    if (hit.dot && text.charCodeAt(end) === 46) end++;
    out.push({ tokStart: t, tokEnd: t + L + 1, start: toks.start[t]!, end, entries: hit.entries, seq: hit });
    free = t + L + 1;
  }
  return out;
}

/** lowerFirst's bits for token t: bit (length - 1) of an ASCII word (bit 31 from 32 on), every bit for another. */
export function lengthBits(toks: Tokens, t: number): number {
  const len = toks.end[t]! - toks.start[t]!;
  return toks.flags[t]! & T_WIDE ? -1 : 1 << (len > 32 ? 31 : len - 1);
}

/** The candidate list `tokenize` makes when given lowerFirst, for tokens made without it. */
function listCandidates(toks: Tokens, lowerFirst: Uint32Array): void {
  const { text, flags, start, end, cand } = toks;
  let nc = 0;
  for (let t = 0; t < toks.count; t++) {
    if (flags[t]! & T_LOWER) {
      const s0 = start[t]!;
      const c0 = text.charCodeAt(s0), c1 = s0 + 1 < end[t]! ? text.charCodeAt(s0 + 1) : 0;
      if (c0 < 128 && c1 < 128 && (lowerFirst[lowerKey(c0, c1 >= 65 && c1 <= 90 ? c1 | 32 : c1)]! & lengthBits(toks, t)) === 0 &&
        // "the" before a capitalised word: see tokenize
        !(c0 === 116 && c1 === 104 && end[t]! - s0 === 3 && text.charCodeAt(s0 + 2) === 101 && t + 1 < toks.count && toks.gap[t + 1] === G_SPACE && !(flags[t + 1]! & T_LOWER))) continue; // "eBay": see tokenize
    }
    cand[nc++] = t;
  }
  toks.candCount = nc;
  toks.candFilter = lowerFirst;
}

/**
 * Is text[st, en) one of the case-sensitive spellings ("US", "U.S." without its stop)? Compared in place: sentence-
 * initial "It", "In", "As" reach this for every such alias, and a slice per form and try was most of its cost.
 */
function csFormAt(seq: Seq, text: string, st: number, en: number): boolean {
  const len = en - st;
  for (const f of seq.csForms!) {
    if (f.length !== len && !(f.length === len + 1 && seq.dot)) continue;
    let k = 0;
    while (k < len && text.charCodeAt(st + k) === f.charCodeAt(k)) k++;
    if (k === len) return true;
  }
  return false;
}

// Token buffers matchText lends from call to call (it is synchronous and its tokens never leave it): allocating
// six typed arrays per text cost more than a tenth of its time.
let lent: Tokens | undefined;

/** Convenience: tokenise and match. */
export function matchText(index: AliasIndex, text: string): RawMatch[] {
  // Not buffers made for a far longer text (they hold a token per code unit of it): those are let go.
  const toks = (lent = tokenize(text, lent && lent.start.length <= Math.max(1 << 16, 4 * text.length) ? lent : undefined, index.lowerFirst));
  const out = findMatches(index, text, toks);
  toks.text = ''; // hold no page text between calls
  return out;
}
