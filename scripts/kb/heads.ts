// Checks hand-written heads of state and government (assets/kb/hand/heads-*.json) against themselves and against
// the one dated source we hold, the Factbook snapshot of January 2026:
// - per country and office, holders in order, each `from` before its `until`, no overlap with the next holder,
//   no gap over two years (acting holders are left out, so short gaps are normal), the first holder in office on
//   1 January 2000 (or a note saying why not: the office was created later);
// - the last holder is the Factbook's holder, with the same start date where the Factbook gives one (down to the
//   precision both sides have), unless the office says why not (`factbook: "..."`).
// `npx tsx scripts/kb/heads.ts [DRAFT.json ...]` prints the findings for every hand file plus the drafts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fold } from './builder';
import { parseOffice } from './factbook';
import { type HandFile, type HandOffice, handWithDrafts } from './hand';
import { type FactbookRecord, loadFactbook } from './tables';

export interface HeadsReport { errors: string[]; warnings: string[]; countries: Set<string> }

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const days = (d: string): number => Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d) / 86_400_000;
/** Compares two dates at the precision both have ("2017-05" equals "2017-05-14"). */
const samePrefix = (a: string, b: string): boolean => a.slice(0, Math.min(a.length, b.length)) === b.slice(0, Math.min(a.length, b.length));

