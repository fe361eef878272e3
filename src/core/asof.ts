// Facts as of a date (issue #3): which offices, statuses and memberships held on the article's date.
// Dates are ISO strings of varying precision ("2003", "2003-10", "2003-10-31"); `from` is inclusive, `until` exclusive.
import type { Actor, Fact, FactProperty } from './types';
import type { KbIndex } from './kb';

/** Pads a partial ISO date to a full day: its first day ("2003" -> "2003-01-01"). */
export function startOf(d: string): string {
  const [y, m = '01', day = '01'] = d.split('-');
  return `${y}-${m.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The date part of an ISO date or date-time ("2023-10-23T08:00:00Z" -> "2023-10-23"). */
export const dayOf = (d: string): string => d.slice(0, 10);

/** Properties whose truth changes over time: without dates they are only known at their source's "as of" mark. */
const TIMED: ReadonlySet<FactProperty> = new Set(['holds-office', 'head-of-state', 'head-of-government', 'leader', 'member-of', 'status']);

/** "as of 2026-01" in a note: the fact was only observed then (Factbook holders without a start date). */
export function observedAt(f: Fact): string | undefined {
  return /as of (\d{4}(?:-\d{2}){0,2})/.exec(f.note ?? '')?.[1];
}

/** Whether a fact held on `date` (null: today, i.e. it has not ended). */
export function holdsOn(f: Fact, date: string | null): boolean {
  if (date === null) return f.until === undefined;
  const d = startOf(dayOf(date));
  if (f.from !== undefined && startOf(f.from) > d) return false;
  if (f.until !== undefined && startOf(f.until) <= d) return false;
  if (f.from === undefined && TIMED.has(f.p)) {
    const seen = observedAt(f);
    if (seen !== undefined && startOf(seen) > d) return false; // known only from a later snapshot
  }
  return true;
}

/**
 * The actor's facts that held on `date`. Populations are measurements, not states: the latest one taken on or
 * before the date is kept (or the earliest one when all are later), each with its year.
 */
export function factsAsOf(actor: Actor, date: string | null): Fact[] {
  const out: Fact[] = [];
  const pops: Fact[] = [];
  for (const f of actor.facts) {
    if (f.p === 'population') pops.push(f);
    else if (holdsOn(f, date)) out.push(f);
  }
  const pop = pickPopulation(pops, date);
  if (pop) out.push(pop);
  return out;
}

function pickPopulation(pops: Fact[], date: string | null): Fact | undefined {
  if (!pops.length) return undefined;
  const year = (f: Fact): string => f.from ?? '0000';
  const sorted = [...pops].sort((a, b) => (year(a) < year(b) ? -1 : year(a) > year(b) ? 1 : 0));
  if (date === null) return sorted[sorted.length - 1];
  const d = startOf(dayOf(date));
  const before = sorted.filter((f) => startOf(year(f)) <= d);
  return before.length ? before[before.length - 1] : sorted[0];
}

export interface Holder {
  /** The holder's actor id when the fact refers to one, else null. */
  id: string | null;
  name: string;
  fact: Fact;
}

/** Who held a country's or organisation's office on `date`; the most recently started holder if several. */
export function holderOn(kb: KbIndex, ofId: string, p: 'head-of-state' | 'head-of-government' | 'leader', date: string | null): Holder | undefined {
  const actor = kb.get(ofId);
  if (!actor) return undefined;
  const hits = actor.facts.filter((f) => f.p === p && holdsOn(f, date));
  if (!hits.length) return undefined;
  hits.sort((a, b) => startOf(b.from ?? '0000') .localeCompare(startOf(a.from ?? '0000')));
  const f = hits[0]!;
  const ref = f.ref ? kb.get(f.v) : undefined;
  return { id: ref ? ref.id : null, name: ref ? ref.name : f.v, fact: f };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2003-10-31" -> "31 October 2003" (long) or "31 Oct 2003" (short); partial dates keep their precision. */
export function formatDate(d: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, day] = dayOf(d).split('-');
  if (!m) return y ?? d;
  const month = MONTHS[Number(m) - 1];
  if (!month) return d;
  const name = style === 'short' ? month.slice(0, 3) : month;
  return day ? `${Number(day)} ${name} ${y}` : `${name} ${y}`;
}
