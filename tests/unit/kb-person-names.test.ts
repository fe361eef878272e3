// Forms derived from a person's name (scripts/kb/people.ts personAliases): which word is the surname.
import { describe, expect, it } from 'vitest';
import { KbBuilder } from '../../scripts/kb/builder';
import { familyNameFirst, personAliases } from '../../scripts/kb/people';

/** Aliases derived for `name` (a star marks a short form). */
function forms(name: string, isos: string[] = []): string[] {
  const b = new KbBuilder(new Set());
  b.add({ id: 'bs:x', type: 'person', name, desc: 'x' });
  personAliases(b, 'bs:x', name, isos);
  return b.get('bs:x')!.aliases.map((a) => a.t + (a.short ? '*' : ''));
}

describe('personAliases', () => {
  it('keeps the surname of a plain western name, with particles and without suffixes', () => {
    expect(forms('Emmanuel Macron', ['FR'])).toEqual(['Emmanuel Macron', 'Macron*']);
    expect(forms('George Walker Bush', ['US'])).toEqual(['George Walker Bush', 'George Bush', 'Bush*']);
    expect(forms('Ursula von der Leyen', ['DE'])).toEqual(['Ursula von der Leyen', 'von der Leyen*']);
    expect(forms('Daniel T. Blue, Jr.', ['US'])).toEqual(['Daniel T. Blue, Jr.', 'Daniel Blue', 'Blue*']);
    expect(forms('Harold Ford Jr.', ['US'])).toEqual(['Harold Ford Jr.', 'Harold Ford', 'Ford*']);
  });

  it('never makes the given name of a Korean or Chinese name a short form', () => {
    expect(forms('Kim Jong-un', ['KP'])).toEqual(['Kim Jong-un']);
    expect(forms('Kim Jong-un')).toEqual(['Kim Jong-un']); // a hand-written person without a country
    expect(forms('Xi Jinping')).toEqual(['Xi Jinping']);
    expect(forms('Yoon Suk Yeol', ['KR'])).toEqual(['Yoon Suk Yeol']);
    expect(forms('Lee Hsien Loong', ['SG'])).toEqual(['Lee Hsien Loong']);
    expect(forms('Ban Ki-moon')).toEqual(['Ban Ki-moon']);
  });

  it('leaves western names that start like an East Asian family name alone', () => {
    expect(forms('Lee Fisher', ['US'])).toEqual(['Lee Fisher', 'Fisher*']);
    expect(forms('Kim Campbell')).toEqual(['Kim Campbell', 'Campbell*']);
    expect(forms('John Lee', ['HK'])).toEqual(['John Lee', 'Lee*']);
  });

  it("does not take a Spanish-speaker's maternal surname for the surname", () => {
    expect(forms('Nicolás Maduro Moros', ['VE'])).toEqual(['Nicolás Maduro Moros']);
    expect(forms('Enrique Peña Nieto', ['MX'])).toEqual(['Enrique Peña Nieto']);
    expect(forms('Pablo Iglesias Turrión', ['ES'])).toEqual(['Pablo Iglesias Turrión']);
    // A second given name leaves one surname.
    expect(forms('Juan Manuel Santos', ['CO'])).toEqual(['Juan Manuel Santos', 'Juan Santos', 'Santos*']);
    expect(forms('Fernando de la Rúa', ['AR'])).toEqual(['Fernando de la Rúa', 'de la Rúa*']);
    // The same three words from elsewhere: the last word is the surname.
    expect(forms('Mary Ann Moros', ['US'])).toEqual(['Mary Ann Moros', 'Mary Moros', 'Moros*']);
  });
});

describe('familyNameFirst', () => {
  it('reads the country first, the shape of the given name without one', () => {
    expect(familyNameFirst(['Moon', 'Jae-in'], ['KR'])).toBe(true);
    expect(familyNameFirst(['Moon', 'Jae-in'], ['US'])).toBe(false);
    expect(familyNameFirst(['Wen', 'Jiabao'])).toBe(true);
    expect(familyNameFirst(['Lee', 'Anderson'])).toBe(false);
    expect(familyNameFirst(['Chan', 'Santokhi'], ['SR'])).toBe(false);
    expect(familyNameFirst(['Jacinda', 'Ardern'], ['NZ'])).toBe(false);
  });
});

describe('personAliases, titles and regnal names', () => {
  it('derives from the personal name, not from a peerage title', () => {
    expect(forms('Anna Smith, Baroness Smith of Riverton', ['GB'])).toEqual(['Anna Smith, Baroness Smith of Riverton', 'Anna Smith', 'Smith*']);
    expect(forms('Tom Green, Baron Green of Hill Top', ['GB'])).not.toContain('Top*');
  });
  it('derives nothing from a regnal name', () => {
    expect(forms('Olaf IV of Norland')).toEqual(['Olaf IV of Norland']);
    expect(forms('Baudouin I')).toEqual(['Baudouin I']);
  });
});

describe('eponym', () => {
  it('takes an adjective made of the surname, not the surname, another name or a plain word', async () => {
    const { eponym } = await import('../../scripts/kb/wikinames');
    expect(eponym('Shakespearean', 'William Shakespeare')).toBe(true);
    expect(eponym('Napoleonic', 'Napoleon')).toBe(true);
    expect(eponym('Kafkaesque', 'Franz Kafka')).toBe(true);
    expect(eponym('Shakespeare', 'William Shakespeare')).toBe(false);
    expect(eponym('Mijatovic', 'Predrag Mijatović')).toBe(false);
    expect(eponym('Bushian', 'Jeb Bush')).toBe(false); // a surname under five letters is too short to tell
    expect(eponym('Macronists', 'Emmanuel Macron')).toBe(false);
    expect(eponym('Atlantic', 'Atlanta Smith')).toBe(false);
  });
});
