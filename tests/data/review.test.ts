// The reviewed kinds and alias fixes (assets/kb/review/, issue #4): every entry applies to the knowledge base as
// built, and what they decide shows in the linker's output.
import { beforeAll, describe, expect, it } from 'vitest';
import { lastReview } from '../../scripts/kb/build';
import { KINDS, readAliasFixes, readKinds } from '../../scripts/kb/review';
import type { Linker } from '../../src/core/linker';
import type { KnowledgeBase } from '../../src/core/types';
import { fullKb } from './full-kb';

let kb: KnowledgeBase;
let linker: Linker;
beforeAll(async () => {
  ({ kb, linker } = await fullKb());
}, 60_000);

const byId = (id: string) => kb.actors.find((a) => a.id === id);

describe('reviewed kinds and forms', () => {
  it('are well formed: known kinds, a reason for every entry that is no actor and every fix, no id twice', () => {
    const kinds = readKinds(), fixes = readAliasFixes();
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) {
      expect(KINDS).toContain(k.kind);
      if (k.kind === 'not-actor') expect(k.why, k.id).toBeTruthy();
    }
    expect(new Set(kinds.map((k) => k.id)).size).toBe(kinds.length);
    for (const f of fixes) {
      expect(['drop', 'short']).toContain(f.action);
      expect(f.why, `${f.id} ${f.alias}`).toBeTruthy();
    }
  });

  it('all apply to the knowledge base as built', () => {
    expect(lastReview.problems).toEqual([]);
    expect(lastReview.retyped + lastReview.notActors).toBeGreaterThan(0);
  });

  it('retypes and marks what they say', () => {
    expect(byId('Q23')?.type).toBe('person');
    expect(byId('Q34812')?.notActor).toBe('a holiday');
    expect(byId('Q861556')?.aliases.map((a) => a.t)).not.toContain('Department');
    // A namesake's own name cannot be dropped (the matcher reads names): it is made short.
    expect(byId('Q2301099')?.aliases.find((a) => a.t === 'Belgrade')?.short).toBe(true);
  });

  it('never highlights an entry that is no actor, nor lets its words link to something else', () => {
    const text = 'Markets closed early for the New Year holiday, and trading resumed at 1451 GMT on Monday.';
    const r = linker.link(text, { date: '2019-01-02', lang: 'en' });
    expect([...r.mentions, ...r.possible].map((m) => m.text)).toEqual([]);
  });

  it('links a form made short only after the full name', () => {
    const text = 'He was sworn in as Vice-president on Friday.';
    expect(linker.link(text, { date: '2019-01-02', lang: 'en' }).mentions.map((m) => m.text)).toEqual([]);
  });
});
