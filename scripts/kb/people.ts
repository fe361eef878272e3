// Politicians from politicians-qids.csv (Wikidata via CaptainFact, CC0): rows whose name can be trusted only.
import { multi } from './csv';
import type { KbBuilder } from './builder';
import type { Tables } from './tables';

const PARTICLES = new Set(['de', 'da', 'van', 'von', 'der', 'den', 'del', 'la', 'le', 'di', 'du', 'bin', 'al', 'el', 'y', 'e', 'jr', 'jr.', 'sr.', 'ii', 'iii']);

/** Full name, a first+last form when there are middle names, and the surname as a `short` alias. */
export function personAliases(b: KbBuilder, id: string, name: string): void {
  b.alias(id, name);
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return;
  const core = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
  const last = core[core.length - 1];
  if (words.length > 2 && core.length >= 2) b.alias(id, `${core[0]} ${last}`);
  // Surnames with a particle ("van der Leyen") keep it: "von der Leyen".
  const i = words.lastIndexOf(last!);
  let s = i;
  while (s > 1 && PARTICLES.has(words[s - 1]!.toLowerCase())) s--;
  const surname = words.slice(s).join(' ');
  if (surname.length >= 3) b.alias(id, surname, { short: true });
}

export function yearOrDate(d: string): string {
  // The source drops precision: a "-01-01" date may be a year only.
  return d.endsWith('-01-01') ? d.slice(0, 4) : d;
}

export function addPoliticians(b: KbBuilder, t: Tables, byIso: Map<string, string>, countryName: (iso: string) => string): void {
  for (const r of t.politicians) {
    const name = r.name_native!;
    if (!name || b.has(r.qid!)) continue;
    const isos = multi(r.country_iso2).filter((i) => byIso.has(i));
    const births = multi(r.birth_date);
    const born = births.length === 1 ? yearOrDate(births[0]!) : undefined;
    const from = isos.length ? countryName(isos[0]!) : undefined;
    const desc = `Politician${from ? ` from ${from}` : ''}${born ? `, born ${born.slice(0, 4)}` : ''}`;
    b.add({ id: r.qid!, type: 'person', name, desc, prior: 0.3 });
    personAliases(b, r.qid!, name);
    hispanicShortForms(b, r.qid!, name, isos);
    if (born) b.fact(r.qid!, { p: 'born', v: born, src: 'captainfact' });
    for (const i of isos) b.fact(r.qid!, { p: 'nationality', v: byIso.get(i)!, ref: true, src: 'captainfact' });
  }
}

/** Countries whose people carry two given names and two surnames, written "first paternal" in the news. */
const TWO_SURNAMES = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'BO', 'UY', 'PY', 'CU', 'DO', 'GT', 'HN', 'SV', 'NI', 'CR', 'PA']);

/**
 * "Alejandro Celestino Toledo Manrique" is "Alejandro Toledo", and "Toledo" after it. Only for four plain words
 * (no particle: "Cerdà i Argent" is Catalan, "de la" names vary) from a country with that naming custom.
 */
export function hispanicShortForms(b: KbBuilder, id: string, name: string, isos: string[]): void {
  const w = name.split(/\s+/).filter(Boolean);
  if (w.length !== 4 || !isos.some((i) => TWO_SURNAMES.has(i))) return;
  if (w.some((x) => PARTICLES.has(x.toLowerCase()) || x.toLowerCase() === 'i' || !/^\p{Lu}/u.test(x))) return;
  b.alias(id, `${w[0]} ${w[2]}`);
  if (w[2]!.length >= 3) b.alias(id, w[2]!, { short: true });
}
