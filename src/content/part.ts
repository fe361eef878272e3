// One article on the page as the session holds it (issue #2 item 5, issue #7): its text, where that text lives,
// what the background found in it, and the highlight ranges built for it. Pure helpers, split out of session.ts.
import type { TextSegment } from '../core/extract';
import type { ArticleText, EntitySummary } from '../core/types';
import type { Replies } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import type { Placed } from './hit-test';
import { placeMentions, selectMentions } from './hit-test';
import type { Natives } from './natives';
import { partTitle } from './parts';

export type LinkReply = Replies['article/link'];

/** One article on the page: its text, where that text lives, and what the background found in it. */
export interface Part {
  /** The appended article's element; null for the page's article (found by extraction). */
  root: Element | null;
  text: string;
  segments: TextSegment[];
  reply: LinkReply;
  entities: Map<string, EntitySummary>;
  placed: Placed[];
}

/** Longest stretch of our work between yields to the page (issue #7: no task of ours over 50 ms). */
const SLICE_MS = 8;

/** Builds ranges in slices, yielding to the page between them; [] when `signal` aborts meanwhile. */
export async function placeSliced(
  natives: Natives, settings: Settings, signal: AbortSignal,
  reply: LinkReply, entities: ReadonlyMap<string, EntitySummary>, segments: readonly TextSegment[],
): Promise<Placed[]> {
  const selected = selectMentions(reply.mentions, entities, settings);
  const out: Placed[] = [];
  const CHUNK = 200;
  for (let i = 0; i < selected.length; i += CHUNK) {
    const t = natives.now();
    out.push(...placeMentions(selected.slice(i, i + CHUNK), segments, natives.makeRange, false));
    if (natives.now() - t > SLICE_MS && i + CHUNK < selected.length) {
      await new Promise<void>((r) => natives.setTimeout(r, 0));
      if (signal.aborted) return [];
    }
  }
  // Overlaps across chunk borders and "first mention only" are settled on the whole list.
  const final: Placed[] = [];
  const seen = new Set<string>();
  let lastEnd = -1;
  for (const p of out) {
    if (p.mention.start < lastEnd) continue;
    if (settings.firstOnly && seen.has(p.mention.entityId)) continue;
    seen.add(p.mention.entityId);
    lastEnd = p.mention.end;
    final.push(p);
  }
  return final;
}

/**
 * The metadata of an article read from its own element (appended by infinite scroll, or in a shadow root), taking
 * what it lacks from the page's article (`base`).
 */
export function partArticle(root: Element, text: string, base: ArticleText | null, here: string): ArticleText {
  // Infinite-scroll sites usually move the URL to the story in view; when the URL is still the first article's,
  // the appended story has no address of its own (and must not overwrite the first one's history entry).
  const url = base?.url && here.split('#')[0] === base.url.split('#')[0] ? null : here;
  return clampArticle({
    title: partTitle(root) ?? base?.title ?? '', byline: null, siteName: base?.siteName ?? null, lang: base?.lang ?? null,
    dir: base?.dir ?? null, published: null, url, excerpt: null, text,
  });
}

/** Keeps an article within the protocol's limits (protocol.ts ArticleTextSchema) so the background accepts it. */
export function clampArticle(a: ArticleText): ArticleText {
  const cut = (s: string | null, n: number): string | null => (s === null ? null : s.slice(0, n));
  return {
    title: a.title.slice(0, 2_000),
    byline: cut(a.byline, 1_000),
    siteName: cut(a.siteName, 500),
    lang: cut(a.lang, 35),
    dir: a.dir === 'ltr' || a.dir === 'rtl' ? a.dir : null,
    published: cut(a.published, 64),
    url: cut(a.url, 8_192),
    excerpt: cut(a.excerpt, 5_000),
    text: a.text.slice(0, 2_000_000),
  };
}
