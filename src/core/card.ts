// Card model: what the sidebar shows for one actor, generated from facts as of the article's date (issue #3).
// buildCard fills it from the knowledge base with one template per actor type; the wording is written here.
import type { Actor, ActorType, Fact, RelatedStory, Source } from './types';
import { isQid } from './types';
import type { KbIndex } from './kb';
import { dayOf, factsAsOf, formatDate, holderOn, holdsOn, startOf } from './asof';

/** One line of facts on a card, already resolved against the article's date. */
export interface CardFact {
  /** Label shown before the value ("Head of state", "Capital", "Member of"). */
  label: string;
  /** The value as text ("Ilham Aliyev", "Baku", "3,000"). */
  value: string;
  /** The actor id to open when the value is clicked, if the value is an actor in the knowledge base. */
  ref?: string;
  from?: string;
  until?: string;
  /** Source id (see Card.sources). */
  src: string;
  /** A change after the article's date, in words ("no longer Prime Minister since 5 Jul 2024"). */
  changed?: string;
  /** Set when the article is later than the knowledge base's data: "as of 22 Jan 2026, the latest in our data". */
  beyond?: string;
}

export interface Card {
  id: string;
  /** The confirmed QID, or null for a local id. */
  qid: string | null;
  name: string;
  type: ActorType;
  /** One line written here. */
  desc: string;
  /** Generated from facts as of the article's date ("President of Azerbaijan since 31 October 2003"). */
  headline: string | null;
  /** The date the card is resolved against (the article's date), or null for "today". */
  asOf: string | null;
  facts: CardFact[];
  /** Groups of relations: label -> actor refs ("Member of": [EU, NATO]). */
  relations: { label: string; items: { id: string; name: string }[] }[];
  sources: Source[];
  /** Wikidata page when the QID is confirmed, otherwise a Wikipedia search for the name. */
  link: { href: string; label: string };
  /** Related stories about this actor: "More on this actor" as a dated timeline. */
  related: RelatedStory[];
  /** Where a place is, for the locator map (issue #6): its country's ISO code and name; coordinates when known. */
  place?: CardPlace;
}

export interface CardPlace { iso2?: string; country?: string; lat?: number; lon?: number }

type Relations = Card['relations'];

const short = (d: string): string => formatDate(d, 'short');

/** "UK Prime Minister" for countries with a two-letter short name, else "Prime Minister of Azerbaijan". */
function officeTitle(kb: KbIndex, role: string, of: string | undefined): string {
  if (!of) return role;
  const actor = kb.get(of);
  if (!actor) return role;
  const abbr = actor.type === 'country' ? actor.aliases.find((a) => a.cs && /^(UK|US)$/.test(a.t))?.t : undefined;
  return abbr ? `${abbr} ${role}` : `${role} of ${actor.name}`;
}

function refItem(kb: KbIndex, id: string): { id: string; name: string } {
  return { id, name: kb.nameOf(id) };
}

function addRelation(rel: Relations, label: string, item: { id: string; name: string }): void {
  let g = rel.find((r) => r.label === label);
  if (!g) rel.push((g = { label, items: [] }));
  if (!g.items.some((i) => i.id === item.id)) g.items.push(item);
}

function factLine(kb: KbIndex, label: string, f: Fact, value?: string): CardFact {
  const line: CardFact = { label, value: value ?? (f.ref ? kb.nameOf(f.v) : f.v), src: f.src };
  if (f.ref) line.ref = f.v;
  if (f.from) line.from = f.from;
  if (f.until) line.until = f.until;
  return line;
}

/**
 * An open-ended office or membership shown for a date after the knowledge base's data ends (or for today): true
 * as far as the data goes, which the card must say rather than assert it still holds.
 */
function markBeyond(kb: KbIndex, line: CardFact, f: Fact, asOf: string | null): void {
  const end = kb.kb.dataAsOf;
  if (!end || f.until) return;
  if (asOf === null || startOf(dayOf(asOf)) > startOf(end)) line.beyond = `as of ${short(end)}, the latest in Backstory's data`;
}

const fmtPopulation = (f: Fact): string =>
  `${Number(f.v).toLocaleString('en-US')}${f.note ? ` (${f.note})` : f.from ? ` (${f.from})` : ''}`;

