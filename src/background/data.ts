// The background's data (issue #2 items 3-7): the compiled knowledge base (+ imported packs) behind the linker and
// the cards, and the related-story index over the bundled corpus, imported corpora and the reader's history.
// Loaded lazily on first use and cached while the service worker lives; loaders and storage are passed in.
import { buildCard } from '../core/card';
import { parseCorpus } from '../core/corpus';
import { KbIndex, mergeKb, parseKb, withCurrentIds } from '../core/kb';
import { createLinker } from '../core/linker';
import type { PackedAliasIndex } from '../core/matcher-pack';
import { wikidataToPack } from '../core/pack';
import { RelatedIndex, storyFromArticle } from '../core/related';
import { salientTerms } from '../core/terms';
import type { Corpus, HistoryEntry, KnowledgeBase, Story } from '../core/types';
import type { CorpusInfo, PackInfo } from '../shared/protocol';
import type { Data } from './handlers';
import type { StorageArea } from './store';
import { storageError } from './store';

export interface DataDeps {
  /** Reads a file bundled with the extension (`fetch(runtime.getURL(path))`: a local read, no network). */
  loadJson(path: string): Promise<unknown>;
  /** Where imported corpora and packs live (storage.local). */
  local: StorageArea;
  /** History entries to index at start (the reader's history), or none. */
  historyEntries?: () => Promise<HistoryEntry[]>;
}

type Linker = ReturnType<typeof createLinker>;

const CORPORA = 'corpora';
const PACKS = 'packs';
const corpusKey = (name: string) => `corpus:${name}`;
const packKey = (name: string) => `pack:${name}`;

/** A pack or corpus name as the reader typed it, kept to what is safe in a storage key and an id. */
export function cleanName(name: string): string {
  const n = name.trim().toLowerCase().replace(/\.(jsonl?|json)$/, '').replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!n) throw new Error('The name is empty: use letters, digits or dashes.');
  return n.slice(0, 60);
}

