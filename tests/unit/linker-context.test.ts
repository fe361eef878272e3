// The word lists looked up by token must answer exactly as the lists looked up by the token's folded string.
import { describe, expect, it } from 'vitest';
import { AFTER_NAME, FUNCTION_WORDS, HONORIFICS, MEDIA_NOUNS, OCCUPATIONS, PREDICATES, PRE_TITLE, STATE_WORDS, TEAM_NOUNS, TITLES, TITLE_WORDS, DETERMINERS, LOCATIVES, SPORT_VERBS, W_AFTER, W_FUNCTION, W_HONORIFIC, W_MEDIA, W_OCCUPATION, W_OF, W_PRE, W_PREDICATE, W_STATE, W_TEAM, W_TITLE, W_TITLEWORD, W_DETERMINER, W_LOCATIVE, W_SPORTVERB, isPredicate, listedAt, maskAt, predicateAt } from '../../src/core/linker-context';
import { tokenize, tokenText } from '../../src/core/normalize';
import { openings } from '../../src/core/linker-read';

const LISTS = [[TITLES, W_TITLE], [HONORIFICS, W_HONORIFIC], [FUNCTION_WORDS, W_FUNCTION], [AFTER_NAME, W_AFTER], [PRE_TITLE, W_PRE], [PREDICATES, W_PREDICATE], [STATE_WORDS, W_STATE],
  [OCCUPATIONS, W_OCCUPATION], [TEAM_NOUNS, W_TEAM], [MEDIA_NOUNS, W_MEDIA], [TITLE_WORDS, W_TITLEWORD], [DETERMINERS, W_DETERMINER], [LOCATIVES, W_LOCATIVE], [SPORT_VERBS, W_SPORTVERB]] as const;

describe('word lists by token', () => {
  it('gives each token the bits of the lists its folded text is in, and the listed word', () => {
    const listed = [...new Set(LISTS.flatMap(([l]) => [...l]))];
    // Every listed word as written, in capitals, capitalised; words near them that are in no list; folded forms.
    const text = [...listed, ...listed.map((w) => w.toUpperCase()), 'Presidents', 'presiden', 'Mrs', 'OF', 'of', 'Cumhurbaşkanı', 'PRÄSIDENT', 'Präsidentin', 'Ministre', 'Ｍr'].join(' ');
    const toks = tokenize(text);
    let hits = 0;
    for (let t = 0; t < toks.count; t++) {
      const w = tokenText(text, toks, t);
      let want = 0;
      for (const [l, bit] of LISTS) if (l.has(w)) want |= bit;
      if (w === 'of') want |= W_OF;
      expect([w, maskAt(toks, t)]).toEqual([w, want]);
      expect(listedAt(toks, t)?.w ?? null).toBe(want ? w : null);
      if (want) hits++;
    }
    expect(hits).toBeGreaterThan(2 * listed.length);
    expect(maskAt(tokenize('Mr'), 0)).toBe(W_HONORIFIC);
    expect(maskAt(tokenize('Gov'), 0)).toBe(W_TITLE | W_AFTER | W_STATE);
  });
  it('reads past-tense verbs as isPredicate does, for ASCII and other tokens', () => {
    const text = 'accused ACCUSED Turned freed agreed bred led sailed sailéd naïved cafed ÉMED ﬁled said saidx';
    const toks = tokenize(text);
    const got = Array.from({ length: toks.count }, (_, t) => predicateAt(toks, t));
    expect(got).toEqual(Array.from({ length: toks.count }, (_, t) => isPredicate(tokenText(text, toks, t))));
    // Checked by hand: accused, ACCUSED, Turned, agreed (listed), sailed, sailéd, naïved, cafed, ﬁled (folds to "filed"),
    // said; not freed, bred, led, ÉMED, saidx.
    expect(got).toEqual([true, true, true, false, true, false, false, true, true, true, true, false, true, true, false]);
  });
});

describe('openings', () => {
  it('lists every "(" of the text in order', () => {
    expect(openings('a (b) (c (d')).toEqual([2, 6, 9]);
    expect(openings('none')).toEqual([]);
  });
});
