// Bare surnames with the full knowledge base (issue #4): with every head of state and government since 2000 in the
// KB, a surname alone ("Wade", "Moi", "Bio") must not link to a former leader unless the text is about that leader's
// country; a leader's surname links in a text that names the country, and a name written in full always links.
// The texts and their expected links are written here.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKb } from '../../scripts/kb/build';
import { createLinker, type Linker } from '../../src/core/linker';
import { parseKb } from '../../src/core/kb';

let linker: Linker;
beforeAll(async () => {
  linker = createLinker(parseKb(JSON.parse(JSON.stringify(await buildKb()))));
}, 60_000);

const linked = (text: string, date: string): Map<string, string> =>
  new Map(linker.link(text, { date, lang: 'en' }).mentions.map((m) => [text.slice(m.start, m.end), m.entityId]));

describe('bare surnames of leaders', () => {
  it.each([
    ['The court revisited Roe v. Wade on Tuesday, and protesters gathered outside.', 'Wade'],
    ['Bio scientists met in Boston to discuss the new vaccine.', 'Bio'],
    ['Moi said nothing when the reporters asked about the match.', 'Moi'],
    ['Sata won the race in a record time, ahead of two French riders.', 'Sata'],
    ['Banda played well in the second half and scored twice.', 'Banda'],
    ['Mills and factories along the river closed during the strike.', 'Mills'],
  ])('no link without the country: %s', (text, surface) => {
    expect(linked(text, '2019-03-10').get(surface)).toBeUndefined();
  });

  it('links a leader by surname when the text is about the country', () => {
    const m = linked('Kenya braced for a tense vote. In Nairobi, Kibaki told supporters the count was fair.', '2007-12-28');
    expect(m.get('Kenya')).toBe('Q114');
    expect(m.get('Kibaki')).toMatch(/^(Q\d+|bs:mwai-kibaki)$/);
  });

  it('links a leader named in full, and the surname after it', () => {
    const m = linked('Abdoulaye Wade addressed the crowd. Later, Wade left for Paris.', '2005-05-01');
    expect(m.get('Abdoulaye Wade')).toBeDefined();
    expect(m.get('Wade')).toBe(m.get('Abdoulaye Wade'));
  });

  it('counts an ambiguous country name as context ("Turkey" beside "Erdogan")', () => {
    expect(linked('Erdogan said on Monday that Turkey would not back down.', '2015-03-10').get('Erdogan')).toBe('Q39259');
  });

  it('links a current leader by surname beside the country', () => {
    const m = linked('Germany will send more aid, Merkel said in Berlin on Monday.', '2015-03-10');
    expect(m.get('Merkel')).toBe('Q567');
    // A city of the country is enough; a leader out of office then is not linked by surname alone.
    expect(linked('Merkel met reporters in Berlin on Monday.', '2015-03-10').get('Merkel')).toBe('Q567');
    expect(linked('Merkel met reporters in Berlin on Monday.', '2024-03-10').get('Merkel')).toBeUndefined();
  });

  it('links no surname that starts a sentence as the head of a noun phrase ("Key to the plan")', () => {
    expect(linked('Key to the plan is a new tax on property in New Zealand.', '2012-05-01').get('Key')).toBeUndefined();
    expect(linked('Key said the tax would rise in New Zealand.', '2012-05-01').get('Key')).toBe('bs:john-key');
    expect(linked('Key to visit China next week, New Zealand officials said.', '2012-05-01').get('Key')).toBe('bs:john-key');
  });
});
