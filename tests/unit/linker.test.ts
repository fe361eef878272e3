import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/types';
import { THRESHOLD, createLinker } from '../../src/core/linker';

const kb = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/linking/kb-small.json', import.meta.url)), 'utf8')) as KnowledgeBase;
const linker = createLinker(kb);
const ids = (text: string, opts = {}) => linker.link(text, { date: '2023-10-23', lang: 'en', ...opts }).mentions.map((m) => `${m.text}=${m.entityId}`);
/** The longer mentions besides the parts ("Denver, Colorado", "Turkish President Erdoğan"), as [text, id]. */
const qualified = (text: string) => linker.link(text, { date: '2023-10-23', lang: 'en' }).qualified.map((m) => [m.text, m.entityId]);

describe('linker', () => {
  it('returns mentions sorted by start, each with a score at or above the threshold and its exact text', () => {
    const text = 'Tbilisi and Baku signed a deal with Ankara.';
    const { mentions } = linker.link(text, { lang: 'en' });
    expect(mentions.map((m) => m.text)).toEqual(['Tbilisi', 'Baku', 'Ankara']);
    for (const m of mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.score).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });

  it('lists unsure readings as possible mentions instead of highlighting them', () => {
    const r = linker.link('Turkey prices rise ahead of Thanksgiving.', { lang: 'en' });
    expect(r.mentions).toEqual([]);
    expect(r.possible.map((m) => m.entityId)).toEqual(['Q43']);
    expect(r.possible[0]!.score).toBeLessThan(THRESHOLD);
  });

  it('never links a lower-case common word to a capitalised name', () => {
    const r = linker.link('We ate turkey in a nice restaurant.', { lang: 'en' });
    expect(r.mentions).toEqual([]);
    expect(r.possible).toEqual([]);
  });

  it('reads Georgia from its neighbours: the country beside Tbilisi, the state beside Atlanta, nothing without the state', () => {
    expect(ids('Tbilisi is the capital of Georgia.')).toEqual(['Tbilisi=bs:tbilisi', 'Georgia=Q230']);
    expect(ids('Atlanta is the largest city in Georgia.')).toEqual(['Atlanta=bs:atlanta', 'Georgia=bs:georgia-us-state']);
    const noState = createLinker({ ...kb, actors: kb.actors.filter((a) => a.id !== 'bs:georgia-us-state') });
    expect(noState.link('Atlanta is the largest city in Georgia.', { lang: 'en' }).mentions.map((m) => m.entityId)).toEqual(['bs:atlanta']);
  });

  it('links a surname to the person named in full earlier, and by office on the date otherwise', () => {
    expect(ids('Heydar Aliyev built the party. Aliyev died in 2003.')).toEqual(['Heydar Aliyev=bs:heydar-aliyev', 'Aliyev=bs:heydar-aliyev']);
    expect(ids('President Aliyev spoke.', { date: '2023-01-01' })).toEqual(['Aliyev=bs:ilham-aliyev']);
    expect(ids('President Aliyev spoke.', { date: '1999-01-01' })).toEqual(['Aliyev=bs:heydar-aliyev']);
    expect(ids('Mr Aliyev sold tea.', { date: '2023-01-01' })).toEqual(['Mr Aliyev=bs:ilham-aliyev']);
    expect(ids('Aliyev sold tea.')).toEqual([]);
  });

  it('offers the other candidates for "pick another"', () => {
    const m = linker.link('Atlanta voters in Georgia.', { lang: 'en' }).mentions.find((x) => x.text === 'Georgia');
    expect(m?.entityId).toBe('bs:georgia-us-state');
    expect(m?.alt).toContain('Q230');
  });

  it('applies corrections for the site: removes a link or replaces it', () => {
    const text = 'Talks in Tbilisi, Georgia.';
    const site = 'news.example';
    const wrong = { site, mentionText: 'GEORGIA', wrongId: 'Q230' };
    expect(linker.link(text, { site, corrections: [{ ...wrong, rightId: null }] }).mentions.map((m) => m.entityId)).toEqual(['bs:tbilisi']);
    const fixed = linker.link(text, { site, corrections: [{ ...wrong, rightId: 'bs:georgia-us-state' }] }).mentions;
    expect(fixed.map((m) => m.entityId)).toEqual(['bs:tbilisi', 'bs:georgia-us-state']);
    expect(fixed[1]!.score).toBe(1);
    // Another site is not affected.
    expect(linker.link(text, { site: 'other.example', corrections: [{ ...wrong, rightId: null }] }).mentions.map((m) => m.entityId)).toEqual(['bs:tbilisi', 'Q230']);
  });

  it('reads a correction stored under an id the knowledge base has since moved as the id it became', () => {
    const moved = createLinker({ ...kb, moved: { 'bs:old-georgia': 'Q230', 'bs:old-state': 'bs:georgia-us-state' } });
    const text = 'Talks in Tbilisi, Georgia.';
    const site = 'news.example';
    const old = { site, mentionText: 'Georgia', wrongId: 'bs:old-georgia' };
    expect(moved.link(text, { site, corrections: [{ ...old, rightId: null }] }).mentions.map((m) => m.entityId)).toEqual(['bs:tbilisi']);
    expect(moved.link(text, { site, corrections: [{ ...old, rightId: 'bs:old-state' }] }).mentions.map((m) => m.entityId)).toEqual(['bs:tbilisi', 'bs:georgia-us-state']);
    // Without the map the old ids match nothing: the link stands, and a pick of an unknown id drops the mention.
    expect(linker.link(text, { site, corrections: [{ ...old, rightId: null }] }).mentions.map((m) => m.entityId)).toEqual(['bs:tbilisi', 'Q230']);
  });

  it('uses the article language for short foreign forms', () => {
    expect(ids('Türkiye ile AB görüştü.', { lang: 'tr' })).toEqual(['Türkiye=Q43', 'AB=Q458']);
    expect(ids('The AB test.', { lang: 'en' })).toEqual([]);
  });

  it('builds quickly and links an empty text to nothing', () => {
    expect(linker.link('').mentions).toEqual([]);
    expect(linker.link('   \n').possible).toEqual([]);
  });
});

