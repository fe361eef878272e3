// The alias index in a compact JSON form (issue #4), written at KB build time next to kb.json
// (dist/data/kb-index.json) so that createLinker does no tokenising or hashing of 48k aliases at load. Numbers go
// into flat arrays: JSON.parse reads those far faster than objects. The packed index names the KB it was built
// from by a checksum of the actor ids in order; unpacking against any other KB (a merged one) returns null and
// the caller builds the index itself.
import type { Actor } from './types';
import { type AliasEntry, type AliasIndex, type Seq, IntTable, firstBitsOf, pairBitsOf } from './matcher';

export interface PackedAliasIndex {
  v: 3;
  /** Checksum of the actor ids in order, and their count. */
  ids: number;
  n: number;
  /** Per entry: actor, flags, lower. */
  e: number[];
  /** Per entry: the alias as written; per entry with a language: [entry, lang] pairs. */
  et: string[];
  el: [number, string][];
  /** Per sequence: L, rest hashes (L), gaps (L), bits (1 dot, 2 lowerOk, 4 case-sensitive only), entry count, entries. */
  s: number[];
  /** Per sequence: its folded tokens joined by U+001F (for verifying hash hits). */
  st: string[];
  /** [first-token hash, single sequence or -2] pairs. */
  f: number[];
  /** [pair key, count, sequences...] runs, sequences longest first. */
  p: number[];
  /** [key, length bits] pairs of lowerFirst, and the lower-case heads. */
  lf: number[];
  lh: number[];
}

const PACK_VERSION = 3;
/** Joins folded tokens (a folded token never holds a control character). */
const SEP = '\u001f';

export function idsChecksum(actors: readonly Actor[]): number {
  let h = 0x811c9dc5 | 0;
  for (const a of actors) {
    const id = a.id;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return h >>> 0;
}

/** Folded tokens of every sequence, for packing (index built in this process). */
export function packAliasIndex(index: AliasIndex, seqTokens: (q: Seq) => string[]): PackedAliasIndex {
  const seqId = new Map<Seq, number>();
  const s: number[] = [], st: string[] = [];
  const idOf = (q: Seq): number => {
    let id = seqId.get(q);
    if (id !== undefined) return id;
    id = st.length;
    seqId.set(q, id);
    s.push(q.rest.length, ...q.rest, ...q.gaps, (q.dot ? 1 : 0) | (q.lowerOk ? 2 : 0) | (q.csForms ? 4 : 0), q.entries.length, ...q.entries);
    st.push(seqTokens(q).join(SEP));
    return id;
  };
  const f: number[] = [];
  for (const [k, v] of index.firstTable.entries()) f.push(k, v >= 0 ? idOf(index.singles[v]!) : -2);
  const p: number[] = [];
  for (const [k, v] of index.pairTable.entries()) {
    const list = index.pairLists[v]!;
    p.push(k, list.length, ...list.map(idOf));
  }
  const e: number[] = [], et: string[] = [], el: [number, string][] = [];
  index.entries.forEach((en, i) => {
    e.push(en.actor, en.flags, en.lower);
    et.push(en.t);
    if (en.lang) el.push([i, en.lang]);
  });
  const lf: number[] = [];
  index.lowerFirst.forEach((v, k) => { if (v) lf.push(k, v | 0); });
  return { v: PACK_VERSION, ids: idsChecksum(index.actors), n: index.actors.length, e, et, el, s, st, f, p, lf, lh: [...index.lowerHeads] };
}

/** The index for `actors` from its packed form, or null when the pack was built from other actors. */
export function unpackAliasIndex(actors: Actor[], pk: PackedAliasIndex): AliasIndex | null {
  if (!pk || pk.v !== PACK_VERSION || pk.n !== actors.length || pk.ids !== idsChecksum(actors)) return null;
  const entries: AliasEntry[] = new Array(pk.et.length);
  for (let i = 0, j = 0; i < entries.length; i++, j += 3) entries[i] = { actor: pk.e[j]!, flags: pk.e[j + 1]!, t: pk.et[i]!, lang: null, lower: pk.e[j + 2]! };
  for (const [i, lang] of pk.el) entries[i]!.lang = lang;
  const seqs: Seq[] = new Array(pk.st.length);
  const s = pk.s;
  for (let q = 0, j = 0; q < seqs.length; q++) {
    const L = s[j++]!;
    const rest = s.slice(j, j + L), gaps = s.slice(j + L, j + 2 * L);
    j += 2 * L;
    const bits = s[j++]!;
    const ne = s[j++]!;
    const ents = s.slice(j, j + ne);
    j += ne;
    const seq: Seq = { rest, gaps, src: pk.st[q]!, folded: true, tokens: null, dot: (bits & 1) !== 0, entries: ents, csForms: null, lowerOk: (bits & 2) !== 0, info: null };
    if (bits & 4) seq.csForms = ents.map((e) => entries[e]!.t);
    seqs[q] = seq;
  }
  const firstTable = new IntTable(pk.f.length >> 1);
  const firstKeys: number[] = [];
  const singles: Seq[] = [];
  for (let i = 0; i < pk.f.length; i += 2) {
    const q = pk.f[i + 1]!;
    firstKeys.push(pk.f[i]!);
    if (q >= 0) { firstTable.set(pk.f[i]!, singles.length); singles.push(seqs[q]!); } else firstTable.set(pk.f[i]!, -2);
  }
  let pairs = 0;
  for (let i = 0; i < pk.p.length; i += 2 + pk.p[i + 1]!) pairs++;
  const pairTable = new IntTable(pairs);
  const pairLists: Seq[][] = [];
  for (let i = 0; i < pk.p.length;) {
    const n = pk.p[i + 1]!;
    pairTable.set(pk.p[i]!, pairLists.length);
    pairLists.push(pk.p.slice(i + 2, i + 2 + n).map((q) => seqs[q]!));
    i += 2 + n;
  }
  const lowerFirst = new Uint32Array(65536);
  for (let i = 0; i + 1 < pk.lf.length; i += 2) lowerFirst[pk.lf[i]!] = pk.lf[i + 1]!;
  return { actors, entries, firstTable, firstBits: firstBitsOf(firstKeys), singles, pairTable, pairLists, pairBits: pairBitsOf(pairTable), lowerFirst, lowerHeads: new Set(pk.lh), lowerBits: firstBitsOf(pk.lh) };
}
