// Locator map and timeline: the real world-atlas data, projected and drawn.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { atlasFromTopology, countryPath, findCountry, locatorView } from '../../src/ui/map/geo';
import { LocatorMap, mapTarget } from '../../src/ui/map/LocatorMap';
import { Timeline } from '../../src/ui/Timeline';
import { ALIYEV, AZERBAIJAN, mount } from './ui-fixtures';

const topoPath = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
const topo = JSON.parse(readFileSync(topoPath, 'utf8')) as unknown;
const atlas = atlasFromTopology(topo);
const load = () => Promise.resolve(topo);

let unmount: () => void = () => {};
afterEach(() => unmount());

describe('geo', () => {
  it('finds countries by ISO code (when names differ) and by name', () => {
    expect(findCountry(atlas, { iso2: 'AZ' })?.name).toBe('Azerbaijan');
    expect(findCountry(atlas, { iso2: 'TR' })?.name).toBe('Turkey');
    expect(findCountry(atlas, { names: ['Armenia'] })?.id).toBe('051');
    // Names Natural Earth writes differently still find their country.
    expect(findCountry(atlas, { names: ['Türkiye'] })?.name).toBe('Turkey');
    expect(findCountry(atlas, { names: ['United States'] })?.name).toBe('United States of America');
    expect(findCountry(atlas, { names: ['Atlantis'] })).toBeNull();
  });

  it('frames the country with its neighbourhood, keeping a city marker inside', () => {
    const az = findCountry(atlas, { iso2: 'AZ' })!;
    const baku = { lon: 49.87, lat: 40.41 };
    const v = locatorView(az, baku);
    const x = baku.lon * v.k;
    const y = -baku.lat;
    expect(x).toBeGreaterThan(v.x);
    expect(x).toBeLessThan(v.x + v.w);
    expect(y).toBeGreaterThan(v.y);
    expect(y).toBeLessThan(v.y + v.h);
    expect(v.w).toBeLessThan(40); // zoomed in, not the whole world
    expect(v.w / v.h).toBeCloseTo(1.6, 5);
  });

  it('keeps rings that cross the antimeridian in one piece', () => {
    const fiji = findCountry(atlas, { names: ['Fiji'] })!;
    for (const poly of fiji.polygons) {
      for (const ring of poly) {
        for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i]![0] - ring[i - 1]![0])).toBeLessThan(180);
      }
    }
    expect(countryPath(fiji, locatorView(fiji, null))).toMatch(/^M[-\d.]+,[-\d.]+L/);
  });

  it('falls back to the world for countries too large to zoom on', () => {
    const russia = findCountry(atlas, { names: ['Russia'] })!;
    expect(locatorView(russia, null).w).toBe(360);
  });
});

describe('LocatorMap', () => {
  it('only draws for places', () => {
    expect(mapTarget(ALIYEV)).toBeNull();
    expect(mapTarget(AZERBAIJAN)).toEqual({ names: ['Azerbaijan'], marker: null });
    const baku = { ...AZERBAIJAN, id: 'Q9248', name: 'Baku', type: 'city' as const, facts: [], relations: [] };
    expect(mapTarget(baku)).toBeNull(); // a city without a country or coordinates cannot be placed
    const boston = { ...baku, name: 'Boston', relations: [{ label: 'Part of', items: [{ id: 'Q30', name: 'United States' }] }] };
    expect(mapTarget(boston)).toEqual({ names: ['United States'], marker: null });
  });

  it('highlights the country of a country card, without a marker', async () => {
    const m = await mount(<LocatorMap card={AZERBAIJAN} loadAtlas={load} />);
    unmount = m.unmount;
    const svg = m.root.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('data-country')).toBe('031');
    expect(m.root.querySelectorAll('path.locator-target')).toHaveLength(1);
    expect(m.root.querySelectorAll('path.locator-land').length).toBeGreaterThan(3); // neighbours drawn
    expect(m.root.querySelector('circle.locator-marker')).toBeNull();
    expect(m.root.querySelector('title')?.textContent).toBe('Map: Azerbaijan, in Azerbaijan');
  });

  it('marks a city with coordinates inside its country', async () => {
    const baku = { ...AZERBAIJAN, id: 'Q9248', name: 'Baku', type: 'city' as const, place: { iso2: 'AZ', lat: 40.41, lon: 49.87 } };
    const m = await mount(<LocatorMap card={baku} loadAtlas={load} />);
    unmount = m.unmount;
    const c = m.root.querySelector('circle.locator-marker');
    expect(c).not.toBeNull();
    expect(Number(c?.getAttribute('cy'))).toBeCloseTo(-40.41, 2);
    expect(m.root.querySelector('title')?.textContent).toBe('Map: Baku, in Azerbaijan');
  });

  it('draws nothing when the data cannot be loaded', async () => {
    const m = await mount(<LocatorMap card={AZERBAIJAN} loadAtlas={() => Promise.reject(new Error('gone'))} />);
    unmount = m.unmount;
    expect(m.root.innerHTML).toBe('');
  });
});

describe('Timeline', () => {
  it('places stories in date order around the article line', async () => {
    const m = await mount(<Timeline stories={ALIYEV.related} articleDate="2024-01-15" />);
    unmount = m.unmount;
    const xs = [...m.root.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    const article = Number(m.root.querySelector('.timeline-article line')?.getAttribute('x1'));
    expect(xs).toHaveLength(2);
    expect(xs[0]!).toBeLessThan(article); // 2020 story before the 2024 article
    expect(xs[1]!).toBeGreaterThan(article); // March 2024 after it
    expect(m.root.querySelector('circle.after')).not.toBeNull();
  });

  it('is empty without dated stories', async () => {
    const m = await mount(<Timeline stories={[]} articleDate="2024-01-15" />);
    unmount = m.unmount;
    expect(m.root.querySelector('svg')).toBeNull();
  });
});
