// Heads of state and government since 2000 (issue #3): the hand files hold together (scripts/kb/heads.ts), every
// UN member state has both offices written or a reason why not, and spot checks of who held an office on a date.
// The spot checks were chosen and checked here, independently of the files they test.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKb } from '../../scripts/kb/build';
import { loadHandFiles } from '../../scripts/kb/hand';
import { checkHeads, loadFactbook } from '../../scripts/kb/heads';
import { KbIndex, parseKb } from '../../src/core/kb';
import { holderOn } from '../../src/core/asof';
import type { FactbookRecord } from '../../scripts/kb/tables';

let index: KbIndex;
let factbook: FactbookRecord[];

beforeAll(async () => {
  index = new KbIndex(parseKb(JSON.parse(JSON.stringify(await buildKb()))));
  factbook = loadFactbook();
}, 60_000);

const isUnMember = (r: FactbookRecord): boolean => /(^|, )UN(,|$)/.test(r.international_organization_participation ?? '');

describe('hand-written heads of state and government', () => {
  it('are in order, without overlaps or long gaps, and end with the Factbook holder', () => {
    const byId = new Map(index.kb.actors.map((a) => [a.id, a]));
    const r = checkHeads(loadHandFiles(), factbook, (id) => { const a = byId.get(id); return a ? [a.name, ...a.aliases.map((x) => x.t)] : []; });
    expect(r.errors).toEqual([]);
  });

  it('cover every UN member state, office by office, or say why not', () => {
    const files = loadHandFiles();
    const written = new Set(files.flatMap((f) => (f.data.offices ?? []).filter((o) => o.of.startsWith('iso:')).map((o) => `${o.of.slice(4)}|${o.p}`)));
    const skipped = Object.assign({}, ...files.map((f) => f.data.skipped ?? {})) as Record<string, string>;
    const missing: string[] = [];
    for (const r of factbook.filter((x) => x.iso2 && isUnMember(x))) {
      for (const p of ['head-of-state', 'head-of-government']) {
        const k = `${r.iso2}|${p}`;
        if (!written.has(k) && !(skipped[k] ?? '').trim()) missing.push(k);
      }
    }
    expect(missing).toEqual([]);
    // A skip is the exception, not the way round the rule.
    expect(Object.keys(skipped).length).toBeLessThan(60);
  });

  it('catches what it should (the checker can fail)', () => {
    const fb = factbook.filter((r) => r.iso2 === 'FR');
    const file = {
      file: 't.json',
      data: {
        actors: [{ id: 'bs:a', name: 'Jacques Chirac' }, { id: 'bs:b', name: 'Nicolas Sarkozy' }, { id: 'bs:c', name: 'Someone Else' }],
        offices: [
          { who: 'bs:a', of: 'iso:FR', p: 'head-of-state' as const, role: 'President', from: '1995-05-17', until: '2007-06-01', src: 'x' },
          { who: 'bs:b', of: 'iso:FR', p: 'head-of-state' as const, role: 'President', from: '2007-05-16', until: '2012-05-15', src: 'x' },
          { who: 'bs:c', of: 'iso:FR', p: 'head-of-state' as const, role: 'President', from: '2017-05-14', src: 'x' },
        ],
      },
    };
    const r = checkHeads([file], fb);
    expect(r.errors.some((e) => /overlaps/.test(e))).toBe(true); // Chirac until June, Sarkozy from May
    expect(r.errors.some((e) => /gap over two years/.test(e))).toBe(true); // 2012 to 2017
    expect(r.errors.some((e) => /not the Factbook's Emmanuel Macron/.test(e))).toBe(true);
  });
});

// Who held the office on a date: [country QID (country-qids.csv), office, date, the holder's name as the KB has it].
const SPOT: [string, 'head-of-state' | 'head-of-government', string, RegExp][] = [
  ['Q183', 'head-of-government', '2010-01-01', /Angela Merkel/],
  ['Q142', 'head-of-state', '2010-01-01', /Nicolas Sarkozy/],
  ['Q145', 'head-of-government', '2008-06-01', /Gordon Brown/],
  ['Q117', 'head-of-state', '2010-06-01', /Atta Mills/], // Ghana
  ['Q114', 'head-of-state', '2005-06-01', /Mwai Kibaki/], // Kenya
  ['Q1033', 'head-of-state', '2012-06-01', /Goodluck Jonathan/], // Nigeria
  ['Q298', 'head-of-state', '2012-06-01', /Sebasti[aá]n Pi[nñ]era/], // Chile
  ['Q739', 'head-of-state', '2005-06-01', /[AÁ]lvaro Uribe/], // Colombia
  ['Q717', 'head-of-state', '2010-06-01', /Hugo Ch[aá]vez/], // Venezuela
  ['Q664', 'head-of-government', '2005-06-01', /Helen Clark/], // New Zealand
  ['Q928', 'head-of-state', '2003-06-01', /Arroyo/], // Philippines
  ['Q34', 'head-of-government', '2008-06-01', /Fredrik Reinfeldt/], // Sweden
  ['Q55', 'head-of-government', '2005-06-01', /Balkenende/], // the Netherlands (Q55; the OWID table's Q29999 is the Kingdom)
  ['Q45', 'head-of-government', '2006-06-01', /S[oó]crates/], // Portugal
  ['Q29', 'head-of-government', '2006-06-01', /Zapatero/], // Spain
  ['Q33', 'head-of-state', '2015-06-01', /Sauli Niinist[oö]/], // Finland
  ['Q334', 'head-of-government', '2010-06-01', /Lee Hsien Loong/], // Singapore
  ['Q881', 'head-of-government', '2010-06-01', /Nguy[eễ]n T[aấ]n D[uũ]ng/], // Vietnam
  ['Q1049', 'head-of-state', '2005-06-01', /Omar al-Bashir|Bashir/], // Sudan
  ['Q1037', 'head-of-state', '2005-06-01', /Paul Kagame/], // Rwanda
  ['Q954', 'head-of-state', '2005-06-01', /Robert Mugabe/], // Zimbabwe
  ['Q750', 'head-of-state', '2008-06-01', /Evo Morales/], // Bolivia
  // Territories have their sovereign's heads of state (scripts/kb/factbook.ts).
  ['Q23635', 'head-of-state', '2010-01-01', /Elizabeth II/], // Bermuda
  ['Q16635', 'head-of-state', '2010-01-01', /Barack Obama/], // Guam
  ['Q21203', 'head-of-state', '2010-01-01', /Beatrix/], // Aruba
  ['Q223', 'head-of-state', '2010-01-01', /Margrethe II/], // Greenland
  ['Q8646', 'head-of-state', '2010-01-01', /Hu Jintao/], // Hong Kong
];

describe('holders on a date (spot checks written here)', () => {
  it.each(SPOT)('%s %s on %s', (country, p, date, name) => {
    expect(index.get(country), `${country} in the KB`).toBeDefined();
    expect(holderOn(index, country, p, date)?.name).toMatch(name);
  });
});
