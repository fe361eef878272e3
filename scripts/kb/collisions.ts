// Aliases shared by several actors, each with the rule that decides between them (issue #3: no alias may map to
// two actors silently). Used by the data tests and printable with `npx tsx scripts/kb/collisions.ts`.
import type { Actor, Alias, KnowledgeBase } from '../../src/core/types';
import { fold } from './builder';

export type CollisionRule =
  | 'short-forms' // every form is a short form: linked only through coreference with a full name in the text
  | 'full-name-wins' // one actor has it as a full name; for the others it is a weak form (short, demonym, context)
  | 'context' // every actor marks it ambiguous or context-dependent: linked only with supporting context
  | 'type-cues' // actors of different types ("Georgia": country vs U.S. state): decided by context cues and priors
  | 'namesakes-people' // people with the same name: decided by nationality, office and date in context
  | 'prior' // same type, one has the higher prior (capital, bigger city, more-mentioned): it wins without other cues
  | 'unresolved'; // nothing decides: must be fixed in the data

export interface Collision { key: string; forms: string[]; actors: { id: string; type: string; alias: Alias; prior: number }[]; rule: CollisionRule }

const weak = (a: Alias): boolean => !!(a.short || a.dem || a.ctx || a.amb);

export function aliasKey(a: Alias): string {
  return a.cs ? `=${a.t}` : fold(a.t);
}

export function findCollisions(kb: KnowledgeBase): Collision[] {
  const groups = new Map<string, { actor: Actor; alias: Alias }[]>();
  for (const actor of kb.actors) {
    for (const alias of actor.aliases) {
      // A case-sensitive acronym and a folded word are different keys: "WHO" never collides with "who".
      const k = aliasKey(alias);
      const g = groups.get(k);
      if (g) { if (!g.some((x) => x.actor.id === actor.id)) g.push({ actor, alias }); } else groups.set(k, [{ actor, alias }]);
    }
  }
  const out: Collision[] = [];
  for (const [key, g] of groups) {
    if (g.length < 2) continue;
    out.push({
      key, forms: [...new Set(g.map((x) => x.alias.t))],
      actors: g.map((x) => ({ id: x.actor.id, type: x.actor.type, alias: x.alias, prior: x.actor.prior ?? 0 })),
      rule: decide(g),
    });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

function decide(g: { actor: Actor; alias: Alias }[]): CollisionRule {
  const strong = g.filter((x) => !weak(x.alias));
  if (strong.length === 0) return g.every((x) => x.alias.short) ? 'short-forms' : 'context';
  if (strong.length === 1) return 'full-name-wins';
  const types = new Set(strong.map((x) => x.actor.type));
  if (types.size > 1) return 'type-cues';
  if (types.has('person')) return 'namesakes-people';
  const priors = strong.map((x) => x.actor.prior ?? 0).sort((a, b) => b - a);
  return priors[0]! > priors[1]! ? 'prior' : 'unresolved';
}

async function main(): Promise<void> {
  const { buildKb } = await import('./build');
  const list = findCollisions(await buildKb());
  const byRule = new Map<string, Collision[]>();
  for (const c of list) byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), c]);
  for (const [rule, cs] of byRule) {
    console.log(`${rule}: ${cs.length}`);
    for (const c of cs.slice(0, rule === 'unresolved' ? 1000 : 8)) console.log(`  ${c.forms.join('/')}: ${c.actors.map((a) => `${a.id} (${a.type})`).join(', ')}`);
  }
}

if (process.argv[1]?.endsWith('collisions.ts')) void main();
