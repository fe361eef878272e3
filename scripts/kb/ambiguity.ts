// Marks aliases that are also common words or better-known other things (issue #3): the matcher needs context
// before it links them. The list is written here; each entry is a surface form, compared case-insensitively.
import { fold, type KbBuilder } from './builder';
import { isQid } from '../../src/core/types';

export const AMBIGUOUS = [
  // countries
  'Turkey', 'Chad', 'Jordan', 'Georgia', 'Niger', 'Guinea', 'China', 'Japan', 'Cuba', 'Togo', 'Mali', 'Oman', 'Peru', 'Malta', 'Monaco',
  'Panama', 'Iceland', 'Dominica', 'Jersey', 'Guernsey', 'Man', 'Wales', 'Chile', 'Greenland',
  // cities and places
  'Nice', 'Reading', 'Mobile', 'Split', 'Bath', 'Derby', 'Orange', 'Victoria', 'Phoenix', 'Buffalo', 'Lincoln',
  'Washington', 'Columbus', 'Jackson', 'Madison', 'Austin', 'Florence', 'Valencia', 'Cologne', 'Santiago', 'Hamilton',
  'Kingston', 'Wellington', 'Sydney', 'Durban', 'Nancy', 'Troy', 'Sparta', 'Eugene', 'Norman', 'Aurora', 'Essex', 'Kent',
  'Worcester', 'Cork', 'Sale', 'Bury', 'Wells', 'Deal', 'March', 'Street', 'Gap', 'Bar', 'Post', 'Bonn',
  'Canberra', 'Ur', 'Mercury', 'Independence', 'Liberty', 'Concord', 'Providence', 'Mosul',
  // organisations and groups whose short names are words
  'WHO', 'Who', 'Hamas', 'Shell', 'Apple', 'Amazon', 'Target', 'Gap', 'Next', 'Sun', 'Mail', 'Times', 'Guardian', 'Express',
  'Independent', 'Mirror', 'Post', 'Labour', 'Conservative', 'Liberal', 'Democrat', 'Democrats', 'Republican', 'Republicans',
  'Green', 'Greens', 'Reform', 'Union', 'Congress', 'Parliament', 'Senate', 'Council', 'Commission', 'Assembly',
  // companies whose everyday name is a word or a person's name ("Apple Inc." is "Apple")
  'Leonardo', 'Vale', 'Oracle', 'Alphabet',
];

/** Plural and adjective names every country's parties use: a party links by them only beside its country. */
export const PARTY_WORDS = ['Republicans', 'Republican', 'Democrats', 'Democrat', 'Conservatives', 'Conservative', 'Tories', 'Tory',
  'Liberals', 'Liberal', 'Labour', 'Socialists', 'Socialist', 'Greens', 'Communists', 'Nationalists', 'Social Democrats'];

export function applyAmbiguity(b: KbBuilder): number {
  const set = new Set(AMBIGUOUS.map((s) => fold(s)));
  const partyWords = new Set(PARTY_WORDS.map((s) => fold(s)));
  let n = 0;
  for (const a of b.actors.values()) {
    for (const al of a.aliases) {
      if (a.type === 'party' && !al.cs && partyWords.has(fold(al.t))) al.ctx = true;
      if (al.cs || al.amb) continue;
      if (set.has(fold(al.t))) { al.amb = true; n++; }
    }
  }
  return n;
}

/**
 * City names that name one place in the news (issue #4). Returns what it changed, for the build log and tests.
 * - A country does not go by its capital's name ("Tunis" was an alias of Tunisia, "Brasilia" of Brazil): the name
 *   stays the city's. City-states named after their city ("Vatican City") keep it.
 * - "New York" alone is the city, as news uses it ("NEW YORK (AP)", "in New York"); the state is "New York state",
 *   "the State of New York", or "New York" and "NY" with context.
 * - "Washington" alone is the capital (datelines, "in Washington"), which also stands for the U.S. government; the
 *   state needs context (Seattle, "Washington state").
 * - "Gaza" alone is the Gaza Strip; the city is "Gaza City".
 */
