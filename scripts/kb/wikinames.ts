// Actors from wikidata-names.csv (ELEVANT benchmark labels and linker agreement; QIDs are CC0): every person,
// organisation and place row that no other source produced, plus its surfaces as aliases of actors we already have.
import { fold, type KbBuilder } from './builder';
import { looksDemonym, usableSurfaces, QID_TRAPS, type NameIndex } from './names';
import type { Tables } from './tables';
import type { ActorType } from '../../src/core/types';

export const US_STATES = ['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
  'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon',
  'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia',
  'Washington', 'West Virginia', 'Wisconsin', 'Wyoming'];

const TYPE: Record<string, ActorType> = { person: 'person', organization: 'organization', place: 'region', '': 'other' };
const DESC: Record<string, string> = {
  person: 'Person named in international news',
  organization: 'Organisation, club or company named in the news',
  place: 'Place named in the news',
  '': 'Named entity in the news (kind not checked)',
};

export function addWikiNames(b: KbBuilder, t: Tables): void {
  for (const r of t.names) {
    const qid = r.qid!;
    if (r.type === 'other' || qid in QID_TRAPS) continue;
    // An untyped row that only linkers' agreement produced lists what those linkers sent there, which can be other
    // entities ("Native American", "Hispanic", "Latino" under "African American"): only forms that start with the
    // name's first word are taken ("Constantine I" for "Constantine").
    const head = fold(r.name ?? '').split(' ')[0]!;
    const surfaces = r.type === '' && !/gold/.test(r.source ?? '') ? usableSurfaces(r).filter((x) => fold(x).split(' ')[0] === head) : usableSurfaces(r);
    const fix = !b.has(qid) && r.type === 'person' ? notAPerson(r.name!) : undefined;
    if (!b.has(qid)) {
      if (!/^[\p{Lu}\p{N}]/u.test(r.name!) || r.name === 'Unknown') continue; // lower-case labels are concepts
      // More-mentioned entities rank first among namesakes ("Cambridge"): prior 0.2 plus a little by mention count.
      const prior = Math.round((0.2 + Math.min(0.09, Math.log10(Number(r.count) + 1) / 40)) * 1000) / 1000;
      b.add({ id: qid, type: TYPE[r.type!] ?? 'other', name: r.name!, desc: DESC[r.type!] ?? DESC['']!, prior });
    }
    const actor = b.get(qid)!;
    for (const s of surfaces) {
      if (actor.type === 'person') {
        // A one-word form is the surname, linked only after the full name; an adjective made of it names the
        // person by itself ("Shakespearean").
        const oneWord = !s.includes(' ') && !eponym(s, actor.name);
        b.alias(qid, s, oneWord ? { short: true } : {}, true);
      } else if (actor.type === 'country' || actor.type === 'region' || actor.type === 'city') {
        b.alias(qid, s, looksDemonym(s, actor.name) ? { dem: true } : {}, true);
      } else {
        const part = !s.includes(' ') && s !== s.toUpperCase() && fold(actor.name).split(' ').includes(fold(s)) && fold(s) !== fold(actor.name);
        b.alias(qid, s, part ? { short: true } : {}, true);
      }
    }
    // Retyped after the aliases, which keep the person rule: one-word forms ("SLA") link only after the full name.
    if (fix) Object.assign(actor, fix);
  }
}

/** An adjective made of a person's surname: "Shakespearean", "Thatcherite", "Napoleonic", "Kafkaesque". */
export function eponym(form: string, name: string): boolean {
  const surname = fold(name).split(' ').pop()!, f = fold(form);
  return surname.length >= 5 && f.length > surname.length && f.startsWith(surname.slice(0, -1)) && /(?:ean|ian|ite|ic|esque)$/.test(f);
}

/** A gold row typed person whose label names an armed force ("South Lebanon Army", "National Guard") or an office. */
export function notAPerson(label: string): { type: ActorType; desc: string } | undefined {
  if (/\b(Army|Guard|Forces|Militia)\b/.test(label)) return { type: 'armed-group', desc: 'Armed force or militia named in the news' };
  if (/^(President|Prime Minister|Chancellor|Secretary(-General)?) of\b/.test(label)) return { type: 'other', desc: 'Office named in the news, not a person' };
  return undefined;
}

const POSTAL = ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN',
  'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY'];

/**
 * The 50 U.S. states (returned by postal code, which GeoNames uses as their first-order division code): the wikidata-names row of that name when one dominates (countries excluded, so "Georgia"
 * is the state), else a local id. Postal codes need context ("IN", "ME", "OR" are words).
 */
export function addUsStates(b: KbBuilder, names: NameIndex, us: string | undefined): Map<string, string> {
  const byPostal = new Map<string, string>();
  const used = new Set([...b.actors.values()].filter((a) => a.type === 'country' || a.type === 'city').map((a) => a.id));
  US_STATES.forEach((state, i) => {
    const row = names.unique(state, ['place', ''], used);
    const id = row ? row.qid! : b.freeLocalId(state, 'us-state');
    const actor = b.add({ id, type: 'region', name: state, desc: 'State of the United States', prior: 0.5 });
    actor.type = 'region';
    b.rename(id, state);
    actor.desc = 'State of the United States';
    actor.prior = Math.max(actor.prior ?? 0, 0.5);
    b.alias(id, state);
    b.alias(id, `${state} state`);
    b.alias(id, POSTAL[i]!, { cs: true, ctx: true });
    if (us) b.fact(id, { p: 'part-of', v: us, ref: true, src: 'backstory' });
    byPostal.set(POSTAL[i]!, id);
  });
  return byPostal;
}
