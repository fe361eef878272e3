// Shared data shapes of the pure core. No browser API may be imported here (or anywhere in src/core).
// Everything below is plain JSON so it can cross extension contexts and be written by the CLI.

/** What an actor is. Drives card templates, colours and the matcher's context rules. */
export type ActorType =
  | 'country' // sovereign states and territories
  | 'city'
  | 'region' // provinces, states, contested/occupied/autonomous regions, geographic regions
  | 'person'
  | 'organization' // international organisations, ministries, agencies, news agencies
  | 'armed-group' // national armed forces, militias, militant groups
  | 'party'
  | 'company'
  | 'other';

export const ACTOR_TYPES: readonly ActorType[] = [
  'country', 'city', 'region', 'person', 'organization', 'armed-group', 'party', 'company', 'other',
];

/** An ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when that is all a source says). */
export type IsoDate = string;

/**
 * One surface form of an actor's name, with what the matcher needs to judge it (issue #3).
 * Flags are omitted when false to keep the compiled knowledge base small.
 */
export interface Alias {
  /** The surface form as written ("Türkiye", "Erdoğan", "EU"). */
  t: string;
  /** Language of the form (BCP 47 primary tag) when it is not language-neutral. */
  lang?: string;
  /** Match only with this exact case ("EU", "US", "WHO"). Case-insensitive otherwise. */
  cs?: boolean;
  /** Also a common word or another well-known thing ("Turkey", "Chad", "Jordan", "Georgia", "Nice"). */
  amb?: boolean;
  /** Too short or too vague to link on its own: needs supporting context (a title word, a related actor). */
  ctx?: boolean;
  /** A demonym/adjective ("Turkish", "Azerbaijani"): may link, but weaker than a name. */
  dem?: boolean;
  /** A short form used after the full name (surname of a person, "Karabakh"). Linked through coreference. */
  short?: boolean;
}

/** Where a fact comes from. Keys of `KnowledgeBase.sources`. */
export interface Source {
  id: string;
  /** Human-readable name ("CIA World Factbook", "Wikidata via CaptainFact", "Backstory editors"). */
  name: string;
  licence: string;
  url?: string;
  /** The date the data describes ("as of"), if known. */
  asOf?: IsoDate;
}

/**
 * A dated statement about an actor. `p` is the property, `v` the value: another actor's id when `ref` is true,
 * otherwise a literal. `from`/`until` bound when it was true (inclusive from, exclusive until).
 */
export interface Fact {
  p: FactProperty;
  v: string;
  ref?: boolean;
  /** Qualifier: for `holds-office`, the office ("President"); for `population`, unused. */
  role?: string;
  /** The country or organisation an office belongs to, when `p` is `holds-office` (an actor id). */
  of?: string;
  from?: IsoDate;
  until?: IsoDate;
  /** Source id (see `KnowledgeBase.sources`). */
  src: string;
  /** Free-text note written here ("disputed", "acting"). */
  note?: string;
}

export type FactProperty =
  | 'holds-office' // person: v = office label, of = country/org id
  | 'head-of-state' // country/org: v = person id (ref) or name
  | 'head-of-government'
  | 'leader' // organisation / party / group leader
  | 'capital' // country/region: v = city id (ref) or name
  | 'capital-of' // city: v = country id (ref)
  | 'member-of' // v = organisation id (ref)
  | 'part-of' // city/region: v = country/region id (ref)
  | 'located-in'
  | 'population' // v = integer as string
  | 'neighbour' // v = country id (ref)
  | 'status' // region: v = status text ("occupied by Armenian forces", "under Azerbaijani control")
  | 'founded'
  | 'dissolved'
  | 'headquarters'
  | 'born'
  | 'died'
  | 'nationality'
  | 'party' // person: v = party id
  | 'parent' // family relation: v = person id (Ilham Aliyev → Heydar Aliyev)
  | 'official-name'
  | 'iso2'
  | 'coord' // city: v = "lat,lon" in decimal degrees (GeoNames), for the locator map's marker
  | 'wikidata'; // v = the Wikidata QID an imported pack actor came from (not confirmed by our tables)

