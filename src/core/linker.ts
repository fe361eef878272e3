// Entity linker (issue #4): candidates from the alias index, disambiguated by the words around each name,
// by the other actors in the article and their relations, by the article's date and language, and by
// within-article coreference. Every link carries a score; only links at or above THRESHOLD are highlighted.
import type { Actor, Correction, Fact, KnowledgeBase, Mention } from './types';
import { type AliasIndex, type RawMatch, type Seq, A_AMB, A_CS, A_CTX, A_DEM, A_SHORT, A_TEAM, buildAliasIndex, findMatches } from './matcher';
import { type Tokens, G_OTHER, G_SPACE, T_CAP, T_DIGIT, T_SENT, fold, tokenText, tokenize } from './normalize';
import { type PackedAliasIndex, unpackAliasIndex } from './matcher-pack';
import { type ActorGraph, K_CITY, K_COUNTRY, K_ORG, K_PERSON, K_REGION, buildGraph, inOffice, isPlace, leadsAt, within } from './linker-graph';
import { FUNCTION_WORDS, HONORIFICS, TITLES, W_FUNCTION, W_HONORIFIC, W_MEDIA, W_PRE, W_TEAM, W_TITLE, maskAt } from './linker-context';
import { type Context, SPORT_FIRST, appositive, isSport, openings, readContext, surfaceOf, surfaceOk } from './linker-read';
import { acronymElsewhere, applyCorrections, caseClash, round, twins } from './linker-rules';
import { qualifiedMentions, qualifyPlaces } from './linker-places';

export interface LinkOptions { date?: string | null; lang?: string | null; site?: string | null; corrections?: Correction[] }
export interface LinkResult {
  mentions: Mention[];
  possible: Mention[];
  /**
   * Places named with where they lie, "Denver, Colorado": one more mention of the first place over both names, which
   * overlaps the two linked parts in `mentions` (highlights use the parts; benchmarks that label the whole read it).
   */
  qualified: Mention[];
}
export interface Linker { link(text: string, opts?: LinkOptions): LinkResult }

interface Scored { actor: number; entry: number; score: number }
/** Per-actor arrays lent from call to call; an entry counts only when its stamp is this call's. */
interface Scratch { toks?: Tokens; covered?: Uint8Array; kept?: Uint8Array; stamp: number; named: Int32Array; anchor: Int32Array; anchorTwice: Int32Array; supportAt: Int32Array; support: Int32Array }

/** What the linker needs of a matched sequence's entries before scoring, computed once per sequence. */
interface SeqInfo {
  /** Actors of the entries that are not short forms (full names). */
  full: number[];
  /** Some entry is a full name or a short form of something other than a person: the match is always scored. */
  keep: boolean;
  /** Actors of the short forms of people (when keep is false, these are all the entries). */
  shorts: number[];
  /** Entries that are not short forms; entries that are, with their actors. */
  long: number[];
  short: number[];
  shortActor: number[];
  /** `shorts` as a set, made for long lists when first needed. */
  shortSet: Set<number> | null;
  /** soleLeader's answer for the date `leaderOn` (the knowledge base does not change: kept from call to call). */
  leaderOn: string | null | undefined;
  leader: boolean;
}

function seqInfo(index: AliasIndex, seq: Seq): SeqInfo {
  if (seq.info) return seq.info as SeqInfo;
  const info: SeqInfo = { full: [], keep: false, shorts: [], long: [], short: [], shortActor: [], shortSet: null, leaderOn: undefined, leader: false };
  for (const e of seq.entries) {
    const en = index.entries[e]!;
    if (en.flags & A_SHORT) { info.short.push(e); info.shortActor.push(en.actor); } else info.long.push(e);
    if (!(en.flags & A_SHORT)) { info.full.push(en.actor); info.keep = true; }
    else if (index.actors[en.actor]!.type !== 'person') info.keep = true;
    else info.shorts.push(en.actor);
  }
  seq.info = info;
  return info;
}

/**
 * The alias entries' scoring fields in typed arrays by entry index: scoring reads these per candidate, and the entry
 * objects are scattered over the heap (the strings `t` and `lang` are read only when a flag asks for them).
 */
interface EntryFacts { actor: Int32Array; flags: Uint8Array; lower: Int32Array; hasLang: Uint8Array; len: Uint16Array }

function entryFacts(index: AliasIndex): EntryFacts {
  const n = index.entries.length;
  const f: EntryFacts = { actor: new Int32Array(n), flags: new Uint8Array(n), lower: new Int32Array(n), hasLang: new Uint8Array(n), len: new Uint16Array(n) };
  index.entries.forEach((e, i) => {
    f.actor[i] = e.actor; f.flags[i] = e.flags; f.lower[i] = e.lower;
    f.hasLang[i] = e.lang ? 1 : 0;
    f.len[i] = Math.min(e.t.length, 0xffff); // compared with small bounds only
  });
  return f;
}

/** Country names that are also U.S. states' (the one trap of its kind in world news). */
const STATE_NAMES = new Set(['georgia']);
/** Their lengths: the surface is read (and folded) only for a name of one of these lengths. */
const STATE_NAME_LENGTHS = new Set([...STATE_NAMES].map((n) => n.length));

