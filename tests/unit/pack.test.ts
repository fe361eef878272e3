import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PackError, wikidataToPack } from '../../src/core/pack';
import { mergeKb, parseKb } from '../../src/core/kb';
import { MINI_KB } from '../fixtures/kb/mini-kb';

const entities = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/kb/entities.json', import.meta.url)), 'utf8')) as unknown;

describe('wikidataToPack', () => {
  const pack = wikidataToPack(entities, 'mine');
  it('makes one actor per entity with pack ids and the QID kept as a fact', () => {
    expect(pack.actors.map((a) => a.id)).toEqual(['pack:mine:Q900001', 'pack:mine:Q900002']);
    const jane = pack.actors[0]!;
    expect(jane.facts.find((f) => f.p === 'wikidata')?.v).toBe('Q900001');
    expect(jane.name).toBe('Jane Example');
    expect(jane.desc).toBe('fictional politician written for a test');
  });
  it('types from P31, skipping deprecated claims', () => {
    expect(pack.actors.map((a) => a.type)).toEqual(['person', 'country']);
  });
  it('keeps labels and aliases in every language, acronyms case-sensitive', () => {
    const jane = pack.actors[0]!;
    expect(jane.aliases).toEqual([{ t: 'Jane Example' }, { t: 'Jeanne Exemple', lang: 'fr' }, { t: 'J. Example' }]);
    expect(pack.actors[1]!.aliases).toContainEqual({ t: 'EXS', cs: true });
    expect(pack.actors[1]!.aliases).toContainEqual({ t: 'Beispielstan', lang: 'de' });
  });
  it('links references inside the file and drops the ones that would dangle', () => {
    const jane = pack.actors[0]!;
    expect(jane.facts.filter((f) => f.ref).map((f) => `${f.p}=${f.v}`)).toEqual(['nationality=pack:mine:Q900002']);
    expect(jane.facts.find((f) => f.p === 'born')?.v).toBe('1970-05');
  });
  it('passes parseKb and merges under a base without replacing base actors', () => {
    expect(() => parseKb(pack)).not.toThrow();
    const merged = mergeKb(MINI_KB, [pack, pack]);
    expect(merged.actors.length).toBe(MINI_KB.actors.length + 2);
    expect(merged.sources['pack:mine']).toBeDefined();
  });
  it('rejects bad files with a PackError saying why', () => {
    expect(() => wikidataToPack([], 'x')).toThrow(PackError);
    expect(() => wikidataToPack({ entities: {} }, 'x')).toThrow(/no entities/);
    expect(() => wikidataToPack({ entities: { P31: { id: 'P31', labels: {} } } }, 'x')).toThrow(/not an item id/);
    expect(() => wikidataToPack({ entities: { Q1: { id: 'Q1', labels: {} } } }, 'x')).toThrow(/no label/);
    expect(() => wikidataToPack(entities, 'Bad Name')).toThrow(/pack name/);
  });
});
