// Facts from the CIA World Factbook snapshot (public domain; office holders as of January 2026): capitals,
// heads of state and government, memberships, population. Offices written by hand win over the Factbook's.
import { fold, type KbBuilder } from './builder';
import { personAliases } from './people';
import type { FactbookRecord } from './tables';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "31 October 2003" -> "2003-10-31"; "October 2003" -> "2003-10"; "2003" -> "2003". */
export function parseDayMonthYear(s: string): string | undefined {
  const m = /^(?:(\d{1,2}) )?([A-Za-z]+ )?(\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const [, d, mon, y] = m;
  if (!mon) return d ? undefined : y;
  const mi = MONTHS.indexOf(mon.trim().toLowerCase());
  if (mi < 0) return undefined;
  const mm = String(mi + 1).padStart(2, '0');
  return d ? `${y}-${mm}-${d.padStart(2, '0')}` : `${y}-${mm}`;
}

const ROLE_WORDS = new Set(['president', 'prime', 'minister', 'king', 'queen', 'emperor', 'emir', 'amir', 'sultan', 'chancellor',
  'premier', 'supreme', 'leader', 'federal', 'governor', 'general', 'governor-general', 'chairman', 'chairwoman', 'chair', 'chief',
  'executive', 'of', 'the', 'state', 'council', 'grand', 'duke', 'prince', 'princess', 'captain', 'captains', 'regent',
  'interim', 'acting', 'transitional', 'head', 'vice', 'first', 'deputy', 'administrator', 'commissioner', 'high',
  'taoiseach', 'pope', 'military', 'presidential', 'sovereign', 'co-prince', 'secretary', 'lord', 'mayor', 'premier,',
  'crown', 'and', 'junta', 'national', 'government', 'co-princes', 'president-elect', 'ruler', 'paramount', 'tsar',
  'commander', 'in', 'lieutenant', 'colonel', 'general,', 'field', 'marshal', 'brigadier', 'vice-president', 'cabinet',
  'transition', 'caretaker', 'overall', 'cnsp', 'gnu', 'taliban', 'for', 'foreign', 'political', 'affairs']);
/** Ranks and titles written before a holder's name ("Col. Mamady DOUMBOUYA"): part of neither role nor name. */
const RANKS = /^(?:(?:Col|Gen|Capt|Lt|Maj|Sr|Dr|Brig|Adm|Cdr)\.|Air Vice-Marshal)\s+/;

export interface ParsedOffice { role: string; name: string; since?: string }

/** Parses the first holder of a Factbook office line: "President Ilham ALIYEV (since 31 October 2003); ...". */
export function parseOffice(text: string | null | undefined): ParsedOffice | undefined {
  if (!text) return undefined;
  const first = text.split(';')[0]!.split(/,\s*(?:represented|note)/)[0]!.trim();
  const m = /^(.*?)\s*\((?:(?:since|took office)\s+)?(\d{4}|\d[^)]*\d{4})\)/.exec(first);
  const head = (m ? m[1]! : first).trim();
  const words = head.split(/\s+/);
  let i = 0;
  // "President of China XI Jinping": a place after "of" belongs to the role.
  while (i < words.length - 1 && !isCaps(words[i]!) && (ROLE_WORDS.has(words[i]!.toLowerCase()) || (i > 0 && /^(of|the)$/i.test(words[i - 1]!)))) i++;
  const role = words.slice(0, i).join(' ').replace(/,$/, '');
  let rest = words.slice(i).join(' ');
  while (RANKS.test(rest)) rest = rest.replace(RANKS, '');
  const nameWords = rest.split(' ');
  if (!role || !nameWords.some(isCaps)) return undefined;
  const name = nameWords.map((w) => (isCaps(w) ? titleCase(w) : w)).join(' ').replace(/,$/, '');
  const since = m ? parseDayMonthYear(m[2]!.replace(/^\w+,?\s+/, (x) => (/^\d/.test(x) ? x : x))) : undefined;
  return since ? { role, name, since } : { role, name };
}

/** A head of state's name without initials or a territorial suffix: "Donald J. Trump" and "Donald Trump" agree, as do
 * "Willem-Alexander of the Netherlands" and "Willem-Alexander". */
export const bareName = (name: string): string =>
  fold(name).replace(/\s+of\s+.*$/, '').split(' ').filter((w) => !/^\p{L}\.?$/u.test(w)).join(' ');

