// Hand-written sources (assets/kb/hand/*.json): new actors, patches of table actors (same id), and offices written
// once and emitted on both sides (the country's head-of-state fact and the person's holds-office fact).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve as resolvePath } from 'node:path';
import type { ActorType, Fact, FactProperty } from '../../src/core/types';
import { ACTOR_TYPES } from '../../src/core/types';
import type { AliasFlags, KbBuilder } from './builder';
import { personAliases } from './people';
import { KB_DIR } from './tables';

export type HandAlias = string | ({ t: string } & AliasFlags);
export interface HandActor {
  id: string;
  type?: ActorType;
  name?: string;
  desc?: string;
  prior?: number;
  aliases?: HandAlias[];
  /** For people: derive the first+last and surname (`short`) forms from the name. */
  personNames?: boolean;
  facts?: Fact[];
}
export interface HandOffice {
  who: string;
  of: string;
  p: 'head-of-state' | 'head-of-government' | 'leader';
  role: string;
  from?: string;
  until?: string;
  src: string;
  note?: string;
  /** Why the last holder differs from the Factbook's January 2026 holder (checked by scripts/kb/heads.ts). */
  factbook?: string;
}
export interface HandMembership { org: string; from?: string; until?: string; note?: string; members: string[] }
export interface HandFile {
  actors?: HandActor[];
  offices?: HandOffice[];
  memberships?: HandMembership[];
  /** Organisations whose Factbook members (apart from dated joiners) all joined before 2000. */
  before2000?: { orgs: string[] };
  /** Offices left to the Factbook's January 2026 holder, with the reason ("SM|head-of-state": "two Captains Regent, every six months"). */
  skipped?: Record<string, string>;
  /** Factbook abbreviation -> actor id ("" = not an organisation we carry). */
  map?: Record<string, string>;
}

export function loadHandFiles(dir = `${KB_DIR}hand/`): { file: string; data: HandFile }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, data: JSON.parse(readFileSync(dir + file, 'utf8')) as HandFile }));
}

/** Hand files outside the folder (a draft being checked); one already in the folder is not loaded twice. */
export function loadExtraHand(paths: string[], dir = `${KB_DIR}hand/`): { file: string; data: HandFile }[] {
  const inDir = new Set(readdirSync(dir));
  return paths.filter((p) => !(resolvePath(p).startsWith(resolvePath(dir)) && inDir.has(basename(p))))
    .map((p) => ({ file: basename(p), data: JSON.parse(readFileSync(p, 'utf8')) as HandFile }));
}

/** The hand files with the drafts in: a draft named like a file of the folder replaces it (a new version). */
export function handWithDrafts(paths: string[], dir = `${KB_DIR}hand/`): { file: string; data: HandFile }[] {
  const drafts = loadExtraHand(paths, dir);
  const names = new Set(drafts.map((d) => d.file));
  return [...loadHandFiles(dir).filter((f) => !names.has(f.file)), ...drafts];
}

/** Resolves `iso:XX` to the country id; other ids pass through. */
export type Resolve = (ref: string) => string;

export function applyHand(b: KbBuilder, files: { file: string; data: HandFile }[], resolve: Resolve): Set<string> {
  const officeKeys = new Set<string>(); // "countryId|property" written by hand: the Factbook must not add to them
  // A person's countries from the offices and nationalities written by hand: they decide how names are shortened.
  const isosOf = new Map<string, string[]>();
  for (const { data } of files) {
    const pairs = [...(data.offices ?? []).map((o) => [o.who, o.of] as const),
      ...(data.actors ?? []).flatMap((h) => (h.facts ?? []).filter((f) => f.p === 'nationality').map((f) => [h.id, f.v] as const))];
    for (const [who, of] of pairs) if (of.startsWith('iso:')) isosOf.set(resolve(who), [...(isosOf.get(resolve(who)) ?? []), of.slice(4)]);
  }
  for (const { file, data } of files) {
    for (const h of data.actors ?? []) {
      const id = resolve(h.id);
      const where = `${file}: ${h.id}`;
      let actor = b.get(id);
      if (!actor) {
        if (!h.type || !h.name || !h.desc) throw new Error(`${where}: a new actor needs type, name and desc`);
        if (!ACTOR_TYPES.includes(h.type)) throw new Error(`${where}: unknown type ${h.type}`);
        actor = b.add({ id, type: h.type, name: h.name, desc: h.desc, prior: h.prior });
      } else {
        if (h.type) actor.type = h.type;
        if (h.name) b.rename(id, h.name);
        if (h.desc) actor.desc = h.desc;
        if (h.prior !== undefined) actor.prior = h.prior;
      }
      if (h.personNames) personAliases(b, id, actor.name, isosOf.get(id));
      for (const a of h.aliases ?? []) {
        if (typeof a === 'string') b.alias(id, a);
        else { const { t, ...flags } = a; b.alias(id, t, flags); }
      }
      for (const f of h.facts ?? []) b.fact(id, resolveFact(f, resolve, where));
    }
  }
  for (const { file, data } of files) {
    for (const o of data.offices ?? []) {
      const who = resolve(o.who);
      const of = resolve(o.of);
      if (!b.has(who) || !b.has(of)) throw new Error(`${file}: office ${o.role} refers to unknown ${b.has(who) ? of : who}`);
      const span = { ...(o.from ? { from: o.from } : {}), ...(o.until ? { until: o.until } : {}) };
      const note = o.note ? { note: o.note } : {};
      b.fact(of, { p: o.p as FactProperty, v: who, ref: true, role: o.role, ...span, src: o.src, ...note });
      b.fact(who, { p: 'holds-office', v: o.role, of, ...span, src: o.src, ...note });
      officeKeys.add(`${of}|${o.p}`);
    }
    for (const m of data.memberships ?? []) {
      const org = resolve(m.org);
      if (!b.has(org)) throw new Error(`${file}: membership of unknown ${org}`);
      for (const member of m.members) {
        const id = resolve(member);
        if (!b.has(id)) throw new Error(`${file}: unknown member ${member} of ${org}`);
        b.fact(id, { p: 'member-of', v: org, ref: true, ...(m.from ? { from: m.from } : {}), ...(m.until ? { until: m.until } : {}), src: 'backstory', ...(m.note ? { note: m.note } : {}) });
        officeKeys.add(`${id}|member-of|${org}`);
      }
    }
  }
  return officeKeys;
}

function resolveFact(f: Fact, resolve: Resolve, where: string): Fact {
  if (!f.p || f.v === undefined || !f.src) throw new Error(`${where}: a fact needs p, v and src`);
  const out: Fact = { ...f, v: f.ref ? resolve(f.v) : String(f.v) };
  if (f.of) out.of = resolve(f.of);
  return out;
}
