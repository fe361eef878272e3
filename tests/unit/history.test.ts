// The reader's history on fake-indexeddb: upsert, caps, export/import (all-or-nothing), clear, quota handling.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { History, HistoryImportError, entryFromArticle } from '../../src/background/history';
import type { HistoryEntry } from '../../src/core/types';

const entry = (n: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `id${n}`,
  url: `https://news.example/a/${n}`,
  title: `Story ${n}`,
  source: 'Example News',
  published: '2023-10-23',
  lang: 'en',
  summary: '',
  actors: ['Q227', 'Q399'],
  site: 'news.example',
  readAt: `2024-01-${String(n).padStart(2, '0')}T10:00:00.000Z`,
  terms: ['karabakh', 'drill'],
  ...over,
});

let n = 0;
const fresh = (opts: { maxItems?: number; maxBytes?: number } = {}) =>
  History.open(new IDBFactory(), { dbName: `h${n++}`, ...opts });

afterEach(() => vi.restoreAllMocks());

describe('History', () => {
  it('adds, upserts by URL and lists oldest read first', async () => {
    const h = await fresh();
    await h.add(entry(3));
    await h.add(entry(1));
    await h.add(entry(3, { title: 'Story 3, updated', readAt: '2024-01-05T00:00:00.000Z' }));
    const all = await h.all();
    expect(all.map((e) => e.title)).toEqual(['Story 1', 'Story 3, updated']);
    h.close();
  });

  it('keeps at most maxItems, dropping the oldest readAt', async () => {
    const h = await fresh({ maxItems: 3 });
    for (const i of [5, 1, 4, 2, 3]) await h.add(entry(i));
    expect((await h.all()).map((e) => e.id)).toEqual(['id3', 'id4', 'id5']);
    h.close();
  });

  it('keeps under maxBytes, dropping the oldest', async () => {
    const one = JSON.stringify(entry(1)).length;
    const h = await fresh({ maxBytes: one * 2 + 10 });
    for (const i of [1, 2, 3]) await h.add(entry(i));
    expect((await h.all()).map((e) => e.id)).toEqual(['id2', 'id3']);
    expect(h.stats().count).toBe(2);
    h.close();
  });

  it('survives a reopen with its bookkeeping', async () => {
    const idb = new IDBFactory();
    const h = await History.open(idb, { dbName: 'x', maxItems: 2 });
    await h.add(entry(1));
    await h.add(entry(2));
    h.close();
    const h2 = await History.open(idb, { dbName: 'x', maxItems: 2 });
    expect(h2.stats().count).toBe(2);
    await h2.add(entry(3));
    expect((await h2.all()).map((e) => e.id)).toEqual(['id2', 'id3']);
    h2.close();
  });

  it('exports and imports JSON lines (round trip)', async () => {
    const a = await fresh();
    await a.add(entry(1, { text: 'kept because the reader opted in' }));
    await a.add(entry(2));
    const jsonl = await a.exportJsonl();
    expect(jsonl.trim().split('\n')).toHaveLength(2);
    const b = await fresh();
    expect(await b.importJsonl(jsonl)).toBe(2);
    expect(await b.all()).toEqual(await a.all());
    a.close();
    b.close();
  });

  it('rejects an import with a bad line, naming it, and writes nothing', async () => {
    const h = await fresh();
    await h.add(entry(9));
    const good = JSON.stringify(entry(1));
    const bad = JSON.stringify({ ...entry(2), actors: 'Q227' });
    await expect(h.importJsonl(`${good}\n${bad}\n`)).rejects.toThrow(/line 2: actors/);
    await expect(h.importJsonl(`${good}\n{not json\n`)).rejects.toBeInstanceOf(HistoryImportError);
    expect((await h.all()).map((e) => e.id)).toEqual(['id9']);
    h.close();
  });

  it('an import failing halfway through the write leaves storage exactly as before', async () => {
    const h = await fresh();
    await h.add(entry(1));
    await h.add(entry(2, { title: 'before import' }));
    const before = await h.exportJsonl();
    const lines = [entry(2, { title: 'overwritten?' }), entry(3), entry(4), entry(5), entry(6)].map((e) => JSON.stringify(e)).join('\n');
    const real = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 3) throw new DOMException('injected fault', 'UnknownError');
      return real.apply(this, args);
    });
    await expect(h.importJsonl(lines)).rejects.toThrow(/injected fault/);
    vi.restoreAllMocks();
    expect(calls).toBe(3);
    expect(await h.exportJsonl()).toBe(before);
    expect(h.stats().count).toBe(2);
    h.close();
  });

  it('a request failing asynchronously inside the import aborts all of it', async () => {
    const h = await fresh();
    await h.add(entry(2, { title: 'before import' }));
    const before = await h.exportJsonl();
    const lines = [entry(2, { title: 'changed?' }), entry(3), entry(4)].map((e) => JSON.stringify(e)).join('\n');
    const real = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // add() of an existing key fails later, with a ConstraintError event, as a real write failure would.
      if ((args[0] as HistoryEntry).url!.endsWith('/2')) return this.add(...args);
      return real.apply(this, args);
    });
    await expect(h.importJsonl(lines)).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await h.exportJsonl()).toBe(before);
    h.close();
  });

  it('on QuotaExceededError evicts the oldest and retries once', async () => {
    const h = await fresh();
    for (const i of [1, 2, 3]) await h.add(entry(i));
    const real = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 1) throw new DOMException('full', 'QuotaExceededError');
      return real.apply(this, args);
    });
    await h.add(entry(4));
    expect((await h.all()).map((e) => e.id)).toEqual(['id2', 'id3', 'id4']);
    h.close();
  });

  it('gives a clear error when the quota is still exceeded after the retry', async () => {
    const h = await fresh();
    await h.add(entry(1));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(h.add(entry(2))).rejects.toThrow(/History is full/);
    vi.restoreAllMocks();
    expect((await h.all()).map((e) => e.id)).toEqual(['id1']);
    h.close();
  });

  it('clears everything', async () => {
    const h = await fresh();
    await h.add(entry(1));
    await h.clear();
    expect(await h.all()).toEqual([]);
    expect(h.stats()).toEqual({ count: 0, bytes: 0 });
    expect(await h.exportJsonl()).toBe('');
    h.close();
  });
});

describe('entryFromArticle', () => {
  const article = {
    title: 'Drills near Kars', byline: null, siteName: 'Example', lang: 'en', dir: null,
    published: '2023-10-23T06:00:00Z', url: 'https://www.example.org/drills', excerpt: null,
    text: 'Turkish and Azerbaijani troops began drills near Kars. The drills involve special forces.',
  } as const;
  const mentions = [{ start: 0, end: 7, text: 'Turkish', entityId: 'Q43', score: 0.9 }];

  it('keeps actors and terms, never the text unless asked', () => {
    const e = entryFromArticle({ ...article }, mentions, { now: new Date('2024-01-01T00:00:00Z') })!;
    expect(e.site).toBe('example.org');
    expect(e.readAt).toBe('2024-01-01T00:00:00.000Z');
    expect(e.actors).toEqual(['Q43']);
    expect(e.terms).toContain('drill');
    expect(e.text).toBeUndefined();
    expect(entryFromArticle({ ...article }, mentions, { keepText: true })!.text).toBe(article.text);
  });

  it('skips pages without an http(s) URL', () => {
    expect(entryFromArticle({ ...article, url: null }, mentions)).toBeNull();
    expect(entryFromArticle({ ...article, url: 'file:///tmp/x.html' }, mentions)).toBeNull();
  });
});