describe('places named with where they lie', () => {
  const linker = createLinker(kb);

  it('reads "Atlanta, Georgia" and "Houston, TX" as one mention of the city, besides both parts', () => {
    const r = linker.link('Officials in Atlanta, Georgia, and Houston, TX, agreed.', { date: '2023-10-23', lang: 'en' });
    expect(r.qualified.map((m) => [m.text, m.entityId])).toEqual([['Atlanta, Georgia', 'bs:atlanta'], ['Houston, TX', 'bs:houston']]);
    expect(r.mentions.map((m) => m.text)).toEqual(['Atlanta', 'Georgia', 'Houston', 'TX']);
  });

  it('takes the country, not the state, after a city of that country', () => {
    const r = linker.link('A rally in Tbilisi, Georgia, drew thousands.', { date: '2023-10-23', lang: 'en' });
    expect(r.mentions.map((m) => [m.text, m.entityId])).toEqual([['Tbilisi', 'bs:tbilisi'], ['Georgia', 'Q230']]);
    expect(r.qualified.map((m) => m.text)).toEqual(['Tbilisi, Georgia']);
  });

  it('makes no compound of a list, a wrong namesake or "and"', () => {
    expect(qualified('Flights from Paris, Berlin and Ankara were cancelled.')).toEqual([]);
    expect(qualified('The plant in Birmingham, Alabama, closed.')).toEqual([]);
    expect(qualified('Voters in Atlanta and Georgia agreed.')).toEqual([]);
    expect(qualified('Atlanta,\nGeorgia')).toEqual([]);
  });

  it('leaves a city that the place after it cannot hold as a possible mention only', () => {
    const r = linker.link('Police in Portland, Maine, closed the road.', { date: '2023-10-23', lang: 'en' });
    expect(r.mentions.map((m) => m.entityId)).toEqual(['bs:maine']);
    expect(r.possible.map((m) => m.entityId)).toContain('bs:portland');
  });
});