export function settleCityNames(b: KbBuilder): string[] {
  const log: string[] = [];
  const actors = [...b.actors.values()];
  for (const c of actors) {
    if (c.type !== 'country') continue;
    for (const f of c.facts) {
      const cap = f.p === 'capital' && f.ref ? b.get(f.v) : undefined;
      if (!cap || fold(cap.name).startsWith(fold(c.name))) continue;
      const before = c.aliases.length;
      c.aliases = c.aliases.filter((al) => al.lang || fold(al.t) !== fold(cap.name));
      if (c.aliases.length < before) log.push(`${c.name}: dropped its capital's name "${cap.name}"`);
    }
  }
  const us = actors.find((a) => a.type === 'country' && a.facts.some((f) => f.p === 'iso2' && f.v === 'US'));
  const inUs = (a: (typeof actors)[number]) => !!us && a.facts.some((f) => f.p === 'part-of' && f.v === us.id);
  const nyc = actors.find((a) => a.type === 'city' && a.name === 'New York City' && inUs(a));
  const nyState = actors.find((a) => a.type === 'region' && a.name === 'New York' && inUs(a));
  if (nyc && nyState) {
    // The matcher reads an actor's name as one of its forms: the state is named as Georgia's is.
    nyState.aliases = nyState.aliases.filter((al) => fold(al.t) !== 'new york');
    b.rename(nyState.id, 'New York (U.S. state)');
    // Still the state with context ("West Nyack, New York": a town before it), as "Washington" is.
    b.alias(nyState.id, 'New York', { ctx: true });
    b.alias(nyState.id, 'State of New York');
    b.alias(nyc.id, 'New York');
    if (!nyc.aliases.some((al) => al.t === 'NEW YORK')) b.alias(nyc.id, 'NEW YORK', { cs: true });
    log.push(`"New York": ${nyc.id} (city), the state ${nyState.id} with context only`);
  }
  const dc = actors.find((a) => a.type === 'city' && a.name === 'Washington, D.C.' && inUs(a));
  const waState = actors.find((a) => a.type === 'region' && a.name === 'Washington' && inUs(a));
  if (dc && waState) {
    // The names table confirms the state's QID under "Washington State" (a row without facts): the state takes it.
    let state = waState;
    const twin = actors.find((a) => a.type === 'region' && isQid(a.id) && fold(a.name) === 'washington state' && a.facts.length === 0);
    if (twin && twin !== waState) {
      b.merge(waState.id, twin.id);
      twin.desc = waState.desc;
      log.push(`"Washington State": ${waState.id} merged into ${twin.id}, its QID in the names table`);
      state = twin;
      // As the local entry had it: "Washington state" names the state (the reviewers had made the table's "Washington
      // State", also the university's name, a short form).
      for (const al of state.aliases) if (fold(al.t) === 'washington state') delete al.short;
    }
    b.rename(state.id, 'Washington (U.S. state)');
    for (const al of state.aliases) if (fold(al.t) === 'washington') al.ctx = true;
    b.alias(dc.id, 'Washington');
    log.push(`"Washington": ${dc.id} (the capital), the state ${state.id} with context only`);
  }
  // "Gaza" alone is the Gaza Strip in the news ("the war in Gaza", "aid to Gaza"); the city is "Gaza City".
  const strip = actors.find((a) => a.type === 'region' && a.name === 'Gaza Strip');
  const gazaCity = actors.find((a) => a.type === 'city' && a.name === 'Gaza');
  if (strip && gazaCity) {
    gazaCity.aliases = gazaCity.aliases.filter((al) => al.lang || fold(al.t) !== 'gaza');
    b.rename(gazaCity.id, 'Gaza City');
    b.alias(strip.id, 'Gaza');
    log.push(`"Gaza": ${strip.id} (the Strip), the city ${gazaCity.id} as "Gaza City"`);
  }
  return log;
}

/**
 * Clubs are written without their legal suffix in the news: "Leicester City F.C." is "Leicester City", "Tottenham
 * Hotspur F.C." "Tottenham Hotspur". The shorter name is added when it keeps two words and names no other actor.
 */
export function clubNames(b: KbBuilder): number {
  const taken = new Set<string>();
  for (const a of b.actors.values()) { taken.add(fold(a.name)); for (const al of a.aliases) taken.add(fold(al.t)); }
  let n = 0;
  for (const a of b.actors.values()) {
    if (a.type !== 'organization' && a.type !== 'company') continue;
    const m = /^(.+?),? (?:F\.C\.|FC|A\.F\.C\.|AFC|C\.F\.|CF)$/.exec(a.name);
    if (!m || !m[1]!.includes(' ') || taken.has(fold(m[1]!))) continue;
    b.alias(a.id, m[1]!);
    taken.add(fold(m[1]!));
    n++;
  }
  return n;
}
