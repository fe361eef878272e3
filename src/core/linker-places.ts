// Places qualified by where they lie (issue #4): in "Denver, Colorado", "Paris, France" or "Houston, TX" the second
// name says which first name is meant. A reading of the first name inside the second is confirmed (and the second
// is read as the place that holds it: "Atlanta, Georgia" is the state, "Tbilisi, Georgia" the country); a city the
// second name cannot hold is the wrong namesake ("Birmingham, Alabama" is not the English city, "San Jose,
// California" not Costa Rica's capital).
import type { Mention } from './types';
import { type ActorGraph, K_CITY, K_COUNTRY, K_REGION, inside, isPlace } from './linker-graph';

interface Reading { actor: number; score: number }
interface Span { start: number; end: number }

/** A comma and at most one space between two names: "Denver, Colorado" (not "Denver and Colorado", not a list line). */
const qualifierGap = (text: string, a: Span, b: Span): boolean => {
  const gap = b.start - a.end;
  return (gap === 1 || gap === 2) && text.charCodeAt(a.end) === 44 && (gap === 1 || text.charCodeAt(a.end + 1) === 32);
};

/** "X, Y", "X and Y", "X or Y", "X, and Y": two names of one list (or a name and its qualifier). */
const joined = (text: string, a: Span, b: Span): boolean => {
  const gap = b.start - a.end;
  return qualifierGap(text, a, b) || (gap === 5 && text.startsWith(' and ', a.end)) || (gap === 4 && text.startsWith(' or ', a.end)) ||
    (gap === 6 && text.startsWith(', and ', a.end)) || (gap === 5 && text.startsWith(', or ', a.end));
};

/** A reading with another score (a new object: earlier passes keep theirs). */
const rescored = <R extends Reading>(r: R, score: number): R => ({ ...r, score });

const isHolder = (k: number) => k === K_REGION || k === K_COUNTRY;

/**
 * Could `q` hold city `a`? Yes when the knowledge base puts `a` inside `q`; also when it cannot tell: a region whose
 * country it does not know, or a region of `a`'s country while `a`'s own region is unknown. No when they lie in
 * different countries, or `a`'s region is another one.
 */
function couldHold(g: ActorGraph, a: number, q: number): boolean {
  if (inside(g, a, q)) return true;
  const qc = g.country[q]!, ac = g.country[a]!;
  if (!qc.length || !ac.length) return true;
  if (!qc.some((c) => ac.includes(c))) return false;
  // Same country: a region that is not the city's own known region is a contradiction ("Portland, Maine").
  if (g.kind[q] === K_COUNTRY) return true;
  return !g.parents[a]!.some((p) => g.kind[p] === K_REGION);
}

/**
 * Rescores the readings of each name followed by ", <place>" (`lists[i]` are match i's readings, best first, and are
 * replaced, never changed in place: earlier passes keep their own). `minimum`: the lowest score worth considering.
 */
