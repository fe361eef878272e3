// The labelled linking set written here (issue #4): every case must come out exactly right, and the set's
// precision and recall are printed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/types';
import { type Case, runSet } from '../fixtures/linking/score';

const read = (p: string) => readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8');
const kb = JSON.parse(read('../fixtures/linking/kb-small.json')) as KnowledgeBase;
const cases = read('../fixtures/linking/set.jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Case);
const { results, precision, recall } = runSet(kb, cases);

describe('labelled linking set', () => {
  it('has at least 40 cases in English, Turkish and two more languages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const langs = new Set(cases.map((c) => c.lang));
    for (const l of ['en', 'tr', 'de', 'fr']) expect(langs).toContain(l);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.each(results.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    expect(r.errors).toEqual([]);
  });

  it('reaches P >= 0.95 and R >= 0.9 over the set', () => {
    console.log(`linking set: ${cases.length} cases, P ${precision.toFixed(3)} R ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
