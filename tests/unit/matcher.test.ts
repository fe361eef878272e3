import { describe, expect, it } from 'vitest';
import type { Actor, KnowledgeBase } from '../../src/core/types';
import { buildAliasIndex, findMatches, matchText } from '../../src/core/matcher';
import { tokenize } from '../../src/core/normalize';

const actor = (id: string, name: string, aliases: Actor['aliases'] = [], type: Actor['type'] = 'city'): Actor => ({ id, type, name, desc: '', aliases, facts: [] });
const kb: KnowledgeBase = {
  version: 1, built: '', sources: {},
  actors: [
    actor('bs:ny', 'New York', [], 'city'),
    actor('bs:nyc', 'New York City'),
    actor('bs:york', 'York'),
    actor('bs:nk', 'Nagorno-Karabakh', [{ t: 'Karabakh', short: true }], 'region'),
    actor('bs:us', 'United States', [{ t: 'U.S.' }, { t: 'US', cs: true }], 'country'),
    actor('bs:doe', 'United States Department of Education', [], 'organization'),
    actor('bs:ist', 'Istanbul', [{ t: 'İstanbul' }]),
    actor('bs:bj', 'Beijing', [{ t: '北京', lang: 'zh' }]),
    actor('bs:num', '90'),
    actor('bs:nd', "N'Djamena"),
  ],
};
const index = buildAliasIndex(kb);
const found = (text: string) => matchText(index, text).map((m) => text.slice(m.start, m.end));

describe('matcher', () => {
  it('takes the longest match at each position', () => {
    expect(found('in New York City and in York')).toEqual(['New York City', 'York']);
    expect(found('New York, then York')).toEqual(['New York', 'York']);
  });
  it('treats space and hyphen alike inside names but keeps hyphenated pairs apart', () => {
    expect(found('Nagorno Karabakh and Nagorno-Karabakh; Karabakh')).toEqual(['Nagorno Karabakh', 'Nagorno-Karabakh', 'Karabakh']);
    expect(found('the Karabakh-Istanbul road')).toEqual(['Karabakh', 'Istanbul']);
  });
  it('matches every spelling of a folded name, with offsets into the original text', () => {
    expect(found("İSTANBUL'da, Istanbul’s and ISTANBUL")).toEqual(['İSTANBUL', 'Istanbul', 'ISTANBUL']);
  });
  it('keeps the full stop of an abbreviation and writes U.S. for United States', () => {
    expect(found('the U.S. economy')).toEqual(['U.S.']);
    expect(found('the U.S. Department of Education said')).toEqual(['U.S. Department of Education']);
  });
  it('matches CJK names inside unspaced text', () => {
    expect(found('代表在北京举行会谈')).toEqual(['北京']);
  });
  it('never matches inside URLs or addresses, nor on forms without letters', () => {
    expect(found('see http://york.example/new-york and mail york@example.org in 90 days')).toEqual([]);
  });
  it('matches names with an inner apostrophe', () => {
    expect(found("aid workers in N'Djamena said")).toEqual(["N'Djamena"]);
  });
  it('checks one-token names for case (they are tried from compact per-name facts)', () => {
    // "US" is case-sensitive: neither "Us" nor "us"; a lower-case alias lets lower-case words match, twice in a row too.
    expect(found('US and Us and us')).toEqual(['US']);
    const lower = buildAliasIndex({ ...kb, actors: [...kb.actors, actor('bs:ebay', 'eBay', [], 'company')] });
    const text = 'on ebay, ebay and Ebay; York';
    expect(matchText(lower, text).map((m) => text.slice(m.start, m.end))).toEqual(['ebay', 'ebay', 'Ebay', 'York']);
    // A lower-case alias starting "york" lets the word "york" through the filters: the one-token "York" still refuses it.
    const head = buildAliasIndex({ ...kb, actors: [...kb.actors, actor('bs:ycc', 'york city council', [], 'organization')] });
    const t2 = 'in york, York and york city council';
    expect(matchText(head, t2).map((m) => t2.slice(m.start, m.end))).toEqual(['York', 'york city council']);
  });
  it('skips lower-case words without looking them up', () => {
    expect(found('new york is lower case here')).toEqual([]);
  });
  it('lists as name starts only the lower-case words that begin like a lower-case alias', () => {
    const lower = buildAliasIndex({ ...kb, actors: [...kb.actors, actor('bs:shabaab', 'al-Shabaab', [], 'armed-group')] });
    const text = 'aid to al-Shabaab and alms, said York officials in 2024, al fresco, aléa';
    const t = tokenize(text, undefined, lower.lowerFirst);
    const listed = Array.from(t.cand.subarray(0, t.candCount), (i) => text.slice(t.start[i], t.end[i]));
    // "al" starts like "al-Shabaab" and has its first word's length; "alms" starts alike but is longer. Every
    // capitalised or digit token is listed; other lower-case words are not, but for words with a letter beyond ASCII,
    // whose folded length may differ ("aléa").
    expect(listed).toEqual(['al', 'Shabaab', 'York', '2024', 'al', 'aléa']);
    // Tokens made without the table give the same matches (the matcher lists the starts itself).
    const spans = (ms: ReturnType<typeof findMatches>) => ms.map((m) => text.slice(m.start, m.end));
    expect(spans(findMatches(lower, text, t))).toEqual(['al-Shabaab', 'York']);
    expect(spans(findMatches(lower, text, tokenize(text)))).toEqual(['al-Shabaab', 'York']);
  });
  it('lists a lower-case "the" only before a capitalised word, and still finds "the Kremlin"', () => {
    const withThe = buildAliasIndex({ ...kb, actors: [...kb.actors, actor('bs:kremlin', 'Kremlin', [{ t: 'the Kremlin' }], 'organization')] });
    const text = 'the talks at the Kremlin, then the York office';
    const t = tokenize(text, undefined, withThe.lowerFirst);
    const listed = Array.from(t.cand.subarray(0, t.candCount), (i) => text.slice(t.start[i], t.end[i]));
    // "the" before "talks" is not listed: no name starts with "th" but "the".
    expect(listed).toEqual(['the', 'Kremlin', 'the', 'York']);
    const spans = (ms: ReturnType<typeof findMatches>) => ms.map((m) => text.slice(m.start, m.end));
    expect(spans(findMatches(withThe, text, t))).toEqual(['the Kremlin', 'York']);
    expect(spans(findMatches(withThe, text, tokenize(text)))).toEqual(['the Kremlin', 'York']);
    expect(found('The Kremlin')).toEqual([]);
    expect(matchText(withThe, 'The Kremlin said').map((m) => m.end - m.start)).toEqual([11]);
  });
});

