// Hand-written people (`bs:` ids) who are the same person as a politician the copied tables hold under a QID:
// folded into the QID actor, so links carry the confirmed id ("Manuel Valls" is Q10287, whose table name is
// "Manuel Carlos Valls Galfetti"). Confirmation needs all of: a name variant in common (full name, first + one
// later name, native spelling folded), the same country (the person's offices or nationality against the row's
// countries), the same birth year when both sides know it, and exactly one such row. A QID is never guessed.
import { multi, type Row } from './csv';
import { type KbBuilder, fold } from './builder';
import { yearOrDate } from './people';

const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'del', 'la', 'le', 'di', 'du', 'bin', 'ibn', 'al', 'el', 'y', 'e']);

/**
 * Folded forms a person is commonly written as: the full name, and the first given name with any one later
 * name ("Manuel Valls" and "Manuel Galfetti" for "Manuel Carlos Valls Galfetti"; particles stay attached).
 */
export function nameVariants(name: string): Set<string> {
  const words = fold(name).replace(/[.,]/g, ' ').split(' ').filter(Boolean);
  const out = new Set<string>([words.join(' ')]);
  if (words.length < 3) return out;
  for (let i = 1; i < words.length; i++) {
    if (PARTICLES.has(words[i]!)) continue;
    let s = i;
    while (s > 1 && PARTICLES.has(words[s - 1]!)) s--;
    out.add([words[0], ...words.slice(s, i + 1)].join(' '));
  }
  return out;
}

/** Countries (actor ids) a person is tied to: offices held and nationality. */
function countriesOf(b: KbBuilder, id: string): Set<string> {
  const s = new Set<string>();
  for (const f of b.get(id)?.facts ?? []) {
    if (f.p === 'holds-office' && f.of && b.get(f.of)?.type === 'country') s.add(f.of);
    if (f.p === 'nationality' && f.ref) s.add(f.v);
  }
  return s;
}

const bornYear = (b: KbBuilder, id: string): string | undefined => b.get(id)?.facts.find((f) => f.p === 'born')?.v.slice(0, 4);

export interface Merged { from: string; into: string; name: string; tableName: string }

/**
 * Folds hand-written `bs:` people into the table politician they duplicate. Returns what it merged (the build
 * prints the count; tests read the list).
 */
export function mergeDuplicatePeople(b: KbBuilder, politicians: Row[], byIso: Map<string, string>): Merged[] {
  const byVariant = new Map<string, Row[]>();
  for (const r of politicians) {
    if (!r.qid || !r.name_native || !b.has(r.qid)) continue;
    for (const v of nameVariants(r.name_native)) {
      const list = byVariant.get(v);
      if (list) list.push(r); else byVariant.set(v, [r]);
    }
  }
  const merged: Merged[] = [];
  for (const actor of [...b.actors.values()]) {
    if (actor.type !== 'person' || !actor.id.startsWith('bs:')) continue;
    const countries = countriesOf(b, actor.id);
    if (countries.size === 0) continue;
    const born = bornYear(b, actor.id);
    const hits = new Map<string, Row>();
    for (const form of [actor.name, ...actor.aliases.filter((a) => !a.short && !a.dem && !a.cs).map((a) => a.t)]) {
      for (const r of byVariant.get(fold(form).replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim()) ?? []) {
        const isos = multi(r.country_iso2).map((i) => byIso.get(i)).filter((x): x is string => !!x);
        if (!isos.some((c) => countries.has(c))) continue;
        const births = multi(r.birth_date).map((d) => yearOrDate(d).slice(0, 4));
        if (born && births.length && !births.includes(born)) continue;
        hits.set(r.qid!, r);
      }
    }
    if (hits.size !== 1) continue;
    const [row] = hits.values();
    const into = row!.qid!;
    const target = b.get(into)!;
    if (target.type !== 'person') continue;
    const tableName = target.name;
    // The hand-written name is the form articles use; the table's full name stays an alias.
    b.merge(actor.id, into);
    b.rename(into, actor.name);
    b.alias(into, tableName);
    target.desc = actor.desc;
    if (actor.prior !== undefined) target.prior = Math.max(actor.prior, target.prior ?? 0);
    merged.push({ from: actor.id, into, name: actor.name, tableName });
  }
  return merged;
}
