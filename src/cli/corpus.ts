// `backstory corpus --stats [FILE]`, `corpus check FILE...`, `corpus build INPUT... --out FILE` (issue #5).
// Build runs the extension's own extraction (core/extract.ts) and linking (core/linker.ts) over saved pages,
// JSON lines or feeds; a bad input is named on stderr and skipped; the output is written atomically.
import type { Corpus, KnowledgeBase, Story } from '../core/types.js';
import { isIsoDate, parseCorpus, serializeCorpus } from '../core/corpus.js';
import { createLinker } from '../core/linker.js';
import { storyFromArticle } from '../core/related.js';
import type { CliIO } from './io.js';
import { errorLine } from './io.js';
import type { RawArticle } from './corpus-inputs.js';
import { expandInputs, kindOf, readFeed, readHtml, readJsonl } from './corpus-inputs.js';

export const CORPUS_HELP = `Usage:
  backstory corpus --stats [FILE]          story count, date range, languages and top actors (bundled corpus by default)
  backstory corpus check FILE...           validate corpus files; errors name file, line and field
  backstory corpus build INPUT... --out FILE [--name NAME] [--edition E] [--licence L] [--kb FILE]
      INPUT: saved HTML pages, JSON lines ({title, text|summary, url?, published?, lang?, source?}),
      RSS/Atom feeds, or folders of them. Bad inputs are named on stderr and skipped.
`;

async function loadKb(io: CliIO, file: string): Promise<KnowledgeBase | null> {
  try {
    const kb = JSON.parse(await io.readFile(file)) as KnowledgeBase;
    return Array.isArray(kb.actors) ? kb : null;
  } catch {
    return null;
  }
}

async function stats(args: string[], io: CliIO): Promise<number> {
  const file = args[0] ?? io.corpusPath;
  let c: Corpus;
  try {
    c = parseCorpus(await io.readFile(file), file);
  } catch (e) {
    io.stderr(errorLine(file, e));
    return 1;
  }
  const kb = await loadKb(io, io.kbPath);
  const names = new Map(kb?.actors.map((a) => [a.id, a.name]) ?? []);
  const dates = c.stories.map((s) => s.published).sort();
  const count = <T>(xs: T[]) => {
    const m = new Map<T, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1));
  };
  const h = c.header;
  const lines = [
    `${h.name} (edition ${h.edition}, ${h.date}; licence: ${h.licence})`,
    `stories: ${c.stories.length}`,
    `dates: ${dates[0] ?? '-'} to ${dates[dates.length - 1] ?? '-'}`,
    `languages: ${count(c.stories.map((s) => s.lang)).map(([l, n]) => `${l} ${n}`).join(', ') || '-'}`,
    `sources: ${new Set(c.stories.map((s) => s.source)).size}`,
    'top actors:',
    ...count(c.stories.flatMap((s) => s.actors)).slice(0, 15).map(([id, n]) => `  ${String(n).padStart(5)}  ${names.get(id) ?? id}${names.has(id) ? ` (${id})` : ''}`),
  ];
  io.stdout(lines.join('\n') + '\n');
  return 0;
}

async function check(args: string[], io: CliIO): Promise<number> {
  if (!args.length) { io.stderr('backstory corpus check: which file?\n'); return 2; }
  let bad = 0;
  for (const f of args) {
    try {
      const c = parseCorpus(await io.readFile(f), f);
      io.stdout(`${f}: ok, ${c.stories.length} stories\n`);
    } catch (e) {
      bad++;
      io.stderr(errorLine(f, e).replace(`backstory: ${f}: ${f}`, `backstory: ${f}`));
    }
  }
  return bad ? 1 : 0;
}

interface BuildOpts { inputs: string[]; out: string; name?: string; edition?: string; licence?: string; kb?: string }

function parseBuild(args: string[]): BuildOpts {
  const o: Partial<BuildOpts> & { inputs: string[] } = { inputs: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const val = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--out' || a === '-o') o.out = val();
    else if (a === '--name') o.name = val();
    else if (a === '--edition') o.edition = val();
    else if (a === '--licence' || a === '--license') o.licence = val();
    else if (a === '--kb') o.kb = val();
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.inputs.push(a);
  }
  if (!o.out) throw new Error('--out FILE is required');
  if (!o.inputs.length) throw new Error('no inputs (files or folders of .html, .jsonl, .xml feeds)');
  return o as BuildOpts;
}

