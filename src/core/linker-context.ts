// Word lists the linker reads context with (issue #4). All entries are folded (lower case, no diacritics).
// They are small on purpose: each list answers one question about the words around a name.
import { type Tokens, hashFolded, tokenEquals, tokenHash, tokenText } from './normalize';
import { IntTable } from './matcher';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Titles before a person's name: support a person reading ("President Aliyev", "Gov. Kemp"). */
export const TITLES = set(`
  president vice prime minister chancellor premier king queen prince princess emperor sultan emir sheikh
  governor gov senator sen representative rep congressman congresswoman mayor secretary ambassador general gen
  commander chief chairman chairwoman chair leader speaker judge justice pope cardinal archbishop bishop
  colonel col lieutenant lt admiral marshal captain capt sergeant director spokesman spokeswoman spokesperson
  minister foreign defence defense interior finance deputy former late elect designate
  ceo cfo coo cto founder cofounder co-founder owner
  state exchequer ayatollah grand supreme
  cumhurbaskani cumhurbaskanı baskan bakan basbakan bakani sayin
  prasident präsident kanzler bundeskanzler ministerin ministerprasident bundesprasident
  ministre presidente presidenta primer ministro
  президент премьер министр председатель канцлер
`);

/** Capitalised words that may follow a name without being part of it ("Azerbaijan President", "Georgia Gov."). */
export const AFTER_NAME = set(`
  president minister chancellor premier governor gov senator sen rep representative mayor secretary ambassador
  foreign defence defense interior finance spokesman spokeswoman spokesperson legislature
  ceo cfo coo cto founder cofounder co-founder chairman chairwoman chief
  cumhurbaskani bakan basbakan bakani prasident ministerprasident bundeskanzler kanzler
`);

/** Words that start a title only with the next word ("Prime Minister", "Vice President"). */
export const PRE_TITLE = set('prime vice deputy former acting interim foreign');

/** Honorifics: part of the name's span in news writing ("Mr Shorten"). */
export const HONORIFICS = set('mr mrs ms mx');

/** Capitalised words that may stand next to a name without making it part of a longer unknown name. */
export const FUNCTION_WORDS = set(`
  the a an in on at of for and or but by from with to as when while after before if since both between against
  across under over into during despite unlike like meanwhile also this that these those his her its their our
  my your we he she it they i there here then so yet not no only even last next later earlier today yesterday
  tomorrow now still however thus instead according where why how what who whom which
  northern southern eastern western central lower upper greater downtown uptown midtown
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december
  ve ile da de bu bir icin ama
  der die das den dem des und im in am vom zum zur ein eine nach mit auf aus bei fur
  le la les l un une et au aux du des en dans pour par sur avec
  el los las y con para por del al
`);

/** Words after a name at the start of a sentence that make it the subject ("Turkey said", "Chad has"). */
export const PREDICATES = set(`
  said says say has have had is was were will would could can may might must should shall does did do
  also which who whose that to on in at with after over against
  accused announced rejected denied warned called agreed signed launched sent urged claimed vowed threatened
  insists insisted wants wanted plans planned condemned welcomed hopes hoped sees saw remains remained
  demanded promised pledged backed supports supported opposes opposed blamed closed opened expelled joined left
`);

/** Words after a place name that make it a US state (or similar sub-national unit), not a country. */
export const STATE_WORDS = set(`
  gov governor sen senator rep legislature statehouse state county counties republicans democrats
`);

/** Cue words of a sports report: there, country names usually stand for national teams. */
export const SPORT_STRONG = set(`
  rugby football soccer cricket hockey basketball baseball tennis golf tournament striker midfielder goalkeeper
  innings wicket wickets scrum lineout winger halftime
  nba nfl nhl mlb fifa uefa olympics playoff playoffs touchdown touchdowns quarterback rebounds
`);
export const SPORT_WEAK = set(`
  match matches cup coach coached squad defender tries final fixture league championship scored scoring
  captain captained caps penalty pitch stadium points season team goal goals game games
`);

/** Common words that are also names (amb) and read as the common word when at the start of a sentence. */
export function isPredicate(word: string): boolean {
  if (PREDICATES.has(word)) return true;
  // Past-tense verbs: "Chad accused", but not nouns like "feed" or "breed".
  return word.length >= 5 && word.endsWith('ed') && !word.endsWith('eed');
}

/**
 * Occupations outside politics: "staff writer David Emery", "photographer John Smith" name someone else than a
 * politician of the same name.
 */
export const OCCUPATIONS = set(`
  writer writers reporter correspondent columnist journalist photographer editor author novelist poet blogger critic
  actor actress singer rapper songwriter musician guitarist drummer comedian chef designer artist painter producer
  filmmaker model dancer coach player striker midfielder defender goalkeeper quarterback pitcher golfer boxer runner
  swimmer cyclist jockey footballer cricketer batsman bowler student
`);

