import { describe, expect, it } from 'vitest';
import { KbError, KbIndex, mergeKb, parseKb, withCurrentIds } from '../../src/core/kb';
import { run } from '../../src/cli/kb';
import type { KnowledgeBase } from '../../src/core/types';
import { MINI_KB } from '../fixtures/kb/mini-kb';

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(MINI_KB)) as Record<string, unknown>;

describe('parseKb', () => {
  it('accepts a valid knowledge base', () => {
    expect(parseKb(clone()).actors.length).toBe(MINI_KB.actors.length);
  });
  it('names what is wrong', () => {
    expect(() => parseKb(null)).toThrow(KbError);
    expect(() => parseKb({ ...clone(), version: '1' })).toThrow(/version/);
    expect(() => parseKb({ ...clone(), actors: {} })).toThrow(/actors/);
    const bad = clone();
    (bad.actors as Record<string, unknown>[])[0]!.type = 'planet';
    expect(() => parseKb(bad)).toThrow(/actor Q145: unknown type planet/);
    const badAlias = clone();
    (badAlias.actors as { aliases: unknown[] }[])[1]!.aliases.push({ t: 'x', cs: 'yes' });
    expect(() => parseKb(badAlias)).toThrow(/flag cs is not boolean/);
    const badFact = clone();
    (badFact.actors as { facts: unknown[] }[])[1]!.facts.push({ p: 'born', v: 1961, src: 'x' });
    expect(() => parseKb(badFact)).toThrow(/fact needs string p, v and src/);
    expect(() => parseKb({ ...clone(), moved: { 'bs:a': 5 } })).toThrow(/"moved" is not a map of ids/);
    expect(() => parseKb({ ...clone(), moved: ['bs:a'] })).toThrow(/"moved"/);
    expect(parseKb({ ...clone(), moved: { 'bs:a': 'Q145' } }).moved).toEqual({ 'bs:a': 'Q145' });
  });
});

describe('withCurrentIds', () => {
  it('names a stored story\'s actors by their current ids, in order and once each', () => {
    const story = { id: 's', actors: ['bs:old', 'Q1', 'Q2'] };
    expect(withCurrentIds(story, { 'bs:old': 'Q2' }).actors).toEqual(['Q2', 'Q1']);
    expect(withCurrentIds(story, { 'bs:other': 'Q9' })).toBe(story);
    expect(withCurrentIds({ id: 't', actors: ['toString'] }, {}).actors).toEqual(['toString']);
  });
});

describe('KbIndex', () => {
  const kb = new KbIndex(MINI_KB);
  it('finds by id and by folded name or alias', () => {
    expect(kb.size).toBe(MINI_KB.actors.length);
    expect(kb.get('Q227')?.name).toBe('Azerbaijan');
    expect(kb.summary('Q9248')).toEqual({ id: 'Q9248', name: 'Baku', type: 'city' });
    expect(kb.summary('nope')).toBeUndefined();
    expect(kb.byName('  NAGORNO-karabakh ').map((a) => a.id)).toEqual(['Q44302']);
    expect(kb.byName('uk').map((a) => a.id)).toEqual(['Q145']);
    expect(kb.byName('Atlantis')).toEqual([]);
  });
});

describe('mergeKb', () => {
  it('adds pack actors and lets the base win on a clash', () => {
    const pack: KnowledgeBase = {
      version: 1, built: 'x', sources: { p: { id: 'p', name: 'P', licence: 'CC0' } },
      actors: [
        { id: 'Q227', type: 'other', name: 'Not Azerbaijan', desc: '', aliases: [], facts: [] },
        { id: 'pack:p:Q1', type: 'other', name: 'New', desc: '', aliases: [], facts: [] },
      ],
    };
    const merged = new KbIndex(mergeKb(MINI_KB, [pack]));
    expect(merged.get('Q227')?.name).toBe('Azerbaijan');
    expect(merged.get('pack:p:Q1')?.name).toBe('New');
    expect(Object.keys(merged.kb.sources)).toContain('p');
  });
});

describe('kb CLI', () => {
  const files = new Map<string, string>([['kb.json', JSON.stringify(MINI_KB)], ['bad.json', '{"entities":']]);
  const make = () => {
    const out: string[] = [];
    const err: string[] = [];
    const written = new Map<string, string>();
    const io = {
      stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s),
      readFile: async (p: string) => { const t = files.get(p); if (t === undefined) throw new Error('ENOENT'); return t; },
      writeFile: async (p: string, s: string) => void written.set(p, s),
      kbPath: 'kb.json',
    };
    return { io, out, err, written };
  };
  it('prints every id, one a line', async () => {
    const { io, out } = make();
    expect(await run(['--ids'], io)).toBe(0);
    expect(out.join('').trim().split('\n')).toEqual(MINI_KB.actors.map((a) => a.id));
  });
  it('prints counts by type, id kind and language', async () => {
    const { io, out } = make();
    expect(await run(['--stats'], io)).toBe(0);
    const text = out.join('');
    expect(text).toContain(`actors: ${MINI_KB.actors.length}`);
    expect(text).toContain('by id kind: QID 5, local 5, pack 0');
    expect(text).toMatch(/by type: country 2, city 1, region 1, person 5, organization 1/);
  });
  it('imports a pack and reports bad input with a non-zero exit', async () => {
    const { io, err, written } = make();
    files.set('mine.json', JSON.stringify({ entities: { Q5: { id: 'Q5', labels: { en: { language: 'en', value: 'Human' } } } } }));
    expect(await run(['import', 'mine.json', '--out', 'pack.json'], io)).toBe(0);
    expect(JSON.parse(written.get('pack.json')!).actors[0].id).toBe('pack:mine:Q5');
    expect(await run(['import', 'bad.json'], io)).toBe(1);
    expect(await run(['import', 'missing.json'], io)).toBe(1);
    expect(err.join('')).toMatch(/bad\.json: not JSON[\s\S]*missing\.json: cannot read file/);
    expect(await run([], io)).toBe(2);
  });
  it('fails clearly when the knowledge base is missing', async () => {
    const { io, err } = make();
    expect(await run(['--ids'], { ...io, kbPath: 'none.json' })).toBe(1);
    expect(err.join('')).toContain('none.json: cannot read the knowledge base');
  });
});
