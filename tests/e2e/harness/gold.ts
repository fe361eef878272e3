// The gold actors of the seed pages (../shared/fixtures/seeds/seeds.gold.json), with the id each must be linked to:
// the gold QID, or for actors without one, the id of the knowledge-base actor of that name (dist/data/kb.json).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, SEEDS } from './paths';
import type { HighlightedRange } from './probes';

export interface GoldActor {
  name: string;
  qid: string | null;
  type: string;
  surfaces: string[];
  need: 'must' | 'should' | 'may';
  maySurfaces?: string[];
}

export interface GoldPage {
  published: string;
  actors: GoldActor[];
  mustNot: string[];
}

export function readGold(): Record<string, GoldPage> {
  const raw = JSON.parse(readFileSync(join(SEEDS, 'seeds.gold.json'), 'utf8')) as Record<string, unknown>;
  const out: Record<string, GoldPage> = {};
  for (const [k, v] of Object.entries(raw)) if (k.endsWith('.html')) out[k] = v as GoldPage;
  return out;
}

interface KbActor { id: string; name: string; aliases: { t: string }[] }

let kbActors: KbActor[] | null = null;
function kb(): KbActor[] {
  if (!kbActors) {
    if (!existsSync(DIST.kb)) throw new Error('dist/data/kb.json is missing: run `npm run build` first');
    kbActors = (JSON.parse(readFileSync(DIST.kb, 'utf8')) as { actors: KbActor[] }).actors;
  }
  return kbActors;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The id a gold actor must be linked to; throws when the knowledge base has no actor of that name. */
export function expectedId(actor: GoldActor): string {
  if (actor.qid) return actor.qid;
  const byName = kb().filter((a) => fold(a.name) === fold(actor.name));
  if (byName.length === 1) return byName[0]!.id;
  const local = byName.find((a) => a.id.startsWith('bs:'));
  if (local) return local.id;
  if (byName[0]) return byName[0].id;
  const byAlias = kb().find((a) => a.aliases.some((al) => fold(al.t) === fold(actor.name)));
  if (byAlias) return byAlias.id;
  throw new Error(`no knowledge-base actor is named "${actor.name}"`);
}

/** Whether a highlight shows this surface (a possessive may be left outside the highlight: "Baku's"). */
export function showsSurface(h: HighlightedRange, surface: string): boolean {
  const bare = surface.replace(/['’]s$/u, '');
  return h.text === surface || h.text === bare;
}

/**
 * Whether a highlight breaks a mustNot entry: its text is part of the entry and it sits where the entry is written
 * (a teaser headline, a menu item), or it is the entry itself.
 */
export function breaksMustNot(h: HighlightedRange, entry: string): boolean {
  if (!h.text || !entry.includes(h.text)) return false;
  if (h.text === entry) return true;
  // Only small enclosing elements count (a link, a list item, a heading): a large one may hold the article too.
  return h.context.some((c) => c.length <= Math.max(300, entry.length * 2) && c.includes(entry));
}
