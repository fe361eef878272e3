// One-off: copies the fact tables the knowledge base uses from ../shared/data into assets/kb/tables, trimmed to the
// rows and columns the build reads, so a fresh clone builds without ../shared. Run again only to refresh the copy:
//   npx tsx scripts/kb/copy-tables.ts [SHARED_DATA_DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv, writeCsv } from './csv';

const shared = process.argv[2] ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const out = fileURLToPath(new URL('../../assets/kb/tables/', import.meta.url));
const read = (f: string): string => readFileSync(`${shared}/${f}`, 'utf8');

// Tables copied whole (small, and their licences ask for the data as published).
for (const f of ['country-qids.csv', 'organizations-qids.csv', 'wikidata-names.csv']) writeFileSync(out + f, read(f));

// Politicians: only rows whose name can be trusted (see the data README: suspect/corrupt names are damaged).
const pol = parseCsv(read('politicians-qids.csv')).filter((r) => ['verified', 'recovered', 'unverified'].includes(r.name_status ?? ''));
const polCols = ['qid', 'name_native', 'name_status', 'birth_date', 'country_iso2', 'description'];
writeFileSync(out + 'politicians-qids.csv', writeCsv(polCols, pol));

// Factbook: the fields the build reads.
const fb = JSON.parse(read('factbook-countries.json')) as { meta: unknown; countries: Record<string, unknown>[] };
const keep = ['cia_code', 'region', 'iso2', 'iso2_part_of', 'qid', 'name_short', 'name_long', 'abbreviation', 'capital_names',
  'chief_of_state', 'head_of_government', 'international_organization_participation', 'population',
  'executive_branch_text', 'source_file_last_commit_date'];
const countries = fb.countries.map((c) => Object.fromEntries(keep.filter((k) => k in c).map((k) => [k, c[k]])));
writeFileSync(out + 'factbook-countries.json', JSON.stringify({ meta: fb.meta, countries }, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.log(`copied tables to ${out}: ${pol.length} politicians, ${countries.length} factbook records`);
