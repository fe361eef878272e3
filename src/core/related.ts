// Related stories: a hand-written inverted index over actor ids and text terms (issue #5).
// Why not MiniSearch/FlexSearch/Orama: measured at 50k stories (NOTES.md) they load in 0.4–4 s and take 36–318 MB,
// and FlexSearch does not rank by BM25. Actor postings are tiny, and BM25 over short summaries needs only a
// term → (doc, tf) list, so this file does the lot in a few hundred lines and loads a 100k-story index in
// well under the 300 ms budget (see scripts/corpus/bench.ts).
import type { ArticleText, Mention, RelatedStory, Story } from './types';
import { fold, salientTerms, tokenize } from './terms';
import { decodeDocs, decodePairs, encodeDocs, encodePairs } from './related-codec';

export interface RelatedQuery {
  actors: string[];
  text?: string;
  terms?: string[];
  date?: string | null;
  focus?: string | null;
  excludeUrl?: string | null;
  limit?: number;
}

type Origin = 'corpus' | 'history';
type Doc = Story & { terms?: string[] };

const K1 = 1.2;
const B = 0.75;
/** Weight of the clicked actor against the others of the article. */
const FOCUS_WEIGHT = 3;
const W_ACTORS = 0.6;
const W_TEXT = 0.4;
const DAY = 86_400_000;

