// Index over wikidata-names.csv: which confirmed QID a name stands for, and which surfaces are usable aliases.
import { multi, type Row } from './csv';
import { fold } from './builder';

/** QIDs whose wikidata-names row names something else than its surface suggests (see the data README). */
export const QID_TRAPS: Record<string, string> = {
  Q240: 'Brussels-Capital Region, not the city of Brussels',
  Q244165: 'Republic of Artsakh (the 1991-2023 breakaway state), not the Nagorno-Karabakh region',
  Q29999: 'Kingdom of the Netherlands, not the country in Europe',
  Q21590062: 'Antarctic Treaty area, not the continent',
  // Place rows whose city is not the most populous namesake GeoNames gives us (checked by hand, 2026-11).
  Q168954: 'a "TRIPOLI" dateline row: not confirmed as the Libyan capital',
  Q1025401: 'Scarborough in England, not the Toronto district',
};

/** QIDs that name a province or state sharing its name with a city: never given to the city. */
export const CITY_TRAPS: Record<string, string> = {
  Q176: 'the province of Quebec, not Quebec City',
  Q2695156: 'an untyped "Batman" row: the comic-book character news mentions, not the Turkish city',
};

const PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him', 'it', 'its', 'they', 'them', 'their', 'we', 'i', 'you', 'the', 'a']);

export class NameIndex {
  private readonly byName = new Map<string, Row[]>();
  readonly byQid = new Map<string, Row>();
  constructor(readonly rows: Row[]) {
    for (const r of rows) {
      this.byQid.set(r.qid!, r);
      const k = fold(r.name!);
      const list = this.byName.get(k);
      if (list) list.push(r); else this.byName.set(k, [r]);
    }
  }

  /**
   * The row named `name` (by its label) among the given types: the only one, or one that dominates its namesakes
   * (at least 5 mentions and 3 times the next: "Belgrade" the city, not "Belgrade Lakes"); else undefined.
   */
  unique(name: string, types: string[], exclude: ReadonlySet<string> = new Set()): Row | undefined {
    const hits = (this.byName.get(fold(name)) ?? []).filter((r) => types.includes(r.type!) && !exclude.has(r.qid!) && !(r.qid! in QID_TRAPS));
    if (hits.length === 1) return hits[0];
    const sorted = hits.sort((a, b) => Number(b.count) - Number(a.count));
    const [first, second] = sorted;
    return first && second && Number(first.count) >= 5 && Number(first.count) >= 3 * Number(second.count) ? first : undefined;
  }
}

/**
 * Surfaces of a row that may serve as aliases: capitalised, not a pronoun, not an ALL-CAPS dateline copy of
 * another surface. They are evidence, not names, so the builder keeps them as "weak" aliases.
 */
export function usableSurfaces(r: Row): string[] {
  const all = multi(r.surfaces);
  const lower = new Set(all.filter((s) => s !== s.toUpperCase()).map((s) => fold(s)));
  return all.filter((s) => {
    if (!/^[\p{Lu}\p{N}]/u.test(s)) return false;
    if (PRONOUNS.has(s.toLowerCase())) return false;
    if (s.length > 5 && s === s.toUpperCase() && lower.has(fold(s))) return false;
    if (s.length > 5 && s === s.toUpperCase()) return false; // datelines ("BRUSSELS"); the matcher folds case anyway
    return s.length >= 2;
  });
}

/** A demonym-like surface of a place ("Italian", "Italians", "Dutch", "British"). */
export function looksDemonym(surface: string, placeName: string): boolean {
  if (fold(surface) === fold(placeName) || surface.includes(' ')) return false;
  return /(an|ans|ian|ians|ese|ish|i|is|ic|ch|ots|er|ers)$/.test(surface) && !fold(placeName).startsWith(fold(surface));
}