const ROYAL = new Set(['king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'sultan', 'emir', 'sheikh', 'pope', 'saint', 'st']);

/** Days and months: capitalised words before a comma that are no town ("On Monday, New York officials..."). */
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

const MONTH_BEFORE = new Set(['in', 'by', 'since', 'until', 'till', 'last', 'next', 'early', 'late', 'mid', 'this', 'of', 'from', 'through', 'to',
  'during', 'before', 'after', 'each', 'every']);
const PLACE_PREPOSITIONS = new Set(['in', 'of', 'from', 'near', 'at', 'outside']);

/** Links at or above this score are highlighted; those from POSSIBLE up are listed as possible mentions. */
export const THRESHOLD = 0.6;
export const POSSIBLE = 0.3;

/**
 * `packed` (optional): the alias index written at KB build time (dist/data/kb-index.json). Used when it was built
 * from these very actors, which saves most of the load time; otherwise the index is built here.
 */
export function createLinker(kb: KnowledgeBase, packed?: PackedAliasIndex | null): Linker {
  const index = (packed ? unpackAliasIndex(kb.actors, packed) : null) ?? buildAliasIndex(kb);
  const graph = buildGraph(kb.actors);
  // Token buffers are lent from call to call: allocating typed arrays per article costs more than tokenising it.
  // Safe because link() is synchronous and never re-entered.
  const n = kb.actors.length;
  const scratch: Scratch = { stamp: 0, named: new Int32Array(n), anchor: new Int32Array(n), anchorTwice: new Int32Array(n), supportAt: new Int32Array(n), support: new Int32Array(n) };
  const facts = entryFacts(index);
  // First words of people's full names ("Chelsea", "Denzel" if the KB has one): before a surname they make a name.
  // Not the first words of places' names ("San", "Saint", "New", "Fort").
  const given = new Set<string>(), other = new Set<string>();
  for (const a of kb.actors) {
    const sp = a.name.indexOf(' ');
    const g = sp > 1 ? fold(a.name.slice(0, sp)) : '';
    if (!g) continue;
    if (a.type === 'city' || a.type === 'region' || a.type === 'country') other.add(g);
    else if (!TITLES.has(g) && !FUNCTION_WORDS.has(g) && !HONORIFICS.has(g)) given.add(g);
  }
  for (const g of other) given.delete(g);
  const byId = new Map<string, number>();
  graph.ids.forEach((id, i) => byId.set(id, i));
  const indexOf = (id: string) => byId.get(id);
  return { link: (text, opts = {}) => linkText(index, facts, graph, text, opts, scratch, indexOf, given, kb.moved) };
}

function linkText(index: AliasIndex, facts: EntryFacts, graph: ActorGraph, text: string, opts: LinkOptions, scratch: Scratch,
  indexOf: (id: string) => number | undefined, given: ReadonlySet<string>, moved: Readonly<Record<string, string>> | undefined): LinkResult {
  // The lent buffers hold a token per code unit of the longest text yet (see tokenize): after a huge page they are
  // let go at the next ordinary one rather than kept.
  const lend = scratch.toks && scratch.toks.start.length <= Math.max(1 << 16, 4 * text.length) ? scratch.toks : undefined;
  const toks = (scratch.toks = tokenize(text, lend, index.lowerFirst, SPORT_FIRST));
  const date = opts.date ? opts.date.slice(0, 10) : null;
  // Bare surnames of people the text never names in full, with no title before them and not well-known leaders,
  // can never link: drop them before any scoring (they are most matches in running text). `named` marks actors
  // named in full with this call's stamp (a typed array, not a Set: surnames can carry hundreds of entries).
  const all = findMatches(index, text, toks);
  const stamp = ++scratch.stamp;
  const named = scratch.named;
  const namedList: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const full = seqInfo(index, all[i]!.seq).full;
    for (let k = 0; k < full.length; k++) { const a = full[k]!; if (named[a] !== stamp) { named[a] = stamp; namedList.push(a); } }
  }
  // A surname the text once writes with a title ("Governor-elect Kemp") may name the person bare elsewhere: matches
  // dropped below are taken back when their sequence has a titled occurrence.
  const titledAt = (m: RawMatch) => m.tokStart > 0 && (maskAt(toks, m.tokStart - 1) & (W_TITLE | W_HONORIFIC)) !== 0;
  let titled: Set<Seq> | null = null;
  let dropped = false;
  if (!scratch.kept || scratch.kept.length < all.length) scratch.kept = new Uint8Array(all.length + 256);
  const keptAll = scratch.kept;
  const keeps = (m: RawMatch): boolean => {
    const info = seqInfo(index, m.seq);
    if (info.keep) return true;
    // Walk the shorter side: a common surname's hundreds of people, or the few actors the text names in full.
    if (info.shorts.length > 16) {
      const set = (info.shortSet ??= new Set(info.shorts));
      for (const a of namedList) if (set.has(a)) return true;
    } else for (const a of info.shorts) if (named[a] === stamp) return true;
    // A leader's surname may link alone (scoreEntry decides, with the article's date and country): keep it when few
    // people share it and one of them ever led.
    if (info.shorts.length <= 6) for (const a of info.shorts) if (graph.wellKnown[a]) return true;
    if (titledAt(m)) { (titled ??= new Set()).add(m.seq); return true; }
    dropped = true;
    return false;
  };
  for (let i = 0; i < all.length; i++) keptAll[i] = keeps(all[i]!) ? 1 : 0;
  const matches = dropped ? all.filter((m, i) => keptAll[i] === 1 || titled?.has(m.seq)) : all;
  if (matches.length === 0) return { mentions: [], possible: [], qualified: [] };
  if (!scratch.covered || scratch.covered.length < toks.count) scratch.covered = new Uint8Array(toks.count + 1024);
  const covered = scratch.covered;
  covered.fill(0, 0, toks.count);
  for (const m of matches) for (let t = m.tokStart; t < m.tokEnd; t++) covered[t] = 1;
  const opens = openings(text);
  // The per-match arrays are built by push and walked by index: with map() and forEach() V8 deoptimised linkText
  // about 600 times while the JIT warmed up (a wrong map at the forEach over map()'s result).
  const ctxs: Context[] = [];
  for (const m of matches) ctxs.push(readContext(text, toks, m, covered, opens));
  const lang = opts.lang ? opts.lang.toLowerCase().split(/[-_]/)[0]! : null;
  // Only worth hashing every word when a country is among the candidates.
  let sportMemo: boolean | undefined;
  let lowerText: string | undefined;
  const lower = () => (lowerText ??= text.toLowerCase());
  const sport = () => (sportMemo ??= isSport(text, toks));
  let has: Map<string, boolean> | undefined;
  const textHas = (w: string) => {
    let yes = (has ??= new Map()).get(w);
    if (yes === undefined) has.set(w, (yes = lower().includes(w.toLowerCase())));
    return yes;
  };
  const actors = index.actors;

  // Pass 1: anchors are plain full names that link on their own; they give context to everything else. In the
  // order first linked (a list, with this call's stamp in scratch.anchor for the membership test).
  const anchors: number[] = [];
  const isAnchor = scratch.anchor;
  /**
   * The entries a match may link to at all: case, language, birth date and acronym checks, which depend on
   * neither the pass nor the neighbours, so they run once per match (scoreAll runs up to four times).
   */
  const okBuf: number[] = [];
  const eligible = (c: Context): number[] => {
    if (c.elig) return c.elig;
    // A surname many people share links only through coreference or a title: its short forms are checked in
    // scoreAll, and only for the actors coreference names (a surname can carry hundreds of people).
    const list = crowded(c) ? seqInfo(index, c.m.seq).long : c.m.entries;
    // Gathered in a lent buffer, kept as an array of its exact length (a growing array per match was garbage).
    let nOk = 0;
    for (const ei of list) if (entryOk(c, ei)) okBuf[nOk++] = ei;
    // Every entry of the match (the commonest case): its own list, which nothing writes to.
    const ok = nOk === list.length ? list : okBuf.slice(0, nOk);
    let dep = crowded(c);
    for (let k = 0; k < ok.length && !dep; k++) dep = (eFlags[ok[k]!]! & (A_SHORT | A_AMB | A_CTX)) !== 0;
    c.dep = dep;
    return (c.elig = ok);
  };
  // Does the text spell out "(ACR)" anywhere? One search of the text per acronym, not per match and candidate.
  let defined: Map<string, boolean> | undefined;
  const defines = (acr: string): boolean => {
    defined ??= new Map();
    let yes = defined.get(acr);
    if (yes === undefined) defined.set(acr, (yes = text.includes(`(${acr})`)));
    return yes;
  };
  const entries = index.entries, eActor = facts.actor, eFlags = facts.flags, eLower = facts.lower, eLen = facts.len, eLang = facts.hasLang;
  const born = graph.born;
  const entryOk = (c: Context, ei: number): boolean => {
    const fl = eFlags[ei]!, a = eActor[ei]!;
    // surfaceOk says yes without reading the alias unless it is case-sensitive or the text is lower case.
    if ((fl & A_CS || c.lower) && !surfaceOk(text, c, entries[ei]!.t, fl)) return false;
    // "Ohio State" is not the alias "Ohio state": a capital where the alias has none makes another name.
    const lw = eLower[ei]!;
    if (lw > 1 && !c.allcaps && caseClash(toks, c.m, lw)) return false;
    // A form of another language (or of a language we cannot confirm) only links on its own when it is a full,
    // unambiguous name ("Türkiye"), not a short or ambiguous one ("AB" is the EU in Turkish only).
    if (eLang[ei] && entries[ei]!.lang !== lang && (fl & (A_AMB | A_SHORT | A_CTX) || eLen[ei]! <= 3)) return false;
    if (date && born[a] !== null && born[a]! > date) return false; // not yet born then
    // "artificial pancreas (AP)": the text defines the acronym as something else than this actor.
    return !(fl & A_CS && eLen[ei]! <= 5 && defines(entries[ei]!.t) && spelledElsewhere(entries[ei]!.t, a));
  };
  // acronymElsewhere per acronym and actor, once per text (every match of the acronym asks).
  let elsewhere: Map<string, boolean> | undefined;
  const spelledElsewhere = (acr: string, a: number): boolean => {
    const key = acr + ' ' + a;
    let yes = (elsewhere ??= new Map()).get(key);
    if (yes === undefined) elsewhere.set(key, (yes = acronymElsewhere(text, acr, actors[a]!)));
    return yes;
  };
  // Scores are gathered in one buffer lent from call to call (`nBuf` of them); only the final list is a fresh array
  // of its exact length: two growing arrays per scoreAll call were a good part of the garbage of a text.
  const buf: Scored[] = [];
  let nBuf = 0;
  const scoreInto = (c: Context, signals: Signals, unique: boolean, ei: number): void => {
    const a = eActor[ei]!;
    scoreEntry(actors, a, eFlags[ei]!, c, signals, unique, eLang[ei] === 1);
    const s = SCORE[0]!;
    buf[nBuf++] = { actor: a, entry: ei, score: eLang[ei] && lang && entries[ei]!.lang !== lang ? s - 0.1 : s };
  };
  /** Among the people a bare surname names, exactly one led a state or government on the article's date. */
  const soleLeader = (c: Context): boolean => {
    // Per sequence and date: a common surname walks hundreds of people's offices.
    const info = seqInfo(index, c.m.seq);
    if (info.leaderOn === date) return info.leader;
    let n = 0;
    for (const ei of c.m.entries) {
      const a = eActor[ei]!;
      if (eFlags[ei]! & A_SHORT && graph.kind[a] === K_PERSON && leadsAt(graph.offices[a]!, date) && ++n > 1) break;
    }
    info.leaderOn = date;
    return (info.leader = n === 1);
  };
  const scoreAll = (c: Context, signals: Signals): Scored[] => {
    // Readings that use neither support, conflict nor coreference score the same in every pass: a context whose
    // candidates are all such reuses its first scores (most matches are plain full names).
    if (c.alone && (signals === alone || !c.dep)) return c.alone as Scored[];
    nBuf = 0;
    const unique = c.unique ??= c.m.entries.length === 1 || soleLeader(c); // same in every pass: once per match
    for (const ei of eligible(c)) scoreInto(c, signals, unique, ei);
    const coref = signals.coref;
    if (coref && crowded(c)) {
      const info = seqInfo(index, c.m.seq);
      for (let j = 0; j < info.short.length; j++) if (coref.has(info.shortActor[j]!) && entryOk(c, info.short[j]!)) scoreInto(c, signals, unique, info.short[j]!);
    }
    const list = best();
    if (signals === alone) c.alone = list;
    return list;
  };
  /** The buffer's scores sorted, one per actor, confirmed QIDs before their local twins: a fresh array. */
  const best = (): Scored[] => {
    const n = nBuf;
    if (n === 0) return [];
    if (n === 1) return [buf[0]!];
    // One score per actor (its best alias here). Lists are short: a stable insertion sort, as Array#sort orders.
    if (n > 16) { const sorted = buf.slice(0, n).sort(byScore); for (let i = 0; i < n; i++) buf[i] = sorted[i]!; }
    else for (let i = 1; i < n; i++) {
      const x = buf[i]!;
      let j = i - 1;
      for (; j >= 0 && byScore(buf[j]!, x) > 0; j--) buf[j + 1] = buf[j]!;
      buf[j + 1] = x;
    }
    // Each actor's first (best) score kept, in place, in order.
    let u = 0;
    for (let i = 0; i < n; i++) {
      const s = buf[i]!;
      let dup = false;
      for (let k = 0; k < u && !dup; k++) dup = buf[k]!.actor === s.actor;
      if (!dup) buf[u++] = s;
    }
    const list = buf.slice(0, u);
    // The same actor twice in the knowledge base (a local id and a QID): the confirmed QID goes first.
    const top = list[0];
    if (top && !graph.qid[top.actor]) {
      const twin = list.find((x) => x !== top && graph.qid[x.actor] === 1 && top.score - x.score < 0.2 && twins(actors[x.actor]!, actors[top.actor]!));
      if (twin) { list.splice(list.indexOf(twin), 1); list.unshift({ ...twin, score: top.score }); list.splice(1, 1); }
    }
    return list;
  };
  const none = () => 0, no = () => false;
  const prior = graph.prior;
  const byScore = (a: Scored, b: Scored) => b.score - a.score || prior[b.actor]! - prior[a.actor]!;
  const crowded = (c: Context) => c.m.entries.length > 6 && !c.title && c.honorific < 0;
  // Named in full anywhere in the text (the pre-filter's marks), ambiguous names too: "Turkey" may be the bird,
  // but beside "Erdogan" it makes the text about Turkey.
  // A city or region of the country counts ("Merkel" beside Berlin).
  const about = (a: number): boolean => {
    const mine = graph.country[a]!, rel = graph.related[a]!;
    for (const x of namedList) {
      if (x === a) continue;
      if (rel.has(x) || mine.includes(x)) return true;
      for (const c of graph.country[x]!) if (mine.includes(c)) return true;
    }
    return false;
  };
  const alone: Signals = { text, support: none, conflict: no, coref: null, date, graph, sport, textHas, about: no, toks };
  // A neighbour counts as "another name" only when it would link itself: re-read the context with only those.
  const first: (Scored | undefined)[] = [];
  for (const c of ctxs) first.push(scoreAll(c, alone)[0]);
  // Another match right before or after, a space between ("North Melbourne", "Chelsea Clinton").
  const touches = (i: number): boolean => {
    const m = matches[i]!, a = matches[i - 1], b = matches[i + 1];
    return (!!a && a.tokEnd === m.tokStart && toks.gap[m.tokStart] === G_SPACE) || (!!b && b.tokStart === m.tokEnd && toks.gap[b.tokStart] === G_SPACE);
  };
  const sure: boolean[] = [];
  for (let i = 0; i < ctxs.length; i++) {
    const c = ctxs[i]!, best = first[i];
    // Known words count too (a demonym, a short form that may link later), unless they sit in a longer name, or
    // touch another name: "North" of "North Melbourne" is no country, and then "Melbourne" is part of a longer name.
    sure.push(!!best && (best.score >= THRESHOLD || (eFlags[best.entry]! & A_DEM) !== 0 ||
      (best.score >= POSSIBLE && !c.capPrev && !c.capNext && !touches(i))));
  }
  for (let i = 0; i < matches.length; i++) if (!sure[i]) for (let t = matches[i]!.tokStart; t < matches[i]!.tokEnd; t++) covered[t] = 2;
  // Only matches within two tokens of a dropped neighbour read their context again.
  const near = (t: number) => t >= 0 && t < toks.count && covered[t] === 2;
  const stale: boolean[] = [];
  for (const m of matches) stale.push(near(m.tokStart - 1) || near(m.tokStart - 2) || near(m.tokEnd) || near(m.tokEnd + 1));
  for (let i = 0; i < matches.length; i++) if (!sure[i]) covered.fill(0, matches[i]!.tokStart, matches[i]!.tokEnd);
  for (let i = 0; i < stale.length; i++) {
    if (stale[i]) { const old = ctxs[i]!; ctxs[i] = readContext(text, toks, matches[i]!, covered, opens); ctxs[i]!.elig = old.elig; ctxs[i]!.dep = old.dep; ctxs[i]!.unique = old.unique; first[i] = undefined; }
  }
  // How many matches anchor each anchor (a name's other reading must not support it: "New York" the city is no
  // support for "New York" the state when only that one match names the city).
  // (isAnchor holds the stamp; anchorTwice the stamp again once a second match anchors the same actor.)
  const anchorTwice = scratch.anchorTwice;
  for (let i = 0; i < ctxs.length; i++) {
    const best = first[i] ?? scoreAll(ctxs[i]!, alone)[0];
    if (best && best.score >= THRESHOLD && !(eFlags[best.entry]! & (A_AMB | A_CTX | A_DEM | A_SHORT))) {
      if (isAnchor[best.actor] !== stamp) { isAnchor[best.actor] = stamp; anchors.push(best.actor); } else anchorTwice[best.actor] = stamp;
      ctxs[i]!.anchored = best.actor;
    }
  }
  const supportAt = scratch.supportAt, supportOf = scratch.support;
  /** What anchor b gives reading a. */
  const lends = (a: number, b: number): number => {
    const rel = graph.related[a]!, mine = graph.country[a]!;
    // A place directly related counts twice: Seattle (in the state) makes "Washington" the state more than it
    // makes it the country's capital, which shares only the country with Seattle.
    if (rel.has(b)) return graph.kind[b] === K_CITY || graph.kind[b] === K_REGION ? 2 : 1;
    if (mine.includes(b)) return 1;
    const theirs = graph.country[b]!;
    if (theirs.includes(a)) return 1;
    for (const x of theirs) if (mine.includes(x)) return 1;
    return 0;
  };
  /** Support of reading a from the anchors, less the one its own match makes (`c`, when given). */
  const support = (a: number, c?: Context): number => {
    let n: number;
    if (supportAt[a] === stamp) n = supportOf[a]!;
    else {
      n = 0;
      const rel = graph.related[a]!, mine = graph.country[a]!;
      // lends(a, b) for every anchor, inline: this loop is the hot one.
      for (const b of anchors) {
        if (b === a) continue;
        if (rel.has(b)) { n += graph.kind[b] === K_CITY || graph.kind[b] === K_REGION ? 2 : 1; continue; }
        if (mine.includes(b)) { n++; continue; }
        const theirs = graph.country[b]!;
        if (theirs.includes(a)) { n++; continue; }
        for (const x of theirs) if (mine.includes(x)) { n++; break; }
      }
      supportAt[a] = stamp;
      supportOf[a] = n;
    }
    const own = c ? c.anchored : -1;
    if (own >= 0 && own !== a && anchorTwice[own] !== stamp) n -= lends(a, own);
    return n;
  };
  // A place with no support in an article whose places lie in another country is the wrong place.
  const conflict = (a: number): boolean => {
    if (!isPlace(graph.kind[a]!)) return false;
    const mine = graph.country[a]!, rel = graph.related[a]!;
    for (const b of anchors) {
      const t = graph.kind[b]!;
      if (b === a || (t !== K_CITY && t !== K_REGION)) continue;
      const theirs = graph.country[b]!;
      if (theirs.length && !theirs.some((x) => x === a || mine.includes(x) || rel.has(x))) return true;
    }
    return false;
  };

  // Pass 2: every match with context; pass 3: short forms through coreference with the full names linked.
  const withSupport: Signals = { text, support, conflict, coref: null, date, graph, sport, textHas, about, toks };
  const pass2: Scored[][] = [];
  for (const c of ctxs) pass2.push(scoreAll(c, withSupport));
  const full = new Map<number, number[]>();
  for (let i = 0; i < pass2.length; i++) {
    const best = pass2[i]![0];
    // A surname with a title ("President-elect Trump", "Mr. Trump") names the person as surely as the full name.
    const c = ctxs[i]!;
    if (best && best.score >= THRESHOLD && (!(eFlags[best.entry]! & A_SHORT) || (graph.kind[best.actor] === K_PERSON && (c.title || c.honorific >= 0)))) {
      const starts = full.get(best.actor) ?? [];
      starts.push(ctxs[i]!.m.start);
      full.set(best.actor, starts);
    }
  }
  const withCoref: Signals = { text, support, conflict, coref: full, date, graph, sport, textHas, about, toks };
  const mentions: Mention[] = [];
  const possible: Mention[] = [];
  let titledSpans: Mention[] | undefined;
  const chosen: number[] = []; // the top reading of each match (before a close call may swap it)
  // The readings each match is decided on: pass 2's, or pass 3's where a short form is among them (in place).
  const lists = pass2;
  for (let i = 0; i < ctxs.length; i++) {
    const list = pass2[i]!;
    let short = false;
    for (let k = 0; k < list.length && !short; k++) short = (eFlags[list[k]!.entry]! & A_SHORT) !== 0;
    if (short) lists[i] = scoreAll(ctxs[i]!, withCoref);
  }
  // "Denver, Colorado": a place after a comma says which namesake the name before it is.
  qualifyPlaces(text, matches, lists, graph, POSSIBLE, byScore, (i) => unknownTownBefore(text, toks, matches, lists, graph, i));
  // "Denzel Washington ... Washington thanked", "Chelsea Clinton": unknownPeople.
  const { theirs, firstName } = unknownPeople(text, toks, ctxs, index, given);
  for (let i = 0; i < ctxs.length; i++) {
    const c = ctxs[i]!;
    const list = lists[i]!;
    if (list.length === 0) continue;
    let best = list[0]!;
    chosen[i] = best.actor;
    const second = list[1];
    let score = best.score;
    if (second && second.score >= THRESHOLD - 0.15 && best.score - second.score < 0.1 && !twins(actors[best.actor]!, actors[second.actor]!)) {
      // Two readings about as good: prefer the one the article's other actors support, else stay unsure.
      const sb = support(best.actor, c), ss = support(second.actor, c);
      // A city-state's capital and the state itself, of one name (Singapore, Monaco): the country.
      if (graph.kind[best.actor] === K_CITY && graph.kind[second.actor] === K_COUNTRY && graph.country[best.actor]!.includes(second.actor) &&
        fold(actors[best.actor]!.name) === fold(actors[second.actor]!.name)) { best = second; score = second.score; }
      // Not towards a form that needs context over a plain name ("New York" the state over the city).
      else if (ss > sb && !(eFlags[second.entry]! & A_CTX && !(eFlags[best.entry]! & (A_CTX | A_AMB)))) { best = second; score = second.score; }
      else if (sb === ss) score -= 0.2;
    }
    if (theirs && c.m.tokEnd - c.m.tokStart === 1 && !((eFlags[best.entry]! & A_SHORT) && full.has(best.actor)) &&
      (theirs.has(tokenText(text, toks, c.m.tokStart)) || firstName?.has(i))) score = Math.min(score, POSSIBLE + 0.15);
    if (score < POSSIBLE) continue;
    // A holiday or a film claims its words ("Vertigo" is read as nothing else) but is no actor to highlight.
    if (graph.notActor[best.actor]) continue;
    // Kinds and ids from the graph's arrays: the actor objects themselves are scattered over the heap.
    const kind = graph.kind[best.actor]!;
    let start = c.m.start, end = c.m.end;
    if (c.honorific >= 0 && kind === K_PERSON) start = toks.start[c.honorific]!;
    // An abbreviation's full stop inside a sentence belongs to it ("Manhattan Beach, Calif., said").
    const lastLen = toks.end[c.m.tokEnd - 1]! - toks.start[c.m.tokEnd - 1]!;
    if (text.charCodeAt(end) === 46 && lastLen >= 2 && lastLen <= 5 && /^\.(\s*[\p{Ll},;\d]|-)/u.test(text.slice(end, end + 3))) end++;
    // "U.S. Food and Drug Administration": a country's abbreviation before an organisation is part of its name.
    const before = i > 0 ? ctxs[i - 1]!.m : null;
    if (kind === K_ORG && before && chosen[i - 1] !== undefined && graph.kind[chosen[i - 1]!] === K_COUNTRY && before.end - before.start <= 4 &&
      c.m.start === before.end + 1 && text.charCodeAt(before.end) === 32) {
      start = before.start;
      const last = mentions[mentions.length - 1];
      if (last && last.start === before.start) mentions.pop();
    }
    if (notHere(text, toks, c.m, start, end, kind === K_PERSON)) continue;
    const mention: Mention = { start, end, text: text.slice(start, end), entityId: graph.ids[best.actor]!, score: round(score) };
    if (list.length > 1) {
      const alt: string[] = [];
      for (const s of list) if (s !== best && !graph.notActor[s.actor]) alt.push(graph.ids[s.actor]!);
      mention.alt = alt;
    }
    (score >= THRESHOLD ? mentions : possible).push(mention);
    // "French President Emmanuel Macron": the whole phrase names the person too.
    if (score >= THRESHOLD && kind === K_PERSON && c.title !== null && start === c.m.start) {
      const from = titledFrom(toks, all, c.m.tokStart, best.actor, graph, eFlags, eActor);
      if (from >= 0) (titledSpans ??= []).push({ ...mention, start: from, text: text.slice(from, end) });
    }
  }
  const r = applyCorrections({ mentions, possible, qualified: [] }, opts, (id) => indexOf(id) !== undefined, moved);
  r.qualified = qualifiedMentions(text, r.mentions, graph, indexOf);
  if (titledSpans) {
    // Only where the name itself is still linked after the reader's corrections.
    for (const q of titledSpans) if (r.mentions.some((m) => m.end === q.end && m.entityId === q.entityId)) r.qualified.push(q);
    r.qualified.sort((a, b) => a.start - b.start);
  }
  return r;
}

/**
 * "French President Emmanuel Macron", "Turkish Prime Minister Erdogan": where the title words before a person's
 * name follow a demonym of a country the person belongs to, the start of that demonym; otherwise -1.
 */
function titledFrom(toks: Tokens, all: readonly RawMatch[], tok: number, person: number, graph: ActorGraph,
  eFlags: Uint8Array, eActor: Int32Array): number {
  let t = tok - 1;
  while (t >= 0 && toks.gap[t + 1] === G_SPACE && (toks.flags[t]! & T_CAP) !== 0 && (maskAt(toks, t) & (W_TITLE | W_PRE)) !== 0) t--;
  if (t === tok - 1 || t < 0 || toks.gap[t + 1] !== G_SPACE || !(toks.flags[t]! & T_CAP)) return -1;
  const countries = graph.country[person]!;
  for (const m of all) {
    if (m.tokStart > t) break;
    if (m.tokEnd !== t + 1) continue;
    for (const ei of m.entries) if (eFlags[ei]! & A_DEM && countries.includes(eActor[ei]!)) return m.start;
  }
  return -1;
}

/**
 * Words around a linked name that make it no mention of the actor: a photo credit, a month ("In May, her deal
 * failed", "since May 2019" are not Theresa May), a work's title with its year ("The Lady From Shanghai (1947)").
 */
function notHere(text: string, toks: Tokens, m: RawMatch, start: number, end: number, person: boolean): boolean {
  if (inCredit(text, start, end, person)) return true;
  if (person && m.tokEnd - m.tokStart === 1 && end - start <= 9) {
    const t = m.tokStart, next = m.tokEnd;
    const month = (t > 0 && MONTH_BEFORE.has(tokenText(text, toks, t - 1))) || (next < toks.count && (toks.flags[next]! & T_DIGIT) !== 0);
    if (month && DAYS.has(tokenText(text, toks, t))) return true;
  }
  return (text.charCodeAt(end) === 40 || text.charCodeAt(end + 1) === 40) && /^ ?\((?:1[89]|20)\d\d\)/.test(text.slice(end, end + 8));
}

/**
 * "of West Nyack, New York", "in Spokane, Washington": before match i, "in", "of", "from", "near" or "at", capitalised
 * words that no name covers, then a comma ("BBC News, Washington" is a byline). Kept out of linkText (its size matters).
 */
function unknownTownBefore(text: string, toks: Tokens, matches: readonly RawMatch[], lists: readonly Scored[][], graph: ActorGraph, i: number): boolean {
  const m = matches[i]!;
  let t = m.tokStart - 1;
  if (t < 0 || toks.gap[m.tokStart] !== G_OTHER || text.charCodeAt(toks.end[t]!) !== 44) return false;
  const lastWord = t;
  while (t >= 0 && toks.flags[t]! & T_CAP && !(toks.flags[t]! & T_SENT) && lastWord - t < 3) t--;
  // A name that links there makes no unknown town ("West" of West Nyack links nowhere).
  const prev = i > 0 && matches[i - 1]!.tokEnd > t ? lists[i - 1]![0] : undefined;
  if (t === lastWord || t < 0 || (prev && prev.score >= THRESHOLD && !graph.notActor[prev.actor])) return false;
  if (!PLACE_PREPOSITIONS.has(tokenText(text, toks, t))) return false;
  return !(maskAt(toks, lastWord) & (W_FUNCTION | W_TITLE)) && !DAYS.has(tokenText(text, toks, lastWord));
}

/**
 * "Denzel Washington ... Washington thanked": a word the text also uses as the surname of someone the knowledge base
 * does not hold (a given name before it) names that person elsewhere too, not the capital or a namesake; the given
 * name itself ("Chelsea" of "Chelsea Clinton") is no club or place either. `theirs`: such surnames (folded);
 * `firstName`: the indices of matches that are such a given name.
 */
function unknownPeople(text: string, toks: Tokens, ctxs: readonly Context[], index: AliasIndex, given: ReadonlySet<string>):
  { theirs: Set<string> | null; firstName: Set<number> | null } {
  let theirs: Set<string> | null = null, firstName: Set<number> | null = null;
  for (let i = 0; i < ctxs.length; i++) {
    const c = ctxs[i]!, t = c.m.tokStart;
    // "the columnist Olaf Scholz ... Scholz said": the surname goes with the columnist too.
    if ((c.occupied || c.appos) && c.m.tokEnd - t > 1) (theirs ??= new Set()).add(tokenText(text, toks, c.m.tokEnd - 1));
    // Only a word some known person has as a surname reads as one ("#Hamilton Chicago show" is the city).
    if (c.m.tokEnd - t !== 1 || t === 0 || toks.gap[t] !== G_SPACE || !(toks.flags[t - 1]! & T_CAP) || seqInfo(index, c.m.seq).shorts.length === 0 ||
      !given.has(tokenText(text, toks, t - 1))) continue;
    (theirs ??= new Set()).add(tokenText(text, toks, t));
    const before = ctxs[i - 1];
    if (before && before.m.tokEnd === t && before.m.tokStart === t - 1) (firstName ??= new Set()).add(i - 1);
  }
  return { theirs, firstName };
}

interface Signals {
  text: string;
  support: (a: number, c?: Context) => number;
  conflict: (a: number) => boolean;
  coref: Map<number, number[]> | null;
  date: string | null;
  graph: ActorGraph;
  sport: () => boolean;
  /** Does the text contain this word (case-insensitive)? */
  textHas: (word: string) => boolean;
  /** Does the text name, in full, the actor's country or an actor related to it (even an ambiguous name)? */
  about: (a: number) => boolean;
  toks: Tokens;
}

/**
 * scoreEntry's answer: a fraction returned from a call that is not inlined is boxed in a new heap number per call,
 * a typed array slot is not.
 */
const SCORE = new Float64Array(1);

/** `unique`: the match has this one candidate; `foreign`: the form is tagged with a language. Score in SCORE[0]. */
function scoreEntry(actors: Actor[], a: number, flags: number, c: Context, s: Signals, unique: boolean, foreign: boolean): void {
  const kind = s.graph.kind[a]!, person = kind === K_PERSON;
  let score: number;
  // "England" for the England national rugby team: only in a sports report.
  if (flags & A_TEAM) {
    if (!s.sport()) { SCORE[0] = 0; return; }
    // Which national team: the one whose sport the report names ("rugby"), else unsure.
    const game = gameOf(actors[a]!.name);
    SCORE[0] = game && s.textHas(game) ? 0.8 : 0.5;
    return;
  }
  if (flags & A_DEM) score = 0.45;
  else if (flags & A_SHORT) {
    score = 0.45;
    const linked = s.coref?.get(a);
    if (linked) {
      // Coreference: the nearest full name before the short form wins ("Aliyev" after "Heydar Aliyev").
      let before = -1;
      for (const p of linked) if (p < c.m.start && p > before) before = p;
      score = 0.85 + (before >= 0 ? 0.05 + 0.04 * (before / c.m.start) : 0);
    }
    else if (person) {
      const offices = s.graph.offices[a]!;
      if ((c.title || c.honorific >= 0) && inOffice(offices, s.date)) score += 0.2;
      // "President-elect Trump", "Prime Minister-designate": an office taken up within a year of the article.
      else if ((c.title === 'elect' || c.title === 'designate') && incoming(offices, s.date)) score += 0.2;
      // A bare surname links on its own only when it names one well-known person: one with a high prior, or the
      // only one of its people who led a state or government on the article's date, in a text about that leader's
      // country or a related actor ("Kibaki" beside Kenya). With every head since 2000 in the knowledge base,
      // "Wade" in "Roe v. Wade" or "Bio scientists" must not become a president.
      // At a sentence's start not the head of a noun phrase ("Key to the plan").
      if (unique && !(c.sent && c.phrase) && !(c.fnWord ??= c.m.tokEnd - c.m.tokStart === 1 && (maskAt(s.toks, c.m.tokStart) & W_FUNCTION) !== 0) &&
        (s.graph.prior[a]! >= 0.5 || (leadsAt(offices, s.date) && s.about(a)))) score += 0.25;
    } else score += Math.min(0.3, 0.15 * s.support(a, c)); // support walks the anchors: only these readings ask
  } else if (flags & (A_AMB | A_CTX)) {
    score = 0.5;
    if (c.sent) { if (c.predicate) score += 0.1; }
    else if (!c.allcaps || flags & A_CS) score += 0.15; // mid-sentence capital (an acronym is written in capitals)
    if (c.dateline) score += 0.15;
    const sup = s.support(a, c);
    score += Math.min(0.3, 0.15 * sup);
    if (person && c.title) score += 0.2;
    // A country is the wrong place only when its name is also a U.S. state's ("Georgia" beside Atlanta, even where the
    // knowledge base lacks the state): "China" or "Turkey" beside Manhattan or Paris are the countries.
    if (sup === 0 && (kind !== K_COUNTRY || (STATE_NAME_LENGTHS.has(c.m.end - c.m.start) && STATE_NAMES.has(fold(surfaceOf(s.text, c))))) && s.conflict(a)) score -= 0.35;
    // A short form that needs context, a body's name every country has, or a party's plural links only beside related
    // actors: "AA batteries" is no news agency, "House of Representatives" in Canberra no U.S. body, "Republicans" in
    // Belfast no U.S. party. Not "NASA" (an acronym two bodies share in the tables), nor a name in another language.
    if (sup === 0 && flags & A_CTX && !(person && c.title) && !foreign &&
      (c.m.end - c.m.start <= 3 || c.multi || actors[a]!.type === 'party')) score = Math.min(score, 0.5);
    // Never above a plain name's reading of the same words ("New York" is the city unless the text says otherwise).
    score = Math.min(score, 0.9);
  } else {
    score = c.multi ? 0.95 : 0.9;
  }
  // A capitalised unknown word beside the name makes it part of a longer name ("Jordan Peterson", "Georgia Tech").
  if (c.capPrev || c.capNext) score -= score >= 0.85 && flags & A_SHORT ? 0.2 : 0.45;
  if (c.stateAfter && isPlace(kind)) score += kind === K_COUNTRY ? -0.6 : 0.2;
  if (isPlace(kind)) score = placeWords(kind, c, s, score);
  else if (person) score = personWords(actors, a, c, s, score);
  SCORE[0] = Math.min(1, score);
}

/** The sport a national team's name says ("rugby" of "England national rugby union team"), once per name. */
const GAMES = new Map<string, string | undefined>();
function gameOf(name: string): string | undefined {
  if (!GAMES.has(name)) GAMES.set(name, /rugby|football|soccer|cricket|hockey|basketball|baseball|volleyball|handball|water polo/i.exec(name)?.[0]);
  return GAMES.get(name);
}

/** The words around a place's name (kept out of scoreEntry, which every reading runs). */
function placeWords(kind: number, c: Context, s: Signals, score: number): number {
  // "Queen Sofia", "Prince George": a royal's or a saint's given name, not the place.
  if (c.title !== null && ROYAL.has(c.title)) score = Math.min(score, 0.3);
  // In a sports report a city beside a sports verb is its club ("beating Liverpool 3-1", "Phoenix lost"); a dateline
  // or a place where something happens stays the city.
  if (kind === K_CITY && score > 0.5 && c.sportVerb && !c.locative && !c.dateline && s.sport()) score = 0.5;
  // "New York magazine", "the Paris edition"; in a sports report "the Leicester forward" is the club.
  if (c.nounAfter & W_MEDIA || (c.nounAfter & W_TEAM && s.sport())) score = Math.min(score, 0.45);
  // In sports reports, country names stand for national teams, which are other entities.
  if ((kind === K_COUNTRY || kind === K_REGION) && score > 0.5 && s.sport()) score = 0.5;
  return score;
}

/** The words around a person's name. */
function personWords(actors: Actor[], a: number, c: Context, s: Signals, score: number): number {
  if (c.title && titleHeld(s.graph.offices[a]!, s.date, c.title)) score += 0.05;
  // "staff writer David Emery": a writer, player or singer is not the politician of that name.
  if ((c.occupied || (s.text.charCodeAt(c.m.end) === 44 && (c.appos ??= appositive(s.toks, c.m)))) &&
    (s.graph.offices[a]!.length > 0 || actors[a]!.desc.startsWith('Politician'))) score -= 0.45;
  return score;
}

// "Photograph:" (a credit line's label), "Credit:", "Photo by": not "Photo:" or "Video:", which also start captions.
const CREDIT_BEFORE = /\b(?:photograph|credits?|photo credit|picture credit|image credit)\s*:\s*$|\b(?:photo(?:graph)?s?|pictures?|images?|video) by\s*$/i;
const AGENCY_AFTER = /^\s?\/\s?(?:PA|AP|AAP|AFP|EPA|Reuters|Getty|Bloomberg|Shutterstock|Alamy|Rex|Xinhua|Sipa|Corbis|Zuma|NurPhoto|Anadolu|Redux|The [A-Z]|[A-Z][a-z]+ Images)\b/;

/**
 * A photo credit ("Photograph: David Jones/PA", "Photo by Jane Roe/Getty Images") names a photographer and an agency,
 * not the people in the news: a person named there, or an agency's capitals right after "Name/" ("/PA" is no
 * Pennsylvania), is no link.
 */
function inCredit(text: string, start: number, end: number, person: boolean): boolean {
  if (start > 1 && end - start <= 5 && text.charCodeAt(start - 1) === 47 && /\p{L}/u.test(text[start - 2]!) && /^[A-Z]+$/.test(text.slice(start, end))) return true;
  if (!person) return false;
  // Cheap tests first: a slash just after the name, a colon or " by" just before it.
  const slash = text.charCodeAt(end) === 47 || text.charCodeAt(end + 1) === 47;
  if (slash && AGENCY_AFTER.test(text.slice(end, end + 24))) return true;
  let near = false;
  for (let i = start - 1; i >= 0 && i >= start - 24 && !near; i--) near = text.charCodeAt(i) === 58 || (text.charCodeAt(i) === 121 && text.charCodeAt(i - 1) === 98);
  return near && CREDIT_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** Does an office start within a year after the date (unknown date: no)? */
function incoming(offices: readonly Fact[], date: string | null): boolean {
  if (!date) return false;
  const yearOn = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  for (const f of offices) if (f.from && f.from > date && f.from <= yearOn) return true;
  return false;
}

/** Does an office held on the date name this title ("President Aliyev")? */
const OFFICE_FOLDED = new Map<string, string>();

function titleHeld(offices: readonly Fact[], date: string | null, title: string): boolean {
  for (const f of offices) {
    if (date && !within(f, date)) continue;
    // Office names are few: each is folded once.
    let v = OFFICE_FOLDED.get(f.v);
    if (v === undefined) OFFICE_FOLDED.set(f.v, (v = fold(f.v)));
    if (v.includes(title)) return true;
  }
  return false;
}