/** Stable short hash (two 32-bit FNV-1a lanes → 16 hex digits) for story ids. Not cryptographic. */
export function hashId(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return ((h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0'));
}

/** URL identity for folding: scheme, "www.", query, fragment and trailing slash do not make a new story. */
export function urlKey(u: string | null | undefined): string | null {
  if (!u) return null;
  const m = /^[a-z]+:\/\/(?:www\.)?([^/?#]+)([^?#]*)/i.exec(u.trim());
  if (!m) return u.trim();
  return (m[1]!.toLowerCase() + m[2]!.replace(/\/+$/, '')).replace(/\/index\.html?$/, '');
}

function dayNumber(d: string | null | undefined): number | null {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return null;
  return Math.floor(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / DAY);
}

/** Builds a story (for the history or a built corpus) from an extracted article and its links. */
export function storyFromArticle(article: ArticleText, mentions: Mention[], terms?: string[]): Story & { terms: string[] } {
  const count = new Map<string, number>();
  for (const m of mentions) count.set(m.entityId, (count.get(m.entityId) ?? 0) + 1);
  // Most-mentioned first: the story is about them.
  const actors = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const host = article.url ? /^[a-z]+:\/\/(?:www\.)?([^/?#:]+)/i.exec(article.url)?.[1] ?? null : null;
  const text = article.text.replace(/\s+/g, ' ').trim();
  let summary = (article.excerpt ?? '').trim() || text.slice(0, 300);
  if (summary.length > 600) summary = summary.slice(0, 597) + '...';
  const published = article.published && /^\d{4}-\d{2}-\d{2}/.test(article.published) ? article.published.slice(0, 10) : '';
  return {
    id: hashId(article.url ? urlKey(article.url)! : article.title),
    url: article.url,
    title: article.title,
    source: article.siteName ?? host ?? '',
    published,
    lang: (article.lang ?? 'und').split(/[-_]/)[0]!.toLowerCase() || 'und',
    summary,
    actors,
    terms: terms ?? salientTerms(`${article.title}\n${article.text}`, article.lang, 40),
  };
}

/** Title words for duplicate detection: stopwords out, but numbers kept ("Story 1" is not "Story 2"). */
function titleKey(t: string): Set<string> {
  return new Set([...tokenize(t), ...(fold(t).match(/\d+/g) ?? [])]);
}
/** Word overlap of two titles. Titles of fewer than three words must match exactly to count as the same story. */
function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  if (Math.min(a.size, b.size) < 3) return a.size === b.size && [...a].every((x) => b.has(x)) ? 1 : 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}

/**
 * Serialised index, version 1: one array per story field (parsing arrays of strings is much faster than arrays of
 * objects), actor ids space-joined per story, dates as day numbers, posting lists as encoded strings (related-codec).
 */
interface IndexJson {
  v: 1;
  id: string[];
  title: string[];
  url: (string | null)[];
  source: string[];
  published: string[];
  lang: string[];
  summary: string[];
  actors: string[];
  /** History terms, space-joined ('' for corpus stories). */
  terms: string[];
  origins: string; // one char per story: c(orpus) or h(istory)
  days: number[];
  lens: number[];
  apost: Record<string, string>;
  tpost: Record<string, string>;
}

const NO_DAY = -1e9;
/** Query terms kept: the rarest ones carry the match; frequent words cost time and add little. */
const MAX_QUERY_TERMS = 24;

type Posting = number[] | string; // decoded, or still encoded from a prebuilt index

export class RelatedIndex {
  private ids: string[] = [];
  private titles: string[] = [];
  private urls: (string | null)[] = [];
  private sources: string[] = [];
  private published: string[] = [];
  private langs: string[] = [];
  private summaries: string[] = [];
  private actorStr: string[] = [];
  private termStr: string[] = [];
  private origins: Origin[] = [];
  private days: number[] = [];
  private lens: number[] = [];
  private totalLen = 0;
  private actorPost = new Map<string, Posting>();
  private termPost = new Map<string, Posting>(); // doc, tf, doc, tf, ...
  private urlIndex: Map<string, number> | null = new Map();
  private scratch = new Float64Array(0);
  /** Removed stories not yet compacted away: removing one re-read article must not rebuild a 100k index. */
  private dead = new Set<number>();

  get size(): number {
    return this.ids.length - this.dead.size;
  }

  private story(d: number): Doc {
    const s: Doc = {
      id: this.ids[d]!, url: this.urls[d]!, title: this.titles[d]!, source: this.sources[d]!,
      published: this.published[d]!, lang: this.langs[d]!, summary: this.summaries[d]!, actors: this.actorsOf(d),
    };
    if (this.termStr[d]) s.terms = this.termStr[d]!.split(' ');
    return s;
  }

  private actorCount(d: number): number {
    const a = this.actorStr[d]!;
    if (!a) return 0;
    let c = 1;
    for (let i = a.indexOf(' '); i >= 0; i = a.indexOf(' ', i + 1)) c++;
    return c;
  }

  private actorsOf(d: number): string[] {
    const a = this.actorStr[d]!;
    return a ? a.split(' ') : [];
  }

  private urls_(): Map<string, number> {
    if (!this.urlIndex) {
      this.urlIndex = new Map();
      this.urls.forEach((u, d) => { const k = urlKey(u); if (k) this.urlIndex!.set(k, d); });
    }
    return this.urlIndex;
  }

  private docsOf(a: string): number[] | undefined {
    let p = this.actorPost.get(a);
    if (typeof p === 'string') this.actorPost.set(a, (p = decodeDocs(p)));
    return p;
  }

  private pairsOf(t: string): number[] | undefined {
    let p = this.termPost.get(t);
    if (typeof p === 'string') this.termPost.set(t, (p = decodePairs(p)));
    return p;
  }

  addStories(stories: Story[], origin: Origin): void {
    for (const s of stories as Doc[]) {
      const key = urlKey(s.url);
      // A re-read article replaces its older history entry. Corpus stories may share a URL (several stories
      // summarising one Wikipedia article), so only history is kept unique by URL.
      if (origin === 'history' && key && this.urls_().has(key)) {
        const old = this.urls_().get(key)!;
        if (this.origins[old] === 'history' && !this.dead.has(old)) this.removeWhere((_x, d) => d === old);
      }
      this.index(s, origin);
    }
  }

  private index(s: Doc, origin: Origin): void {
    const d = this.ids.length;
    const actors = [...new Set(s.actors)];
    this.ids.push(s.id);
    this.titles.push(s.title);
    this.urls.push(s.url);
    this.sources.push(s.source);
    this.published.push(s.published);
    this.langs.push(s.lang);
    this.summaries.push(s.summary);
    this.actorStr.push(actors.join(' '));
    this.termStr.push(s.terms?.length ? s.terms.join(' ') : '');
    this.origins.push(origin);
    this.days.push(dayNumber(s.published) ?? NO_DAY);
    const key = urlKey(s.url);
    if (key) this.urls_().set(key, d);
    for (const a of actors) {
      const p = this.docsOf(a);
      if (p) p.push(d); else this.actorPost.set(a, [d]);
    }
    // Title counts twice: it states the topic. History terms count once each (they have no frequencies).
    const toks = tokenize(s.title);
    toks.push(...toks, ...tokenize(s.summary));
    if (s.terms) for (const t of s.terms) toks.push(...tokenize(t));
    const tf = new Map<string, number>();
    for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const p = this.pairsOf(t);
      if (p) p.push(d, n); else this.termPost.set(t, [d, n]);
    }
    this.lens.push(toks.length);
    this.totalLen += toks.length;
  }

  removeWhere(pred: (s: Story, d: number) => boolean): void {
    const gone: number[] = [];
    for (let d = 0; d < this.ids.length; d++) if (!this.dead.has(d) && pred(this.story(d), d)) gone.push(d);
    if (gone.length === 0) return;
    for (const d of gone) {
      this.dead.add(d);
      const k = urlKey(this.urls[d]);
      if (k && this.urlIndex?.get(k) === d) this.urlIndex.delete(k);
    }
    // Tombstones are skipped by queries; compact once they are a quarter of the index.
    if (this.dead.size * 4 > this.ids.length) this.compact();
  }

  private compact(): void {
    const fresh = new RelatedIndex();
    for (let d = 0; d < this.ids.length; d++) if (!this.dead.has(d)) fresh.index(this.story(d), this.origins[d]!);
    Object.assign(this, fresh);
  }

  query(q: RelatedQuery): RelatedStory[] {
    const n = this.ids.length;
    const limit = q.limit ?? 10;
    if (n === 0 || limit <= 0) return [];
    if (this.scratch.length < n * 2) this.scratch = new Float64Array(n * 2);
    const acc = this.scratch; // [0, n): actor weight shared; [n, 2n): bm25
    const touched: number[] = [];

    // Actors: IDF-weighted overlap, the focus actor weighs most.
    const focus = q.focus ?? null;
    const qActors = [...new Set(focus ? [...q.actors, focus] : q.actors)];
    const lists: { p: number[]; w: number; text: boolean }[] = [];
    let qWeight = 0;
    for (const a of qActors) {
      const p = this.docsOf(a);
      if (!p) continue;
      const w = Math.log(1 + n / p.length) * (a === focus ? FOCUS_WEIGHT : 1);
      qWeight += w;
      lists.push({ p, w, text: false });
    }

    // Text: BM25 over title + summary (+ history terms), over the rarest query terms.
    const raw = [...new Set((q.terms ?? (q.text ? salientTerms(q.text, null, 40) : [])).flatMap((t) => tokenize(t)))];
    const avg = this.totalLen / n || 1;
    const qTerms = raw
      .map((t, rank) => {
        const p = this.pairsOf(t);
        if (!p) return null;
        const df = p.length / 2;
        // Earlier query terms (more salient in the article) weigh a little more.
        return { p, w: Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (1 - (0.5 * rank) / raw.length), text: true };
      })
      .filter((x): x is { p: number[]; w: number; text: true } => x !== null)
      .sort((a, b) => b.w - a.w)
      .slice(0, MAX_QUERY_TERMS);
    let ideal = 0;
    for (const t of qTerms) ideal += t.w;
    lists.push(...qTerms);

    // Rare lists first. A list covering more than 1 in 20 stories only adds to candidates found already
    // (unless there are still few): a story sharing nothing but a very common actor or word is not worth scoring.
    const size = (l: { p: number[]; text: boolean }) => (l.text ? l.p.length / 2 : l.p.length);
    lists.sort((x, y) => size(x) - size(y));
    const common = Math.max(50, n / 20);
    const K = Math.max(limit * 4, 20);
    for (const { p, w, text } of lists) {
      const create = size({ p, text }) <= common || touched.length < K * 5;
      if (text) {
        for (let i = 0; i < p.length; i += 2) {
          const d = p[i]!;
          if (acc[d] === 0 && acc[n + d] === 0) { if (!create) continue; touched.push(d); }
          const tf = p[i + 1]!;
          acc[n + d] = acc[n + d]! + (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lens[d]!) / avg));
        }
      } else {
        for (let i = 0; i < p.length; i++) {
          const d = p[i]!;
          if (acc[d] === 0 && acc[n + d] === 0) { if (!create) continue; touched.push(d); }
          acc[d] = acc[d]! + w;
        }
      }
    }

    let maxText = 0;
    for (const d of touched) if (acc[n + d]! > maxText) maxText = acc[n + d]!;
    // A weak best match must not be blown up to 1: floor the normaliser at a third of the ideal score.
    const textNorm = Math.max(maxText, ideal * 0.33) || 1;
    const hasA = qWeight > 0;
    const hasT = ideal > 0;
    const wa = hasA && hasT ? W_ACTORS : hasA ? 1 : 0;
    const wt = hasA && hasT ? W_TEXT : hasT ? 1 : 0;
    const qDay = dayNumber(q.date);
    const exclude = urlKey(q.excludeUrl);
    const hasFocus = focus ? new Set(this.docsOf(focus) ?? []) : null;

    // Keep the best few (room for folding duplicates) in a small sorted array instead of sorting every candidate.
    const top: { d: number; s: number }[] = [];
    for (const d of touched) {
      const a = hasA ? acc[d]! / qWeight : 0;
      const t = acc[n + d]! / textNorm;
      acc[d] = 0;
      acc[n + d] = 0;
      if (a === 0 && t < 0.2) continue;
      if (this.dead.size && this.dead.has(d)) continue; // no actor in common and little text in common: noise
      let s = wa * a + wt * t;
      // Stories naming many actors are less about any one of them.
      if (a > 0) s *= 0.85 + 0.15 / Math.sqrt(Math.max(1, this.actorCount(d) - 2));
      if (hasFocus && !hasFocus.has(d)) s *= 0.3;
      const sd = this.days[d]!;
      if (qDay !== null && sd !== NO_DAY) {
        // Mild recency: closer in time to the article reads more like its backstory.
        s *= 0.88 + 0.12 * Math.exp(-Math.abs(qDay - sd) / 1095);
        if (sd > qDay) s *= 0.95;
      }
      if (top.length === K && s <= top[K - 1]!.s) continue;
      if (exclude && urlKey(this.urls[d]) === exclude) continue;
      let i = top.length;
      while (i > 0 && (top[i - 1]!.s < s || (top[i - 1]!.s === s && top[i - 1]!.d > d))) i--;
      top.splice(i, 0, { d, s });
      if (top.length > K) top.pop();
    }

    // Fold near-duplicates among the best: the same story from two sources (title overlap, ±3 days).
    const out: RelatedStory[] = [];
    const kept: { url: string | null; title: Set<string>; day: number; origin: Origin }[] = [];
    for (const { d, s } of top) {
      if (out.length >= limit) break;
      const url = urlKey(this.urls[d]);
      const tk = titleKey(this.titles[d]!);
      const day = this.days[d]!;
      const origin = this.origins[d]!;
      // Same URL folds when the reader's history is involved (an article read that is also in a corpus);
      // two corpus stories citing one Wikipedia article are different events.
      const dup = kept.some((k) =>
        (url !== null && k.url === url && (k.origin === 'history' || origin === 'history')) ||
        (jaccard(k.title, tk) >= 0.6 && (k.day === NO_DAY || day === NO_DAY || Math.abs(k.day - day) <= 3)));
      if (dup) continue;
      kept.push({ url, title: tk, day, origin });
      out.push({
        id: this.ids[d]!,
        title: this.titles[d]!,
        url: this.urls[d]!,
        source: this.sources[d]!,
        published: this.published[d]!,
        score: Math.round(s * 10_000) / 10_000,
        shared: this.actorsOf(d).filter((a) => qActors.includes(a)),
        when: qDay === null || day === NO_DAY ? 'unknown' : day <= qDay ? 'before' : 'after',
        origin,
        summary: this.summaries[d]!,
      });
    }
    return out;
  }

  toJSON(): unknown {
    if (this.dead.size) this.compact();
    const enc = <T>(m: Map<string, Posting>, f: (p: number[]) => string) =>
      Object.fromEntries([...m].map(([k, p]) => [k, typeof p === 'string' ? p : f(p)])) as Record<string, string>;
    const j: IndexJson = {
      v: 1,
      id: this.ids, title: this.titles, url: this.urls, source: this.sources, published: this.published,
      lang: this.langs, summary: this.summaries, actors: this.actorStr, terms: this.termStr,
      origins: this.origins.map((o) => (o === 'history' ? 'h' : 'c')).join(''),
      days: this.days, lens: this.lens,
      apost: enc(this.actorPost, encodeDocs),
      tpost: enc(this.termPost, encodePairs),
    };
    return j;
  }

  static fromJSON(x: unknown): RelatedIndex {
    const j = x as IndexJson;
    if (!j || j.v !== 1 || !Array.isArray(j.id) || typeof j.apost !== 'object' || typeof j.tpost !== 'object') {
      throw new Error('not a Backstory related-story index (version 1)');
    }
    const ix = new RelatedIndex();
    ix.ids = j.id; ix.titles = j.title; ix.urls = j.url; ix.sources = j.source; ix.published = j.published;
    ix.langs = j.lang; ix.summaries = j.summary; ix.actorStr = j.actors; ix.termStr = j.terms;
    ix.origins = Array.from(j.origins, (c) => (c === 'h' ? 'history' : 'corpus'));
    ix.days = j.days;
    ix.lens = j.lens;
    let total = 0;
    for (const l of j.lens) total += l;
    ix.totalLen = total;
    // Posting lists stay encoded until a query needs them; the URL map is built on first need.
    ix.actorPost = new Map(Object.entries(j.apost));
    ix.termPost = new Map(Object.entries(j.tpost));
    ix.urlIndex = null;
    return ix;
  }
}
