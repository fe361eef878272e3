// Issue #6: cities carry GeoNames coordinates (joined on geonameid at KB build time), so a city card's locator map
// can mark the city. Expected positions are from an atlas, rounded: Baku 40.4 N 49.9 E, Paris 48.9 N 2.3 E,
// Buenos Aires 34.6 S 58.4 W, Sydney 33.9 S 151.2 E.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKb } from '../../scripts/kb/build';
import { buildCard } from '../../src/core/card';
import { KbIndex, parseKb } from '../../src/core/kb';
import type { KnowledgeBase } from '../../src/core/types';

let kb: KnowledgeBase;
let index: KbIndex;
beforeAll(async () => {
  kb = parseKb(JSON.parse(JSON.stringify(await buildKb())));
  index = new KbIndex(kb);
}, 60_000);

const cityNamed = (name: string, country: string) =>
  kb.actors.find((a) => a.type === 'city' && a.name === name && buildCard(index, a.id, null, []).place?.country === country);

describe('city coordinates', () => {
  it.each([
    ['Baku', 'Azerbaijan', 40.4, 49.9],
    ['Paris', 'France', 48.9, 2.3],
    ['Buenos Aires', 'Argentina', -34.6, -58.4],
    ['Sydney', 'Australia', -33.9, 151.2],
  ])('%s card is marked at its place', (name, country, lat, lon) => {
    const city = cityNamed(name, country);
    expect(city, name).toBeDefined();
    const place = buildCard(index, city!.id, null, []).place!;
    expect(Math.abs(place.lat! - lat), `${name} lat ${place.lat}`).toBeLessThan(0.3);
    expect(Math.abs(place.lon! - lon), `${name} lon ${place.lon}`).toBeLessThan(0.3);
  });

  it('nearly every city has one, and each is a valid "lat,lon"', () => {
    // GeoNames cities (with a population from it); those the review typed from a name alone have no coordinates.
    const cities = kb.actors.filter((a) => a.type === 'city' && a.facts.some((f) => f.p === 'population' && f.src === 'geonames'));
    const coords = cities.flatMap((a) => a.facts.filter((f) => f.p === 'coord').map((f) => f.v));
    expect(coords.length / cities.length).toBeGreaterThan(0.95);
    for (const v of coords) {
      const [lat, lon] = v.split(',').map(Number);
      expect(Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180, v).toBe(true);
    }
  });
});
