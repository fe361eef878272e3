// Leaders of international organisations since 2000 (assets/kb/hand/leaders-orgs.json, issue #3): each
// organisation's holders follow each other without overlap, and spot checks of who led an organisation on a date.
// The spot checks were chosen and checked here, independently of the file they test.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKb } from '../../scripts/kb/build';
import type { HandFile, HandOffice } from '../../scripts/kb/hand';
import { KB_DIR } from '../../scripts/kb/tables';
import { KbIndex, parseKb } from '../../src/core/kb';
import { holderOn } from '../../src/core/asof';

let index: KbIndex;

beforeAll(async () => {
  index = new KbIndex(parseKb(JSON.parse(JSON.stringify(await buildKb()))));
}, 60_000);

/** "2004", "2004-06" and "2004-06-07" as the first day they can mean, comparable as strings. */
const first = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);

/** Problems of one organisation's holder list, in file order: order, overlaps, an open end before the last. */
function sequenceProblems(offices: HandOffice[]): string[] {
  const out: string[] = [];
  const byOrg = new Map<string, HandOffice[]>();
  for (const o of offices) (byOrg.get(o.of) ?? byOrg.set(o.of, []).get(o.of)!).push(o);
  for (const [of, list] of byOrg) {
    list.forEach((o, i) => {
      if (!o.from) out.push(`${of} ${o.who}: no from`);
      else if (o.until && first(o.from) >= first(o.until)) out.push(`${of} ${o.who}: from ${o.from} not before until ${o.until}`);
      const next = list[i + 1];
      if (!next) return;
      if (!o.until) out.push(`${of} ${o.who}: no until, but ${next.who} follows`);
      else if (next.from && first(o.until) > first(next.from)) out.push(`${of} ${o.who} until ${o.until} overlaps ${next.who} from ${next.from}`);
      if (o.from && next.from && first(next.from) < first(o.from)) out.push(`${of} ${next.who}: out of order`);
    });
  }
  return out;
}

describe('leaders-orgs.json', () => {
  const file = JSON.parse(readFileSync(`${KB_DIR}hand/leaders-orgs.json`, 'utf8')) as HandFile;

  it('lists holders in order, without overlaps, each but the last with an end date', () => {
    const leaders = (file.offices ?? []).filter((o) => o.p === 'leader');
    expect(leaders.length).toBeGreaterThan(100);
    expect(sequenceProblems(leaders)).toEqual([]);
  });

  it('the check can fail', () => {
    const o = (who: string, from: string, until?: string): HandOffice =>
      ({ who, of: 'Q1', p: 'leader', role: 'Secretary-General', from, ...(until ? { until } : {}), src: 'x' });
    expect(sequenceProblems([o('a', '2001-01-01', '2005-06'), o('b', '2005-05')])[0]).toMatch(/overlaps/);
    expect(sequenceProblems([o('a', '2001'), o('b', '2005')])[0]).toMatch(/no until/);
  });
});

// Who led an organisation on a date: [organisation id, date, the holder's name as the KB has it, or null for nobody].
const SPOT: [string, string, RegExp | null][] = [
  ['Q7825', '2010-06-01', /Pascal Lamy/], // WTO
  ['Q7825', '2022-06-01', /Okonjo-Iweala/],
  ['Q7164', '2006-06-01', /Paul Wolfowitz/], // World Bank
  ['Q7164', '2015-06-01', /Jim Yong Kim/],
  ['Q41984', '2005-06-01', /ElBaradei/], // IAEA
  ['Q7809', '2012-06-01', /Irina Bokova/], // UNESCO
  ['Q8889', '2015-06-01', /Martin Schulz/], // European Parliament
  ['Q8889', '2023-06-01', /Roberta Metsola/],
  ['Q28606331', '2010-06-01', /Guterres/], // UNHCR
  ['Q7768', '2010-06-01', /Surin Pitsuwan/], // ASEAN
  ['Q7172', '2005-06-01', /Amr Moussa/], // Arab League
  ['Q7159', '2014-06-01', /Dlamini-Zuma/], // African Union Commission
  ['Q8475', '2010-06-01', /Ronald Noble/], // Interpol
  ['bs:commonwealth-of-nations', '2010-06-01', /Kamalesh Sharma/],
  ['Q47488', '2002-06-01', null], // the ICC had no judges before March 2003
];

describe('organisation leaders on a date (spot checks written here)', () => {
  it.each(SPOT)('%s on %s', (org, date, name) => {
    expect(index.get(org), `${org} in the KB`).toBeDefined();
    const h = holderOn(index, org, 'leader', date);
    if (name === null) expect(h).toBeUndefined();
    else expect(h?.name).toMatch(name);
  });
});
