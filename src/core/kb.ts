// The compiled knowledge base in memory: shape check of untrusted JSON, an index by id and by name, and merging
// of reader-imported packs (issue #3). Pure: callers read the file and pass the parsed JSON in.
import type { Actor, ActorType, Alias, EntitySummary, Fact, KnowledgeBase, Source } from './types';
import { ACTOR_TYPES } from './types';

export class KbError extends Error {
  override name = 'KbError';
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const FLAGS = ['cs', 'amb', 'ctx', 'dem', 'short'] as const;

function checkAlias(x: unknown, where: string): Alias {
  if (!isObj(x) || !isStr(x.t) || !x.t) throw new KbError(`${where}: alias needs a non-empty "t"`);
  if (x.lang !== undefined && !isStr(x.lang)) throw new KbError(`${where}: alias "${x.t}" has a non-string lang`);
  for (const f of FLAGS) if (x[f] !== undefined && typeof x[f] !== 'boolean') throw new KbError(`${where}: alias "${x.t}" flag ${f} is not boolean`);
  return x as unknown as Alias;
}

function checkFact(x: unknown, where: string): Fact {
  if (!isObj(x) || !isStr(x.p) || !isStr(x.v) || !isStr(x.src)) throw new KbError(`${where}: fact needs string p, v and src`);
  for (const k of ['role', 'of', 'from', 'until', 'note'] as const) {
    if (x[k] !== undefined && !isStr(x[k])) throw new KbError(`${where}: fact ${x.p} has a non-string ${k}`);
  }
  if (x.ref !== undefined && typeof x.ref !== 'boolean') throw new KbError(`${where}: fact ${x.p} has a non-boolean ref`);
  return x as unknown as Fact;
}

function checkActor(x: unknown, i: number): Actor {
  if (!isObj(x)) throw new KbError(`actors[${i}] is not an object`);
  const where = `actor ${isStr(x.id) ? x.id : `#${i}`}`;
  if (!isStr(x.id) || !x.id) throw new KbError(`actors[${i}]: missing id`);
  if (!isStr(x.type) || !ACTOR_TYPES.includes(x.type as ActorType)) throw new KbError(`${where}: unknown type ${String(x.type)}`);
  if (!isStr(x.name) || !x.name) throw new KbError(`${where}: missing name`);
  if (!isStr(x.desc)) throw new KbError(`${where}: missing desc`);
  if (!Array.isArray(x.aliases)) throw new KbError(`${where}: aliases is not a list`);
  if (!Array.isArray(x.facts)) throw new KbError(`${where}: facts is not a list`);
  x.aliases.forEach((a) => checkAlias(a, where));
  x.facts.forEach((f) => checkFact(f, where));
  if (x.prior !== undefined && typeof x.prior !== 'number') throw new KbError(`${where}: prior is not a number`);
  if (x.notActor !== undefined && !isStr(x.notActor)) throw new KbError(`${where}: notActor is not a string`);
  return x as unknown as Actor;
}

/** Validates the shape of a parsed knowledge base (or pack) and returns it typed; throws KbError naming the fault. */
export function parseKb(json: unknown): KnowledgeBase {
  if (!isObj(json)) throw new KbError('knowledge base is not a JSON object');
  if (typeof json.version !== 'number') throw new KbError('knowledge base has no numeric "version"');
  if (!isStr(json.built)) throw new KbError('knowledge base has no "built" timestamp');
  if (!isObj(json.sources)) throw new KbError('knowledge base has no "sources" object');
  for (const [k, s] of Object.entries(json.sources)) {
    if (!isObj(s) || !isStr(s.name) || !isStr(s.licence)) throw new KbError(`source ${k} needs name and licence`);
  }
  if (json.dataAsOf !== undefined && !(isStr(json.dataAsOf) && /^\d{4}(-\d{2}){0,2}$/.test(json.dataAsOf))) throw new KbError('knowledge base "dataAsOf" is not a date');
  if (json.moved !== undefined && !(isObj(json.moved) && Object.values(json.moved).every(isStr))) throw new KbError('knowledge base "moved" is not a map of ids');
  if (!Array.isArray(json.actors)) throw new KbError('knowledge base has no "actors" list');
  json.actors.forEach(checkActor);
  return json as unknown as KnowledgeBase;
}

/**
 * A stored story (reading history, an imported corpus) with its actors named by their current ids: `moved` is the
 * knowledge base's map of former ids. The same object when nothing moved; order kept, no id twice.
 */
export function withCurrentIds<S extends { actors: string[] }>(story: S, moved: Readonly<Record<string, string>>): S {
  if (!story.actors.some((id) => Object.hasOwn(moved, id))) return story;
  const actors = [...new Set(story.actors.map((id) => currentId(id, moved)))];
  return { ...story, actors };
}

/** The id an actor goes by now, given the knowledge base's `moved` map of former ids (none: the id itself). */
export const currentId = (id: string, moved: Readonly<Record<string, string>> | undefined): string =>
  (moved && Object.hasOwn(moved, id) ? moved[id]! : id);

/** Case- and accent-insensitive key for name lookups (a light copy of the matcher's folding, kept local). */
export const nameKey = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase('en').replace(/ı/g, 'i');

export class KbIndex {
  readonly size: number;
  private readonly byId = new Map<string, Actor>();
  /** Built on the first byName call: most callers only look ids up, and folding 50,000 aliases costs time. */
  private names: Map<string, Actor[]> | null = null;

  constructor(readonly kb: KnowledgeBase) {
    for (const a of kb.actors) if (!this.byId.has(a.id)) this.byId.set(a.id, a); // first wins (see mergeKb)
    this.size = this.byId.size;
  }

  private nameIndex(): Map<string, Actor[]> {
    if (this.names) return this.names;
    const names = new Map<string, Actor[]>();
    for (const a of this.byId.values()) {
      const keys = new Set([nameKey(a.name), ...a.aliases.map((al) => nameKey(al.t))]);
      for (const k of keys) {
        const list = names.get(k);
        if (list) list.push(a); else names.set(k, [a]);
      }
    }
    return (this.names = names);
  }

  get(id: string): Actor | undefined {
    return this.byId.get(id);
  }

  source(id: string): Source | undefined {
    return this.kb.sources[id];
  }

  summary(id: string): EntitySummary | undefined {
    const a = this.byId.get(id);
    return a ? { id: a.id, name: a.name, type: a.type } : undefined;
  }

  /** Actors whose name or any alias equals `name` after case and accent folding, higher prior first. */
  byName(name: string): Actor[] {
    return [...(this.nameIndex().get(nameKey(name)) ?? [])].sort((x, y) => (y.prior ?? 0) - (x.prior ?? 0));
  }

  /** Display name of an id, or the id itself when unknown. */
  nameOf(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }
}

/** Adds the actors of packs to a base. On an id clash the base (then the earlier pack) wins; sources are merged. */
export function mergeKb(base: KnowledgeBase, packs: KnowledgeBase[]): KnowledgeBase {
  const seen = new Set(base.actors.map((a) => a.id));
  const actors = [...base.actors];
  const sources = { ...base.sources };
  for (const p of packs) {
    for (const [k, s] of Object.entries(p.sources)) if (!(k in sources)) sources[k] = s;
    for (const a of p.actors) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      actors.push(a);
    }
  }
  return { ...base, sources, actors };
}