/** `namesOf`: more names for an id the hand files only patch (a table actor's name, from the built KB). */
export function checkHeads(files: { file: string; data: HandFile }[], factbook: FactbookRecord[], namesOf: (id: string) => string[] = () => []): HeadsReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const names = new Map<string, string[]>(); // actor id -> names and aliases, folded
  for (const { data } of files) {
    for (const a of data.actors ?? []) {
      const list = names.get(a.id) ?? [];
      if (a.name) list.push(fold(a.name));
      for (const al of a.aliases ?? []) list.push(fold(typeof al === 'string' ? al : al.t));
      names.set(a.id, list);
    }
  }
  const groups = new Map<string, { o: HandOffice; file: string }[]>();
  for (const { file, data } of files) {
    for (const o of data.offices ?? []) {
      if (!/^iso:[A-Z]{2}$/.test(o.of) || (o.p !== 'head-of-state' && o.p !== 'head-of-government')) continue;
      const k = `${o.of.slice(4)}|${o.p}`;
      (groups.get(k) ?? groups.set(k, []).get(k)!).push({ o, file });
      for (const d of [o.from, o.until]) if (d !== undefined && !DATE.test(d)) errors.push(`${file}: ${k} ${o.who}: bad date ${d}`);
      if (!o.from) errors.push(`${file}: ${k} ${o.who}: no from date`);
      if (o.from && o.until && days(o.from) >= days(o.until)) errors.push(`${file}: ${k} ${o.who}: from ${o.from} not before until ${o.until}`);
    }
  }
  const byIso = new Map(factbook.filter((r) => r.iso2).map((r) => [r.iso2!, r]));
  const countries = new Set<string>();
  for (const [k, list] of groups) {
    const [iso, p] = k.split('|') as [string, 'head-of-state' | 'head-of-government'];
    countries.add(iso);
    const files = [...new Set(list.map((x) => x.file))];
    if (files.length > 1) errors.push(`${k}: written in more than one file (${files.join(', ')})`);
    const sorted = list.map((x) => x.o).filter((o) => o.from && DATE.test(o.from)).sort((a, b) => days(a.from!) - days(b.from!));
    const first = sorted[0];
    if (first && days(first.from!) > days('2000-01-01') && !first.note) errors.push(`${k}: first holder ${first.who} starts ${first.from}, after 2000, with no note saying why`);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i]!, b = sorted[i + 1]!;
      if (!a.until) { errors.push(`${k}: ${a.who} (from ${a.from}) has no until but ${b.who} follows from ${b.from}`); continue; }
      if (days(a.until) > days(b.from!)) errors.push(`${k}: ${a.who} until ${a.until} overlaps ${b.who} from ${b.from}`);
      else if (days(b.from!) <= days('2000-01-01')) continue; // history before 2000 may be partial
      else if (days(b.from!) - days(a.until) > 731 && !b.note) errors.push(`${k}: a gap over two years between ${a.who} (until ${a.until}) and ${b.who} (from ${b.from}) with no note`);
      else if (days(b.from!) - days(a.until) > 120) warnings.push(`${k}: ${Math.round(days(b.from!) - days(a.until))} days between ${a.who} and ${b.who} (acting holders?)`);
    }
    const last = sorted[sorted.length - 1];
    const fb = byIso.get(iso);
    const text = p === 'head-of-state' ? fb?.chief_of_state : fb?.head_of_government;
    const parsed = parseOffice(text);
    if (!last || !parsed) continue;
    if (last.factbook) continue; // the file says why it differs from the Factbook
    if (last.until) { errors.push(`${k}: the last holder ${last.who} left on ${last.until}, but the Factbook (January 2026) names ${parsed.name}`); continue; }
    const surname = (text ?? '').split(';')[0]!.match(/(?<!\p{L})\p{Lu}[\p{Lu}'’-]+(?!\p{L})/gu)?.filter((w) => w.length > 1 && !/^[IVX]+$/.test(w)).map((w) => fold(w)) ?? [];
    for (const n of namesOf(last.who)) (names.get(last.who) ?? names.set(last.who, []).get(last.who)!).push(fold(n));
    const mine = (names.get(last.who) ?? []).join(' ').split(/[\s-]+/);
    const near = (w: string): boolean => w.length >= 5 && mine.some((m) => m.length >= 5 && editDistance(w, m) <= 2);
    const parts = (s: string): string[] => s.split(/[\s-]+/).filter((w) => w.length > 1); // "SASSOU-N(guesso)"
    if (surname.length && !surname.some((s) => parts(s).every((w) => mine.includes(w)))) {
      // Transliterations differ ("Lukashenka", "Lukashenko"): close spellings are a warning, to be looked at.
      (surname.some((s) => parts(s).every(near)) ? warnings : errors).push(`${k}: the last holder ${last.who} (${(names.get(last.who) ?? ['?'])[0]}) is not the Factbook's ${parsed.name}`);
    } else if (parsed.since && last.from && !samePrefix(parsed.since, last.from)) {
      // Elected one day, sworn in the next: a few days apart is a convention, not a different fact.
      const apart = Math.abs(days(parsed.since) - days(last.from));
      (apart <= 7 ? warnings : errors).push(`${k}: ${last.who} from ${last.from}, the Factbook says since ${parsed.since}`);
    }
  }
  return { errors, warnings, countries };
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export { loadFactbook };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = handWithDrafts(process.argv.slice(2));
  const { buildKb } = await import('./build');
  const kb = await buildKb({ extraHand: process.argv.slice(2) });
  const byId = new Map(kb.actors.map((a) => [a.id, a]));
  const r = checkHeads(files, loadFactbook(), (id) => { const a = byId.get(id); return a ? [a.name, ...a.aliases.map((x) => x.t)] : []; });
  for (const w of r.warnings) console.log(`warning: ${w}`);
  for (const e of r.errors) console.log(`error: ${e}`);
  console.log(`${r.countries.size} countries with hand-written heads; ${r.errors.length} errors, ${r.warnings.length} warnings`);
  if (process.argv.length > 2) {
    // Built with the drafts too: unknown ids fail the build above; unresolved alias collisions are listed here.
    const { findCollisions } = await import('./collisions');
    // Every file named on the command line, in the folder or not.
    const drafted = new Set(process.argv.slice(2).flatMap((p) => ((JSON.parse(readFileSync(p, 'utf8')) as HandFile).actors ?? []).map((a) => a.id)));
    const bad = findCollisions(kb).filter((c) => c.rule === 'unresolved' && c.actors.some((a) => drafted.has(a.id)));
    for (const c of bad) console.log(`error: unresolved alias collision ${c.key}: ${c.actors.map((a) => a.id).join(', ')}`);
    console.log(`build with drafts: ${kb.actors.length} actors; ${bad.length} unresolved collisions involving them`);
    if (bad.length) process.exitCode = 1;
  }
  if (r.errors.length) process.exitCode = 1;
}
