// The sports-report test read from the tokens must answer exactly as the two regexes over the text do.
import { describe, expect, it } from 'vitest';
import { isSport } from '../../src/core/linker-read';
import { tokenize } from '../../src/core/normalize';

const both = (text: string) => [isSport(text), isSport(text, tokenize(text))];

describe('isSport from tokens', () => {
  it('needs a strong cue word and three cue words in all, in any case', () => {
    expect(both('The rugby match ended; the coach left.')).toEqual([true, true]);
    expect(both('The RUGBY Match ended; the Coach left.')).toEqual([true, true]);
    // Three weak words but no strong one; a strong word alone.
    expect(both('The match, the coach and the team.')).toEqual([false, false]);
    expect(both('Rugby is a game.')).toEqual([false, false]);
  });
  it('counts whole words only: no cue word inside a longer word, beside a digit or an underscore', () => {
    expect(both('cupboard steam teams rugby')).toEqual([false, false]);
    expect(both('rugby match2 _coach team_ cup')).toEqual([false, false]);
    expect(both('rugby match coach_')).toEqual([false, false]);
    expect(both('rugby-match.coach')).toEqual([true, true]);
  });
  it('reads the ASCII runs inside tokens with other word characters, where a cue word can sit inside a token', () => {
    // "rugbyé" is one token but holds the ASCII word "rugby", which the regexes (ASCII \b) count.
    expect(both('rugbyé match coach')).toEqual([true, true]);
    expect(both('北rugby match coach')).toEqual([true, true]);
    expect(both('rugby’s match “coach”')).toEqual([true, true]);
    // Runs in the middle of a token; a '_' at the token's edge extends the run; letters that fold to ASCII are no cue.
    expect(both('érugbyé ématché écoaché')).toEqual([true, true]);
    expect(both('érugby_ match coach')).toEqual([false, false]);
    expect(both('rugby matſch coach team')).toEqual([true, true]);
    expect(both('rugby ﬁnal coach')).toEqual([false, false]);
    expect(both('Rugbyé MATCHé')).toEqual([false, false]);
  });
});
