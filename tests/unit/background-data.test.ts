// data.ts over a small knowledge base and corpus written here; storage is an in-memory fake with injected faults.
import { describe, expect, it } from 'vitest';
import { createData } from '../../src/background/data';
import { memoryArea } from '../../src/background/store';
import type { HistoryEntry, KnowledgeBase } from '../../src/core/types';

const KB: KnowledgeBase = {
  version: 1,
  built: '2026-11-22T00:00:00Z',
  sources: { ed: { id: 'ed', name: 'Backstory editors', licence: 'CC BY 4.0' } },
  actors: [
    { id: 'Q227', type: 'country', name: 'Azerbaijan', desc: 'Country in the South Caucasus.', aliases: [{ t: 'Azerbaijan' }], facts: [{ p: 'capital', v: 'Q9248', ref: true, src: 'ed' }], prior: 0.8 },
    { id: 'Q9248', type: 'city', name: 'Baku', desc: 'Capital of Azerbaijan.', aliases: [{ t: 'Baku' }], facts: [{ p: 'capital-of', v: 'Q227', ref: true, src: 'ed' }], prior: 0.7 },
    { id: 'Q399', type: 'country', name: 'Armenia', desc: 'Country in the South Caucasus.', aliases: [{ t: 'Armenia' }], facts: [], prior: 0.8 },
  ],
};

const CORPUS = {
  header: { format: 'backstory-corpus', version: 1, name: 'Bundled test', edition: '1', date: '2026-01-01', licence: 'CC BY 4.0' },
  stories: [
    { id: 'c1', url: 'https://example.org/c1', title: 'Baku hosts regional talks', source: 'Example', published: '2023-04-01', lang: 'en', summary: 'Talks on transport in Baku.', actors: ['Q9248', 'Q227'] },
  ],
};

const IMPORT_OK = [
  JSON.stringify({ format: 'backstory-corpus', version: 1, name: 'Mine', edition: '2', date: '2026-02-01', licence: 'CC0' }),
  JSON.stringify({ id: 'm1', url: 'https://example.org/m1', title: 'Armenia and Azerbaijan sign a border text', source: 'Mine', published: '2024-01-05', lang: 'en', summary: 'A border text.', actors: ['Q399', 'Q227'] }),
  JSON.stringify({ id: 'm2', url: null, title: 'Armenia budget passes', source: 'Mine', published: '2024-02-05', lang: 'en', summary: '', actors: ['Q399'] }),
].join('\n');

const IMPORT_BAD = IMPORT_OK + '\n' + JSON.stringify({ id: 'm3', title: 'no date', source: 'Mine', lang: 'en', summary: '', actors: [] });

function setup() {
  const local = memoryArea();
  const store: HistoryEntry[] = []; // the history store (IndexedDB in the extension)
  const data = createData({
    local,
    historyEntries: async () => store,
    async loadJson(path) {
      if (path === 'data/kb.json') return structuredClone(KB);
      if (path === 'data/corpus.json') return structuredClone(CORPUS);
      throw new Error(`no ${path}`);
    },
  });
  return { local, data, store };
}

const snapshot = (m: Map<string, unknown>) => JSON.stringify([...m].sort(([a], [b]) => a.localeCompare(b)));

