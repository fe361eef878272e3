// Synthetic corpora for scale tests (issue #5): `npx tsx scripts/corpus/synth.ts 100000 --out /tmp/synth.jsonl`.
// Deterministic (seeded), shaped like the real thing: Zipf-distributed actors and words, 2–8 actors per story,
// a 6–10 word title and a 25–45 word summary, dates from 1991 to 2026.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Corpus, Story } from '../../src/core/types';
import { serializeCorpus } from '../../src/core/corpus';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with probability ~ 1/(rank+1)^s, by inverting a precomputed CDF. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1; else hi = mid;
    }
    return lo;
  };
}

const SYL = ['ka', 'ra', 'ba', 'ku', 'zan', 'ger', 'tor', 'mi', 'le', 'sa', 'vo', 'dan', 'pel', 'ri', 'no', 'sha', 'tek', 'lu', 'mar', 'ost', 'ven', 'gal', 'bri', 'dro'];

export function synthCorpus(n: number, seed = 1): Corpus {
  const rand = rng(seed);
  const words: string[] = [];
  const seen = new Set<string>();
  while (words.length < 30_000) {
    const k = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < k; i++) w += SYL[Math.floor(rand() * SYL.length)]!;
    if (!seen.has(w)) { seen.add(w); words.push(w); }
  }
  const word = zipf(words.length, 1.05, rand);
  const actor = zipf(20_000, 1.0, rand);
  const pick = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const phrase = (len: number) => Array.from({ length: len }, () => words[word()]!).join(' ');
  const start = Date.UTC(1991, 0, 1);
  const span = Date.UTC(2026, 11, 31) - start;
  const stories: Story[] = [];
  for (let i = 0; i < n; i++) {
    const actors = new Set<string>();
    const na = pick(2, 8);
    while (actors.size < na) actors.add(`Q${actor() + 1}`);
    const title = phrase(pick(6, 10));
    stories.push({
      id: `syn-${i}`,
      url: `https://synthetic.example/${i}`,
      title: title[0]!.toUpperCase() + title.slice(1),
      source: `Synthetic ${i % 50}`,
      published: new Date(start + rand() * span).toISOString().slice(0, 10),
      lang: 'en',
      summary: phrase(pick(25, 45)) + '.',
      actors: [...actors],
    });
  }
  return {
    header: { format: 'backstory-corpus', version: 1, name: `synthetic-${n}`, edition: String(seed), date: '2026-11-22', licence: 'CC0' },
    stories,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 100_000);
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1]! : `synthetic-${n}.jsonl`;
  writeFileSync(out, serializeCorpus(synthCorpus(n)));
  console.log(`${n} synthetic stories -> ${out}`);
}
