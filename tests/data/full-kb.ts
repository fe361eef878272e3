// The knowledge base as `npm run build` writes it, built in memory and checked as the extension loads it, with a
// linker over it: for the data tests that link text with the full knowledge base.
import { buildKb } from '../../scripts/kb/build';
import { createLinker, type Linker } from '../../src/core/linker';
import { parseKb } from '../../src/core/kb';
import type { KnowledgeBase } from '../../src/core/types';

export async function fullKb(): Promise<{ kb: KnowledgeBase; linker: Linker }> {
  const kb = parseKb(JSON.parse(JSON.stringify(await buildKb())));
  return { kb, linker: createLinker(kb) };
}
