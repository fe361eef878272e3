import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { G_APOS, G_DOT, G_HYPHEN, G_NONE, G_SPACE, T_ALLCAPS, T_BLOCKED, T_CAP, T_LOWER, T_SENT, T_WIDE, fold, hasWideWordUnit, hashFolded, tokenHash, tokenize, tokenText } from '../../src/core/normalize';

const words = (text: string) => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => tokenText(text, t, i));
};
const spans = (text: string) => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
};

describe('fold', () => {
  it('folds Turkish dotted and dotless i, case and diacritics alike', () => {
    expect(fold('İSTANBUL')).toBe('istanbul');
    expect(fold('Istanbul')).toBe('istanbul');
    expect(fold('İstanbul')).toBe('istanbul');
    expect(fold('ıstanbul')).toBe('istanbul');
    expect(fold('Erdoğan')).toBe('erdogan');
    expect(fold('ÉDOUARD')).toBe('edouard');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('ΑΘΉΝΑ')).toBe('αθηνα');
    expect(fold('Москва')).toBe('москва');
  });
  it('folds any ASCII text as lower case with quotes and spaces made one (the fast path agrees with the rule)', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 24 });
    fc.assert(fc.property(ascii, (s) => fold(s) === s.toLowerCase().replace(/`/g, "'").replace(/\s+/g, ' ').trim()), { numRuns: 2000 });
    expect(fold('  New   York ')).toBe('new york');
    expect(fold('Côte`s')).toBe("cote's");
  });
  it('applies NFKC compatibility forms (full-width letters, ligatures)', () => {
    expect(fold('ＥＵ')).toBe('eu');
    expect(fold('ﬁnance')).toBe('finance');
  });
  it('treats typographic apostrophes as one', () => {
    expect(fold('Ankara’s')).toBe(fold("Ankara's"));
  });
});

describe('tokenize', () => {
  it('gives offsets into the original text whatever folding does', () => {
    const text = 'Dün İSTANBUL’da Erdoğan konuştu.';
    expect(spans(text)).toEqual(['Dün', 'İSTANBUL', 'da', 'Erdoğan', 'konuştu']);
    expect(words(text)).toEqual(['dun', 'istanbul', 'da', 'erdogan', 'konustu']);
  });
  it('splits apostrophe suffixes and hyphenated pairs, and records the gaps', () => {
    const text = "Baku's Russia-Ukraine U.S. talks";
    const t = tokenize(text);
    expect(spans(text)).toEqual(['Baku', 's', 'Russia', 'Ukraine', 'U', 'S', 'talks']);
    expect(Array.from(t.gap.slice(1, t.count))).toEqual([G_APOS, G_SPACE, G_HYPHEN, G_SPACE, G_DOT, G_DOT]);
  });
  it('finds word boundaries in scripts without ASCII letters (a RegExp \\b would not)', () => {
    expect(spans('Ōsaka és Écija')).toEqual(['Ōsaka', 'és', 'Écija']);
    expect(spans('Москва, Αθήνα و عمّان; ירושלים')).toEqual(['Москва', 'Αθήνα', 'و', 'عمّان', 'ירושלים']);
  });
  it('makes every CJK character a token of its own, adjacent to the next', () => {
    const text = '北京和东京';
    const t = tokenize(text);
    expect(spans(text)).toEqual(['北', '京', '和', '东', '京']);
    expect(t.gap[1]).toBe(G_NONE);
  });
  it('flags case, capitals and sentence starts', () => {
    const text = 'BAKU – Turkey said. turkey Mr. Aliyev';
    const t = tokenize(text);
    const f = (i: number) => t.flags[i]!;
    expect(f(0) & T_ALLCAPS).toBeTruthy();
    expect(f(1) & T_CAP).toBeTruthy();
    expect(f(1) & T_SENT).toBe(0);
    expect(f(3) & T_LOWER).toBeTruthy();
    expect(f(3) & T_SENT).toBeTruthy(); // after "said."
    expect(f(5) & T_SENT).toBe(0); // "Mr." does not end a sentence
  });
  it('blocks URLs, e-mail addresses and code-like tokens', () => {
    const text = 'See https://www.turkey.com/georgia, info@armenia.org, Quark.Models.Entities and snake_case, but U.S. and Baku.';
    const t = tokenize(text);
    const blocked = Array.from({ length: t.count }, (_, i) => (t.flags[i]! & T_BLOCKED ? text.slice(t.start[i], t.end[i]) : null)).filter(Boolean);
    expect(blocked).toEqual(['https', 'www', 'turkey', 'com', 'georgia', 'info', 'armenia', 'org', 'Quark', 'Models', 'Entities', 'snake', 'case']);
  });
  it('hashes folded forms the same way for any spelling', () => {
    const a = tokenize('İSTANBUL'), b = tokenize('istanbul'), c = tokenize('Istanbul');
    expect(tokenHash(a, 0)).toBe(tokenHash(b, 0));
    expect(tokenHash(c, 0)).toBe(tokenHash(b, 0));
    expect(tokenHash(tokenize('Ankara'), 0)).not.toBe(tokenHash(b, 0));
  });
  it('hashes capitalised, digit and caseless tokens while scanning, as the folded word would hash', () => {
    const text = 'Dün İSTANBUL’da ÉDOUARD Straße 2024 عمّان Erdoğan konuştu ΑΘΉΝΑ';
    const t = tokenize(text);
    const eager = Array.from({ length: t.count }, (_, i) => t.hash[i]);
    // Lower-case starts are left to tokenHash (-1); every other token already carries its hash.
    expect(eager.map((h, i) => (h === -1 ? text.slice(t.start[i], t.end[i]) : null)).filter(Boolean)).toEqual(['da', 'konuştu']);
    for (let i = 0; i < t.count; i++) expect(tokenHash(t, i)).toBe(hashFolded(tokenText(text, t, i)));
    expect(t.hash[1]).toBe(hashFolded('istanbul'));
    expect(t.hash[4]).toBe(hashFolded('strasse'));
  });
});

