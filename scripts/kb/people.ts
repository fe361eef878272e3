// Politicians from politicians-qids.csv (Wikidata via CaptainFact, CC0): rows whose name can be trusted only.
import { multi } from './csv';
import { fold, type KbBuilder } from './builder';
import type { Tables } from './tables';

const PARTICLES = new Set(['de', 'da', 'van', 'von', 'der', 'den', 'del', 'la', 'le', 'di', 'du', 'bin', 'al', 'el', 'y', 'e', 'jr', 'jr.', 'sr.', 'ii', 'iii']);

const SUFFIX = /^(jr|sr|ii|iii|iv)\.?,?$/i;

/**
 * Full name, a first+last form when there are middle names, and the surname as a `short` alias. `isos` are the
 * person's countries when known: they tell names whose last word is no surname (see below) from the rest.
 */
export function personAliases(b: KbBuilder, id: string, name: string, isos: readonly string[] = []): void {
  b.alias(id, name);
  // Titles after a comma ("Celia Thomas, Baroness Thomas of Winchester", "Ludwig IX, Landgrave of Hesse") and
  // regnal names ("Hussein I of Jordan", "Henry VIII of England") name a title or a territory, not a surname:
  // derive from the personal name only, and never a short form from a regnal name.
  const personal = name.split(/,\s*(?=(?:Baron|Baroness|Lord|Lady|Viscount|Viscountess|Earl|Countess|Duke|Duchess|Marquess|Landgrave|Prince|Princess|King|Queen)\b)/)[0]!;
  if (/\b[IVX]+\b/.test(personal) && /\bof\b/.test(personal)) return;
  if (/\b[IVX]+$/.test(personal)) return;
  const words = personal.split(/\s+/).filter(Boolean);
  // "Daniel T. Blue, Jr.": the derived forms leave the suffix out ("Daniel Blue", "Blue").
  while (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) words.pop();
  words[words.length - 1] = words[words.length - 1]!.replace(/,$/, '');
  if (words.length < 2) return;
  if (words.join(' ') !== name.replace(/\s+/g, ' ').trim() && words.length === 2) b.alias(id, words.join(' '));
  // "Kim Jong-un", "Xi Jinping": the last word is a given name, never a short form. The family name ("Kim",
  // "Li") is shared by millions, so it is not derived either; hand files add one where news uses it.
  if (familyNameFirst(words, isos)) return;
  const core = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
  // "Nicolás Maduro Moros" ends with the mother's surname, "Juan Carlos Varela" with the only one: from a country
  // of two surnames, three words name one surname only when the middle one is a given name (hispanicShortForms:
  // four words); otherwise nothing is derived. Particles do not count ("Fernando de la Rúa" has one surname).
  if (core.length > 2 && isos.some((i) => TWO_SURNAMES.has(i))) {
    if (words.length === 3 && SPANISH_GIVEN.has(fold(words[1]!))) {
      b.alias(id, `${words[0]} ${words[2]}`);
      if (words[2]!.length >= 3) b.alias(id, words[2]!, { short: true });
    }
    return;
  }
  const last = core[core.length - 1];
  // Surnames with a particle ("van der Leyen") keep it: "von der Leyen", and "Ursula von der Leyen" is not
  // shortened to "Ursula Leyen".
  const i = words.lastIndexOf(last!);
  let s = i;
  while (s > 1 && PARTICLES.has(words[s - 1]!.toLowerCase())) s--;
  const surname = words.slice(s).join(' ');
  if (words.length > 2 && core.length >= 2) b.alias(id, `${words[0]} ${surname}`);
  if (surname.length >= 3) b.alias(id, surname, { short: true });
}

/** Countries whose names put the family name first, also in English news (China, Taiwan, Koreas, Singapore...). */
const FAMILY_FIRST_COUNTRIES = new Set(['CN', 'TW', 'HK', 'MO', 'KP', 'KR', 'SG']);
/** Common Chinese and Korean family names as romanised in the news. */
const EAST_ASIAN_FAMILY = new Set(('kim lee yi park pak moon mun yoon yun choi choe chung jung jeong kang cho jo han roh no chun ' +
  'ahn an hwang ban song shin lim im oh seo kwon ryu hong jang ko go nam ' +
  'xi hu li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu guo he lin luo gao zheng liang xie tang ' +
  'feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao fu ' +
  'zhong wen jia bo kong mao qin qian tsai lai chiang soong goh lam tung leung tsang chan wong teo').split(' '));