/** After a city in a sports report, these make it a club: "the Leicester forward", "Arsenal's Chelsea fans". */
export const TEAM_NOUNS = set(`
  forward forwards midfielder midfielders striker strikers defender defenders goalkeeper keeper winger wingers
  coach manager boss captain skipper player players fans supporters side squad lineup outfit man
`);

/** After a place, these make it a title: "New York magazine", "the Paris edition". */
export const MEDIA_NOUNS = set('magazine edition newspaper daily weekly');

/** Next to a city in a sports report, these make it a club: "beating Liverpool", "against Boston", "Phoenix lost". */
export const SPORT_VERBS = set(`
  beat beats beating against versus vs v defeat defeated defeating edge edged thrash thrashed face faces faced facing
  won win wins lost lose loses drew draw draws scored trail trailed trailing
`);

/** Before a place: where something is or happens ("in Liverpool", "at Wembley"). */
export const LOCATIVES = set('in at near from outside across around');

/** Determiners: after "to" they make a noun phrase ("Key to the plan"), not a headline's verb ("Turkey to host"). */
export const DETERMINERS = set('the a an this that these those his her its their our my your');

/** After a name and "'s", these start a title: "Houston's Top Dentists", "America's Got Talent", "Britain's Next...". */
export const TITLE_WORDS = set('top best next got most greatest finest favorite favourite biggest funniest news');

// The lists by token: one table from a folded word's hash to the lists that hold it, so that reading the words
// around a name needs no string per word (the token's hash is made once and kept on the tokens).
export const W_TITLE = 1, W_HONORIFIC = 2, W_FUNCTION = 4, W_AFTER = 8, W_PRE = 16, W_PREDICATE = 32, W_STATE = 64;
/** The word "of" ("Bank of England"). */
export const W_OF = 128;
/** OCCUPATIONS. */
export const W_OCCUPATION = 256;
/** TEAM_NOUNS, MEDIA_NOUNS. */
export const W_TEAM = 512, W_MEDIA = 1024;
/** TITLE_WORDS. */
export const W_TITLEWORD = 2048;
/** DETERMINERS. */
export const W_DETERMINER = 4096;
/** LOCATIVES. */
export const W_LOCATIVE = 8192;
/** SPORT_VERBS. */
export const W_SPORTVERB = 16384;

interface Listed { w: string; mask: number }
const byHash = new Map<number, Listed[]>();
for (const [list, bit] of [[TITLES, W_TITLE], [HONORIFICS, W_HONORIFIC], [FUNCTION_WORDS, W_FUNCTION], [AFTER_NAME, W_AFTER],
  [PRE_TITLE, W_PRE], [PREDICATES, W_PREDICATE], [STATE_WORDS, W_STATE], [new Set(['of']), W_OF], [OCCUPATIONS, W_OCCUPATION], [TEAM_NOUNS, W_TEAM], [MEDIA_NOUNS, W_MEDIA], [TITLE_WORDS, W_TITLEWORD], [DETERMINERS, W_DETERMINER], [LOCATIVES, W_LOCATIVE], [SPORT_VERBS, W_SPORTVERB]] as const) {
  for (const w of list) {
    const h = hashFolded(w);
    let at = byHash.get(h);
    if (!at) byHash.set(h, (at = []));
    const known = at.find((x) => x.w === w);
    if (known) known.mask |= bit; else at.push({ w, mask: bit });
  }
}
// The hot lookup in an open-addressing table (a Map keyed by numbers costs several times more per probe).
const groups = [...byHash.values()];
const table = new IntTable(groups.length);
[...byHash.keys()].forEach((h, i) => table.set(h, i));

/** The listed word token `t` folds to, with the lists that hold it (W_ bits), or null when no list holds it. */
export function listedAt(toks: Tokens, t: number): Listed | null {
  const at = table.get(tokenHash(toks, t));
  if (at >= 0) for (const x of groups[at]!) if (tokenEquals(toks, t, x.w)) return x;
  return null;
}

/** The W_ bits of token `t` (0 when no list holds it). */
export const maskAt = (toks: Tokens, t: number): number => listedAt(toks, t)?.mask ?? 0;

/** isPredicate of token `t`'s folded text, without making the string for ASCII tokens. */
export function predicateAt(toks: Tokens, t: number): boolean {
  if (maskAt(toks, t) & W_PREDICATE) return true;
  const text = toks.text, s = toks.start[t]!, e = toks.end[t]!;
  let ascii = true;
  for (let i = s; i < e && ascii; i++) ascii = text.charCodeAt(i) < 128;
  // An ASCII token folds to itself in lower case: same length, and (c | 32) lower-cases a letter.
  if (!ascii) return isPredicate(tokenText(text, toks, t));
  return e - s >= 5 && (text.charCodeAt(e - 1) | 32) === 100 && (text.charCodeAt(e - 2) | 32) === 101 && (text.charCodeAt(e - 3) | 32) !== 101;
}