export function createData(deps: DataDeps): Data {
  const { local } = deps;
  let kbP: Promise<{ base: KnowledgeBase; index: KbIndex; linker: Linker }> | null = null;
  let relP: Promise<RelatedIndex> | null = null;

  async function listOf<T>(key: string): Promise<T[]> {
    const got = await local.get(key);
    return Array.isArray(got[key]) ? (got[key] as T[]) : [];
  }

  function kb() {
    kbP ??= (async () => {
      const base = parseKb(await deps.loadJson('data/kb.json'));
      const packs: KnowledgeBase[] = [];
      for (const p of await listOf<PackInfo>(PACKS)) {
        const got = await local.get(packKey(p.name));
        if (got[packKey(p.name)]) packs.push(got[packKey(p.name)] as KnowledgeBase);
      }
      const merged = packs.length ? mergeKb(base, packs) : base;
      // The alias index precomputed at build time saves ~300 ms of start-up; it only fits the base KB
      // (createLinker checks its checksum and builds the index itself when packs change the actors).
      const packed = packs.length ? null : ((await deps.loadJson('data/kb-index.json').catch(() => null)) as PackedAliasIndex | null);
      return { base, index: new KbIndex(merged), linker: createLinker(merged, packed) };
    })().catch((e) => {
      kbP = null; // try again next time rather than caching a failure
      throw e;
    });
    return kbP;
  }

  // The index is rebuilt from its sources (bundled corpus, imported corpora, the history store) whenever one is
  // removed or replaced: RelatedIndex stories carry no corpus name, and imports and removals are rare.
  function related() {
    relP ??= (async () => {
      const raw = await deps.loadJson('data/corpus.json').catch(() => null);
      const idx = bundledIndex(raw);
      // Stories stored under an earlier knowledge base name its actors by the ids they had then (the KB's `moved`).
      const moved = (await kb().catch(() => null))?.base.moved;
      const current = <S extends Story>(stories: S[]): S[] => (moved ? stories.map((st) => withCurrentIds(st, moved)) : stories);
      for (const c of await listOf<CorpusInfo>(CORPORA)) {
        const got = await local.get(corpusKey(c.name));
        const corpus = got[corpusKey(c.name)] as Corpus | undefined;
        if (corpus) idx.addStories(current(corpus.stories), 'corpus');
      }
      const hist = (await deps.historyEntries?.().catch(() => [])) ?? [];
      idx.addStories(current(hist), 'history');
      return idx;
    })().catch((e) => {
      relP = null;
      throw e;
    });
    return relP;
  }

  return {
    warm() {
      kb().catch(() => {});
      related().catch(() => {});
    },
    async link(text, opts) {
      const { linker } = await kb();
      return linker.link(text, {
        date: opts.date ?? undefined, lang: opts.lang ?? undefined, site: opts.site ?? undefined,
        corrections: opts.corrections,
      });
    },
    async summary(id) {
      return (await kb()).index.summary(id);
    },
    async card(id, asOf, rel) {
      const { index } = await kb();
      if (!index.get(id)) return null;
      return buildCard(index, id, asOf, rel);
    },
    async related(q) {
      return (await related()).query(q);
    },
    historyEntry(article, mentions, site, readAt, keepText) {
      const story = storyFromArticle(article, mentions, salientTerms(`${article.title}\n${article.text}`, article.lang, 40));
      return { ...story, site, readAt, ...(keepText ? { text: article.text } : {}) };
    },
    async indexHistory(entries) {
      // Only once the index exists: a later build reads the history store, which already holds these entries.
      if (relP) (await related()).addStories(entries, 'history');
    },
    async clearHistoryIndex() {
      relP = null;
    },
    async packs() {
      return listOf<PackInfo>(PACKS);
    },
    async corpora() {
      const imported = (await listOf<CorpusInfo>(CORPORA)).map((c) => ({ ...c, bundled: false }));
      const raw = await deps.loadJson('data/corpus.json').catch(() => null);
      const bundled = raw ? bundledInfo(raw) : null;
      return bundled ? [bundled, ...imported] : imported;
    },
    async importCorpus(rawName, text) {
      const name = cleanName(rawName);
      // Validate the whole file before anything is written: a bad line rejects the file and leaves storage alone.
      const corpus = parseCorpus(text, rawName);
      const info: CorpusInfo = {
        name, stories: corpus.stories.length, edition: corpus.header.edition, date: corpus.header.date,
        licence: corpus.header.licence, bundled: false,
      };
      const list = (await listOf<CorpusInfo>(CORPORA)).filter((c) => c.name !== name);
      try {
        // One `set` writes the corpus and the list together: storage.local applies it whole or not at all.
        await local.set({ [corpusKey(name)]: corpus, [CORPORA]: [...list, info] });
      } catch (e) {
        throw new Error(storageError(e, `the corpus "${name}"`));
      }
      relP = null;
      return info;
    },
    async removeCorpus(name) {
      const list = await listOf<CorpusInfo>(CORPORA);
      if (!list.some((c) => c.name === name)) return false;
      await local.set({ [CORPORA]: list.filter((c) => c.name !== name) });
      await local.remove(corpusKey(name));
      relP = null;
      return true;
    },
    async importPack(rawName, text) {
      const name = cleanName(rawName);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new Error(`${rawName}: not JSON (${(e as Error).message})`);
      }
      const pack = wikidataToPack(json, name);
      if (!pack.actors.length) throw new Error(`${rawName}: no actors found in the file.`);
      // Check the merge before writing, so a pack that cannot be merged never reaches storage. The base KB is the
      // one already loaded for linking: re-reading and re-checking the 6 MB file here would do that work twice.
      mergeKb((await kb()).base, [pack]);
      const info: PackInfo = { name, actors: pack.actors.length };
      const list = (await listOf<PackInfo>(PACKS)).filter((p) => p.name !== name);
      try {
        await local.set({ [packKey(name)]: pack, [PACKS]: [...list, info] });
      } catch (e) {
        throw new Error(storageError(e, `the pack "${name}"`));
      }
      kbP = null;
      return info;
    },
    async removePack(name) {
      const list = await listOf<PackInfo>(PACKS);
      if (!list.some((p) => p.name === name)) return false;
      await local.set({ [PACKS]: list.filter((p) => p.name !== name) });
      await local.remove(packKey(name));
      kbP = null;
      return true;
    },
  };
}

/** The bundled corpus (data/corpus.json): a corpus file {header, stories}, or a prebuilt RelatedIndex. */
function bundledIndex(raw: unknown): RelatedIndex {
  if (typeof raw === 'object' && raw !== null && Array.isArray((raw as Corpus).stories)) {
    const idx = new RelatedIndex();
    idx.addStories((raw as Corpus).stories, 'corpus');
    return idx;
  }
  try {
    return raw ? RelatedIndex.fromJSON(raw) : new RelatedIndex();
  } catch {
    return new RelatedIndex();
  }
}

function bundledInfo(raw: unknown): CorpusInfo | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Partial<Corpus>;
  if (!c.header || !Array.isArray(c.stories)) return null;
  return {
    name: c.header.name, stories: c.stories.length, edition: c.header.edition, date: c.header.date,
    licence: c.header.licence, bundled: true,
  };
}
