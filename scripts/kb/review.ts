// Decisions written here after reading the table-only actors (issue #4): assets/kb/review/kinds*.json give the kind
// of entries the tables left untyped ("George Washington" is a person, "New Year" no actor at all), and
// assets/kb/review/aliases*.json drop forms that are generic words ("Department") or makes a form that is also a
// common word, a title or a given name link only after the full name ("Vice" for Vice Media).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fold, type KbBuilder } from './builder';
import type { ActorType } from '../../src/core/types';

export const REVIEW_DIR = new URL('../../assets/kb/review/', import.meta.url);

export const KINDS = ['person', 'organization', 'company', 'party', 'armed-group', 'city', 'region', 'country', 'not-actor', 'unsure'] as const;
export type Kind = (typeof KINDS)[number];
export interface KindEntry { id: string; name: string; kind: Kind; why?: string }
export interface AliasFix { id: string; alias: string; action: 'drop' | 'short'; why: string }

const DESC: Record<Exclude<Kind, 'not-actor' | 'unsure'>, string> = {
  person: 'Person named in the news',
  organization: 'Organisation named in the news',
  company: 'Company named in the news',
  party: 'Political party named in the news',
  'armed-group': 'Armed force or group named in the news',
  city: 'City or town named in the news',
  region: 'Place named in the news',
  country: 'Country or territory named in the news',
};

export interface ReviewLog { retyped: number; notActors: number; dropped: number; shortened: number; problems: string[] }

/** Every file of the folder whose name starts with `prefix` (kinds*.json, aliases*.json), in name order. */
function read<T>(prefix: string, key: string): T[] {
  if (!existsSync(REVIEW_DIR)) return [];
  return readdirSync(REVIEW_DIR).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort()
    .flatMap((f) => ((JSON.parse(readFileSync(new URL(f, REVIEW_DIR), 'utf8')) as Record<string, unknown>)[key] ?? []) as T[]);
}

export const readKinds = (): KindEntry[] => read<KindEntry>('kinds', 'kinds');
export const readAliasFixes = (): AliasFix[] => read<AliasFix>('aliases', 'fixes');

/**
 * Only the benchmark-names table made this actor, with a template description: its kind was never checked (untyped
 * rows) or comes from a linker's guess ("Greenwich Mean Time" is a "place" there).
 */
const fromNamesOnly = (a: { type: string; desc: string }): boolean =>
  a.type === 'other' || /^(Person named in international news|Organisation, club or company named in the news|Place named in the news)$/.test(a.desc);

/**
 * Applies both files. A kind changes only an actor that the benchmark-names table alone made (fromNamesOnly): a type
 * another source gave wins. A form made short links only after the full name, or with the support of related actors;
 * this works for a form that is also the actor's name. An entry
 * whose id or name no longer matches the knowledge base is reported, not applied (the tables may have changed).
 */
export function applyReview(b: KbBuilder, kinds = readKinds(), fixes = readAliasFixes()): ReviewLog {
  const log: ReviewLog = { retyped: 0, notActors: 0, dropped: 0, shortened: 0, problems: [] };
  for (const k of kinds) {
    const a = b.get(k.id);
    if (!a || fold(a.name) !== fold(k.name)) { log.problems.push(`kinds: ${k.id} "${k.name}" is not in the knowledge base under that name`); continue; }
    if (!fromNamesOnly(a) && k.kind !== 'unsure') { log.problems.push(`kinds: ${k.id} "${k.name}" has a checked type (${a.type}); not changed`); continue; }
    if (!(KINDS as readonly string[]).includes(k.kind)) { log.problems.push(`kinds: ${k.id} has an unknown kind ${k.kind}`); continue; }
    if (!fromNamesOnly(a) || k.kind === 'unsure') continue;
    if (k.kind === 'not-actor') {
      a.notActor = k.why ?? 'not an actor';
      log.notActors++;
    } else {
      a.type = k.kind as ActorType;
      a.desc = DESC[k.kind];
      log.retyped++;
    }
  }
  for (const f of fixes) {
    const a = b.get(f.id);
    const al = a?.aliases.find((x) => x.t === f.alias);
    if (!a || !al) { log.problems.push(`aliases: ${f.id} has no form "${f.alias}"`); continue; }
    // The matcher always reads an actor's name: dropping it would change nothing, so a namesake's name is made short
    // instead ("Belgrade" of a smaller Belgrade then loses to the capital unless the text names its surroundings).
    if (f.action === 'drop' && fold(f.alias) === fold(a.name)) { al.short = true; log.shortened++; }
    else if (f.action === 'drop') { a.aliases = a.aliases.filter((x) => x !== al); log.dropped++; }
    else if (f.action === 'short') { al.short = true; log.shortened++; }
    else log.problems.push(`aliases: ${f.id} "${f.alias}" has an unknown action ${String(f.action)}`);
  }
  return log;
}