describe('hasWideWordUnit', () => {
  it('finds code units above ASCII that tokens take in, not punctuation or spaces above ASCII', () => {
    expect(['plain text', 'quotes “x” and ’s — dash', 'x\u00a0y', ''].map(hasWideWordUnit)).toEqual([false, false, false, false]);
    // A letter, CJK, an astral emoji (surrogates stay inside tokens), a letter number, ß, a CJK radical (a symbol of the Han script).
    expect(['café', '北京', '😀', 'Ⅻ', 'ß', '⺀', '“ⁱ”', 'x²'].map(hasWideWordUnit)).toEqual([true, true, true, true, true, true, true, true]);
    // No code unit of the General Punctuation block is a word character (the search skips the block).
    const block = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x2000 + i)).join('');
    expect(tokenize(block).count).toBe(0);
  });
  it('is what the tokeniser records as Tokens.wide, wherever the wide unit sits in a token', () => {
    // First, second, later letter of lower-case and capitalised words; spaces, quotes and dashes above ASCII are not.
    const wide = ['éa', 'aé', 'abé', 'Éa', 'Aé', 'ABÉ', '1é', 'x 北', 'x 😀', 'x Ⅻ y'];
    const narrow = ['plain Text', 'quotes “x” and ’s — dash', 'x\u00a0y', '', 'a-b_c'];
    for (const t of wide) expect([t, tokenize(t).wide, hasWideWordUnit(t)]).toEqual([t, true, true]);
    for (const t of narrow) expect([t, tokenize(t).wide, hasWideWordUnit(t)]).toEqual([t, false, false]);
    // Buffers lent again start afresh.
    expect(tokenize('plain', tokenize('café')).wide).toBe(false);
    // The token that holds it is flagged T_WIDE, its neighbours are not.
    const t = tokenize('Le café Noir ÉTÉ ok');
    expect(Array.from({ length: t.count }, (_, i) => (t.flags[i]! & T_WIDE) !== 0)).toEqual([false, true, false, true, false]);
  });
  it('holds a token per code unit when the text has that many, in buffers lent by a shorter text', () => {
    const solo = '北'.repeat(5000); // one token per character: the most a text can hold
    const lent = tokenize('a b');
    const t = tokenize(solo, lent);
    expect(t.count).toBe(5000);
    expect([t.start[4999], t.end[4999]]).toEqual([4999, 5000]);
    const words = tokenize('a '.repeat(3000) + 'Z', t);
    expect(words.count).toBe(3001);
    expect(words.text.slice(words.start[3000], words.end[3000])).toBe('Z');
  });
});
