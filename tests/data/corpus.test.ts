// The bundled corpus itself (issue #5): size, dates, sources, actors that exist in the knowledge base.
import { describe, expect, it } from 'vitest';
import { parseCorpus, serializeCorpus } from '../../src/core/corpus';
import { bundled, hasKb } from './corpus-helpers';

describe.skipIf(!hasKb)('bundled corpus (needs dist/data/kb.json: npm run build)', () => {
  it('has at least 300 stories from 1988 to 2026, round-tripping through the validator', async () => {
    const { corpus } = await bundled();
    expect(corpus.stories.length).toBeGreaterThanOrEqual(300);
    const dates = corpus.stories.map((s) => s.published);
    expect(dates.every((d, i) => i === 0 || dates[i - 1]! <= d)).toBe(true);
    expect(dates[0]! >= '1988').toBe(true);
    expect(dates[dates.length - 1]! <= '2026-12-31').toBe(true);
    expect(parseCorpus(serializeCorpus(corpus), 'bundled')).toEqual(corpus);
  });

  it('every actor id exists in the knowledge base and every story has one', async () => {
    const { kb, corpus } = await bundled();
    const ids = new Set(kb.actors.map((a) => a.id));
    const dangling = corpus.stories.flatMap((s) => s.actors.filter((a) => !ids.has(a)).map((a) => `${s.title}: ${a}`));
    expect(dangling).toEqual([]);
    expect(corpus.stories.filter((s) => s.actors.length === 0)).toEqual([]);
  });

  it('every story names its source, has unique id and title, and a 1–3 sentence summary', async () => {
    const { corpus } = await bundled();
    for (const s of corpus.stories) {
      expect(s.source, s.title).toMatch(/^Wikipedia: .+|^[^:]+: .+/);
      if (s.source.startsWith('Wikipedia: ')) expect(s.url, s.title).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\/\S+$/);
      expect(s.summary.length, s.title).toBeGreaterThan(30);
      expect(s.summary.split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/).length, s.title).toBeLessThanOrEqual(3);
    }
    expect(new Set(corpus.stories.map((s) => s.id)).size).toBe(corpus.stories.length);
    expect(new Set(corpus.stories.map((s) => s.title)).size).toBe(corpus.stories.length);
  });

  it('covers the seed actors', async () => {
    const { corpus } = await bundled();
    const count = (id: string) => corpus.stories.filter((s) => s.actors.includes(id)).length;
    // Azerbaijan, Armenia, Türkiye, Russia, Iran, Georgia, Ukraine
    for (const id of ['Q227', 'Q399', 'Q43', 'Q159', 'Q794', 'Q230', 'Q212']) expect(count(id), id).toBeGreaterThanOrEqual(8);
  });
});
