// Land neighbours of every country, from Natural Earth admin-0 shapes at 1:10m (public domain) as packaged by the
// world-atlas npm package (ISC). Two shapes that share a boundary arc share a land border: the polygons are land
// only, so sea and maritime boundaries never count. 1:10m, not 1:50m: only the finest scale keeps Spain's borders
// with Morocco (Ceuta, Melilla) and Gibraltar. A country's shape includes its integral overseas parts, so France
// borders Brazil and Suriname (French Guiana), which is true of the French state; see SOURCES.md. Known gap: the
// shapes miss the few hundred metres of border between Botswana and Zambia at Kazungula.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { KbBuilder } from './builder';

const require = createRequire(import.meta.url);

export const NEIGHBOUR_SRC = 'natural-earth';

/**
 * Shapes without an ISO numeric id. Kosovo is its own actor (XK). Somaliland and Northern Cyprus are drawn apart
 * from the states the UN recognises them in; folded back, Somalia keeps its border with Djibouti. The rest (UK
 * sovereign base areas on Cyprus, Guantanamo Bay, Baikonur, Siachen Glacier, the Cyprus buffer zone) are leases,
 * bases or disputed strips: a line around one is no border between two countries, so they are left out.
 */
const NO_ID: Record<string, string> = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY' };

/** Special administrative regions: the line around one separates it from its own country, not from a neighbour. */
const PART_OF: Record<string, string> = { HK: 'CN', MO: 'CN' };

interface Shape { id?: string | number; properties?: { name?: string } }

/** ISO alpha-2 of one shape, or undefined when it stands for no country of ours. */
function shapeIso(g: Shape, numericToAlpha2: (n: string) => string | undefined): string | undefined {
  if (g.id === undefined) return NO_ID[g.properties?.name ?? ''];
  return numericToAlpha2(String(g.id).padStart(3, '0'));
}

/** Land borders as sorted, unique ISO alpha-2 pairs [a, b] with a < b. */
export function borderPairs(topology: Topology, numericToAlpha2: (n: string) => string | undefined): [string, string][] {
  const geoms = (topology.objects.countries as GeometryCollection).geometries as Shape[];
  const iso = geoms.map((g) => shapeIso(g, numericToAlpha2));
  const keys = new Set<string>();
  neighbors(geoms as Parameters<typeof neighbors>[0]).forEach((list, i) => {
    for (const j of list) {
      const a = iso[i], b = iso[j];
      // Same code on both sides: a country's own pieces (islands touching, Somaliland folded into Somalia).
      if (!a || !b || a === b || PART_OF[a] === b || PART_OF[b] === a) continue;
      keys.add(a < b ? `${a} ${b}` : `${b} ${a}`);
    }
  });
  return [...keys].sort().map((k) => k.split(' ') as [string, string]);
}

/** The pairs from the packaged 1:10m shapes. */
export function landBorders(): [string, string][] {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
  const countries = require('i18n-iso-countries') as { numericToAlpha2: (n: string) => string | undefined };
  return borderPairs(topology, (n) => countries.numericToAlpha2(n));
}

/**
 * Adds a `neighbour` fact on both sides of every land border between two of our countries, unless that side
 * already names the other (the hand-written seed neighbours). Returns the number of facts added.
 */
export function addNeighbours(b: KbBuilder, byIso: ReadonlyMap<string, string>): number {
  let added = 0;
  const link = (from: string, to: string): void => {
    if (b.get(from)!.facts.some((f) => f.p === 'neighbour' && f.v === to)) return;
    b.fact(from, { p: 'neighbour', v: to, ref: true, src: NEIGHBOUR_SRC });
    added++;
  };
  for (const [x, y] of landBorders()) {
    const a = byIso.get(x), c = byIso.get(y);
    if (!a || !c) continue;
    link(a, c);
    link(c, a);
  }
  return added;
}
