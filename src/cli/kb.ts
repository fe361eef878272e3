// `backstory kb`: list ids, print statistics, or import Wikidata entity JSON as a local pack (issue #3).
// I/O comes in through `io` so tests can run it without touching the disk.
import { parseKb } from '../core/kb';
import { PackError, wikidataToPack } from '../core/pack';
import type { KnowledgeBase } from '../core/types';
import { ACTOR_TYPES, isQid } from '../core/types';

export interface KbCliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (p: string) => Promise<string>;
  writeFile: (p: string, s: string) => Promise<void>;
  /** Path of the compiled knowledge base (dist/data/kb.json). */
  kbPath: string;
}

const USAGE = 'usage: backstory kb --ids | --stats | import FILE [--out PACK.json] [--name NAME]';

async function loadKb(io: KbCliIo): Promise<KnowledgeBase> {
  let text: string;
  try {
    text = await io.readFile(io.kbPath);
  } catch {
    throw new Error(`${io.kbPath}: cannot read the knowledge base (run npm run build first)`);
  }
  try {
    return parseKb(JSON.parse(text));
  } catch (e) {
    throw new Error(`${io.kbPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Counts by type, by alias language, by id kind, and alias totals, as printable lines. */
export function kbStats(kb: KnowledgeBase): string[] {
  const byType = new Map<string, number>(ACTOR_TYPES.map((t) => [t, 0]));
  const byLang = new Map<string, number>();
  const kinds = { qid: 0, local: 0, pack: 0 };
  let aliases = 0;
  const flags = { cs: 0, amb: 0, ctx: 0, dem: 0, short: 0 };
  for (const a of kb.actors) {
    byType.set(a.type, (byType.get(a.type) ?? 0) + 1);
    if (isQid(a.id)) kinds.qid++; else if (a.id.startsWith('pack:')) kinds.pack++; else kinds.local++;
    for (const al of a.aliases) {
      aliases++;
      const lang = al.lang ?? '(neutral)';
      byLang.set(lang, (byLang.get(lang) ?? 0) + 1);
      for (const f of Object.keys(flags) as (keyof typeof flags)[]) if (al[f]) flags[f]++;
    }
  }
  const langs = [...byLang].sort((x, y) => y[1] - x[1]);
  return [
    `actors: ${kb.actors.length}`,
    `aliases: ${aliases} (case-sensitive ${flags.cs}, ambiguous ${flags.amb}, needs context ${flags.ctx}, demonyms ${flags.dem}, short forms ${flags.short})`,
    `by type: ${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}`,
    `by id kind: QID ${kinds.qid}, local ${kinds.local}, pack ${kinds.pack}`,
    `by language (${langs.length}): ${langs.map(([l, n]) => `${l} ${n}`).join(', ')}`,
    `sources: ${Object.keys(kb.sources).join(', ')}`,
    `built: ${kb.built}`,
  ];
}

async function importPack(args: string[], io: KbCliIo): Promise<number> {
  const file = args[0];
  if (!file || file.startsWith('--')) { io.stderr(USAGE + '\n'); return 2; }
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const nameArg = args.includes('--name') ? args[args.indexOf('--name') + 1] : undefined;
  const name = nameArg ?? (file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'pack');
  let text: string;
  try {
    text = await io.readFile(file);
  } catch {
    io.stderr(`${file}: cannot read file\n`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    io.stderr(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})\n`);
    return 1;
  }
  let pack: KnowledgeBase;
  try {
    pack = wikidataToPack(json, name);
  } catch (e) {
    io.stderr(`${file}: ${e instanceof PackError ? e.message : String(e)}\n`);
    return 1;
  }
  const body = JSON.stringify(pack, null, 1) + '\n';
  if (out) {
    await io.writeFile(out, body);
    io.stderr(`${file}: ${pack.actors.length} actors -> ${out}\n`);
  } else io.stdout(body);
  return 0;
}

export async function run(args: string[], io: KbCliIo): Promise<number> {
  try {
    if (args[0] === 'import') return await importPack(args.slice(1), io);
    if (args.includes('--ids')) {
      const kb = await loadKb(io);
      io.stdout(kb.actors.map((a) => a.id).join('\n') + '\n');
      return 0;
    }
    if (args.includes('--stats')) {
      const kb = await loadKb(io);
      io.stdout(kbStats(kb).join('\n') + '\n');
      return 0;
    }
    io.stderr(USAGE + '\n');
    return 2;
  } catch (e) {
    io.stderr(`backstory kb: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
