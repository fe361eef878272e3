// The Factbook's office lines (scripts/kb/factbook.ts parseOffice): role, holder's name and start date, with ranks
// and particles as the Factbook writes them. Lines written here in the Factbook's style.
import { describe, expect, it } from 'vitest';
import { parseOffice } from '../../scripts/kb/factbook';

describe('parseOffice', () => {
  it('reads role, name and date', () => {
    expect(parseOffice('President Ilham ALIYEV (since 31 October 2003)')).toEqual({ role: 'President', name: 'Ilham Aliyev', since: '2003-10-31' });
  });
  it('leaves ranks out of the name', () => {
    expect(parseOffice('President Col. Jean DUPONT (since 2 March 2021)')).toEqual({ role: 'President', name: 'Jean Dupont', since: '2021-03-02' });
    expect(parseOffice('Transitional President Capt. Paul MARTIN (since 30 September 2022)')).toEqual({ role: 'Transitional President', name: 'Paul Martin', since: '2022-09-30' });
  });
  it('finds a capitalised surname after a particle', () => {
    expect(parseOffice('Prime Minister Ahmad al-HASAN (since 27 October 2022)')?.name).toBe('Ahmad al-Hasan');
  });
  it('knows the transitional and caretaker titles', () => {
    expect(parseOffice('Caretaker Prime Minister Jan DE BOER (since 3 June 2025)')).toMatchObject({ role: 'Caretaker Prime Minister', since: '2025-06-03' });
  });
  it('gives nothing for a line without a holder', () => {
    expect(parseOffice('President (vacant)')).toBeUndefined();
    expect(parseOffice(null)).toBeUndefined();
  });
});

describe('parseOffice, a date without "since"', () => {
  it('is still the start date, not part of the name', () => {
    expect(parseOffice('Prime Minister Anna Maria KOWALSKA (28 October 2022)')).toEqual({ role: 'Prime Minister', name: 'Anna Maria Kowalska', since: '2022-10-28' });
  });
});

describe('parseOffice, a year alone', () => {
  it('keeps the year', () => {
    expect(parseOffice('President Jean-Marc SASSOU-Koffi (since 1997)')).toEqual({ role: 'President', name: 'Jean-Marc Sassou-Koffi', since: '1997' });
  });
});

describe('parseOffice, a place in the title', () => {
  it('keeps "of <place>" in the role', () => {
    expect(parseOffice('President of Freedonia LI Wei (since 14 March 2013)')).toEqual({ role: 'President of Freedonia', name: 'Li Wei', since: '2013-03-14' });
  });
});

describe('parseOffice, a long title', () => {
  it('keeps "for Foreign and Political Affairs" in the role', () => {
    expect(parseOffice('Secretary of State for Foreign and Political Affairs Marco ROSSINI (since 8 January 2020)'))
      .toEqual({ role: 'Secretary of State for Foreign and Political Affairs', name: 'Marco Rossini', since: '2020-01-08' });
  });
});
