// The sports-report test read from the tokens must answer exactly as the two regexes over the text do.
import { describe, expect, it } from 'vitest';
import { SPORT_FIRST, isSport } from '../../src/core/linker-read';
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
  it('reads only the tokens the tokeniser watched (cue words by first letters and length), with the same answer', () => {
    const texts = ['The rugby match ended; the coach left.', 'The RUGBY Match ended; the Coach left.', 'cupboard steam teams rugby',
      'rugby match2 _coach team_ cup', 'rugby-match.coach', 'rugbyé match coach', 'érugby_ match coach', 'Rugbyé MATCHé',
      'Coached CAPTAINS: Match, Cup and Season at the STADIUM', 'Rugby Cup mAtch', 'a rugby cup', 'ma co cu'];
    for (const t of texts) expect([t, isSport(t, tokenize(t, undefined, undefined, SPORT_FIRST))]).toEqual([t, isSport(t)]);
    const t = 'The Rugby match, a cupboard, the coach and rugbyé';
    const tk = tokenize(t, undefined, undefined, SPORT_FIRST);
    expect(Array.from(tk.watch.subarray(0, tk.watchCount), (i) => t.slice(tk.start[i], tk.end[i]))).toEqual(['Rugby', 'match', 'coach', 'rugbyé']);
  });
});