describe('middle initials', () => {
  const people: KnowledgeBase = {
    version: 1, built: '', sources: {},
    actors: [
      actor('bs:trump', 'Donald Trump', [], 'person'),
      actor('bs:bush', 'George Bush', [], 'person'),
      actor('bs:eu', 'European Union', [], 'organization'),
    ],
  };
  const index = buildAliasIndex(people);
  const found = (text: string) => matchText(index, text).map((m) => [text.slice(m.start, m.end), index.actors[index.entries[m.entries[0]!]!.actor]!.id]);

  it('matches a person\'s full name written with one or two middle initials', () => {
    expect(found('Donald J. Trump spoke.')).toEqual([['Donald J. Trump', 'bs:trump']]);
    expect(found('George H.W. Bush spoke.')).toEqual([['George H.W. Bush', 'bs:bush']]);
    expect(found('George H. W. Bush spoke.')).toEqual([['George H. W. Bush', 'bs:bush']]);
  });

  it('skips no initials inside other names, nor a lower-case letter or three initials', () => {
    expect(found('The European A. Union met.')).toEqual([]);
    expect(found('Donald j. Trump spoke.').map((m) => m[0])).toEqual(['Trump']);
    expect(found('George A.B.C. Bush spoke.').map((m) => m[0])).toEqual(['Bush']);
  });
});

describe('lower-case names with a capital inside', () => {
  const index = buildAliasIndex({ version: 1, built: '', sources: {}, actors: [actor('bs:ebay', 'eBay', [], 'company'), actor('bs:iphone', 'iPhone', [], 'other')] });
  it('matches "eBay" as written, and as "ebay" and "EBay"', () => {
    expect(matchText(index, 'Shoppers on eBay paid more.').map((m) => m.start)).toEqual([12]);
    expect(matchText(index, 'EBay said ebay sales rose.').length).toBe(2);
  });
});