const firstLast = (name: string): string => {
  const w = fold(name).split(' ');
  return w.length > 2 ? `${w[0]} ${w[w.length - 1]}` : w.join(' ');
};
/** A surname in the Factbook's capitals, also after a particle ("al-SUDANI", "Hoseini-KHAMENEI"). */
const isCaps = (w: string): boolean => w.split('-').some((p) => /\p{Lu}{2}/u.test(p) && p === p.toUpperCase());
const titleCase = (w: string): string => w.includes('-') && !(w === w.toUpperCase()) ? w.split('-').map((p) => (p === p.toUpperCase() && /\p{Lu}{2}/u.test(p) ? titleCase(p) : p)).join('-') : /^[IVX]+$/.test(w) ? w : w.toLowerCase().replace(/(^|[-'’ ]|Mc)(\p{Ll})/gu, (_, p: string, c: string) => p + c.toUpperCase());

/**
 * Capitals the Factbook lists that are not the country's capital now: Myanmar's moved from Rangoon (Yangon) to
 * Nay Pyi Taw in 2005-2006, which the Factbook notes but lists second.
 */
const NOT_CAPITAL = new Set(['MM|rangoon']);

export interface FactbookContext {
  byIso: Map<string, string>;
  cityIndex: Map<string, string>;
  orgByAbbr: (abbr: string) => string | undefined;
  handOffices: Set<string>;
  before2000: Set<string>;
  countryName: (iso: string) => string;
}

export function applyFactbook(b: KbBuilder, records: FactbookRecord[], ctx: FactbookContext): { offices: number; memberships: number } {
  // People by full name and by first + last name ("Donald J. Trump" is "Donald Trump"); hand-written ones first.
  const people = new Map<string, string>();
  const persons = [...b.actors.values()].filter((a) => a.type === 'person').sort((x, y) => Number(y.id.startsWith('bs:')) - Number(x.id.startsWith('bs:')));
  for (const a of persons) if (!people.has(fold(a.name))) people.set(fold(a.name), a.id);
  // Current hand-written heads of state of sovereign countries, by bare name, and the country (the first by id).
  const heads = new Map<string, string>();
  for (const c of [...b.actors.values()].filter((a) => a.type === 'country').sort((x, y) => (x.id < y.id ? -1 : 1))) {
    for (const f of c.facts) {
      if (f.p !== 'head-of-state' || f.src !== 'backstory' || f.until || !f.ref) continue;
      const k = bareName(b.get(f.v)?.name ?? '');
      if (k && !heads.has(k)) heads.set(k, c.id);
    }
  }
  for (const a of persons) if (!people.has(firstLast(a.name))) people.set(firstLast(a.name), a.id);
  let offices = 0;
  let memberships = 0;
  for (const r of records) {
    const id = r.iso2 ? ctx.byIso.get(r.iso2) : undefined;
    if (!id) continue;
    for (const cap of r.capital_names ?? []) {
      if (NOT_CAPITAL.has(`${r.iso2}|${fold(cap)}`)) continue;
      let city = ctx.cityIndex.get(`${r.iso2}|${fold(cap)}`);
      if (!city) {
        city = b.freeLocalId(cap, r.iso2!.toLowerCase());
        b.add({ id: city, type: 'city', name: cap, desc: `Capital city of ${ctx.countryName(r.iso2!)}`, prior: 0.6 });
        b.fact(city, { p: 'part-of', v: id, ref: true, src: 'factbook' });
        ctx.cityIndex.set(`${r.iso2}|${fold(cap)}`, city);
      }
      b.fact(id, { p: 'capital', v: city, ref: true, src: 'factbook' });
      b.fact(city, { p: 'capital-of', v: id, ref: true, src: 'factbook' });
    }
    const sovereign = /(^|, )UN(,|$)/.test(r.international_organization_participation ?? '');
    for (const [p, text] of [['head-of-state', r.chief_of_state], ['head-of-government', r.head_of_government]] as const) {
      if (ctx.handOffices.has(`${id}|${p}`)) continue;
      const o = parseOffice(text);
      if (!o) continue;
      // A territory whose chief of state is a sovereign's current head of state (King Charles III for Bermuda, the
      // US President for Guam) has had that sovereign's heads of state: the hand-written list since 2000 applies.
      const sov = !sovereign && p === 'head-of-state' ? heads.get(bareName(o.name)) : undefined;
      if (sov && sov !== id) {
        const from = b.get(sov)!;
        for (const f of from.facts) {
          if (f.p !== 'head-of-state' || f.src !== 'backstory' || (f.until && f.until < '2000')) continue;
          b.fact(id, { ...f, note: `as head of state of ${from.name}` });
        }
        offices++;
        continue;
      }
      let who = people.get(fold(o.name)) ?? people.get(firstLast(o.name));
      if (!who) {
        who = b.freeLocalId(o.name);
        b.add({ id: who, type: 'person', name: o.name, desc: `${o.role} of ${ctx.countryName(r.iso2!)} (as listed in January 2026)`, prior: 0.5 });
        personAliases(b, who, o.name, [r.iso2!]);
        people.set(fold(o.name), who);
      }
      // Without a "since" date the Factbook only says who held the office in January 2026.
      const span = o.since ? { from: o.since } : { note: 'as of 2026-01' };
      b.fact(id, { p, v: who, ref: true, role: o.role, ...span, src: 'factbook' });
      // A territory's chief of state is usually its sovereign's (the US president for Guam): the office shows on
      // the territory's card, not as a separate office on the person's.
      if (sovereign) b.fact(who, { p: 'holds-office', v: o.role, of: id, ...span, src: 'factbook' });
      offices++;
    }
    for (const item of (r.international_organization_participation ?? '').split(/,\s*/)) {
      const m = /^([^()]+?)\s*(?:\(([^)]+)\))?$/.exec(item.trim());
      if (!m) continue;
      const qual = m[2];
      if (qual && qual !== 'observer' && qual !== 'partner' && qual !== 'associate member') continue; // "(NGOs)", "(suspended)"...
      const org = ctx.orgByAbbr(m[1]!);
      if (!org || ctx.handOffices.has(`${id}|member-of|${org}`)) continue; // dated by hand
      const stable = ctx.before2000.has(org) && !qual;
      b.fact(id, { p: 'member-of', v: org, ref: true, src: 'factbook', note: stable ? 'member since before 2000' : qual ? `${qual}; as of 2026-01` : 'as of 2026-01' });
      memberships++;
    }
    const pop = r.population;
    if (pop?.value) {
      const year = /(\d{4})/.exec(pop.date ?? '')?.[1];
      b.fact(id, { p: 'population', v: String(pop.value), ...(year ? { from: year } : {}), src: 'factbook', ...(pop.date ? { note: pop.date } : {}) });
    }
  }
  return { offices, memberships };
}
