// Geometry for the locator map (issue #6): Natural Earth countries (world-atlas, 1:110m) to SVG paths in an
// equirectangular projection whose x is scaled by cos(latitude) at the view's centre, so a zoomed-in country keeps
// its familiar shape. No projection library: the drawing is small and this keeps the sidebar bundle lean.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import codes from 'i18n-iso-countries/codes.json';
import enNames from 'i18n-iso-countries/langs/en.json';

type Pt = [number, number];
/** One country: polygons, each a list of rings, each ring a list of [lon, lat] made continuous across ±180°. */
export interface AtlasCountry { id: string | null; name: string; polygons: Pt[][][] }
export interface Atlas { countries: AtlasCountry[] }
export interface View { x: number; y: number; w: number; h: number; k: number }

const ISO2_TO_NUMERIC = new Map((codes as string[][]).map((c) => [String(c[0]).toUpperCase(), String(c[2])]));
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z]/g, '');
// English country names and their common variants ("Türkiye"/"Turkey", "United States"/"USA") → alpha-2, so a card
// whose name differs from Natural Earth's still finds its outline (i18n-iso-countries, MIT).
const NAME_TO_ISO2 = new Map<string, string>();
for (const [iso2, names] of Object.entries((enNames as { countries: Record<string, string | string[]> }).countries)) {
  for (const n of Array.isArray(names) ? names : [names]) if (!NAME_TO_ISO2.has(fold(n))) NAME_TO_ISO2.set(fold(n), iso2);
}

/** Rings that cross the antimeridian jump by ~360°; shifting later points keeps the ring one closed shape. */
function unwrap(ring: number[][]): Pt[] {
  const out: Pt[] = [];
  let shift = 0;
  let prev: number | null = null;
  for (const p of ring) {
    const lon = p[0] ?? 0;
    const lat = p[1] ?? 0;
    if (prev !== null) {
      if (lon + shift - prev > 180) shift -= 360;
      else if (lon + shift - prev < -180) shift += 360;
    }
    prev = lon + shift;
    out.push([prev, lat]);
  }
  return out;
}

/** Parses world-atlas `countries-110m.json` (a TopoJSON Topology with an object `countries`). */
export function atlasFromTopology(topo: unknown): Atlas {
  const topology = topo as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  if (!topology?.objects?.countries) throw new Error('not a world-atlas countries topology');
  const fc = feature(topology, topology.objects.countries) as unknown as {
    features: { id?: string | number; properties: { name?: string } | null; geometry: { type: string; coordinates: unknown } | null }[];
  };
  const countries: AtlasCountry[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates as number[][][]] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : [];
    countries.push({
      id: f.id === undefined ? null : String(f.id),
      name: f.properties?.name ?? '',
      polygons: polys.map((rings) => rings.map(unwrap)),
    });
  }
  return { countries };
}

/** Finds a country by ISO 3166-1 alpha-2 code first, then by each name: Natural Earth's own, then known variants. */
export function findCountry(atlas: Atlas, q: { iso2?: string; names?: readonly string[] }): AtlasCountry | null {
  const byIso = (iso2: string | undefined) => {
    const num = iso2 ? ISO2_TO_NUMERIC.get(iso2.toUpperCase()) : undefined;
    return num ? atlas.countries.find((c) => c.id === num) ?? null : null;
  };
  const hit = byIso(q.iso2);
  if (hit) return hit;
  for (const name of q.names ?? []) {
    const n = fold(name);
    const found = atlas.countries.find((c) => fold(c.name) === n) ?? byIso(NAME_TO_ISO2.get(n));
    if (found) return found;
  }
  return null;
}

function ringArea(r: Pt[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]![0] - r[i]![0]) * (r[j]![1] + r[i]![1]);
  return Math.abs(a / 2);
}

function bbox(points: Iterable<Pt>): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/**
 * The view around a country's main landmass (its largest polygon, so France is not zoomed out to include Guiana),
 * widened to include the marker, padded, and shaped to `aspect` (width / height). Falls back to the whole world
 * when the country is too large to zoom on.
 */
export function locatorView(country: AtlasCountry | null, marker: { lon: number; lat: number } | null, aspect = 1.6): View {
  const pts: Pt[] = [];
  if (country && country.polygons.length) {
    const main = country.polygons.reduce((best, p) => (ringArea(p[0] ?? []) > ringArea(best[0] ?? []) ? p : best));
    pts.push(...(main[0] ?? []));
  }
  if (marker) pts.push([marker.lon, marker.lat]);
  if (!pts.length) return worldView(aspect);
  const [lon0, lat0, lon1, lat1] = bbox(pts);
  const cLat = (lat0 + lat1) / 2;
  const k = Math.max(0.2, Math.cos((cLat * Math.PI) / 180));
  // Pad generously: a locator shows the neighbourhood, not just the shape.
  let w = Math.max((lon1 - lon0) * k * 2.2, 14);
  let h = Math.max((lat1 - lat0) * 2.2, 9);
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  if (w >= 300 * k || h >= 150) return worldView(aspect);
  const cx = ((lon0 + lon1) / 2) * k;
  const cy = -cLat;
  return { x: cx - w / 2, y: cy - h / 2, w, h, k };
}

export function worldView(aspect = 1.6): View {
  const w = 360;
  const h = Math.min(180, w / aspect);
  return { x: -180, y: -90 + (180 - h) / 2 - 8, w, h, k: 1 };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** The SVG path of a country in view `v`'s projection. */
export function countryPath(c: AtlasCountry, v: View): string {
  let d = '';
  for (const poly of c.polygons) {
    for (const ring of poly) {
      ring.forEach(([lon, lat], i) => {
        d += `${i === 0 ? 'M' : 'L'}${r2(lon * v.k)},${r2(-lat)}`;
      });
      d += 'Z';
    }
  }
  return d;
}

/** Whether any part of a country falls inside the view (so only visible countries become DOM nodes). */
export function intersects(c: AtlasCountry, v: View): boolean {
  return c.polygons.some((poly) => {
    const [x0, y0, x1, y1] = bbox(poly[0] ?? []);
    return x1 * v.k >= v.x && x0 * v.k <= v.x + v.w && -y0 >= v.y && -y1 <= v.y + v.h;
  });
}
