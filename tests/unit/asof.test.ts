import { describe, expect, it } from 'vitest';
import { factsAsOf, formatDate, holderOn, holdsOn, startOf } from '../../src/core/asof';
import { KbIndex } from '../../src/core/kb';
import { MINI_KB } from '../fixtures/kb/mini-kb';

const kb = new KbIndex(MINI_KB);

describe('holderOn across UK prime-minister changes', () => {
  it('gives Truss on 24 Oct 2022, Sunak on 25 Oct 2022 and Starmer on 5 Jul 2024', () => {
    expect(holderOn(kb, 'Q145', 'head-of-government', '2022-10-24')?.name).toBe('Liz Truss');
    expect(holderOn(kb, 'Q145', 'head-of-government', '2022-10-25')?.name).toBe('Rishi Sunak');
    expect(holderOn(kb, 'Q145', 'head-of-government', '2024-07-04')?.name).toBe('Rishi Sunak');
    expect(holderOn(kb, 'Q145', 'head-of-government', '2024-07-05')?.name).toBe('Keir Starmer');
    expect(holderOn(kb, 'Q145', 'head-of-government', null)?.id).toBe('bs:keir-starmer');
  });
  it('accepts a date-time and gives nothing before the first known holder', () => {
    expect(holderOn(kb, 'Q145', 'head-of-government', '2022-10-25T09:00:00Z')?.name).toBe('Rishi Sunak');
    expect(holderOn(kb, 'Q145', 'head-of-government', '2010-01-01')).toBeUndefined();
    expect(holderOn(kb, 'nope', 'head-of-state', null)).toBeUndefined();
  });
  it('does not apply a holder known only from a January 2026 snapshot to 2023', () => {
    expect(holderOn(kb, 'Q227', 'head-of-government', '2023-10-23')).toBeUndefined();
    expect(holderOn(kb, 'Q227', 'head-of-government', '2026-02-01')?.name).toBe('Some One');
    expect(holderOn(kb, 'Q227', 'head-of-state', '2023-10-23')?.name).toBe('Ilham Aliyev');
  });
});

describe('factsAsOf', () => {
  it('keeps the status that held on the date', () => {
    const region = kb.get('Q44302')!;
    expect(factsAsOf(region, '2023-09-19').filter((f) => f.p === 'status').map((f) => f.v)).toEqual(['Held by ethnic Armenian forces']);
    expect(factsAsOf(region, '2023-10-23').filter((f) => f.p === 'status').map((f) => f.v)).toEqual(['Under Azerbaijani control']);
  });
  it('picks the latest population taken on or before the date, else the earliest', () => {
    const uk = kb.get('Q145')!;
    expect(factsAsOf(uk, '2023-10-23').filter((f) => f.p === 'population').map((f) => f.v)).toEqual(['67000000']);
    expect(factsAsOf(uk, null).filter((f) => f.p === 'population').map((f) => f.v)).toEqual(['69000000']);
    expect(factsAsOf(uk, '2000-01-01').filter((f) => f.p === 'population').map((f) => f.v)).toEqual(['67000000']);
  });
});

describe('date helpers', () => {
  it('pads partial dates and compares with from inclusive, until exclusive', () => {
    expect(startOf('2003')).toBe('2003-01-01');
    expect(startOf('2003-10')).toBe('2003-10-01');
    const f = { p: 'status' as const, v: 'x', from: '2003-10', until: '2004', src: 's' };
    expect(holdsOn(f, '2003-09-30')).toBe(false);
    expect(holdsOn(f, '2003-10-01')).toBe(true);
    expect(holdsOn(f, '2003-12-31')).toBe(true);
    expect(holdsOn(f, '2004-01-01')).toBe(false);
  });
  it('formats long and short', () => {
    expect(formatDate('2003-10-31')).toBe('31 October 2003');
    expect(formatDate('2024-07-05', 'short')).toBe('5 Jul 2024');
    expect(formatDate('2003-10')).toBe('October 2003');
    expect(formatDate('1881')).toBe('1881');
  });
});
