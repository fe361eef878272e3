// Land neighbours from Natural Earth (scripts/kb/neighbours.ts). Expected sets are the countries' real land
// borders, checked by hand (not copied from the script's output).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKb } from '../../scripts/kb/build';
import { borderPairs, landBorders } from '../../scripts/kb/neighbours';
import type { Topology } from 'topojson-specification';
import type { Actor, KnowledgeBase } from '../../src/core/types';

let pairs: [string, string][];
let kb: KnowledgeBase;
let byIso: Map<string, Actor>;
let byId: Map<string, Actor>;

beforeAll(async () => {
  pairs = landBorders();
  kb = await buildKb();
  byId = new Map(kb.actors.map((a) => [a.id, a]));
  byIso = new Map(kb.actors.flatMap((a) => a.facts.filter((f) => f.p === 'iso2').map((f) => [f.v, a] as [string, Actor])));
}, 60_000);

const of = (iso: string): string[] => pairs.flatMap(([a, b]) => (a === iso ? [b] : b === iso ? [a] : [])).sort();

describe('land borders from Natural Earth 1:10m', () => {
  it('finds the known land borders of large and small countries', () => {
    // France with French Guiana's borders (Brazil, Suriname): true of the French state.
    expect(of('FR')).toEqual(['AD', 'BE', 'BR', 'CH', 'DE', 'ES', 'IT', 'LU', 'MC', 'SR']);
    expect(of('DE')).toEqual(['AT', 'BE', 'CH', 'CZ', 'DK', 'FR', 'LU', 'NL', 'PL']);
    // Spain: Morocco through Ceuta and Melilla, and Gibraltar (the reason for 1:10m over 1:50m).
    expect(of('ES')).toEqual(['AD', 'FR', 'GI', 'MA', 'PT']);
    expect(of('AM')).toEqual(['AZ', 'GE', 'IR', 'TR']);
    expect(of('AZ')).toEqual(['AM', 'GE', 'IR', 'RU', 'TR']); // Turkey via Nakhchivan
    expect(of('LS')).toEqual(['ZA']);
    expect(of('VA')).toEqual(['IT']);
    expect(of('US')).toEqual(['CA', 'MX']);
    expect(of('GB')).toEqual(['IE']);
    expect(of('KR')).toEqual(['KP']);
    expect(of('IL')).toEqual(['EG', 'JO', 'LB', 'PS', 'SY']);
  });

  it("gives Russia and China their 14 neighbours each, without China's own Hong Kong and Macao", () => {
    expect(of('RU')).toEqual(['AZ', 'BY', 'CN', 'EE', 'FI', 'GE', 'KP', 'KZ', 'LT', 'LV', 'MN', 'NO', 'PL', 'UA']);
    expect(of('CN')).toEqual(['AF', 'BT', 'IN', 'KG', 'KP', 'KZ', 'LA', 'MM', 'MN', 'NP', 'PK', 'RU', 'TJ', 'VN']);
    expect(of('HK')).toEqual([]);
    expect(of('MO')).toEqual([]);
  });

  it('maps the shapes without an ISO number: Kosovo, and Somaliland folded into Somalia', () => {
    expect(of('XK')).toEqual(['AL', 'ME', 'MK', 'RS']);
    expect(of('SO')).toEqual(['DJ', 'ET', 'KE']); // Djibouti only borders Somalia through Somaliland
    expect(of('RS')).toContain('XK');
  });

  it('gives island states no neighbours (maritime boundaries are not land borders)', () => {
    for (const iso of ['JP', 'AU', 'NZ', 'IS', 'MT', 'CU', 'JM', 'SG', 'LK', 'PH', 'MG', 'CY', 'BH', 'FJ']) expect(of(iso), iso).toEqual([]);
  });

  it('lists each pair once, ordered, never a country with itself', () => {
    expect(pairs.every(([a, b]) => a < b)).toBe(true);
    expect(new Set(pairs.map((p) => p.join())).size).toBe(pairs.length);
    expect(pairs.length).toBeGreaterThan(300); // about 320 land borders between countries in the world
  });

  it('reads shared arcs only: shapes touching on an arc border, a shape alone has none', () => {
    // Three unit squares in a row: A|B|C; A and C do not touch.
    const topo = {
      type: 'Topology',
      arcs: [[[1, 0], [1, 1]], [[2, 0], [2, 1]], [[0, 0], [0, 1], [1, 1]], [[1, 0], [0, 0]], [[1, 1], [2, 1]], [[2, 0], [1, 0]], [[2, 1], [3, 1], [3, 0], [2, 0]], [[5, 5], [6, 5], [6, 6], [5, 5]]],
      objects: {
        countries: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', id: '250', arcs: [[2, -1, 3]] },
            { type: 'Polygon', id: '056', arcs: [[0, 4, -2, 5]] },
            { type: 'Polygon', id: '276', arcs: [[1, 6]] },
            { type: 'Polygon', id: '392', arcs: [[7]] },
          ],
        },
      },
    } as unknown as Topology;
    const iso: Record<string, string> = { '250': 'FR', '056': 'BE', '276': 'DE', '392': 'JP' };
    expect(borderPairs(topo, (n) => iso[n])).toEqual([['BE', 'DE'], ['BE', 'FR']]);
  });
});

describe('neighbour facts in the compiled knowledge base', () => {
  const neighbours = (a: Actor): string[] => a.facts.filter((f) => f.p === 'neighbour').map((f) => f.v);

  it('gives about 160 countries neighbours, each a country, with the source registered', () => {
    // Besides countries, only the U.S. capital and the two states around it, written by hand (the linker reads
    // "Washington, Virginia and Maryland" as the capital by it).
    const dc = new Set(['Q61', 'Q1391', 'Q1370']);
    const withN = kb.actors.filter((a) => neighbours(a).length > 0 && !dc.has(a.id));
    expect(withN.length).toBeGreaterThanOrEqual(155);
    expect(withN.every((a) => a.type === 'country')).toBe(true);
    expect(withN.flatMap(neighbours).every((v) => byId.get(v)?.type === 'country')).toBe(true);
    expect(neighbours(byId.get('Q61')!).sort()).toEqual(['Q1370', 'Q1391']);
    expect(byId.get('Q1391')!.facts.filter((f) => f.p === 'neighbour').map((f) => [f.v, f.src])).toEqual([['Q61', 'backstory']]);
    expect(kb.sources['natural-earth']?.licence).toMatch(/Public domain/);
  });

  it('names each neighbour once and keeps the hand-written seed facts', () => {
    for (const a of kb.actors) expect(new Set(neighbours(a)).size, a.name).toBe(neighbours(a).length);
    const az = byIso.get('AZ')!;
    const tr = az.facts.find((f) => f.p === 'neighbour' && f.v === byIso.get('TR')!.id)!;
    expect(tr.src).toBe('backstory');
    expect(tr.note).toBe('via the Nakhchivan exclave');
    expect(az.facts.filter((f) => f.p === 'neighbour').every((f) => f.src === 'backstory')).toBe(true);
  });

  it('is symmetric: the other side of a hand-written pair comes from Natural Earth', () => {
    for (const a of kb.actors) for (const v of neighbours(a)) expect(neighbours(byId.get(v)!), `${v} -> ${a.id}`).toContain(a.id);
    const ge = byIso.get('GE')!;
    const toTr = ge.facts.find((f) => f.p === 'neighbour' && f.v === byIso.get('TR')!.id);
    expect(toTr).toMatchObject({ ref: true, src: 'natural-earth' });
    expect(neighbours(byIso.get('FR')!).map((id) => byId.get(id)!.name)).toContain('Spain');
  });
});
