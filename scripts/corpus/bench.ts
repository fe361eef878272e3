// Related-story scale bench (issue #5): `npx tsx scripts/corpus/bench.ts [N] [--json]`.
// npm run bench (scripts/bench.mjs) can run this file with tsx, or import benchRelated() under tsx.
// Measures, on N synthetic stories: index build, prebuilt index size (raw, gzip), load (JSON.parse + fromJSON),
// and query latency (median, p90) for article-like queries (several actors + salient words of a text).
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { RelatedIndex } from '../../src/core/related';
import { rng, synthCorpus } from './synth';

export interface RelatedBench {
  stories: number;
  buildMs: number;
  indexBytes: number;
  indexGzipBytes: number;
  parseMs: number;
  fromJsonMs: number;
  loadMs: number;
  queryMedianMs: number;
  queryP90Ms: number;
  queries: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

export async function benchRelated(opts: { n?: number; queries?: number; seed?: number } = {}): Promise<RelatedBench> {
  const n = opts.n ?? 100_000;
  const corpus = synthCorpus(n, opts.seed ?? 1);
  let t = performance.now();
  const built = new RelatedIndex();
  built.addStories(corpus.stories, 'corpus');
  const buildMs = performance.now() - t;
  const json = JSON.stringify(built.toJSON());
  const gz = gzipSync(json).length;

  // Load as the extension would: parse the shipped text, then rebuild the in-memory maps. Best of 3 (JIT warm-up).
  let parseMs = Infinity;
  let fromJsonMs = Infinity;
  let ix: RelatedIndex = built;
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const x = JSON.parse(json) as unknown;
    const p = performance.now() - t;
    t = performance.now();
    ix = RelatedIndex.fromJSON(x);
    const f = performance.now() - t;
    if (p + f < parseMs + fromJsonMs) { parseMs = p; fromJsonMs = f; }
  }

  // Queries shaped like an article: 4–12 actors (some frequent, some rare), ~40 words of text, a date.
  const rand = rng(7);
  const times: number[] = [];
  const nq = opts.queries ?? 300;
  for (let i = 0; i < nq + 20; i++) {
    const a = corpus.stories[Math.floor(rand() * n)]!;
    const b = corpus.stories[Math.floor(rand() * n)]!;
    const actors = [...new Set([...a.actors, ...b.actors])].slice(0, 12);
    const text = `${a.title}. ${a.summary} ${b.summary}`;
    t = performance.now();
    ix.query({ actors, text, date: a.published, focus: actors[0], limit: 10 });
    if (i >= 20) times.push(performance.now() - t); // first 20 warm the JIT
  }
  return {
    stories: n, buildMs, indexBytes: Buffer.byteLength(json), indexGzipBytes: gz, parseMs, fromJsonMs,
    loadMs: parseMs + fromJsonMs, queryMedianMs: pct(times, 0.5), queryP90Ms: pct(times, 0.9), queries: nq,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const r = await benchRelated({ n });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    console.log(`related index, ${r.stories} synthetic stories`);
    console.log(`  build            ${r.buildMs.toFixed(0)} ms`);
    console.log(`  size             ${mb(r.indexBytes)} raw, ${mb(r.indexGzipBytes)} gzip`);
    console.log(`  load             ${r.loadMs.toFixed(0)} ms (JSON.parse ${r.parseMs.toFixed(0)} + fromJSON ${r.fromJsonMs.toFixed(0)})`);
    console.log(`  query            median ${r.queryMedianMs.toFixed(2)} ms, p90 ${r.queryP90Ms.toFixed(2)} ms (${r.queries} queries)`);
  }
}
