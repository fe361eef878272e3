// Compiles assets/corpus/*.txt into the bundled corpus, resolving actor names against the compiled knowledge base.
// Run directly: `npx tsx scripts/corpus/build.ts` reads dist/data/kb.json and writes dist/data/corpus.json.
// An actor name the knowledge base does not know fails the build (with every such name listed), so the corpus
// never ships an id the sidebar cannot open.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus, CorpusHeader, KnowledgeBase, Story } from '../../src/core/types';
import { parseCorpus, serializeCorpus } from '../../src/core/corpus';
import { hashId } from '../../src/core/related';
import { readSources } from './sources';
import { KbIndex, nameKey } from '../../src/core/kb';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_SRC = join(ROOT, 'assets/corpus');

/** What the build needs from the knowledge base: `KbIndex.byName` (src/core/kb.ts) or the fallback below. */
export interface NameLookup { byName(name: string): unknown }

/** The id behind whatever byName returns (an actor, a list of actors best first, an id, or nothing). */
function idOf(x: unknown): string | null {
  if (x == null) return null;
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) return x.length ? idOf(x[0]) : null;
  if (typeof x === 'object' && 'id' in x && typeof (x as { id: unknown }).id === 'string') return (x as { id: string }).id;
  return null;
}

export async function buildCorpus(
  kb: NameLookup,
  srcDir = CORPUS_SRC,
  opts: { onPending?: (names: string[]) => void } = {},
): Promise<Corpus> {
  const header = JSON.parse(readFileSync(join(srcDir, 'header.json'), 'utf8')) as CorpusHeader;
  const src = readSources(srcDir);
  const missing: string[] = [];
  const pending = new Set<string>();
  const stories: Story[] = src.map((s) => {
    const actors: string[] = [];
    for (const raw of s.actorNames) {
      // "Name?" marks an actor the knowledge base does not have yet: linked once it does, skipped until then.
      const optional = raw.endsWith('?');
      const name = optional ? raw.slice(0, -1).trim() : raw;
      const id = idOf(kb.byName(name));
      if (id) { if (!actors.includes(id)) actors.push(id); }
      else if (optional) pending.add(name);
      else missing.push(`${s.file}:${s.line}: unknown actor "${name}"`);
    }
    if (actors.length === 0) missing.push(`${s.file}:${s.line}: no actor of this story is in the knowledge base`);
    return {
      id: `bs-${s.published.slice(0, 4)}-${hashId(`${s.published}|${s.title}`).slice(0, 10)}`,
      url: s.url,
      title: s.title,
      source: s.source,
      published: s.published,
      lang: s.lang,
      summary: s.summary,
      actors,
    };
  });
  if (missing.length) throw new Error(`corpus build: ${missing.length} actor name(s) not in the knowledge base:\n${missing.join('\n')}`);
  stories.sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : 1));
  const corpus: Corpus = { header, stories };
  if (pending.size && opts.onPending) opts.onPending([...pending].sort());
  // Round-trip through the validator: the bundled file must pass the same checks as an imported one.
  parseCorpus(serializeCorpus(corpus), 'bundled corpus');
  return corpus;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ı/g, 'i').trim();

/** Name lookup straight from kb.json: exact display name first, then an alias; among several, the higher prior. */
export function lookupFromKb(kb: KnowledgeBase): NameLookup {
  const byName = new Map<string, { id: string; prior: number }[]>();
  const byAlias = new Map<string, { id: string; prior: number }[]>();
  const put = (m: typeof byName, k: string, id: string, prior: number) => {
    const l = m.get(k) ?? [];
    if (!l.some((x) => x.id === id)) l.push({ id, prior });
    m.set(k, l);
  };
  for (const a of kb.actors) {
    put(byName, fold(a.name), a.id, a.prior ?? 0);
    for (const al of a.aliases ?? []) if (!al.dem) put(byAlias, fold(al.t), a.id, a.prior ?? 0);
  }
  return {
    byName(name: string) {
      const k = fold(name);
      const l = byName.get(k) ?? byAlias.get(k);
      return l ? [...l].sort((x, y) => y.prior - x.prior)[0]!.id : null;
    },
  };
}

/** Name lookup over a compiled knowledge base, as the build uses it. */
export function lookupForKb(json: KnowledgeBase): NameLookup {
  const ix = new KbIndex(json);
  const fallback = lookupFromKb(json);
  return {
    // KbIndex knows the matcher's folding; among several actors sharing a name, the one whose display name it is.
    byName(n: string) {
      const list = ix.byName(n);
      return list.find((a) => nameKey(a.name) === nameKey(n)) ?? list[0] ?? fallback.byName(n);
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kbPath = join(ROOT, 'dist/data/kb.json');
  const out = join(ROOT, 'dist/data/corpus.json');
  try {
    const corpus = await buildCorpus(lookupForKb(JSON.parse(readFileSync(kbPath, 'utf8')) as KnowledgeBase), CORPUS_SRC, {
      onPending: (names) => console.warn(`corpus: ${names.length} actor name(s) marked "?" are not in the knowledge base yet: ${names.join(', ')}`),
    });
    mkdirSync(dirname(out), { recursive: true });
    // One JSON object, so both JSON.parse and parseCorpus read it.
    writeFileSync(out + '.tmp', JSON.stringify(corpus));
    renameSync(out + '.tmp', out);
    console.log(`corpus: ${corpus.stories.length} stories -> ${out}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
