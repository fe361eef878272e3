// Clean-ups of the compiled knowledge base (issue #3): one actor per city, capitals spelt as the news does, table
// rows typed person that name no person, and short forms that are no surname. Expected values checked by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKb } from '../../scripts/kb/build';
import { fold } from '../../scripts/kb/builder';
import type { Actor, KnowledgeBase } from '../../src/core/types';

let kb: KnowledgeBase;
let byId: Map<string, Actor>;
let iso: (code: string) => Actor;

beforeAll(async () => {
  kb = await buildKb();
  byId = new Map(kb.actors.map((a) => [a.id, a]));
  const byIso = new Map(kb.actors.flatMap((a) => a.facts.filter((f) => f.p === 'iso2').map((f) => [f.v, a] as [string, Actor])));
  iso = (code) => byIso.get(code)!;
}, 60_000);

const named = (name: string): Actor[] => kb.actors.filter((a) => fold(a.name) === fold(name));
const refs = (a: Actor, p: string): string[] => a.facts.filter((f) => f.p === p).map((f) => f.v);
const forms = (a: Actor): string[] => a.aliases.map((x) => x.t);

describe('cities', () => {
  it('carries each city once: an untyped table row named like it is the city', () => {
    for (const [name, country] of [['Austin', 'US'], ['Honolulu', 'US'], ['Krasnoyarsk', 'RU'], ['Chongjin', 'KP'], ['Denpasar', 'ID'], ['Fès', 'MA']] as const) {
      const hits = named(name);
      expect(hits.map((a) => a.type), name).toEqual(['city']);
      expect(refs(hits[0]!, 'part-of'), name).toContain(iso(country).id);
    }
    // Rows of that name that are no city stay apart: the comic-book Batman, the emperor Constantine.
    expect(named('Batman').map((a) => a.type).sort()).toEqual(['city', 'other']);
    expect(named('Constantine').find((a) => a.type !== 'city')?.aliases.map((x) => x.t)).toContain('Constantine I');
  });

  it('has no two cities of one country sharing a name or alias', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const a of kb.actors.filter((x) => x.type === 'city')) {
      const country = refs(a, 'part-of')[0];
      // Cities the review typed from a name alone have no country: namesakes among them (Cambridge in England and
      // in Massachusetts) are different places, not duplicates.
      if (!country) continue;
      for (const al of new Set(a.aliases.map((x) => fold(x.t)))) {
        const k = `${country}|${al}`;
        const other = seen.get(k);
        if (other) clashes.push(`${other} / ${a.id}: ${al}`); else seen.set(k, a.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('drops the GeoNames row that put 1.3 million people in a Haryana village called Gorakhpur', () => {
    const g = named('Gorakhpur');
    expect(g).toHaveLength(1);
    expect(refs(g[0]!, 'coord')[0]).toMatch(/^26\.\d+,83\.\d+$/); // Uttar Pradesh
  });
});

describe('capitals', () => {
  const capitals = (code: string): Actor[] => refs(iso(code), 'capital').map((id) => byId.get(id)!);

  it('gives Mongolia, Kazakhstan, Panama and Tonga one capital each, with the other spelling as an alias', () => {
    const cases = [['MN', 'Ulaanbaatar', 'Ulan Bator'], ['KZ', 'Astana', 'Nur-Sultan'], ['PA', 'Panama City', 'Panamá'], ['TO', 'Nuku‘alofa', "Nuku'alofa"]] as const;
    for (const [code, name, other] of cases) {
      const caps = capitals(code);
      expect(caps.map((c) => fold(c.name)), code).toEqual([fold(name)]);
      expect(caps[0]!.aliases.map((x) => fold(x.t)), code).toContain(fold(other));
      expect(named(other).filter((a) => a.type === 'city'), code).toHaveLength(fold(other) === fold(name) ? 1 : 0);
    }
  });

  it("gives Myanmar Nay Pyi Taw only; Yangon (Rangoon) is no capital since 2006", () => {
    expect(capitals('MM').map((c) => c.name)).toEqual(['Nay Pyi Taw']);
    const yangon = named('Yangon')[0]!;
    expect(forms(yangon)).toContain('Rangoon');
    expect(refs(yangon, 'capital-of')).toEqual([]);
    expect(named('Rangoon')).toEqual([]);
  });
});

describe('types and short forms', () => {
  it('types table rows that name an armed force or an office, not a person', () => {
    expect(byId.get('Q928670')).toMatchObject({ name: 'National Guard', type: 'armed-group' });
    expect(byId.get('Q929554')).toMatchObject({ name: 'South Lebanon Army', type: 'armed-group' });
    expect(byId.get('Q11696')?.type).toBe('other');
    // "SLA" still links only after the full name (Sudan's SLA is another group).
    expect(byId.get('Q929554')!.aliases.find((x) => x.t === 'SLA')?.short).toBe(true);
  });

  it("gives no short form from a given name or a mother's surname", () => {
    const maduro = byId.get('Q58132')!;
    expect(forms(maduro)).not.toContain('Moros');
    expect(forms(maduro)).not.toContain('Nicolás Moros');
    expect(forms(maduro)).toContain('Maduro');
    for (const name of ['Kim Jong-un', 'Xi Jinping', 'Moon Jae-in', 'Yoon Suk Yeol']) {
      const p = named(name).find((a) => a.type === 'person')!;
      const given = name.split(' ').slice(1).join(' ');
      expect(forms(p), name).not.toContain(given);
      expect(forms(p), name).not.toContain(name.split(' ').at(-1));
    }
  });
});

describe('untyped rows only linkers agreed on', () => {
  it('take their own name, not what the linkers also sent there', () => {
    // wikidata-names.csv lists "Native American", "Hispanic" and "Latino" under Q2035701 "African American" (peers).
    const a = byId.get('Q2035701')!;
    expect(forms(a)).toEqual(['African American']);
  });
});
