// Linker speed (issue #4): MB/s of article text through `link` (matcher + scoring) and through the matcher alone,
// createLinker time and JSON.parse time of dist/data/kb.json. Texts: the eval benchmark's articles and the seed
// pages' visible text, read from ../shared at run time (never copied); without ../shared a synthetic text is used.
//   npx tsx scripts/bench/linker.ts [--reps N] [--kb path/to/kb.json]   (--kb: compare speeds on a fixed KB copy)
// `benchLinker()` is what scripts/bench.mjs calls; it returns numbers and prints nothing. The linker is timed as
// esbuild bundles it for the extension (see loadCore); kb-index.json, when built, is what createLinker gets.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { KnowledgeBase } from '../../src/core/types';
import * as esbuild from 'esbuild';
import type { PackedAliasIndex } from '../../src/core/matcher-pack';
import type * as Core from './linker-entry';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = resolve(ROOT, '..', 'shared');

export interface LinkerBench {
  /** `link` over all texts, MB (million UTF-16 units) per second, best of the runs. */
  mbPerS: number;
  /** The matcher alone (tokenise + alias lookups). */
  matchMbPerS: number;
  /** createLinker on the parsed KB with the precomputed alias index (kb-index.json), median of the runs. */
  createMs: number;
  /** JSON.parse of kb-index.json, median (NaN when there is none). */
  indexParseMs: number;
  /** createLinker building the alias index itself (no kb-index.json), median. */
  createColdMs: number;
  /** JSON.parse of kb.json, median. */
  parseMs: number;
  kbBytes: number;
  texts: number;
  chars: number;
}

/** Visible text of an HTML page, crudely: scripts, styles and tags out, entities for the common few. */
function htmlText(html: string): string {
  return html.replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/\s+/g, ' ');
}

function texts(): string[] {
  const out: string[] = [];
  const bench = join(SHARED, 'eval', 'news-fair-dev.jsonl');
  if (existsSync(bench)) for (const l of readFileSync(bench, 'utf8').split('\n')) if (l.trim()) out.push((JSON.parse(l) as { text: string }).text);
  const seeds = join(SHARED, 'fixtures', 'seeds');
  if (existsSync(seeds)) for (const f of readdirSync(seeds).filter((f) => f.endsWith('.html')).sort()) out.push(htmlText(readFileSync(join(seeds, f), 'utf8')));
  if (out.length === 0) out.push('President Ilham Aliyev met officials in Baku on Monday. Turkey and Georgia said the talks in Tbilisi went well. '.repeat(400));
  return out;
}

/**
 * The linker as the extension ships it: bundled by esbuild. Run through tsx instead, it is about half as fast
 * (tsx keeps function names, which wraps every closure the linker creates per call).
 */
async function loadCore(): Promise<typeof Core> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  try {
    const out = join(dir, 'core.mjs');
    await esbuild.build({ entryPoints: [join(ROOT, 'scripts', 'bench', 'linker-entry.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'error' });
    return (await import(pathToFileURL(out).href)) as typeof Core;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function bestOf(run: () => void, budgetMs: number): number {
  const warm = performance.now();
  while (performance.now() - warm < budgetMs / 3) run();
  let best = Infinity, runs = 0;
  const start = performance.now();
  while (runs < 10 || performance.now() - start < budgetMs) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
    runs++;
  }
  return best;
}

/** reps: runs for the parse and createLinker medians; budgetMs: time per speed measurement (default 1500). */
export async function benchLinker(opts: { reps?: number; kbPath?: string; budgetMs?: number } = {}): Promise<LinkerBench> {
  const reps = opts.reps ?? 5;
  const { createLinker, buildAliasIndex, matchText, unpackAliasIndex } = await loadCore();
  const raw = readFileSync(opts.kbPath ?? join(ROOT, 'dist', 'data', 'kb.json'), 'utf8');
  const parse: number[] = [];
  let kb: KnowledgeBase | undefined;
  for (let i = 0; i <= reps; i++) {
    const t0 = performance.now();
    kb = JSON.parse(raw) as KnowledgeBase;
    if (i > 0) parse.push(performance.now() - t0);
  }
  const indexPath = join(dirname(opts.kbPath ?? join(ROOT, 'dist', 'data', 'kb.json')), 'kb-index.json');
  const rawIndex = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  const indexParse: number[] = [];
  let packed: PackedAliasIndex | null = null;
  for (let i = 0; rawIndex && i <= reps; i++) {
    const t0 = performance.now();
    packed = JSON.parse(rawIndex) as PackedAliasIndex;
    if (i > 0) indexParse.push(performance.now() - t0);
  }
  // Cold builds (no kb-index.json) are timed last: tokenising 48k aliases of every string shape first would slow
  // the tokeniser on article text afterwards, which the packed path never does.
  const create: number[] = [], cold: number[] = [];
  let linker = createLinker(kb!, packed);
  for (let i = 0; i < reps; i++) {
    const fresh = JSON.parse(raw) as KnowledgeBase; // a fresh KB each time: nothing cached on the objects
    const t0 = performance.now();
    linker = createLinker(fresh, packed);
    create.push(performance.now() - t0);
  }
  const all = texts();
  const chars = all.reduce((n, t) => n + t.length, 0);
  const date = '2024-01-01';
  // Best of the runs in a time budget, after a warm-up long enough for the JIT (one pass is not).
  const best = bestOf(() => { for (const t of all) linker.link(t, { date }); }, opts.budgetMs ?? 1500);
  // The matcher alone, on the index the linker uses (unpacked when there is a kb-index.json).
  const index = (packed ? unpackAliasIndex(kb!.actors, packed) : null) ?? buildAliasIndex(kb!);
  const bestMatch = bestOf(() => { for (const t of all) matchText(index, t); }, opts.budgetMs ?? 1500);
  for (let i = 0; i < reps; i++) {
    const fresh = JSON.parse(raw) as KnowledgeBase;
    const t0 = performance.now();
    createLinker(fresh);
    cold.push(performance.now() - t0);
  }
  return {
    mbPerS: chars / 1e6 / (best / 1e3),
    matchMbPerS: chars / 1e6 / (bestMatch / 1e3),
    createMs: median(create),
    indexParseMs: indexParse.length ? median(indexParse) : NaN,
    createColdMs: median(cold),
    parseMs: median(parse),
    kbBytes: Buffer.byteLength(raw),
    texts: all.length,
    chars,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--reps');
  const k = process.argv.indexOf('--kb');
  const r = await benchLinker({ reps: i > 0 ? Number(process.argv[i + 1]) : 5, kbPath: k > 0 ? resolve(process.argv[k + 1]!) : undefined });
  if (process.argv.includes('--json')) { console.log(JSON.stringify(r)); process.exit(0); }
  console.log(`linker: ${r.mbPerS.toFixed(1)} MB/s link, ${r.matchMbPerS.toFixed(1)} MB/s matcher alone, over ${r.texts} texts (${(r.chars / 1e3).toFixed(0)}k chars)`);
  console.log(`createLinker ${r.createMs.toFixed(0)} ms with kb-index.json (parse ${r.indexParseMs.toFixed(0)} ms), ${r.createColdMs.toFixed(0)} ms building the index; JSON.parse kb.json ${r.parseMs.toFixed(0)} ms (${(r.kbBytes / 1024).toFixed(0)} KiB)`);
}
