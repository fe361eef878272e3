// Smaller rules of the linker (issue #4): case clashes inside multi-word names, acronyms the text defines,
// duplicate actors, and the reader's corrections.
import type { Actor, Mention } from './types';
import type { RawMatch } from './matcher';
import type { LinkOptions, LinkResult } from './linker';
import { type Tokens, T_CAP, fold } from './normalize';
import { currentId } from './kb';

export function caseClash(toks: Tokens, m: RawMatch, lower: number): boolean {
  for (let j = 1; j < m.tokEnd - m.tokStart && j < 31; j++) if (lower & (1 << j) && toks.flags[m.tokStart + j]! & T_CAP) return true;
  return false;
}

/** Is `acr` spelled out in the text ("artificial pancreas (AP)") as something other than this actor? */
export function acronymElsewhere(text: string, acr: string, actor: Actor): boolean {
  const at = text.indexOf(`(${acr})`);
  if (at < 0) return false;
  const words = text.slice(Math.max(0, at - 120), at).split(/[\s-]+/).filter((w) => w && !/^(of|and|for|the|de|du|la|&)$/i.test(w));
  const phrase = words.slice(-acr.length);
  if (phrase.length < acr.length || phrase.map((w) => w[0]!.toUpperCase()).join('') !== acr.toUpperCase()) return false;
  const spelled = bare(phrase.join(' '));
  return !bareNames(actor).some((n) => n.includes(spelled));
}

const bare = (t: string) => fold(t).split(/[\s-]+/).filter((w) => !/^(of|and|for|the|de|du|la|&)$/.test(w)).join(' ');
// The actor's name and aliases without small words, kept per actor: a country has hundreds of aliases to fold.
const barest = new WeakMap<Actor, string[]>();
function bareNames(actor: Actor): string[] {
  let list = barest.get(actor);
  if (!list) barest.set(actor, (list = [actor.name, ...actor.aliases.map((a) => a.t)].map(bare)));
  return list;
}

/** Two entries of the knowledge base for one actor: same type and a full name in common. */
export function twins(a: Actor, b: Actor): boolean {
  if (a.type !== b.type) return false;
  const theirs = fullNames(b);
  for (const n of fullNames(a)) if (n.includes(' ') && theirs.has(n)) return true;
  return false;
}

// Folded full names per actor, kept: a country has hundreds of aliases, and twins is asked once per close call.
const namesOf = new WeakMap<Actor, Set<string>>();
function fullNames(x: Actor): Set<string> {
  let set = namesOf.get(x);
  if (!set) namesOf.set(x, (set = new Set([x.name, ...x.aliases.filter((al) => !al.short && !al.dem && !al.amb).map((al) => al.t)].map(fold))));
  return set;
}

export const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The reader's corrections for this site applied to the links. `known`: is this an actor's id? `moved`: ids an
 * earlier knowledge base used (the KB's `moved`), read as the ids they became, so a correction stored before an
 * upgrade still applies.
 */
export function applyCorrections(r: LinkResult, opts: LinkOptions, known: (id: string) => boolean, moved?: Readonly<Record<string, string>>): LinkResult {
  const list = opts.corrections?.filter((c) => !opts.site || c.site === opts.site) ?? [];
  if (!list.length || !opts.site) return r;
  const fix = (m: Mention): Mention | null => {
    const key = fold(m.text);
    const c = list.find((x) => currentId(x.wrongId, moved) === m.entityId && fold(x.mentionText) === key);
    if (!c) return m;
    const right = c.rightId === null ? null : currentId(c.rightId, moved);
    if (right === null || !known(right)) return null;
    return { ...m, entityId: right, score: 1, alt: [m.entityId, ...(m.alt ?? []).filter((x) => x !== right)] };
  };
  const mentions: Mention[] = [];
  for (const m of r.mentions) { const x = fix(m); if (x) mentions.push(x); }
  // A reader's pick makes a possible mention certain.
  const possible: Mention[] = [];
  for (const m of r.possible) {
    const x = fix(m);
    if (x && x.score === 1) mentions.push(x); else if (x) possible.push(x);
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, possible, qualified: r.qualified };
}
