// International organisations from SupraVerden's list (CC BY-SA 4.0, kept as its own data file: see SOURCES.md).
import { multi } from './csv';
import { fold, localId, type KbBuilder } from './builder';
import type { Tables } from './tables';

/** QIDs the table gives to two entries: at most one is right, so neither entry may carry it. */
function duplicated(t: Tables): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const r of t.orgs) (seen.has(r.qid!) ? dup : seen).add(r.qid!);
  return dup;
}

/** Fixes of the source's typos in names (the record keys are right; see the data README). */
const NAME_FIX: Record<string, string> = {
  'Commonwealth Secretariat Aribtral Tribunal': 'Commonwealth Secretariat Arbitral Tribunal',
  'LOw Frequency ARray': 'Low Frequency Array',
};

/** Adds every organisation of the table; returns upper-case abbreviation -> ids (for Factbook membership lists). */
export function addOrgs(b: KbBuilder, t: Tables): Map<string, string[]> {
  const dup = duplicated(t);
  const byAbbr = new Map<string, string[]>();
  // Abbreviations the table gives to several organisations ("ECA", "ISA") need context to link.
  const abbrCount = new Map<string, number>();
  for (const r of t.orgs) for (const a of multi(r.abbreviations)) abbrCount.set(a, (abbrCount.get(a) ?? 0) + 1);
  const orgNames = new Set(t.orgs.map((r) => fold(r.name!)));
  for (const r of t.orgs) {
    const name = NAME_FIX[r.name!] ?? r.name!;
    const id = dup.has(r.qid!) ? localId(name) : r.qid!;
    const family = r.org_family;
    const desc = r.eu_body === 'yes' ? 'Body of the European Union'
      : family ? `Intergovernmental organisation (${family.replace(/ entities$/, '')})` : 'Intergovernmental organisation';
    b.add({ id, type: 'organization', name, desc, prior: 0.5 });
    // One row lists OPEC's full name as the OPEC Fund's abbreviation: a name of another row is no abbreviation.
    const abbrs = multi(r.abbreviations).filter((a) => !orgNames.has(fold(a)) || fold(a) === fold(name));
    for (const a of abbrs) {
      b.alias(id, a, (abbrCount.get(a) ?? 0) > 1 ? { ctx: true } : {});
      const list = byAbbr.get(a.toUpperCase());
      if (list) list.push(id); else byAbbr.set(a.toUpperCase(), [id]);
    }
    for (const a of multi(r.abbreviations_fr_es)) {
      const m = /^(fr|es):(.+)$/.exec(a);
      if (m) b.alias(id, m[2]!, { lang: m[1] });
    }
    for (const a of multi(r.former_abbreviations)) b.alias(id, a);
    for (const n of [...multi(r.other_names), ...multi(r.former_names)]) b.alias(id, n);
  }
  return byAbbr;
}
