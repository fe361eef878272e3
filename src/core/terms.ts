// Tokens and salient terms for related-story ranking (issue #5).
// History entries keep terms instead of the article text, so terms must carry the article's topic on their own:
// stopwords out, light plural folding, diacritics folded so "Erdoğan" and "Erdogan" meet.

// Function words of the languages the bundled corpus and the seeds use most. Short words (< 3 letters) are
// dropped anyway, so only longer ones are listed.
const STOP = new Set(
  (
    // English
    'the and for are but not you all any can her was one our out day get has him his how man new now old see two way who boy ' +
    'did its let put say she too use that with have this will your from they know want been good much some time very when come ' +
    'here just like long make many more only over such take than them well were what said says also into about after again ' +
    'against among because before being below between both could does doing down during each few further had having hers herself ' +
    'himself itself myself other ours ourselves should their theirs themselves then there these those through under until ' +
    'upon which while whom whose why would yours yourself yourselves since within without would year years told tell according ' +
    'mr mrs ms per via may might must shall week weeks month months today yesterday tomorrow monday tuesday ' +
    'wednesday thursday friday saturday sunday january february march april june july august september october november december ' +
    'news report reported reports reuters afp press agency people percent including around where however still even most last next ' +
    'first second third made part back statement added noted stated called calls call took used using several another already ' +
    'whether every across toward towards became become becomes left right best ever never less least lot lots way ways ' +
    // French, German, Spanish, Turkish, Russian (transliteration-free Cyrillic kept as is)
    'les des une est que qui dans pour pas sur par avec sont ont aux ces ses leur plus été être ' +
    'der die das und den dem des ein eine einer nicht mit von für auf ist sich auch als wie bei nach oder aus wird sind ' +
    'los las del una que por con para como más sus fue han ' +
    'bir için ile olarak daha çok gibi kadar sonra ancak ama veya ise olan' +
    ' это как что для его она они при был была были уже или'
  ).split(/\s+/).filter(Boolean).map(fold),
);

/** Lower case, diacritics removed (Ğ→g, é→e), Turkish dotless ı→i, so spellings of one name meet. */
export function fold(s: string): string {
  // Plain ASCII needs no decomposition (most English text): the fast path keeps corpus builds quick.
  if (!/[^\x00-\x7f]/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss');
}

/** Folds English plurals so "talks"/"talk", "elections"/"election", "countries"/"country" meet. */
function stem(t: string): string {
  if (t.length <= 4 || /\d/.test(t)) return t;
  if (t.endsWith('ies') && t.length > 5) return t.slice(0, -3) + 'y';
  if (t.endsWith('sses')) return t.slice(0, -2);
  if (t.endsWith('s') && !t.endsWith('ss') && !t.endsWith('us') && !t.endsWith('is')) return t.slice(0, -1);
  return t;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Index tokens of a text: folded, stemmed, stopwords and 1–2 letter words out, possessives cut ("Baku's" → "baku").
 * Four-digit years stay: they carry time ("1994 ceasefire").
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(WORD)) {
    let w = m[0];
    const q = w.search(/['’]/);
    if (q > 0) w = w.slice(0, q);
    if (w.length < 3) continue;
    if (/^\d+$/.test(w) && w.length !== 4) continue; // numbers other than years are noise
    if (STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/**
 * The `max` most telling terms of a text, best first. Without corpus statistics, "telling" means frequent in the
 * text, longer (longer words are rarer in general use), and early (the lede carries the topic).
 * `lang` is accepted for the future; folding and stopwords already cover the corpus languages.
 */
export function salientTerms(text: string, _lang?: string | null, max = 40): string[] {
  const toks = tokenize(text);
  if (toks.length === 0) return [];
  const score = new Map<string, number>();
  const n = toks.length;
  toks.forEach((t, i) => {
    const early = i < n / 5 ? 1.5 : 1;
    const w = Math.log2(1 + t.length) * early;
    score.set(t, (score.get(t) ?? 0) + w);
  });
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, Math.max(0, max))
    .map(([t]) => t);
}
