// Reader-imported packs (issue #3): Wikidata entity JSON (the format of Special:EntityData/Q….json) turned into a
// small knowledge base. The QIDs come from the reader's file, not from our tables, so they are not "confirmed":
// ids are `pack:<name>:<Q…>` and the QID is kept as a `wikidata` fact.
import type { Actor, ActorType, Alias, Fact, KnowledgeBase } from './types';

export class PackError extends Error {
  override name = 'PackError';
}

/** P31 (instance of) values that decide an actor's type; the first matching claim wins. */
const P31_TYPES: Record<string, ActorType> = {
  Q5: 'person',
  Q6256: 'country', Q3624078: 'country', Q3024240: 'country', Q7275: 'country', Q1763527: 'country',
  Q515: 'city', Q1549591: 'city', Q5119: 'city', Q1637706: 'city', Q200250: 'city', Q1093829: 'city', Q3957: 'city',
  Q82794: 'region', Q10864048: 'region', Q107390: 'region', Q35657: 'region', Q15284: 'region', Q1620908: 'region',
  Q7278: 'party', Q2659904: 'organization', Q43229: 'organization', Q484652: 'organization', Q327333: 'organization',
  Q192350: 'organization', Q1331793: 'organization', Q163740: 'organization',
  Q4830453: 'company', Q783794: 'company', Q891723: 'company', Q6881511: 'company', Q1589009: 'company',
  Q17149090: 'armed-group', Q772547: 'armed-group', Q176799: 'armed-group', Q1335818: 'armed-group',
};

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

interface Lang { language?: unknown; value?: unknown }

function texts(x: unknown): { lang: string; value: string }[] {
  if (!isObj(x)) return [];
  const out: { lang: string; value: string }[] = [];
  for (const [lang, v] of Object.entries(x)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const l = item as Lang;
      if (isObj(item) && typeof l.value === 'string' && l.value) out.push({ lang, value: l.value });
    }
  }
  return out;
}

/** Item ids of a property's claims, best rank first ("preferred", then "normal"; "deprecated" dropped). */
function claimIds(claims: unknown, prop: string): string[] {
  if (!isObj(claims) || !Array.isArray(claims[prop])) return [];
  const list = (claims[prop] as unknown[]).filter(isObj).filter((c) => c.rank !== 'deprecated');
  list.sort((a, b) => (a.rank === 'preferred' ? -1 : 0) - (b.rank === 'preferred' ? -1 : 0));
  const ids: string[] = [];
  for (const c of list) {
    const snak = c.mainsnak;
    if (!isObj(snak) || !isObj(snak.datavalue)) continue;
    const v = snak.datavalue.value;
    if (isObj(v) && typeof v.id === 'string') ids.push(v.id);
  }
  return ids;
}

/** A time claim ("+1961-12-24T00:00:00Z", precision 11 = day, 10 = month, 9 = year) as an ISO date. */
function claimDate(claims: unknown, prop: string): string | undefined {
  if (!isObj(claims) || !Array.isArray(claims[prop])) return undefined;
  for (const c of claims[prop] as unknown[]) {
    if (!isObj(c) || !isObj(c.mainsnak) || !isObj(c.mainsnak.datavalue)) continue;
    const v = c.mainsnak.datavalue.value;
    if (!isObj(v) || typeof v.time !== 'string') continue;
    const m = /^\+?(-?\d{4,})-(\d{2})-(\d{2})/.exec(v.time);
    if (!m) continue;
    const p = typeof v.precision === 'number' ? v.precision : 11;
    return p >= 11 ? `${m[1]}-${m[2]}-${m[3]}` : p === 10 ? `${m[1]}-${m[2]}` : m[1];
  }
  return undefined;
}

const ACRONYM = /^[A-Z][A-Z0-9.&-]{1,5}$/;

function entityToActor(qid: string, e: Record<string, unknown>, packName: string, known: Set<string>): Actor {
  const labels = texts(e.labels);
  const en = labels.find((l) => l.lang === 'en') ?? labels.find((l) => l.lang.startsWith('en-')) ?? labels[0];
  if (!en) throw new PackError(`entity ${qid} has no label`);
  const desc = texts(e.descriptions).find((d) => d.lang === 'en')?.value ?? 'Imported from Wikidata';
  const types = claimIds(e.claims, 'P31');
  const type = types.map((t) => P31_TYPES[t]).find((t) => t !== undefined) ?? 'other';
  const aliases: Alias[] = [];
  const seen = new Set<string>();
  const add = (t: string, lang: string): void => {
    const key = ACRONYM.test(t) ? `=${t}` : t.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const a: Alias = { t };
    if (lang !== 'en' && lang !== 'mul') a.lang = lang.split('-')[0]!;
    if (ACRONYM.test(t)) a.cs = true;
    aliases.push(a);
  };
  add(en.value, en.lang);
  for (const l of labels) add(l.value, l.lang);
  for (const l of texts(e.aliases)) add(l.value, l.lang);
  const id = (q: string): string => `pack:${packName}:${q}`;
  const facts: Fact[] = [{ p: 'wikidata', v: qid, src: `pack:${packName}` }];
  const ref = (p: Fact['p'], prop: string): void => {
    for (const q of claimIds(e.claims, prop)) if (known.has(q)) facts.push({ p, v: id(q), ref: true, src: `pack:${packName}` });
  };
  ref('nationality', 'P27');
  ref('part-of', 'P131');
  ref('capital', 'P36');
  ref('member-of', 'P463');
  ref('party', 'P102');
  const born = claimDate(e.claims, 'P569');
  if (born) facts.push({ p: 'born', v: born, src: `pack:${packName}` });
  const died = claimDate(e.claims, 'P570');
  if (died) facts.push({ p: 'died', v: died, src: `pack:${packName}` });
  const founded = claimDate(e.claims, 'P571');
  if (founded) facts.push({ p: 'founded', v: founded, src: `pack:${packName}` });
  return { id: id(qid), type, name: en.value, desc, aliases, facts };
}

/**
 * Converts Wikidata entity JSON (`{"entities": {"Q…": {...}}}`) into a pack named `packName`.
 * References between entities of the same file become `ref` facts; others are dropped (they would dangle).
 */
export function wikidataToPack(json: unknown, packName: string): KnowledgeBase {
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(packName)) throw new PackError(`pack name "${packName}" must be lower-case letters, digits and dashes`);
  if (!isObj(json) || !isObj(json.entities)) throw new PackError('not Wikidata entity JSON: expected {"entities": {"Q…": {...}}}');
  const entries = Object.entries(json.entities).filter(([, e]) => isObj(e) && !('missing' in e));
  if (!entries.length) throw new PackError('the file holds no entities');
  const known = new Set<string>();
  for (const [key, e] of entries) {
    const qid = typeof (e as Record<string, unknown>).id === 'string' ? String((e as Record<string, unknown>).id) : key;
    if (!/^Q[1-9]\d*$/.test(qid)) throw new PackError(`entity "${qid}" is not an item id (Q…)`);
    known.add(qid);
  }
  const actors = entries.map(([key, e]) => {
    const rec = e as Record<string, unknown>;
    return entityToActor(typeof rec.id === 'string' ? rec.id : key, rec, packName, known);
  });
  return {
    version: 1,
    built: new Date().toISOString(),
    sources: { [`pack:${packName}`]: { id: `pack:${packName}`, name: `Imported pack "${packName}" (Wikidata entity data)`, licence: 'CC0 1.0 (Wikidata)' } },
    actors,
  };
}