describe('people named with their title', () => {
  const linker = createLinker(kb);

  it('reads "Turkish President Recep Tayyip Erdoğan" as one more mention of the person, besides the name', () => {
    const r = linker.link('Turkish President Recep Tayyip Erdoğan met the press.', { date: '2023-10-23', lang: 'en' });
    expect(r.qualified.map((m) => [m.text, m.entityId])).toEqual([['Turkish President Recep Tayyip Erdoğan', 'Q39259']]);
    expect(r.mentions.map((m) => m.text)).toEqual(['Recep Tayyip Erdoğan']);
    expect(qualified('The Turkish Prime Minister Recep Tayyip Erdoğan spoke.')).toEqual([['Turkish Prime Minister Recep Tayyip Erdoğan', 'Q39259']]);
  });

  it('needs a demonym of a country the person belongs to, and a title between', () => {
    expect(qualified('French President Recep Tayyip Erdoğan')).toEqual([]);
    expect(qualified('President Recep Tayyip Erdoğan spoke.')).toEqual([]);
    expect(qualified('Turkish Recep Tayyip Erdoğan spoke.')).toEqual([]);
    expect(qualified('Turkish president Recep Tayyip Erdoğan spoke.')).toEqual([]);
  });
});

describe('photo credits', () => {
  const linker = createLinker(kb);
  const texts = (text: string) => linker.link(text, { date: '2023-10-23', lang: 'en' }).mentions.map((m) => m.text);

  it('links no person named as the photographer of a credit line', () => {
    expect(texts('Talks went on in Berlin. Photograph: Olaf Scholz/Reuters')).toEqual(['Berlin']);
    expect(texts('Talks went on in Berlin. (Photo by Olaf Scholz/Getty Images)')).toEqual(['Berlin']);
    expect(texts('Credit: Olaf Scholz/AFP')).toEqual([]);
  });

  it('still links a person in a caption or beside a slash in running text', () => {
    expect(texts('Photo: Olaf Scholz arrives in Berlin.')).toEqual(['Olaf Scholz', 'Berlin']);
    expect(texts('The Olaf Scholz/Recep Tayyip Erdoğan meeting ended.')).toEqual(['Olaf Scholz', 'Recep Tayyip Erdoğan']);
  });
});

describe('a place inside another name', () => {
  const linker = createLinker(kb);
  const texts = (text: string) => linker.link(text, { date: '2023-10-23', lang: 'en' }).mentions.map((m) => m.text);

  it('is no place before "magazine" or "edition", nor in a title with its year', () => {
    expect(texts('She lives in Paris and writes for the Paris edition of a weekly.')).toEqual(['Paris']);
    expect(texts('Festival films: The Night in Istanbul (1961) and Moscow Nights (1934).')).toEqual([]);
    expect(texts('Talks in Istanbul (2022) and Moscow went on.')).toEqual(['Moscow']);
  });

  it('is the club before "forward" or "fans" in a sports report, and the city elsewhere', () => {
    const sport = 'The Berlin striker scored twice as the league leaders won the football match, and Berlin fans sang.';
    expect(texts(sport)).toEqual([]);
    expect(texts('Berlin fans of modern art queued at the museum.')).toEqual(['Berlin']);
  });

  it('is part of a longer name when it touches an unsure name ("North Melbourne")', () => {
    expect(texts('They heard the Karabakh Berlin quartet play jazz all night.')).toEqual([]);
    expect(texts('They heard a quartet from Berlin play jazz all night.')).toEqual(['Berlin']);
  });
});
