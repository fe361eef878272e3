// Accumulates actors from every source while the knowledge base is built: one actor per id, aliases deduplicated
// by case-folded form, facts appended. Sources run in order and later ones only add (see build.ts).
import type { Actor, ActorType, Alias, Fact } from '../../src/core/types';

export type AliasFlags = Omit<Alias, 't'>;

/** Case-folded, accent-insensitive key used to deduplicate aliases and to look actors up by name. */
export const fold = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘ʻ`]/g, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');

/** Local id from an English name: `bs:kebab-case`. */
const TRANSLIT: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ə: 'e' };

export function localId(name: string): string {
  const slug = fold(name).replace(/[ıøłßæœđðþə]/g, (c) => TRANSLIT[c] ?? c).replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `bs:${slug || 'x'}`;
}

const ACRONYM = /^[A-Z][A-Z0-9.&-]{1,5}$/;

export class KbBuilder {
  readonly actors = new Map<string, Actor>();
  /** Aliases that came from machine evidence (wikidata-names surfaces): dropped if they name another actor. */
  readonly weak = new Map<string, Set<string>>();
  /** Ids folded into another by merge(): former id -> the id it now goes by (written to the KB as `moved`). */
  readonly moved = new Map<string, string>();
  private readonly aliasKeys = new Map<string, Map<string, Alias>>();

  constructor(readonly confirmed: ReadonlySet<string>) {}

  has(id: string): boolean { return this.actors.has(id); }
  get(id: string): Actor | undefined { return this.actors.get(id); }

  /** Adds an actor, or returns the existing one with that id unchanged. */
  add(a: { id: string; type: ActorType; name: string; desc: string; prior?: number }): Actor {
    const old = this.actors.get(a.id);
    if (old) return old;
    if (/^Q\d+$/.test(a.id) && !this.confirmed.has(a.id)) throw new Error(`unconfirmed QID ${a.id} (${a.name})`);
    const name = a.name.replace(/\s+/g, ' ').trim();
    const actor: Actor = { id: a.id, type: a.type, name, desc: a.desc, aliases: [], facts: [] };
    if (a.prior !== undefined) actor.prior = a.prior;
    this.actors.set(a.id, actor);
    this.aliasKeys.set(a.id, new Map());
    this.alias(a.id, name);
    return actor;
  }

  /** A local id for a new actor named `name`, suffixed when taken by a different actor. */
  freeLocalId(name: string, suffix?: string): string {
    const base = localId(name);
    if (!this.actors.has(base)) return base;
    return suffix ? localId(`${name} ${suffix}`) : base;
  }

  /**
   * Adds a surface form. Forms equal after case folding are one alias (the first spelling wins, flags are merged
   * towards the stricter reading); an acronym is case-sensitive unless told otherwise.
   */
  alias(id: string, t: string, flags: AliasFlags = {}, weak = false): void {
    const text = t.replace(/\s+/g, ' ').trim();
    if (!text) return;
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`alias for unknown actor ${id}`);
    const cs = flags.cs ?? ACRONYM.test(text);
    const key = cs ? `=${text}` : fold(text);
    const keys = this.aliasKeys.get(id)!;
    // A key whose alias a later step dropped (dropMetonyms, settleCityNames) is added again.
    const old = keys.get(key);
    if (old && actor.aliases.includes(old)) {
      if (old.lang && flags.lang !== old.lang) delete old.lang; // the same form in several languages is neutral
      // Flags given explicitly (hand files) override what a table implied: "Erdogan" becomes a short form.
      for (const k of ['amb', 'ctx', 'dem', 'short'] as const) {
        if (flags[k] === true) old[k] = true;
        else if (flags[k] === false) delete old[k];
      }
      return;
    }
    const a: Alias = { t: text };
    if (flags.lang) a.lang = flags.lang;
    if (cs) a.cs = true;
    if (flags.amb) a.amb = true;
    if (flags.ctx) a.ctx = true;
    if (flags.dem) a.dem = true;
    if (flags.short) a.short = true;
    keys.set(key, a);
    actor.aliases.push(a);
    if (weak) {
      let s = this.weak.get(id);
      if (!s) this.weak.set(id, (s = new Set()));
      s.add(text);
    }
  }

  /** Renames an actor; the alias spelled like the old form of the name takes the new spelling. */
  rename(id: string, name: string): void {
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`rename of unknown actor ${id}`);
    actor.name = name;
    const same = actor.aliases.find((a) => !a.cs && fold(a.t) === fold(name));
    if (same) same.t = name;
    else this.alias(id, name);
  }

  /**
   * Folds actor `from` into actor `into` (a duplicate found after both were added): `into` takes `from`'s
   * aliases (with their flags) and facts, and every reference to `from` in any fact now points to `into`.
   */
  merge(from: string, into: string): void {
    const src = this.actors.get(from), dst = this.actors.get(into);
    if (!src || !dst) throw new Error(`merge of unknown actor ${src ? into : from}`);
    for (const a of src.aliases) { const { t, ...flags } = a; this.alias(into, t, flags, this.weak.get(from)?.has(t) ?? false); }
    for (const f of src.facts) this.fact(into, f);
    this.actors.delete(from);
    this.aliasKeys.delete(from);
    this.weak.delete(from);
    this.moved.set(from, into);
    for (const [k, v] of this.moved) if (v === from) this.moved.set(k, into);
    for (const a of this.actors.values()) {
      for (const f of a.facts) {
        if (f.ref && f.v === from) f.v = into;
        if (f.of === from) f.of = into;
      }
    }
  }

  fact(id: string, f: Fact): void {
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`fact for unknown actor ${id}`);
    const same = actor.facts.some((g) => g.p === f.p && g.v === f.v && g.from === f.from && g.until === f.until && g.of === f.of && g.role === f.role);
    if (!same) actor.facts.push(f);
  }

  hasFact(id: string, p: Fact['p']): boolean {
    return this.actors.get(id)?.facts.some((f) => f.p === p) ?? false;
  }

  /** Weak aliases (machine evidence) that another actor also carries need context to link ("Communist Party"). */
  markSharedWeak(): number {
    const owners = new Map<string, Set<string>>();
    for (const a of this.actors.values()) {
      for (const al of a.aliases) {
        const k = al.cs ? `=${al.t}` : fold(al.t);
        const s = owners.get(k);
        if (s) s.add(a.id); else owners.set(k, new Set([a.id]));
      }
    }
    let n = 0;
    for (const [id, forms] of this.weak) {
      for (const al of this.actors.get(id)!.aliases) {
        if (!forms.has(al.t) || al.short || al.dem || al.ctx) continue;
        if ((owners.get(al.cs ? `=${al.t}` : fold(al.t))?.size ?? 0) > 1) { al.ctx = true; n++; }
      }
    }
    return n;
  }

  /** Drops weak aliases that are another actor's display name or a place's demonym ("Moscow" for Russia). */
  dropMetonyms(): number {
    const names = new Map<string, string>();
    for (const a of this.actors.values()) if (!names.has(fold(a.name))) names.set(fold(a.name), a.id);
    // Demonyms of places ("Turkish") count too: linkers tie them to national teams, which we must not repeat.
    for (const a of this.actors.values()) {
      if (a.type !== 'country' && a.type !== 'region' && a.type !== 'city') continue;
      for (const al of a.aliases) if (al.dem && !names.has(fold(al.t))) names.set(fold(al.t), a.id);
    }
    let dropped = 0;
    for (const [id, forms] of this.weak) {
      const actor = this.actors.get(id)!;
      const before = actor.aliases.length;
      actor.aliases = actor.aliases.filter((a) => {
        if (!forms.has(a.t) || a.t === actor.name) return true;
        const other = names.get(fold(a.t));
        return other === undefined || other === id;
      });
      dropped += before - actor.aliases.length;
    }
    return dropped;
  }
}
