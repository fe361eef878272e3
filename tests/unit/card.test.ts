import { describe, expect, it } from 'vitest';
import { buildCard } from '../../src/core/card';
import { KbIndex } from '../../src/core/kb';
import { MINI_KB } from '../fixtures/kb/mini-kb';

const kb = new KbIndex(MINI_KB);

describe('buildCard', () => {
  it('writes a current office with its start date', () => {
    const c = buildCard(kb, 'bs:ilham-aliyev', '2023-10-23', []);
    expect(c.headline).toBe('President of Azerbaijan since 31 October 2003');
    expect(c.qid).toBeNull();
    expect(c.link.href).toBe('https://en.wikipedia.org/w/index.php?search=Ilham%20Aliyev');
    expect(c.facts.find((f) => f.label === 'Office')?.changed).toBeUndefined();
  });
  it('writes a past office "at the time of this article" with a badge for the change', () => {
    const c = buildCard(kb, 'bs:rishi-sunak', '2023-10-23', []);
    expect(c.headline).toBe('UK Prime Minister at the time of this article (25 Oct 2022 to 5 Jul 2024)');
    expect(c.facts.find((f) => f.label === 'Office')?.changed).toBe('no longer Prime Minister since 5 Jul 2024');
    expect(c.sources.map((s) => s.id)).toEqual(['backstory']);
  });
  it('calls a person former when the office ended before the article', () => {
    expect(buildCard(kb, 'bs:liz-truss', '2023-10-23', []).headline).toBe('Former UK Prime Minister (6 Sep 2022 to 25 Oct 2022)');
  });
  it('gives a country its holders as of the date, with what changed since', () => {
    const c = buildCard(kb, 'Q145', '2023-10-23', []);
    const hog = c.facts.find((f) => f.label === 'Head of government')!;
    expect(hog.value).toBe('Prime Minister Rishi Sunak');
    expect(hog.ref).toBe('bs:rishi-sunak');
    expect(hog.changed).toBe('Rishi Sunak left office on 5 Jul 2024; now Keir Starmer');
    expect(c.facts.find((f) => f.label === 'Population')?.value).toBe('67,000,000 (2021 est.)');
    expect(c.relations.find((r) => r.label === 'Member of')?.items).toEqual([{ id: 'Q7184', name: 'NATO' }]);
    expect(c.link.href).toBe('https://www.wikidata.org/wiki/Q145');
    expect(c.qid).toBe('Q145');
  });
  it('gives Azerbaijan in 2023 its president and capital but not a 2026-only head of government', () => {
    const c = buildCard(kb, 'Q227', '2023-10-23', []);
    expect(c.headline).toBe('President Ilham Aliyev since 31 October 2003');
    expect(c.facts.map((f) => f.label)).toEqual(['Head of state', 'Capital']);
    expect(c.facts[1]!.value).toBe('Baku');
  });
  it('gives a region its status as of the date and the later change', () => {
    const before = buildCard(kb, 'Q44302', '2023-01-01', []);
    expect(before.headline).toBe('Held by ethnic Armenian forces');
    expect(before.facts.find((f) => f.label === 'Status')?.changed).toBe('since 20 Sep 2023: Under Azerbaijani control');
    expect(buildCard(kb, 'Q44302', '2023-10-23', []).headline).toBe('Under Azerbaijani control');
    expect(before.relations).toEqual([{ label: 'Part of', items: [{ id: 'Q227', name: 'Azerbaijan' }] }]);
  });
  it('lists an organisation\'s members and a city\'s country', () => {
    const nato = buildCard(kb, 'Q7184', '2023-10-23', []);
    expect(nato.relations.find((r) => r.label === 'Members')?.items.map((i) => i.id)).toEqual(['Q145']);
    expect(buildCard(kb, 'Q9248', null, []).headline).toBe('Capital of Azerbaijan');
  });
  it('throws on an unknown id', () => {
    expect(() => buildCard(kb, 'bs:nobody', null, [])).toThrow(/unknown actor/);
  });
});

describe('Card.place (locator map)', () => {
  it('locates a city through the country it is part of', () => {
    expect(buildCard(kb, 'Q9248', '2023-10-23', []).place).toEqual({ country: 'Azerbaijan' });
  });
  it('gives a country itself and no place to a person', () => {
    expect(buildCard(kb, 'Q227', '2023-10-23', []).place?.country).toBe('Azerbaijan');
    expect(buildCard(kb, 'bs:ilham-aliyev', '2023-10-23', []).place).toBeUndefined();
  });
});

describe('population on a card', () => {
  it('carries its year in the value and no "since" range (a measurement, not an office)', () => {
    const pop = buildCard(kb, 'Q145', '2023-10-23', []).facts.find((f) => f.label === 'Population')!;
    expect(pop.value).toBe('67,000,000 (2021 est.)');
    expect(pop.from).toBeUndefined();
    expect(pop.until).toBeUndefined();
  });
});

describe('buildCard after the data ends', () => {
  const later = new KbIndex({ ...MINI_KB, dataAsOf: '2026-01-22' });
  it('says a holder is known only up to the data, for a later article and for today', () => {
    const hos = (asOf: string | null) => buildCard(later, 'Q227', asOf, []).facts.find((f) => f.label === 'Head of state')!;
    expect(hos(null).beyond).toBe('as of 22 Jan 2026, the latest in Backstory\'s data');
    expect(hos('2026-06-01T09:00:00Z').beyond).toBe('as of 22 Jan 2026, the latest in Backstory\'s data');
    expect(hos('2023-10-23').beyond).toBeUndefined();
    const office = buildCard(later, 'bs:ilham-aliyev', '2026-06-01', []).facts.find((f) => f.label === 'Office')!;
    expect(office.beyond).toMatch(/^as of 22 Jan 2026/);
  });
  it('says nothing for an office that ended, nor without a date in the KB', () => {
    expect(buildCard(later, 'bs:rishi-sunak', '2026-06-01', []).facts.find((f) => f.label === 'Later office' || f.label === 'Office')?.beyond).toBeUndefined();
    expect(buildCard(kb, 'Q227', null, []).facts.find((f) => f.label === 'Head of state')!.beyond).toBeUndefined();
  });
});
