// Looks up actors of the compiled knowledge base by name, for people writing hand files:
// `npx tsx scripts/kb/find.ts "Ilham Aliyev" "Macron" ...` prints id, type, name and description of every actor
// one of whose names or aliases contains the query (folded), so a hand file reuses an existing id (a confirmed
// QID) instead of adding a duplicate. Reads dist/data/kb.json when present, else builds in memory.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fold } from './builder';
import type { KnowledgeBase } from '../../src/core/types';

const dist = fileURLToPath(new URL('../../dist/data/kb.json', import.meta.url));
const kb: KnowledgeBase = existsSync(dist) && !process.env.BACKSTORY_FRESH
  ? JSON.parse(readFileSync(dist, 'utf8')) as KnowledgeBase
  : await (await import('./build')).buildKb();
for (const q of process.argv.slice(2)) {
  const f = fold(q);
  const hits = kb.actors.filter((a) => fold(a.name).includes(f) || a.aliases.some((x) => fold(x.t) === f));
  console.log(`${q}: ${hits.length ? '' : 'none'}`);
  for (const a of hits.slice(0, 8)) console.log(`  ${a.id}\t${a.type}\t${a.name}\t${a.desc ?? ''}`);
}
