import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeDocs, decodePairs, encodeDocs, encodePairs } from '../../src/core/related-codec';

const ascending = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 200 }).map((xs) => [...new Set(xs)].sort((a, b) => a - b));

describe('posting codec', () => {
  it('round-trips ascending doc lists, gaps large and small', () => {
    fc.assert(fc.property(ascending, (docs) => { expect(decodeDocs(encodeDocs(docs))).toEqual(docs); }));
    expect(encodeDocs([0, 1, 2])).toBe('WXX'); // gaps 0, 1, 1 as single "last" digits
  });

  it('round-trips (doc, tf) pairs, storing tf only when above 1', () => {
    fc.assert(fc.property(ascending, fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 200, maxLength: 200 }), (docs, tfs) => {
      const pairs = docs.flatMap((d, i) => [d, tfs[i]!]);
      expect(decodePairs(encodePairs(pairs))).toEqual(pairs);
    }));
    expect(encodePairs([3, 1, 4, 1]).length).toBe(2);
  });

  it('produces JSON-safe text and rejects foreign characters', () => {
    const s = encodePairs([0, 5, 99_999, 2, 1_000_000, 1]);
    expect(JSON.stringify(s)).toBe(`"${s}"`);
    expect(() => decodeDocs('W"')).toThrow(/bad posting character/);
  });
});