async function build(args: string[], io: CliIO): Promise<number> {
  let o: BuildOpts;
  try {
    o = parseBuild(args);
  } catch (e) {
    io.stderr(`backstory corpus build: ${(e as Error).message}\n`);
    return 2;
  }
  const kbFile = o.kb ?? io.kbPath;
  const kb = await loadKb(io, kbFile);
  if (!kb) {
    io.stderr(`backstory: ${kbFile}: cannot read the knowledge base${o.kb ? '' : ' (run npm run build first)'}\n`);
    return 1;
  }
  const linker = createLinker(kb);
  const files = expandInputs(o.inputs);
  const stories = new Map<string, Story>();
  let bad = 0;
  const t0 = Date.now();
  let lastProgress = t0;
  const complain = (msg: string) => { bad++; io.stderr(`backstory: ${msg}\n`); };

  for (const [fi, file] of files.entries()) {
    // Progress on long runs only: once a second at most, never for a quick build.
    if (Date.now() - lastProgress > 1_000) {
      lastProgress = Date.now();
      io.stderr(`corpus build: ${fi}/${files.length} files, ${stories.size} stories\n`);
    }
    let raw: RawArticle[];
    try {
      const text = await io.readFile(file);
      const kind = kindOf(file, text);
      if (kind === 'html') raw = await readHtml(file, text);
      else if (kind === 'feed') raw = readFeed(file, text);
      else {
        const r = readJsonl(file, text);
        r.errors.forEach(complain);
        raw = r.items;
      }
    } catch (e) {
      complain(errorLine(file, e).replace(/^backstory: /, '').trim());
      continue;
    }
    for (const r of raw) {
      const a = r.article;
      if (!a.title.trim()) { complain(`${r.where}: no title`); continue; }
      if (!a.published || !isIsoDate(a.published.slice(0, 10))) { complain(`${r.where}: no published date`); continue; }
      const mentions = r.actors ? [] : linker.link(`${a.title}\n\n${a.text}`, { date: a.published, lang: a.lang }).mentions;
      const s = storyFromArticle(a, mentions);
      if (r.actors) s.actors = [...new Set(r.actors)];
      const story: Story = { id: s.id, url: s.url, title: s.title, source: s.source || 'unknown', published: s.published, lang: s.lang === 'und' ? 'en' : s.lang, summary: s.summary, actors: s.actors };
      stories.set(story.id, story); // the same URL twice: the later file wins
    }
  }
  if (stories.size === 0) {
    io.stderr(`backstory corpus build: nothing usable in ${files.length} input file(s); ${o.out} not written\n`);
    return 1;
  }
  const today = new Date().toISOString().slice(0, 10);
  const corpus: Corpus = {
    header: {
      format: 'backstory-corpus', version: 1,
      name: o.name ?? (o.out.split(/[\\/]/).pop() ?? 'corpus').replace(/\.[a-z]+$/i, ''),
      edition: o.edition ?? today, date: today, licence: o.licence ?? 'unspecified',
    },
    stories: [...stories.values()].sort((x, y) => (x.published < y.published ? -1 : x.published > y.published ? 1 : 0)),
  };
  const text = serializeCorpus(corpus);
  parseCorpus(text, o.out); // what we write must read back
  await io.writeFile(o.out, text);
  io.stderr(`corpus build: ${stories.size} stories from ${files.length} file(s)${bad ? `, ${bad} problem(s) named above` : ''} -> ${o.out} (${Date.now() - t0} ms)\n`);
  return 0;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--stats' || sub === 'stats') return stats(rest, io);
  if (sub === 'check') return check(rest, io);
  if (sub === 'build') return build(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(CORPUS_HELP);
    return sub === undefined ? 2 : 0;
  }
  io.stderr(`backstory corpus: unknown subcommand "${sub}"\n${CORPUS_HELP}`);
  return 2;
}