function personCard(kb: KbIndex, a: Actor, asOf: string | null, facts: CardFact[], rel: Relations): string | null {
  const offices = a.facts.filter((f) => f.p === 'holds-office');
  const current = offices.filter((f) => holdsOn(f, asOf));
  let headline: string | null = null;
  for (const f of current) {
    const title = officeTitle(kb, f.v, f.of);
    const line = factLine(kb, 'Office', f, title);
    if (f.of) line.ref = f.of;
    if (asOf !== null && f.until) {
      line.changed = `no longer ${f.v} since ${short(f.until)}`;
      headline ??= `${title} at the time of this article (${f.from ? short(f.from) : '?'} to ${short(f.until)})`;
    } else {
      headline ??= f.from ? `${title} since ${formatDate(f.from)}` : title;
      markBeyond(kb, line, f, asOf);
    }
    facts.push(line);
  }
  if (asOf !== null) {
    // Offices taken up after the article: worth a badge, since the reader may know the person by them.
    for (const f of offices) {
      if (f.from && startOf(f.from) > startOf(asOf)) {
        const line = factLine(kb, 'Later office', f, officeTitle(kb, f.v, f.of));
        line.changed = `became ${f.v} on ${short(f.from)}`;
        facts.push(line);
      }
    }
  }
  if (!headline) {
    const past = offices.filter((f) => f.until && (asOf === null || startOf(f.until) <= startOf(asOf)));
    const last = past.sort((x, y) => startOf(y.until!).localeCompare(startOf(x.until!)))[0];
    if (last) headline = `Former ${officeTitle(kb, last.v, last.of)} (${last.from ? short(last.from) : '?'} to ${short(last.until!)})`;
  }
  for (const f of factsAsOf(a, asOf)) {
    if (f.p === 'born') facts.push(factLine(kb, 'Born', f, formatDate(f.v)));
    else if (f.p === 'died' && (asOf === null || startOf(f.v) <= startOf(asOf))) facts.push(factLine(kb, 'Died', f, formatDate(f.v)));
    else if (f.p === 'nationality' && f.ref) addRelation(rel, 'Nationality', refItem(kb, f.v));
    else if (f.p === 'party' && f.ref) addRelation(rel, 'Party', refItem(kb, f.v));
    else if (f.p === 'parent' && f.ref) addRelation(rel, 'Parent', refItem(kb, f.v));
  }
  return headline;
}

const OFFICE_LABEL = { 'head-of-state': 'Head of state', 'head-of-government': 'Head of government', leader: 'Leader' } as const;

function officeHolders(kb: KbIndex, a: Actor, asOf: string | null, facts: CardFact[]): string | null {
  let headline: string | null = null;
  for (const p of ['head-of-state', 'head-of-government', 'leader'] as const) {
    const then = holderOn(kb, a.id, p, asOf);
    if (!then) continue;
    const f = then.fact;
    const line = factLine(kb, OFFICE_LABEL[p], f, f.role ? `${f.role} ${then.name}` : then.name);
    if (asOf !== null) {
      const now = holderOn(kb, a.id, p, null);
      if (f.until) line.changed = now && now.name !== then.name
        ? `${then.name} left office on ${short(f.until)}; now ${now.name}`
        : `${then.name} left office on ${short(f.until)}`;
    }
    markBeyond(kb, line, f, asOf);
    facts.push(line);
    if (p === 'head-of-state' || (p === 'leader' && !headline)) {
      headline = `${f.role ? `${f.role} ${then.name}` : then.name}${f.from ? ` since ${formatDate(f.from)}` : ''}`;
    }
  }
  return headline;
}

function placeFacts(kb: KbIndex, a: Actor, asOf: string | null, facts: CardFact[], rel: Relations): string | null {
  let headline: string | null = null;
  for (const f of factsAsOf(a, asOf)) {
    switch (f.p) {
      case 'capital': facts.push(factLine(kb, 'Capital', f)); break;
      case 'capital-of': headline ??= `Capital of ${kb.nameOf(f.v)}`; break;
      case 'population': {
        // A measurement, not a state: its year is in the value ("2025 est."); "since 2025" would misread it.
        const { from: _from, until: _until, ...line } = factLine(kb, 'Population', f, fmtPopulation(f));
        facts.push(line);
        break;
      }
      case 'status': {
        const line = factLine(kb, 'Status', f);
        if (asOf !== null && f.until) {
          const later = a.facts.find((g) => g.p === 'status' && g.from && startOf(g.from) >= startOf(f.until!));
          line.changed = later ? `since ${short(later.from!)}: ${later.v}` : `changed on ${short(f.until)}`;
        }
        facts.push(line);
        headline = f.v;
        break;
      }
      case 'part-of': if (f.ref) addRelation(rel, 'Part of', refItem(kb, f.v)); break;
      case 'member-of': if (f.ref) addRelation(rel, 'Member of', refItem(kb, f.v)); break;
      case 'neighbour': if (f.ref) addRelation(rel, 'Neighbours', refItem(kb, f.v)); break;
      case 'official-name': facts.push(factLine(kb, 'Official name', f)); break;
      default: break;
    }
  }
  return headline;
}

