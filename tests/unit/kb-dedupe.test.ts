import { describe, expect, it } from 'vitest';
import { KbBuilder } from '../../scripts/kb/builder';
import { mergeDuplicatePeople, nameVariants } from '../../scripts/kb/dedupe';
import { hispanicShortForms } from '../../scripts/kb/people';

describe('nameVariants', () => {
  it('gives the full name and first + one later name, particles attached', () => {
    expect([...nameVariants('Manuel Carlos Valls Galfetti')].sort()).toEqual(['manuel carlos', 'manuel carlos valls galfetti', 'manuel galfetti', 'manuel valls']);
    expect(nameVariants('Ursula Gertrud von der Leyen').has('ursula von der leyen')).toBe(true);
    expect([...nameVariants('Anna Smith')]).toEqual(['anna smith']);
  });
});

describe('mergeDuplicatePeople', () => {
  const setup = (born?: string) => {
    const b = new KbBuilder(new Set(['Q1', 'Q2', 'Q10']));
    b.add({ id: 'Q1', type: 'country', name: 'Freedonia', desc: 'country' });
    b.add({ id: 'Q2', type: 'country', name: 'Sylvania', desc: 'country' });
    b.add({ id: 'Q10', type: 'person', name: 'Rufus Tiberius Firefly Lopez', desc: 'Politician', prior: 0.3 });
    b.add({ id: 'bs:rufus-firefly', type: 'person', name: 'Rufus Firefly', desc: 'Leader of Freedonia' });
    b.alias('bs:rufus-firefly', 'Firefly', { short: true });
    b.fact('bs:rufus-firefly', { p: 'holds-office', v: 'President', of: 'Q1', src: 'backstory' });
    b.fact('Q1', { p: 'head-of-state', v: 'bs:rufus-firefly', ref: true, src: 'backstory' });
    if (born) b.fact('bs:rufus-firefly', { p: 'born', v: born, src: 'backstory' });
    return b;
  };
  const row = (country: string, birth = '1930-05-02') => ({ qid: 'Q10', name_native: 'Rufus Tiberius Firefly Lopez', birth_date: birth, country_iso2: country });
  const iso = new Map([['FD', 'Q1'], ['SY', 'Q2']]);

  it('folds a hand person into the table person of the same name variant and country, references follow', () => {
    const b = setup();
    expect(mergeDuplicatePeople(b, [row('FD')], iso).map((m) => m.from + '>' + m.into)).toEqual(['bs:rufus-firefly>Q10']);
    expect(b.has('bs:rufus-firefly')).toBe(false);
    const p = b.get('Q10')!;
    expect(p.name).toBe('Rufus Firefly');
    expect(p.desc).toBe('Leader of Freedonia');
    expect(p.aliases.map((a) => a.t)).toContain('Rufus Tiberius Firefly Lopez');
    expect(p.aliases.find((a) => a.t === 'Firefly')?.short).toBe(true);
    expect(b.get('Q1')!.facts.find((f) => f.p === 'head-of-state')?.v).toBe('Q10');
  });

  it('does not merge across countries or birth years', () => {
    expect(mergeDuplicatePeople(setup(), [row('SY')], iso)).toEqual([]);
    expect(mergeDuplicatePeople(setup('1950'), [row('FD', '1930-05-02')], iso)).toEqual([]);
    expect(mergeDuplicatePeople(setup('1930'), [row('FD', '1930-05-02')], iso)).toHaveLength(1);
  });
});

describe('hispanicShortForms', () => {
  it('adds first + paternal surname for four plain words from such a country only', () => {
    const b = new KbBuilder(new Set(['Q5', 'Q6', 'Q7']));
    b.add({ id: 'Q5', type: 'person', name: 'Alejandro Celestino Toledo Manrique', desc: 'x' });
    b.add({ id: 'Q6', type: 'person', name: 'Antoni Castells i Oliveres', desc: 'x' });
    b.add({ id: 'Q7', type: 'person', name: 'John Quincy Adams Smith', desc: 'x' });
    hispanicShortForms(b, 'Q5', 'Alejandro Celestino Toledo Manrique', ['PE']);
    hispanicShortForms(b, 'Q6', 'Antoni Castells i Oliveres', ['ES']);
    hispanicShortForms(b, 'Q7', 'John Quincy Adams Smith', ['US']);
    expect(b.get('Q5')!.aliases.map((a) => a.t)).toEqual(['Alejandro Celestino Toledo Manrique', 'Alejandro Toledo', 'Toledo']);
    expect(b.get('Q6')!.aliases).toHaveLength(1);
    expect(b.get('Q7')!.aliases).toHaveLength(1);
  });
});
