// Shared by the corpus data tests: the compiled knowledge base (if built) and the corpus built from sources.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Corpus, KnowledgeBase } from '../../src/core/types';
import { buildCorpus, lookupForKb } from '../../scripts/corpus/build';

export const KB_PATH = fileURLToPath(new URL('../../dist/data/kb.json', import.meta.url));
export const hasKb = existsSync(KB_PATH);

let cache: Promise<{ kb: KnowledgeBase; corpus: Corpus; pending: string[] }> | null = null;

/** Builds the bundled corpus from assets/corpus against dist/data/kb.json (once per test file). */
export function bundled(): Promise<{ kb: KnowledgeBase; corpus: Corpus; pending: string[] }> {
  cache ??= (async () => {
    const kb = JSON.parse(readFileSync(KB_PATH, 'utf8')) as KnowledgeBase;
    let pending: string[] = [];
    const corpus = await buildCorpus(lookupForKb(kb), undefined, { onPending: (p) => { pending = p; } });
    return { kb, corpus, pending };
  })();
  return cache;
}
