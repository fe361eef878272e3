// Candidate finder (issue #4): aliases indexed by the hash of their first folded token; the text is tokenised
// once (hashing folded tokens on the fly) and each token start costs one Map lookup. NOTES.md measured a
// character trie at ~22 MB/s; a first-token hash map does far less work per character.
import type { Actor, Alias, KnowledgeBase } from './types';
import { type Tokens, T_BLOCKED, fold, gapCompatible, tokenize, tokenText } from './normalize';

// Alias flags, packed.
export const A_CS = 1;
export const A_AMB = 2;
export const A_CTX = 4;
export const A_DEM = 8;
export const A_SHORT = 16;
/** A surname derived here from a person's full name (not in the knowledge base as an alias). */
export const A_IMPLICIT = 32;

export interface AliasEntry {
  actor: number;
  flags: number;
  /** The alias as written in the knowledge base (for case-sensitive checks). */
  t: string;
  lang: string | null;
}

/** One distinct token sequence (several aliases of several actors may share it). */
interface Seq {
  /** Hashes of tokens after the first. */
  rest: Int32Array;
  /** Gap classes before tokens after the first (same length as rest). */
  gaps: Uint8Array;
  /** Folded tokens, for verifying a hash hit. */
  tokens: string[];
  /** The alias ends with a full stop ("U.S.", "Calif."): the match takes the text's full stop too. */
  dot: boolean;
  entries: number[];
}

export interface AliasIndex {
  actors: Actor[];
  entries: AliasEntry[];
  first: Map<number, Seq[]>;
  /** Number of distinct actors per folded key, to tell unique short forms from shared ones. */
  aliasCount: number;
}

export interface RawMatch {
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  entries: number[];
}

function flagsOf(a: Alias): number {
  return (a.cs ? A_CS : 0) | (a.amb ? A_AMB : 0) | (a.ctx ? A_CTX : 0) | (a.dem ? A_DEM : 0) | (a.short ? A_SHORT : 0);
}

/** Build the index. Persons also get their surname as an implicit short form, linked only through context. */
export function buildAliasIndex(kb: KnowledgeBase): AliasIndex {
  const entries: AliasEntry[] = [];
  const first = new Map<number, Seq[]>();
  const byKey = new Map<string, Seq>();
  let aliasCount = 0;
  const add = (actor: number, t: string, flags: number, lang: string | null) => {
    const toks = tokenize(t);
    if (toks.count === 0) return;
    const words: string[] = [];
    for (let i = 0; i < toks.count; i++) words.push(tokenText(t, toks, i));
    let key = words[0]!;
    for (let i = 1; i < toks.count; i++) key += String.fromCharCode(toks.gap[i]!) + words[i];
    let seq = byKey.get(key);
    if (!seq) {
      seq = { rest: toks.hash.slice(1, toks.count), gaps: toks.gap.slice(1, toks.count), tokens: words, dot: t.trimEnd().endsWith('.'), entries: [] };
      byKey.set(key, seq);
      const list = first.get(toks.hash[0]!);
      if (list) list.push(seq); else first.set(toks.hash[0]!, [seq]);
    }
    // One entry per actor and sequence: keep the least restrictive flags.
    for (const e of seq.entries) {
      const en = entries[e]!;
      // Case-sensitive spellings of one actor ("NATO", "Nato") each keep their own entry.
      if (en.actor === actor && !(flags & en.flags & A_CS && en.t !== t)) {
        // Prefer fewer restrictions, then a language-neutral form ("Baku" over Turkish "Bakü").
        const better = bitCount(flags) - bitCount(en.flags) || (lang ? 1 : 0) - (en.lang ? 1 : 0);
        if (better < 0) { en.flags = flags; en.t = t; en.lang = lang; }
        return;
      }
    }
    seq.entries.push(entries.length);
    entries.push({ actor, flags, t, lang });
    aliasCount++;
  };
  kb.actors.forEach((actor, ai) => {
    // The aliases carry the flags; the display name is added only when no alias spells it ("Turkey" is amb).
    for (const a of actor.aliases) add(ai, a.t, flagsOf(a), a.lang ?? null);
    const name = fold(actor.name);
    if (!actor.aliases.some((a) => !a.lang && fold(a.t) === name && (!a.cs || a.t === actor.name))) {
      // A name in capitals is an acronym ("NATO"): case-sensitive, or it would match the word "who".
      add(ai, actor.name, /^[\p{Lu}\d.&-]{2,6}$/u.test(actor.name) ? A_CS : 0, null);
    }
    if (actor.type === 'person') {
      const seen = new Set<string>();
      for (const full of [actor.name, ...actor.aliases.filter((a) => !a.short && !a.dem).map((a) => a.t)]) {
        const parts = full.split(/\s+/);
        const last = parts[parts.length - 1];
        if (parts.length >= 2 && last && last.length >= 3 && !seen.has(last)) {
          seen.add(last);
          add(ai, last, A_SHORT | A_IMPLICIT, null);
        }
      }
    }
  });
  // Longest sequences first, so the first hit at a token is the longest match there.
  for (const list of first.values()) if (list.length > 1) list.sort((a, b) => b.rest.length - a.rest.length);
  return { actors: kb.actors, entries, first, aliasCount };
}

function bitCount(n: number): number {
  let c = 0;
  while (n) { c += n & 1; n >>= 1; }
  return c;
}

/** Leftmost-longest matches over the tokens; tokens inside URLs, addresses and code are skipped. */
export function findMatches(index: AliasIndex, text: string, toks: Tokens): RawMatch[] {
  const out: RawMatch[] = [];
  const { hash, flags, gap, count } = toks;
  const first = index.first;
  for (let t = 0; t < count; t++) {
    const seqs = first.get(hash[t]!);
    if (seqs === undefined || (flags[t]! & T_BLOCKED) !== 0) continue;
    for (const seq of seqs) {
      const L = seq.rest.length;
      if (t + L >= count) continue;
      let ok = true;
      for (let j = 0; j < L; j++) {
        const k = t + 1 + j;
        if (hash[k] !== seq.rest[j] || !gapCompatible(seq.gaps[j]!, gap[k]!) || (flags[k]! & T_BLOCKED) !== 0) { ok = false; break; }
      }
      if (!ok) continue;
      // Verify against the folded text: hashes can collide.
      for (let j = 0; j <= L; j++) if (tokenText(text, toks, t + j) !== seq.tokens[j]) { ok = false; break; }
      if (!ok) continue;
      let end = toks.end[t + L]!;
      if (seq.dot && text.charCodeAt(end) === 46) end++;
      out.push({ tokStart: t, tokEnd: t + L + 1, start: toks.start[t]!, end, entries: seq.entries });
      t += L;
      break;
    }
  }
  return out;
}

/** Convenience: tokenise and match. */
export function matchText(index: AliasIndex, text: string): RawMatch[] {
  return findMatches(index, text, tokenize(text));
}
