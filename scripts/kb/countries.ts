// Countries and territories: ids from country-qids.csv (OWID, MIT), names in many languages from the
// i18n-iso-countries package (MIT), short and long forms from the CIA World Factbook (public domain).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { multi } from './csv';
import { localId, type KbBuilder } from './builder';
import type { FactbookRecord, Tables } from './tables';

const require = createRequire(import.meta.url);

/**
 * Rows of country-qids.csv whose QID does not name the country as news means it (see the data README):
 * the Netherlands row points at the Kingdom (Q29999) while wikidata-names confirms Q55 for "Netherlands";
 * ATA points at the Antarctic Treaty area, not the continent, so Antarctica gets a local id.
 */
const QID_OVERRIDE: Record<string, string | null> = { NL: 'Q55', AQ: null };
/** Territories without a row of their own in country-qids.csv but with a confirmed QID elsewhere. */
const EXTRA = [{ iso2: 'XK', name: 'Kosovo', qid: 'Q1246' }];

/** Names per ISO code and language from i18n-iso-countries. */
function i18nNames(): Map<string, { lang: string; names: string[] }[]> {
  const dir = dirname(require.resolve('i18n-iso-countries/langs/en.json'));
  const out = new Map<string, { lang: string; names: string[] }[]>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    const data = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { locale: string; countries: Record<string, string | string[]> };
    for (const [iso, v] of Object.entries(data.countries)) {
      let list = out.get(iso);
      if (!list) out.set(iso, (list = []));
      list.push({ lang: data.locale, names: Array.isArray(v) ? v : [v] });
    }
  }
  return out;
}

/** Adds every country and territory; returns iso2 -> actor id. */
export function addCountries(b: KbBuilder, t: Tables): Map<string, string> {
  const byIso = new Map<string, string>();
  const names = i18nNames();
  const fb = new Map(t.factbook.filter((r) => r.iso2).map((r) => [r.iso2!, r]));
  // A name that i18n-iso-countries gives to two codes in some language ("Congo", or a transliteration shared
  // by Malta and Mali): Latin-script forms need context, other scripts are dropped as unreliable.
  const shared = new Map<string, Set<string>>();
  for (const [iso, list] of names) for (const { names: ns } of list) for (const n of ns) {
    const k = n.toLowerCase();
    const s = shared.get(k);
    if (s) s.add(iso); else shared.set(k, new Set([iso]));
  }
  const rows = [...t.countries.map((r) => ({ ...r })), ...EXTRA.map((e) => ({ iso2: e.iso2, iso3: '', name: e.name, wikidata_label: e.name, qid: e.qid, aliases: '' }))];
  for (const r of rows) {
    const iso2 = r.iso2!;
    const name = (r.name ?? '').replace(/ \(country\)$/, '');
    const override = iso2 in QID_OVERRIDE ? QID_OVERRIDE[iso2] : undefined;
    const qid = override === undefined ? r.qid! : override;
    const id = qid ?? localId(name);
    const isGaza = iso2 === 'PS-GZA';
    const isCountry = /^[A-Z]{2}$/.test(iso2);
    const f = fb.get(iso2);
    b.add({ id, type: isCountry ? 'country' : 'region', name, desc: describe(f, isGaza), prior: 0.8 });
    if (isCountry) {
      byIso.set(iso2, id);
      b.fact(id, { p: 'iso2', v: iso2, src: 'owid' });
    }
    if (r.wikidata_label) b.alias(id, r.wikidata_label);
    for (const a of multi(r.aliases)) if (/\p{L}{2}/u.test(a) && !/^[A-Z]{3}$/.test(a)) b.alias(id, a);
    for (const { lang, names: ns } of names.get(iso2) ?? []) {
      for (const n0 of ns) {
        // Maltese writes the article onto the name ("it-Turkija", "l-Uganda"): the name is taken without it (a
        // lower-case head like "it" or "in" would make every English "it" and "in" a place to look up).
        const n = n0.replace(/^\p{Ll}{1,2}-(?=\p{Lu})/u, '');
        const multiple = (shared.get(n.toLowerCase())?.size ?? 0) > 1;
        if (!multiple) b.alias(id, n, { lang });
        else if (/^[\p{Script=Latin}\p{P}\s\d]+$/u.test(n)) b.alias(id, n, { lang, ctx: true });
      }
    }
    if (f) {
      if (f.name_short) b.alias(id, f.name_short);
      // The Factbook appends notes to some names ("...; note - the island of Great Britain includes...").
      const long = f.name_long?.split(/;\s*note\b/)[0]!.trim();
      if (long) {
        b.alias(id, long);
        b.fact(id, { p: 'official-name', v: long, src: 'factbook' });
      }
      if (f.abbreviation) for (const a of f.abbreviation.split(/\s+or\s+|\//)) b.alias(id, a.trim());
    }
  }
  return byIso;
}

const REGION: Record<string, string> = {
  africa: 'Africa', europe: 'Europe', 'central-america-n-caribbean': 'Central America and the Caribbean',
  'australia-oceania': 'Oceania', 'east-n-southeast-asia': 'East and Southeast Asia', 'middle-east': 'the Middle East',
  'south-america': 'South America', 'central-asia': 'Central Asia and the Caucasus', 'south-asia': 'South Asia',
  'north-america': 'North America', antarctica: 'the Antarctic',
};

// Generic lines for the ~250 countries; the countries of the seeds and the G20 get hand-written ones (hand/*.json).
function describe(f: FactbookRecord | undefined, gaza: boolean): string {
  if (gaza) return 'Palestinian territory on the Mediterranean coast, bordered by Israel and Egypt';
  const where = f?.region ? REGION[f.region] : undefined;
  const member = /(^|, )UN(,|$)/.test(f?.international_organization_participation ?? '');
  const kind = member ? 'Sovereign state' : 'Territory';
  return where ? `${kind} in ${where}` : kind;
}
