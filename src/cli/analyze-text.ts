// `backstory analyze --text --jsonl` (issue #2 item 8, issue #4): links plain texts read as JSON lines on stdin,
// {"id","text","date"?,"lang"?}, and writes one line per input, {"id","mentions":[{"start","end","text","entityId"}]},
// with UTF-16 offsets into `text`. A place named with where it lies, "Denver, Colorado", is one more mention of the
// city over both names, as benchmarks label it, besides "Denver" and "Colorado". A bad line gets a one-line error naming its line number; the batch goes on and
// the exit code is non-zero at the end.
import type { KnowledgeBase } from '../core/types.js';
import { createLinker } from '../core/linker.js';
import type { PackedAliasIndex } from '../core/matcher-pack.js';

export interface TextIO {
  stdin: () => Promise<string>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  kbPath: string;
  readFile: (p: string) => Promise<string>;
}

export const HELP = `Usage: backstory analyze --text --jsonl [--lang CODE] [--possible]
Reads lines {"id","text","date"?,"lang"?,"title"?} on stdin (without "date", a title starting "YYYYMMDD - " dates the text) and writes {"id","mentions":[{"start","end","text","entityId"}]}.
  --lang CODE   language of texts that do not say (default: none)
  --possible    also write "possible": links below the confidence line, with their scores
`;

export async function run(args: string[], io: TextIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) { io.stdout(HELP); return 0; }
  if (!args.includes('--jsonl')) { io.stderr('backstory analyze --text: only --jsonl input is supported (see --help)\n'); return 2; }
  const langAt = args.indexOf('--lang');
  const defaultLang = langAt >= 0 ? args[langAt + 1] ?? null : null;
  const withPossible = args.includes('--possible');
  let kb: KnowledgeBase;
  try {
    kb = JSON.parse(await io.readFile(io.kbPath)) as KnowledgeBase;
    if (!Array.isArray(kb.actors)) throw new Error('no actors');
  } catch (e) {
    io.stderr(`backstory analyze --text: cannot read the knowledge base ${io.kbPath}: ${(e as Error).message} (run npm run build)\n`);
    return 1;
  }
  // The alias index precomputed by the KB build (kb-index.json beside kb.json), when there is one that fits.
  let packed: PackedAliasIndex | null = null;
  try {
    packed = JSON.parse(await io.readFile(io.kbPath.replace(/kb\.json$/, 'kb-index.json'))) as PackedAliasIndex;
  } catch {
    packed = null; // absent or unreadable: createLinker builds the index itself
  }
  const linker = createLinker(kb, packed);
  const lines = (await io.stdin()).split('\n');
  let failed = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `stdin line ${i + 1}`;
    let input: { id?: unknown; text?: unknown; date?: unknown; lang?: unknown; title?: unknown };
    try {
      input = JSON.parse(line) as typeof input;
    } catch (e) {
      failed++;
      io.stderr(`backstory analyze --text: ${where}: not JSON (${(e as Error).message})\n`);
      return;
    }
    if (typeof input !== 'object' || input === null || typeof input.text !== 'string' || input.id === undefined) {
      failed++;
      io.stderr(`backstory analyze --text: ${where}: expected an object with "id" and a string "text"\n`);
      return;
    }
    // ELEVANT-format benchmarks carry the article's date only as the title's prefix ("20130324 - Who says...").
    const titled = typeof input.title === 'string' ? /^(\d{4})(\d{2})(\d{2}) - /.exec(input.title) : null;
    const date = typeof input.date === 'string' ? input.date : titled ? `${titled[1]}-${titled[2]}-${titled[3]}` : null;
    const lang = typeof input.lang === 'string' ? input.lang : defaultLang;
    const r = linker.link(input.text, { date, lang });
    const out: Record<string, unknown> = {
      id: input.id,
      // The links, and places named with where they lie ("Denver, Colorado"), which overlap their linked parts.
      mentions: [...r.mentions, ...r.qualified].sort((a, b) => a.start - b.start || b.end - a.end)
        .map((m) => ({ start: m.start, end: m.end, text: m.text, entityId: m.entityId })),
    };
    if (withPossible) out.possible = r.possible.map((m) => ({ start: m.start, end: m.end, text: m.text, entityId: m.entityId, score: m.score }));
    io.stdout(JSON.stringify(out) + '\n');
  });
  if (failed) io.stderr(`backstory analyze --text: ${failed} line(s) failed\n`);
  return failed ? 1 : 0;
}
