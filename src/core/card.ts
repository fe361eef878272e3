// Card model: what the sidebar shows for one actor, generated from facts as of the article's date.
// The generator (buildCard) is implemented with the knowledge base (issue #3); this file holds its shape.
import type { ActorType, RelatedStory, Source } from './types';

/** One line of facts on a card, already resolved against the article's date. */
export interface CardFact {
  /** Label shown before the value ("Head of state", "Capital", "Member of"). */
  label: string;
  /** The value as text ("Ilham Aliyev", "Baku", "3,000"). */
  value: string;
  /** The actor id to open when the value is clicked, if the value is an actor in the knowledge base. */
  ref?: string;
  from?: string;
  until?: string;
  /** Source id (see Card.sources). */
  src: string;
  /** A change after the article's date, in words ("no longer Prime Minister since 5 Jul 2024"). */
  changed?: string;
}

export interface Card {
  id: string;
  /** The confirmed QID, or null for a local id. */
  qid: string | null;
  name: string;
  type: ActorType;
  /** One line written here. */
  desc: string;
  /** Generated from facts as of the article's date ("President of Azerbaijan since 31 October 2003"). */
  headline: string | null;
  /** The date the card is resolved against (the article's date), or null for "today". */
  asOf: string | null;
  facts: CardFact[];
  /** Groups of relations: label -> actor refs ("Member of": [EU, NATO]). */
  relations: { label: string; items: { id: string; name: string }[] }[];
  sources: Source[];
  /** Wikidata page when the QID is confirmed, otherwise a Wikipedia search for the name. */
  link: { href: string; label: string };
  /** Related stories about this actor: "More on this actor" as a dated timeline. */
  related: RelatedStory[];
  /**
   * Where a place is, for the locator map (issue #6). Optional: the sidebar falls back to the card's name for
   * countries and skips the map otherwise. `iso2` is the country (for a city or region: the country it is in);
   * `lat`/`lon` mark a city, in degrees.
   */
  place?: { iso2?: string; country?: string; lat?: number; lon?: number };
}