describe('createData', () => {
  it('links with the compiled knowledge base and summarises actors', async () => {
    const { data } = setup();
    const { mentions } = await data.link('Officials in Baku said Azerbaijan and Armenia would meet again.', { corrections: [] });
    expect(mentions.map((m) => [m.text, m.entityId])).toEqual([['Baku', 'Q9248'], ['Azerbaijan', 'Q227'], ['Armenia', 'Q399']]);
    expect(await data.summary('Q9248')).toEqual({ id: 'Q9248', name: 'Baku', type: 'city' });
    expect(await data.summary('Q1')).toBeUndefined();
    expect(await data.card('Q1', null, [])).toBeNull();
    expect((await data.card('Q9248', '2024-01-01', []))?.name).toBe('Baku');
  });

  it('ranks bundled and imported stories; lists the corpora', async () => {
    const { data } = setup();
    expect((await data.related({ actors: ['Q9248'], limit: 5 })).map((r) => r.id)).toEqual(['c1']);
    const info = await data.importCorpus('Mine.jsonl', IMPORT_OK);
    expect(info).toEqual({ name: 'mine', stories: 2, edition: '2', date: '2026-02-01', licence: 'CC0', bundled: false });
    const ids = (await data.related({ actors: ['Q399'], limit: 5 })).map((r) => r.id).sort();
    expect(ids).toEqual(['m1', 'm2']);
    expect((await data.corpora()).map((c) => [c.name, c.bundled])).toEqual([['Bundled test', true], ['mine', false]]);
    expect(await data.removeCorpus('mine')).toBe(true);
    expect(await data.related({ actors: ['Q399'], limit: 5 })).toEqual([]);
    expect(await data.removeCorpus('mine')).toBe(false);
  });

  it('rejects a bad corpus file whole, naming the line, and leaves storage untouched', async () => {
    const { data, local } = setup();
    await data.importCorpus('first', IMPORT_OK);
    const before = snapshot(local.data);
    await expect(data.importCorpus('first', IMPORT_BAD)).rejects.toThrow(/^first:4: published/);
    expect(snapshot(local.data)).toBe(before);
    // The index still holds the earlier, good version.
    expect((await data.related({ actors: ['Q399'], limit: 5 })).length).toBe(2);
  });

  it('a write that fails (quota) leaves storage and the index as they were, with a clear message', async () => {
    const { data, local } = setup();
    await data.related({ actors: [], limit: 1 }); // index loaded before the import
    const before = snapshot(local.data);
    const realSet = local.set;
    local.set = async () => { throw new Error('Resource::kQuotaBytes quota exceeded'); };
    await expect(data.importCorpus('mine', IMPORT_OK)).rejects.toThrow(/Not enough storage space to save the corpus "mine"/);
    local.set = realSet;
    expect(snapshot(local.data)).toBe(before);
    expect(await data.related({ actors: ['Q399'], limit: 5 })).toEqual([]);
  });

  it('imports a Wikidata pack into the linker; a bad pack is refused before any write', async () => {
    const { data, local } = setup();
    const before = snapshot(local.data);
    await expect(data.importPack('p', '{not json')).rejects.toThrow(/not JSON/);
    await expect(data.importPack('p', JSON.stringify({ entities: {} }))).rejects.toThrow();
    expect(snapshot(local.data)).toBe(before);

    const pack = {
      entities: {
        Q1234567: {
          id: 'Q1234567', type: 'item',
          labels: { en: { language: 'en', value: 'Ganja' } },
          descriptions: { en: { language: 'en', value: 'city in Azerbaijan' } },
          aliases: {},
          claims: { P31: [{ mainsnak: { snaktype: 'value', datavalue: { type: 'wikibase-entityid', value: { id: 'Q515' } } } }] },
        },
      },
    };
    const info = await data.importPack('Cities', JSON.stringify(pack));
    expect(info).toEqual({ name: 'cities', actors: 1 });
    expect(await data.packs()).toEqual([{ name: 'cities', actors: 1 }]); // listed on the next visit too
    const { mentions } = await data.link('Ganja and Baku were quiet.', { corrections: [] });
    expect(mentions.map((m) => [m.text, m.entityId])).toEqual([['Ganja', 'pack:cities:Q1234567'], ['Baku', 'Q9248']]);
    expect(await data.removePack('cities')).toBe(true);
    expect(await data.packs()).toEqual([]);
    expect((await data.link('Ganja and Baku were quiet.', { corrections: [] })).mentions.map((m) => m.text)).toEqual(['Baku']);
    expect(await data.removePack('cities')).toBe(false);
  });

  it('reads history stored under a moved id as the actor it became', async () => {
    const local = memoryArea();
    const store: HistoryEntry[] = [{
      id: 'h1', url: 'https://example.org/h1', title: 'An old read', source: 'example.org', published: '2023-01-01', lang: 'en', summary: '',
      actors: ['bs:baku-old'], site: 'example.org', readAt: '2023-01-02T00:00:00.000Z', terms: [],
    }];
    const data = createData({
      local,
      historyEntries: async () => store,
      async loadJson(path) {
        if (path === 'data/kb.json') return { ...structuredClone(KB), moved: { 'bs:baku-old': 'Q9248', 'bs:armenia-old': 'Q399' } };
        if (path === 'data/corpus.json') return structuredClone(CORPUS);
        throw new Error(`no ${path}`);
      },
    });
    const got = await data.related({ actors: ['Q9248'], limit: 5 });
    expect(got.map((r) => r.id).sort()).toEqual(['c1', 'h1']);
    expect(store[0]!.actors).toEqual(['bs:baku-old']); // the stored entry itself is left as it was
  });

  it('history entries keep terms, not the text, unless asked', async () => {
    const { data, store } = setup();
    const article = {
      title: 'Talks in Baku', byline: null, siteName: 'News', lang: 'en', dir: null, published: '2024-05-02',
      url: 'https://news.example/a', excerpt: null, text: 'Officials from Armenia met in Baku for border talks.',
    } as const;
    const mentions = (await data.link(article.text, { corrections: [] })).mentions;
    const e = data.historyEntry({ ...article }, mentions, 'news.example', '2024-05-03T00:00:00.000Z', false);
    expect(e).toMatchObject({ site: 'news.example', readAt: '2024-05-03T00:00:00.000Z', url: 'https://news.example/a' });
    expect(e.terms.length).toBeGreaterThan(0);
    expect(e).not.toHaveProperty('text');
    expect(data.historyEntry({ ...article }, mentions, 'news.example', 'x', true).text).toBe(article.text);
    const origins = async () => (await data.related({ actors: ['Q399'], limit: 5 })).map((r) => r.origin);
    expect(await origins()).toEqual([]);
    // Read now: indexed at once (the store write happens beside it, in the handler).
    await data.indexHistory([e]);
    expect(await origins()).toEqual(['history']);
    // Cleared: the index is rebuilt from the store, which is empty.
    await data.clearHistoryIndex();
    expect(await origins()).toEqual([]);
    // Imported into the store: the rebuilt index has it.
    store.push(e);
    await data.clearHistoryIndex();
    expect(await origins()).toEqual(['history']);
  });
});
