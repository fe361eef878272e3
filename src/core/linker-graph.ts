// What the linker knows about actors beyond their names (issue #4): which actors are related through facts
// (capital, part of, neighbour, office, party...), which country a place or person belongs to, and who held
// which office on the article's date. Built once per knowledge base.
import type { Actor, Fact } from './types';
import { isQid } from './types';

const RELATING = new Set<Fact['p']>([
  'capital', 'capital-of', 'part-of', 'located-in', 'neighbour', 'member-of', 'holds-office', 'head-of-state',
  'head-of-government', 'leader', 'party', 'parent', 'headquarters', 'nationality',
]);
/** Relations that put a place or a person in a country (for "is this article about somewhere else?"). */
const LOCATING = new Set<Fact['p']>(['capital-of', 'part-of', 'located-in', 'holds-office', 'nationality']);

export interface ActorGraph {
  /** Related actors (both directions), by actor index. */
  related: Set<number>[];
  /** The countries (actor indices) an actor belongs to: itself for a country. */
  country: number[][];
  /** The actors a place or person is directly located in or belongs to (part of, capital of, office, nationality). */
  parents: number[][];
  /** 1 when the actor ever led a state or government, or has a high prior: a bare surname may name them. */
  wellKnown: Uint8Array;
  /** Birth date (its "born" fact) by actor index, or null. */
  born: (string | null)[];
  /** 1 when the actor's id is a QID. */
  qid: Uint8Array;
  /** Each actor's "holds-office" facts, in KB order (most actors share one empty list). */
  offices: Fact[][];
  /** Type codes (K_*) and priors (0 when none) by actor index: scoring reads these, not the scattered actor objects. */
  kind: Uint8Array;
  prior: Float64Array;
  /** Actor ids by index. */
  ids: string[];
  /** 1 for entries that are no actor (a holiday, a film): they claim their words but are never linked. */
  notActor: Uint8Array;
}

export const K_OTHER = 0, K_PERSON = 1, K_COUNTRY = 2, K_CITY = 3, K_REGION = 4, K_ORG = 5;
export const isPlace = (k: number): boolean => k === K_COUNTRY || k === K_CITY || k === K_REGION;
const KINDS: Partial<Record<Actor['type'], number>> = { person: K_PERSON, country: K_COUNTRY, city: K_CITY, region: K_REGION, organization: K_ORG };

const NO_SET: ReadonlySet<number> = new Set<number>() as ReadonlySet<number>;
const NO_LIST: number[] = [];
const NO_FACTS: readonly Fact[] = [];

export function buildGraph(actors: Actor[]): ActorGraph {
  const byId = new Map<string, number>();
  actors.forEach((a, i) => byId.set(a.id, i));
  // Most actors relate to nothing: they share one empty set and one empty list (never written to).
  const related: Set<number>[] = new Array<Set<number>>(actors.length).fill(NO_SET as Set<number>);
  const up: number[][] = new Array<number[]>(actors.length).fill(NO_LIST);
  const relate = (i: number, j: number) => { if (related[i] === (NO_SET as Set<number>)) related[i] = new Set(); related[i]!.add(j); };
  actors.forEach((a, i) => {
    for (const f of a.facts) {
      if (!RELATING.has(f.p)) continue;
      const target = f.ref ? byId.get(f.v) : f.of ? byId.get(f.of) : undefined;
      const other = f.of !== undefined ? byId.get(f.of) : undefined;
      for (const j of [target, other]) {
        if (j === undefined || j === i) continue;
        relate(i, j);
        relate(j, i);
        if (LOCATING.has(f.p)) { if (up[i] === NO_LIST) up[i] = []; up[i]!.push(j); }
      }
    }
  });
  // Walk "part of" chains up to a country (a few levels at most: district → province → country).
  const country = actors.map((a, i) => {
    if (a.type === 'country') return [i];
    if (up[i] === NO_LIST) return NO_LIST;
    const out = new Set<number>();
    let frontier = up[i]!;
    for (let depth = 0; depth < 3 && frontier.length; depth++) {
      const next: number[] = [];
      for (const j of frontier) {
        if (actors[j]!.type === 'country') out.add(j);
        else next.push(...up[j]!);
      }
      frontier = next;
    }
    return [...out];
  });
  const wellKnown = new Uint8Array(actors.length);
  actors.forEach((a, i) => { if (a.type === 'person' && ((a.prior ?? 0) >= 0.5 || leads(a, null))) wellKnown[i] = 1; });
  const born = actors.map((a) => (a.type === 'person' ? a.facts.find((f) => f.p === 'born')?.v ?? null : null));
  const qid = new Uint8Array(actors.length);
  actors.forEach((a, i) => { if (isQid(a.id)) qid[i] = 1; });
  const offices = actors.map((a) => { const o = a.facts.filter((f) => f.p === 'holds-office'); return o.length ? o : (NO_FACTS as Fact[]); });
  const kind = new Uint8Array(actors.length), prior = new Float64Array(actors.length);
  actors.forEach((a, i) => { kind[i] = KINDS[a.type] ?? K_OTHER; prior[i] = a.prior ?? 0; });
  const notActor = new Uint8Array(actors.length);
  actors.forEach((a, i) => { if (a.notActor !== undefined) notActor[i] = 1; });
  return { related, country, parents: up, wellKnown, born, qid, offices, kind, prior, ids: actors.map((a) => a.id), notActor };
}

/** Is place `a` inside place `q` (its country, its region, or the region's country): "Denver" in "Colorado". */
export function inside(graph: ActorGraph, a: number, q: number): boolean {
  let frontier = graph.parents[a]!;
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    if (frontier.includes(q)) return true;
    const next: number[] = [];
    for (const j of frontier) next.push(...graph.parents[j]!);
    frontier = next;
  }
  return false;
}

export const within = (f: Fact, date: string): boolean => (!f.from || f.from <= date) && (!f.until || date < f.until);

/** Offices held on a date (all offices when the date is unknown): folded role words. */
export function officesAt(actor: Actor, date: string | null): Fact[] {
  return actor.facts.filter((f) => f.p === 'holds-office' && (!date || within(f, date)));
}

// The linker asks these per candidate: loops over the few office facts, no array or closure made per call.
/** Does one of these office facts hold on the date (any, when the date is unknown)? */
export function inOffice(offices: readonly Fact[], date: string | null): boolean {
  for (const f of offices) if (!date || within(f, date)) return true;
  return false;
}

/** `leads` over precomputed office facts. */
export function leadsAt(offices: readonly Fact[], date: string | null): boolean {
  for (const f of offices) if ((!date || within(f, date)) && leaderOffice(f.v)) return true;
  return false;
}

// Office names are few: each is tested once (leadsAt runs for every bare surname a text holds).
const LEADING = new Map<string, boolean>();
const leaderOffice = (v: string): boolean => {
  let yes = LEADING.get(v);
  if (yes === undefined) LEADING.set(v, (yes = LEADER.test(v) && !VICE.test(v)));
  return yes;
};

/** False when the knowledge base says the person was not yet born on the date. */
export function bornBy(actor: Actor, date: string | null): boolean {
  if (!date) return true;
  const born = actor.facts.find((f) => f.p === 'born');
  return !born || born.v <= date;
}

const LEADER = /president|prime minister|chancellor|premier|king|queen|emperor|supreme leader|secretary[- ]general/i;
const VICE = /vice|deputy/i;

/** Heads of state or government (on the date, or ever when it is unknown): well known enough for a bare surname. */
export function leads(actor: Actor, date: string | null): boolean {
  return officesAt(actor, date).some((f) => leaderOffice(f.v));
}