export interface Actor {
  /** A confirmed Wikidata QID (`Q…`) or a local id (`bs:slug`). Never a guessed QID. */
  id: string;
  type: ActorType;
  /** Display name in English. */
  name: string;
  /** One line written here, not copied ("Country in the South Caucasus, on the Caspian Sea"). */
  desc: string;
  aliases: Alias[];
  facts: Fact[];
  /** Importance prior 0..1 (capital cities, G20 countries score higher). Used to break ties. */
  prior?: number;
  /**
   * Set when the entry is no actor (a holiday, a film, a weapon, a time zone), with why: its names still claim their
   * words in a text ("Vertigo" is not then read as anything else), but it is never highlighted and has no card.
   */
  notActor?: string;
}

export interface KnowledgeBase {
  version: number;
  /** ISO timestamp of the build. */
  built: string;
  sources: Record<string, Source>;
  actors: Actor[];
  /**
   * The last day the knowledge base's open-ended facts (who holds an office, memberships, statuses) were known to
   * hold: a card for a later article, or for today, says they may have changed since.
   */
  dataAsOf?: string;
  /**
   * Ids an earlier build used for actors that now go by another id (a local entry folded into the QID a table
   * confirms: "bs:washington" is "Q1223"): former id -> current id. What a reader stored under the former id
   * (corrections, reading history) is read as the current one.
   */
  moved?: Record<string, string>;
}

export const isQid = (id: string): boolean => /^Q[1-9]\d*$/.test(id);

// ---------- Extraction ----------

/** Metadata and text of the article on a page (issue #2, item 2). */
export interface ArticleMeta {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** ISO 8601 date-time (or date) the article was published, or null when the page does not say. */
  published: string | null;
  url: string | null;
  excerpt: string | null;
}

export interface ArticleText extends ArticleMeta {
  /** The article body as plain text; blocks separated by "\n\n". Mention offsets are UTF-16 offsets into this. */
  text: string;
}

// ---------- Linking ----------

export interface Mention {
  start: number;
  end: number;
  /** The text at [start, end) exactly as in the article text. */
  text: string;
  entityId: string;
  /** Confidence 0..1. Only mentions at or above the linker's threshold are highlighted. */
  score: number;
  /** Other candidate ids considered, best first (for "pick another" corrections). */
  alt?: string[];
}

/** A short summary of an actor, as the page/content script needs it. */
export interface EntitySummary {
  id: string;
  name: string;
  type: ActorType;
}

// ---------- Related stories ----------

export interface Story {
  id: string;
  url: string | null;
  title: string;
  source: string;
  /** ISO date. */
  published: IsoDate;
  lang: string;
  summary: string;
  /** Actor ids (QIDs or local ids) the story is about. */
  actors: string[];
}

export interface CorpusHeader {
  format: 'backstory-corpus';
  /** Format version of the file. */
  version: 1;
  name: string;
  /** Version of this corpus' content. */
  edition: string;
  date: IsoDate;
  licence: string;
  description?: string;
}

export interface Corpus {
  header: CorpusHeader;
  stories: Story[];
}

export interface RelatedStory {
  id: string;
  title: string;
  url: string | null;
  source: string;
  published: IsoDate;
  score: number;
  /** Actor ids shared with the query. */
  shared: string[];
  /** Before the article's date ("backstory"), after it ("later"), or unknown. */
  when: 'before' | 'after' | 'unknown';
  /** Where it came from: the bundled corpus, an imported corpus, or the reader's history. */
  origin: 'corpus' | 'history';
  summary?: string;
}

/** A reader's correction of a link, applied on one site from then on (issue #4). */
export interface Correction {
  /** Host the correction applies to ("www.example.com"). */
  site: string;
  /** The mention's text as it appeared ("Georgia"). Compared after normalisation. */
  mentionText: string;
  /** The actor the linker chose and the reader rejected. */
  wrongId: string;
  /** The actor the reader picked instead, or null for "not an actor here". */
  rightId: string | null;
}

/** A story in the reader's history: what was read, never the full text unless the reader opts in. */
export interface HistoryEntry extends Story {
  site: string;
  /** ISO time the reader opened it. */
  readAt: string;
  /** Salient terms of the article, for text similarity without keeping the text. */
  terms: string[];
  /** The article text, only when the reader opted in. */
  text?: string;
}