export function qualifyPlaces<R extends Reading>(text: string, spans: readonly Span[], lists: R[][], g: ActorGraph, minimum: number,
  order: (x: R, y: R) => number, unknownBefore: (i: number) => boolean): void {
  // "New York and New Jersey", "Washington and Colorado", "Washington, Oregon and Idaho": a name that is a city and a
  // state, listed with states, is the state.
  const isState = (k: number) => { const top = lists[k]?.[0]; return !!top && g.kind[top.actor] === K_REGION && top.score >= minimum; };
  for (let i = 0; i < spans.length; i++) {
    const list = lists[i]!;
    if (list.length < 2 || g.kind[list[0]!.actor] !== K_CITY) continue;
    const m = spans[i]!, z = spans[i + 1], a = spans[i - 1];
    // "Atlanta, Georgia" is a city and its state, not a list: only a state on the other side of "and" counts there,
    // or two more states that go on the list ("Washington, Oregon and Idaho").
    const y = spans[i + 2];
    const listedWith = (z && joined(text, m, z) && isState(i + 1) && (!qualifierGap(text, m, z) || (!!y && joined(text, z, y) && isState(i + 2)))) ||
      (a && joined(text, a, m) && isState(i - 1));
    // Not beside the city's own neighbours: "Washington, Virginia and Maryland" is the capital and the states around it.
    const beside = (k: number) => { const top = lists[k]?.[0]; return !!top && g.related[list[0]!.actor]!.has(top.actor); };
    const region = listedWith && !beside(i - 1) && !beside(i + 1) && !beside(i + 2) ? list.find((r) => g.kind[r.actor] === K_REGION) : undefined;
    if (region) lists[i] = list.map((r) => (r === region ? rescored(r, Math.max(r.score, list[0]!.score + 0.05)) : r)).sort(order);
  }
  // Names with a comma just before them: every rule here needs one, and most names have none.
  const commaBefore: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const at = spans[i]!.start;
    if (text.charCodeAt(at - 2) === 44 || text.charCodeAt(at - 1) === 44) commaBefore.push(i);
  }
  if (commaBefore.length === 0) return;
  // "West Nyack, New York", "Spokane, Washington": after a town the knowledge base does not know, a name that is
  // both a city and a region is the region.
  for (const i of commaBefore) {
    const list = lists[i]!;
    if (list.length < 2) continue;
    if (!list.some((r) => g.kind[r.actor] === K_CITY) || !unknownBefore(i)) continue;
    const region = list.find((r) => g.kind[r.actor] === K_REGION);
    if (region) lists[i] = list.map((r) => (r === region ? rescored(r, Math.min(1, Math.max(r.score + 0.3, 0.9))) : g.kind[r.actor] === K_CITY ? rescored(r, r.score - 0.3) : r)).sort(order);
  }
  // "Los Angeles, Orange, Riverside and San Bernardino": a name listed between places is a place, not the company.
  for (const i of commaBefore) {
    if (i < 1 || i + 1 >= spans.length) continue;
    const a = spans[i - 1]!, m = spans[i]!, z = spans[i + 1]!;
    // The words between may hold names the knowledge base lacks: ", Riverside and San Bernardino".
    const gap = z.start - m.end;
    if (!qualifierGap(text, a, m) || !(qualifierGap(text, m, z) || (gap >= 5 && text.startsWith(' and ', z.start - 5)) || (gap >= 4 && text.startsWith(' or ', z.start - 4)))) continue;
    const list = lists[i]!, before = lists[i - 1]![0], after = lists[i + 1]![0];
    if (!before || !after || !isPlace(g.kind[before.actor]!) || !isPlace(g.kind[after.actor]!) || !list.length || isPlace(g.kind[list[0]!.actor]!)) continue;
    lists[i] = list.map((r) => (isPlace(g.kind[r.actor]!) ? r : rescored(r, r.score - 0.3))).sort(order);
  }
  for (const j of commaBefore) {
    const i = j - 1;
    if (i < 0 || !qualifierGap(text, spans[i]!, spans[j]!)) continue;
    const second = lists[i + 1]!, first = lists[i]!;
    // The second name must read as a region or country at all ("Houston, Dallas" is a list of cities).
    if (!second.length || !isHolder(g.kind[second[0]!.actor]!)) continue;
    if (!first.some((s) => g.kind[s.actor] === K_CITY)) continue;
    const holders = second.filter((q) => q.score >= minimum && isHolder(g.kind[q.actor]!));
    if (!holders.length) continue;
    const held = new Set<number>();
    const mine = first.map((s) => {
      const k = g.kind[s.actor]!;
      if (k !== K_CITY) return s;
      const q = holders.find((h) => inside(g, s.actor, h.actor));
      if (q) { held.add(q.actor); return rescored(s, Math.min(1, Math.max(s.score + 0.3, 0.9))); }
      return holders.some((h) => couldHold(g, s.actor, h.actor)) ? s : rescored(s, s.score - 0.5);
    });
    lists[i] = mine.sort(order);
    if (held.size) lists[i + 1] = second.map((q) => (held.has(q.actor) ? rescored(q, Math.min(1, Math.max(q.score + 0.3, 0.9))) : q)).sort(order);
  }
}

/**
 * "Denver, Colorado" as one mention of Denver, besides its two parts: consecutive links where the second place
 * holds the first. `indexOf`: an actor's index in the graph by id.
 */
export function qualifiedMentions(text: string, mentions: readonly Mention[], g: ActorGraph, indexOf: (id: string) => number | undefined): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const m = mentions[i]!, n = mentions[i + 1]!;
    if (!qualifierGap(text, m, n)) continue;
    const a = indexOf(m.entityId), q = indexOf(n.entityId);
    if (a === undefined || q === undefined || g.kind[a] !== K_CITY || !isHolder(g.kind[q]!) || !inside(g, a, q)) continue;
    out.push({ start: m.start, end: n.end, text: text.slice(m.start, n.end), entityId: m.entityId, score: Math.min(m.score, n.score) });
  }
  return out;
}