/** One or two pinyin syllables written as one word ("Jinping", "Keqiang", "Yi"). */
const PINYIN = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)){1,2}$/;
/** A Korean or Wade-Giles given name of two syllables joined by a hyphen ("Jong-un", "Ing-wen"). */
const HYPHENATED = /^\p{L}{1,6}-\p{L}{1,6}$/u;

/** Whether a name (2 or 3 words) is a Chinese or Korean name written family name first. */
export function familyNameFirst(words: readonly string[], isos: readonly string[] = []): boolean {
  if (words.length < 2 || words.length > 3 || !EAST_ASIAN_FAMILY.has(words[0]!.toLowerCase())) return false;
  // A known country decides ("Lee Fisher" is American, and "Fisher" spells two pinyin syllables).
  if (isos.length) return isos.some((i) => FAMILY_FIRST_COUNTRIES.has(i));
  // Without one, the given name must look East Asian: "Ban Ki-moon", "Xi Jinping".
  const given = words.slice(1);
  return given.length === 1 && (HYPHENATED.test(given[0]!) || PINYIN.test(given[0]!.toLowerCase()));
}

export function yearOrDate(d: string): string {
  // The source drops precision: a "-01-01" date may be a year only.
  return d.endsWith('-01-01') ? d.slice(0, 4) : d;
}

export function addPoliticians(b: KbBuilder, t: Tables, byIso: Map<string, string>, countryName: (iso: string) => string): void {
  for (const r of t.politicians) {
    const name = r.name_native!;
    if (!name || b.has(r.qid!)) continue;
    const isos = multi(r.country_iso2).filter((i) => byIso.has(i));
    const births = multi(r.birth_date);
    const born = births.length === 1 ? yearOrDate(births[0]!) : undefined;
    const from = isos.length ? countryName(isos[0]!) : undefined;
    const desc = `Politician${from ? ` from ${from}` : ''}${born ? `, born ${born.slice(0, 4)}` : ''}`;
    b.add({ id: r.qid!, type: 'person', name, desc, prior: 0.3 });
    personAliases(b, r.qid!, name, isos);
    hispanicShortForms(b, r.qid!, name, isos);
    if (born) b.fact(r.qid!, { p: 'born', v: born, src: 'captainfact' });
    for (const i of isos) b.fact(r.qid!, { p: 'nationality', v: byIso.get(i)!, ref: true, src: 'captainfact' });
  }
}

/** Second given names of Spanish-speaking people that are seldom surnames ("Juan Manuel", "Pedro Pablo", "Miguel Ángel"). */
const SPANISH_GIVEN = new Set(('manuel carlos pablo guillermo angel maria roberto orlando raul luis antonio jose alberto andres ' +
  'francisco javier enrique eduardo felipe ignacio alejandro isabel carmen teresa elena cristina corina eugenia fernanda ' +
  'gabriela sebastian ernesto gustavo rafael miguel jesus mario alfonso alfredo arturo agustin daniel fernando jorge ' +
  'ricardo rodrigo emilio augusto esteban federico joaquin juan pedro ana lucia laura patricia beatriz mercedes').split(' '));

/** Countries whose people carry two given names and two surnames, written "first paternal" in the news. */
const TWO_SURNAMES = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'BO', 'UY', 'PY', 'CU', 'DO', 'GT', 'HN', 'SV', 'NI', 'CR', 'PA']);

/**
 * "Alejandro Celestino Toledo Manrique" is "Alejandro Toledo", and "Toledo" after it. Only for four plain words
 * (no particle: "Cerdà i Argent" is Catalan, "de la" names vary) from a country with that naming custom.
 */
export function hispanicShortForms(b: KbBuilder, id: string, name: string, isos: string[]): void {
  const w = name.split(/\s+/).filter(Boolean);
  if (w.length !== 4 || !isos.some((i) => TWO_SURNAMES.has(i))) return;
  if (w.some((x) => PARTICLES.has(x.toLowerCase()) || x.toLowerCase() === 'i' || !/^\p{Lu}/u.test(x))) return;
  b.alias(id, `${w[0]} ${w[2]}`);
  if (w[2]!.length >= 3) b.alias(id, w[2]!, { short: true });
}