function orgFacts(kb: KbIndex, a: Actor, asOf: string | null, facts: CardFact[], rel: Relations): void {
  for (const f of factsAsOf(a, asOf)) {
    if (f.p === 'founded') facts.push(factLine(kb, 'Founded', f, formatDate(f.v)));
    else if (f.p === 'dissolved') facts.push(factLine(kb, 'Dissolved', f, formatDate(f.v)));
    else if (f.p === 'headquarters') facts.push(factLine(kb, 'Headquarters', f));
    else if (f.p === 'part-of' && f.ref) addRelation(rel, 'Part of', refItem(kb, f.v));
    else if (f.p === 'member-of' && f.ref) addRelation(rel, 'Member of', refItem(kb, f.v));
  }
  // Members are stored on the member's side ("member-of"): gather them (a scan, cheap at this size).
  for (const other of kb.kb.actors) {
    if (other.type !== 'country') continue;
    if (other.facts.some((f) => f.p === 'member-of' && f.v === a.id && holdsOn(f, asOf) && !/observer|partner/.test(f.note ?? ''))) {
      addRelation(rel, 'Members', { id: other.id, name: other.name });
    }
  }
}

/** Builds the card of actor `id` resolved against `asOf` (the article's date; null for today). */
export function buildCard(kb: KbIndex, id: string, asOf: string | null, related: RelatedStory[]): Card {
  const a = kb.get(id);
  if (!a) throw new Error(`unknown actor ${id}`);
  const facts: CardFact[] = [];
  const relations: Relations = [];
  let headline: string | null = null;
  if (a.type === 'person') headline = personCard(kb, a, asOf, facts, relations);
  else {
    headline = officeHolders(kb, a, asOf, facts);
    const placeHeadline = placeFacts(kb, a, asOf, facts, relations);
    if (a.type === 'region' || a.type === 'city') headline = placeHeadline ?? headline;
    else headline ??= placeHeadline;
    if (a.type !== 'country' && a.type !== 'city' && a.type !== 'region') orgFacts(kb, a, asOf, facts, relations);
  }
  const used = new Set(facts.map((f) => f.src));
  for (const f of factsAsOf(a, asOf)) if (f.p !== 'iso2') used.add(f.src);
  const sources = [...used].map((s) => kb.source(s)).filter((s): s is Source => s !== undefined);
  const qid = isQid(a.id) ? a.id : null;
  const link = qid
    ? { href: `https://www.wikidata.org/wiki/${qid}`, label: `Wikidata ${qid}` }
    : { href: `https://en.wikipedia.org/w/index.php?search=${encodeURIComponent(a.name)}`, label: `Search Wikipedia for ${a.name}` };
  const place = placeOf(kb, a);
  return { id: a.id, qid, name: a.name, type: a.type, desc: a.desc, headline, asOf, facts, relations, sources, link, related, ...(place ? { place } : {}) };
}

/** The place's own position from its `coord` fact ("lat,lon"), when it has a valid one. */
function coordOf(a: Actor): { lat: number; lon: number } | null {
  const v = a.facts.find((f) => f.p === 'coord')?.v;
  if (!v) return null;
  const [lat, lon] = v.split(',').map(Number);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat!) > 90 || Math.abs(lon!) > 180) return null;
  return { lat: lat!, lon: lon! };
}

/**
 * The country a place lies in (itself for a country), found through `iso2` and `part-of` facts, with the place's
 * own position for a marker when the KB has one (cities).
 */
function placeOf(kb: KbIndex, a: Actor): CardPlace | null {
  if (a.type !== 'country' && a.type !== 'city' && a.type !== 'region') return null;
  const seen = new Set<string>();
  const at = a.type === 'country' ? null : coordOf(a);
  let cur: Actor | undefined = a;
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    const iso2 = cur.facts.find((f) => f.p === 'iso2')?.v;
    if (cur.type === 'country') return { ...(iso2 ? { iso2 } : {}), country: cur.name, ...(at ?? {}) };
    const up: Fact | undefined = cur.facts.find((f) => (f.p === 'part-of' || f.p === 'located-in' || f.p === 'capital-of') && f.ref);
    cur = up ? kb.get(up.v) : undefined;
  }
  return null;
}
