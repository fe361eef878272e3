// Ranking quality on the labelled set in tests/fixtures/related/quality.json (issue #5): nDCG@5 over the bundled corpus.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RelatedIndex } from '../../src/core/related';
import { KbIndex } from '../../src/core/kb';
import { bundled, hasKb } from './corpus-helpers';

interface Q { id: string; date: string; actors: string[]; focus?: string; text: string; expect: string[] }
const set = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/related/quality.json', import.meta.url)), 'utf8')) as { queries: Q[] };

/** nDCG@k with graded relevance: the i-th expected title (0-based) of n has gain n - i. */
export function ndcgAt(k: number, ranked: string[], expected: string[]): number {
  const gain = new Map(expected.map((t, i) => [t, expected.length - i]));
  const dcg = ranked.slice(0, k).reduce((s, t, i) => s + (gain.get(t) ?? 0) / Math.log2(i + 2), 0);
  const ideal = expected.slice(0, k).reduce((s, t, i) => s + gain.get(t)! / Math.log2(i + 2), 0);
  return ideal ? dcg / ideal : 0;
}

describe('ndcgAt', () => {
  it('is 1 for the ideal order, lower for a worse one, 0 when nothing is found', () => {
    expect(ndcgAt(5, ['a', 'b'], ['a', 'b'])).toBeCloseTo(1);
    expect(ndcgAt(5, ['b', 'a'], ['a', 'b'])).toBeLessThan(1);
    expect(ndcgAt(5, ['x', 'y'], ['a'])).toBe(0);
  });
});

describe.skipIf(!hasKb)('related-story quality (labelled set)', () => {
  it('has at least 30 queries whose expected stories are all in the corpus', async () => {
    const { corpus } = await bundled();
    const titles = new Set(corpus.stories.map((s) => s.title));
    expect(set.queries.length).toBeGreaterThanOrEqual(30);
    expect(set.queries.flatMap((q) => q.expect.filter((t) => !titles.has(t)).map((t) => `${q.id}: ${t}`))).toEqual([]);
  });

  it('reaches a mean nDCG@5 of at least 0.8', async () => {
    const { kb, corpus } = await bundled();
    const kbi = new KbIndex(kb);
    const idOf = (n: string) => kbi.byName(n).find((a) => a.name === n)?.id ?? kbi.byName(n)[0]?.id;
    const ix = new RelatedIndex();
    ix.addStories(corpus.stories, 'corpus');
    const byId = new Map(corpus.stories.map((s) => [s.id, s.title]));
    const rows = set.queries.map((q) => {
      const actors = q.actors.map(idOf).filter((x): x is string => !!x);
      const r = ix.query({ actors, text: q.text, date: q.date, focus: q.focus ? idOf(q.focus) ?? null : null, limit: 10 });
      const titles = r.map((x) => byId.get(x.id)!);
      return { id: q.id, score: ndcgAt(5, titles, q.expect), top: titles.slice(0, 3) };
    });
    const mean = rows.reduce((s, r) => s + r.score, 0) / rows.length;
    // Reported on every run so a ranking change shows its effect.
    console.log(`related quality: nDCG@5 = ${mean.toFixed(3)} over ${rows.length} queries`);
    for (const r of rows.filter((x) => x.score < 0.6)) console.log(`  weak: ${r.id} ${r.score.toFixed(2)} -> ${r.top.join(' | ')}`);
    expect(mean).toBeGreaterThanOrEqual(0.8);
  });
});
