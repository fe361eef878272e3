// Loads the fact tables copied into assets/kb/tables (see SOURCES.md) and the set of QIDs they confirm.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv, type Row } from './csv';

export const KB_DIR = fileURLToPath(new URL('../../assets/kb/', import.meta.url));

export interface FactbookRecord {
  cia_code: string;
  region?: string;
  iso2: string | null;
  iso2_part_of: string | null;
  qid: string | null;
  name_short: string | null;
  name_long: string | null;
  abbreviation: string | null;
  capital_names?: string[];
  chief_of_state?: string | null;
  head_of_government?: string | null;
  international_organization_participation?: string | null;
  population?: { text: string | null; value: number | null; date: string | null } | null;
  executive_branch_text?: string;
}

export interface Tables {
  countries: Row[];
  orgs: Row[];
  politicians: Row[];
  names: Row[];
  cities: Row[];
  factbook: FactbookRecord[];
  /** Every QID the copied tables confirm (an actor may carry a QID only if it is in here). */
  confirmed: Set<string>;
}

const csv = (file: string): Row[] => parseCsv(readFileSync(KB_DIR + file, 'utf8'));

/** The Factbook snapshot's records (also read alone by scripts/kb/heads.ts). */
export function loadFactbook(): FactbookRecord[] {
  return (JSON.parse(readFileSync(KB_DIR + 'tables/factbook-countries.json', 'utf8')) as { countries: FactbookRecord[] }).countries;
}

export function loadTables(): Tables {
  const countries = csv('tables/country-qids.csv');
  const orgs = csv('tables/organizations-qids.csv');
  const politicians = csv('tables/politicians-qids.csv');
  const names = csv('tables/wikidata-names.csv');
  const cities = csv('geonames-cities.csv');
  const factbook = loadFactbook();
  const confirmed = confirmedQids({ countries, orgs, politicians, names });
  return { countries, orgs, politicians, names, cities, factbook, confirmed };
}

/** The QIDs confirmed by the tables; shared with the data tests so both read the same rule. */
export function confirmedQids(t: { countries: Row[]; orgs: Row[]; politicians: Row[]; names: Row[] }): Set<string> {
  const s = new Set<string>();
  for (const rows of [t.countries, t.orgs, t.politicians, t.names]) for (const r of rows) if (r.qid) s.add(r.qid);
  return s;
}
