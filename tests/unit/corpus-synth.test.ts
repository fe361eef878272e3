// The synthetic corpus generator used by the scale bench: deterministic, valid, shaped like real stories.
import { describe, expect, it } from 'vitest';
import { synthCorpus } from '../../scripts/corpus/synth';
import { parseCorpus, serializeCorpus } from '../../src/core/corpus';

describe('synthCorpus', () => {
  it('is deterministic for a seed and passes the corpus validator', () => {
    const a = synthCorpus(300, 5);
    expect(synthCorpus(300, 5)).toEqual(a);
    expect(synthCorpus(300, 6).stories[0]).not.toEqual(a.stories[0]);
    expect(parseCorpus(serializeCorpus(a), 'synthetic').stories).toHaveLength(300);
  });

  it('draws 2–8 actors per story with a skewed distribution', () => {
    const c = synthCorpus(2_000, 1);
    expect(c.stories.every((s) => s.actors.length >= 2 && s.actors.length <= 8)).toBe(true);
    const q1 = c.stories.filter((s) => s.actors.includes('Q1')).length;
    const q500 = c.stories.filter((s) => s.actors.includes('Q500')).length;
    expect(q1).toBeGreaterThan(20 * Math.max(1, q500));
  });
});
