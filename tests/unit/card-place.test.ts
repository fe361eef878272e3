// Issue #6: a city card carries its own position (the locator map's marker) from its `coord` fact.
import { describe, expect, it } from 'vitest';
import { buildCard } from '../../src/core/card';
import { KbIndex } from '../../src/core/kb';
import type { Actor, KnowledgeBase } from '../../src/core/types';
import { MINI_KB } from '../fixtures/kb/mini-kb';

/** MINI_KB with Baku's coord fact set to `v` (the real Baku lies near 40.4 N, 49.9 E). */
function kbWithBakuAt(v: string): KbIndex {
  const actors: Actor[] = MINI_KB.actors.map((a) =>
    a.id === 'Q9248' ? { ...a, facts: [...a.facts, { p: 'coord', v, src: 'factbook' }] } : a);
  return new KbIndex({ ...MINI_KB, actors } as KnowledgeBase);
}

describe('Card.place lat/lon', () => {
  it('a city with a coord fact gets lat and lon beside its country', () => {
    const place = buildCard(kbWithBakuAt('40.38,49.89'), 'Q9248', '2023-10-23', []).place;
    expect(place).toEqual({ country: 'Azerbaijan', lat: 40.38, lon: 49.89 });
  });

  it('negative coordinates (south, west) are kept', () => {
    const place = buildCard(kbWithBakuAt('-34.61,-58.38'), 'Q9248', null, []).place;
    expect([place?.lat, place?.lon]).toEqual([-34.61, -58.38]);
  });

  it('a malformed or out-of-range coord gives no marker but keeps the country', () => {
    for (const bad of ['', 'north', '91,10', '10,181', '40.38']) {
      const place = buildCard(kbWithBakuAt(bad), 'Q9248', null, []).place;
      expect(place, bad).toEqual({ country: 'Azerbaijan' });
    }
  });

  it('a country card has no marker', () => {
    expect(buildCard(kbWithBakuAt('40.38,49.89'), 'Q227', null, []).place).not.toHaveProperty('lat');
  });
});
