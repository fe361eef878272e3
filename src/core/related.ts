// Related stories: a hand-written inverted index over actor ids and text terms (issue #5).
// Why not MiniSearch/FlexSearch/Orama: measured at 50k stories (NOTES.md) they load in 0.4–4 s and take 36–318 MB,
// and FlexSearch does not rank by BM25. Actor postings are tiny, and BM25 over short summaries needs only a
// term → (doc, tf) list, so this file does the lot in a few hundred lines and loads a 100k-story index in
// well under the 300 ms budget (see scripts/corpus/bench.ts).
import type { ArticleText, Mention, RelatedStory, Story } from './types';
import { fold, salientTerms, tokenize } from './terms';

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

/** Serialised index, version 1. Postings are gap-encoded; a term frequency above 1 follows its doc as -tf. */
interface IndexJson {
  v: 1;
  stories: Doc[];
  origins: string; // one char per story: c(orpus) or h(istory)
  lens: number[];
  terms: string[];
  tpost: number[][];
}

export class RelatedIndex {
  private docs: Doc[] = [];
  private origins: Origin[] = [];
  private lens: number[] = [];
  private totalLen = 0;
  private actorPost = new Map<string, number[]>();
  private termPost = new Map<string, number[]>(); // doc, tf, doc, tf, ...
  private urlIndex = new Map<string, number>();
  private scratch = new Float64Array(0);

  get size(): number {
    return this.docs.length;
  }

  addStories(stories: Story[], origin: Origin): void {
    for (const s of stories as Doc[]) {
      const key = urlKey(s.url);
      // A re-read article replaces its older history entry. Corpus stories may share a URL (several stories
      // summarising one Wikipedia article), so only history is kept unique by URL.
      if (origin === 'history' && key && this.urlIndex.has(key)) {
        const old = this.urlIndex.get(key)!;
        if (this.origins[old] === 'history') this.removeWhere((x) => x === this.docs[old]);
      }
      this.index(s, origin);
    }
  }

  private index(s: Doc, origin: Origin): void {
    const d = this.docs.length;
    this.docs.push(s);
    this.origins.push(origin);
    const key = urlKey(s.url);
    if (key) this.urlIndex.set(key, d);
    for (const a of new Set(s.actors)) {
      let p = this.actorPost.get(a);
      if (!p) this.actorPost.set(a, (p = []));
      p.push(d);
    }
    // Title counts twice: it states the topic. History terms count once each (they have no frequencies).
    const toks = tokenize(s.title);
    toks.push(...toks, ...tokenize(s.summary));
    if (s.terms) for (const t of s.terms) toks.push(...tokenize(t));
    const tf = new Map<string, number>();
    for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let p = this.termPost.get(t);
      if (!p) this.termPost.set(t, (p = []));
      p.push(d, n);
    }
    this.lens.push(toks.length);
    this.totalLen += toks.length;
  }

  removeWhere(pred: (s: Story) => boolean): void {
    const keep: [Doc, Origin][] = [];
    this.docs.forEach((s, i) => { if (!pred(s)) keep.push([s, this.origins[i]!]); });
    if (keep.length === this.docs.length) return;
    this.docs = []; this.origins = []; this.lens = []; this.totalLen = 0;
    this.actorPost.clear(); this.termPost.clear(); this.urlIndex.clear();
    for (const [s, o] of keep) this.index(s, o);
  }

  query(q: RelatedQuery): RelatedStory[] {
    const n = this.docs.length;
    const limit = q.limit ?? 10;
    if (n === 0 || limit <= 0) return [];
    if (this.scratch.length < n * 2) this.scratch = new Float64Array(n * 2);
    const actorS = this.scratch; // [0, n): actor weight shared; [n, 2n): bm25
    const touched: number[] = [];
    const mark = (d: number) => { if (actorS[d] === 0 && actorS[n + d] === 0) touched.push(d); };

    // Actors: IDF-weighted overlap, the focus actor weighs most.
    const qActors = [...new Set(q.actors)];
    let qWeight = 0;
    for (const a of qActors) {
      const p = this.actorPost.get(a);
      if (!p) continue;
      const w = Math.log(1 + n / p.length) * (a === q.focus ? FOCUS_WEIGHT : 1);
      qWeight += w;
      for (const d of p) { mark(d); actorS[d] = actorS[d]! + w; }
    }
    if (q.focus && !qActors.includes(q.focus) && this.actorPost.has(q.focus)) {
      const p = this.actorPost.get(q.focus)!;
      const w = Math.log(1 + n / p.length) * FOCUS_WEIGHT;
      qWeight += w;
      for (const d of p) { mark(d); actorS[d] = actorS[d]! + w; }
    }

    // Text: BM25 over title + summary (+ history terms). Earlier query terms (more salient) weigh a little more.
    const qTerms = [...new Set((q.terms ?? (q.text ? salientTerms(q.text, null, 40) : [])).flatMap((t) => tokenize(t)))];
    const avg = this.totalLen / n || 1;
    let ideal = 0;
    qTerms.forEach((t, rank) => {
      const p = this.termPost.get(t);
      if (!p) return;
      const df = p.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (1 - (0.5 * rank) / qTerms.length);
      ideal += idf;
      for (let i = 0; i < p.length; i += 2) {
        const d = p[i]!;
        const tf = p[i + 1]!;
        mark(d);
        actorS[n + d] = actorS[n + d]! + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lens[d]!) / avg));
      }
    });

    let maxText = 0;
    for (const d of touched) if (actorS[n + d]! > maxText) maxText = actorS[n + d]!;
    // A weak best match must not be blown up to 1: floor the normaliser at a third of the ideal score.
    const textNorm = Math.max(maxText, ideal * 0.33) || 1;
    const hasA = qWeight > 0;
    const hasT = ideal > 0;
    const wa = hasA && hasT ? W_ACTORS : hasA ? 1 : 0;
    const wt = hasA && hasT ? W_TEXT : hasT ? 1 : 0;
    const qDay = dayNumber(q.date);
    const exclude = urlKey(q.excludeUrl);
    const focus = q.focus ?? null;

    const cands: { d: number; s: number }[] = [];
    for (const d of touched) {
      const a = hasA ? actorS[d]! / qWeight : 0;
      const t = actorS[n + d]! / textNorm;
      actorS[d] = 0;
      actorS[n + d] = 0;
      if (a === 0 && t < 0.2) continue; // no actor in common and little text in common: noise
      const doc = this.docs[d]!;
      if (exclude && urlKey(doc.url) === exclude) continue;
      let s = wa * a + wt * t;
      // Stories naming many actors are less about any one of them.
      if (a > 0) s *= 0.85 + 0.15 / Math.sqrt(Math.max(1, doc.actors.length - 2));
      if (focus && !doc.actors.includes(focus)) s *= 0.3;
      const sd = dayNumber(doc.published);
      if (qDay !== null && sd !== null) {
        // Mild recency: closer in time to the article reads more like its backstory.
        s *= 0.88 + 0.12 * Math.exp(-Math.abs(qDay - sd) / 1095);
        if (sd > qDay) s *= 0.95;
      }
      cands.push({ d, s });
    }
    cands.sort((x, y) => y.s - x.s || x.d - y.d);

    // Fold near-duplicates among the best: the same URL, or the same story from two sources (title overlap, ±3 days).
    const out: RelatedStory[] = [];
    const kept: { url: string | null; title: Set<string>; day: number | null; origin: Origin }[] = [];
    for (const { d, s } of cands) {
      if (out.length >= limit) break;
      const doc = this.docs[d]!;
      const url = urlKey(doc.url);
      const tk = titleKey(doc.title);
      const day = dayNumber(doc.published);
      const origin = this.origins[d]!;
      // Same URL folds when the reader's history is involved (an article read that is also in a corpus);
      // two corpus stories citing one Wikipedia article are different events.
      const dup = kept.some((k) =>
        (url !== null && k.url === url && (k.origin === 'history' || origin === 'history')) ||
        (jaccard(k.title, tk) >= 0.6 && (k.day === null || day === null || Math.abs(k.day - day) <= 3)));
      if (dup) continue;
      kept.push({ url, title: tk, day, origin });
      const sd = dayNumber(doc.published);
      out.push({
        id: doc.id,
        title: doc.title,
        url: doc.url,
        source: doc.source,
        published: doc.published,
        score: Math.round(s * 10_000) / 10_000,
        shared: doc.actors.filter((a) => qActors.includes(a) || a === focus),
        when: qDay === null || sd === null ? 'unknown' : sd <= qDay ? 'before' : 'after',
        origin,
        summary: doc.summary,
      });
    }
    return out;
  }

  toJSON(): unknown {
    const terms = [...this.termPost.keys()];
    const tpost = terms.map((t) => {
      const p = this.termPost.get(t)!;
      const out: number[] = [];
      let prev = 0;
      for (let i = 0; i < p.length; i += 2) {
        out.push(p[i]! - prev);
        prev = p[i]!;
        if (p[i + 1]! > 1) out.push(-p[i + 1]!);
      }
      return out;
    });
    const j: IndexJson = {
      v: 1,
      stories: this.docs,
      origins: this.origins.map((o) => (o === 'history' ? 'h' : 'c')).join(''),
      lens: this.lens,
      terms,
      tpost,
    };
    return j;
  }

  static fromJSON(x: unknown): RelatedIndex {
    const j = x as IndexJson;
    if (!j || j.v !== 1 || !Array.isArray(j.stories) || !Array.isArray(j.terms) || !Array.isArray(j.tpost)) {
      throw new Error('not a Backstory related-story index (version 1)');
    }
    const ix = new RelatedIndex();
    ix.docs = j.stories;
    ix.origins = Array.from(j.origins, (c) => (c === 'h' ? 'history' : 'corpus'));
    ix.lens = j.lens;
    let total = 0;
    for (const l of j.lens) total += l;
    ix.totalLen = total;
    j.stories.forEach((s, d) => {
      for (const a of s.actors) {
        let p = ix.actorPost.get(a);
        if (!p) ix.actorPost.set(a, (p = []));
        if (p[p.length - 1] !== d) p.push(d);
      }
      const key = urlKey(s.url);
      if (key) ix.urlIndex.set(key, d);
    });
    j.terms.forEach((t, k) => {
      const enc = j.tpost[k]!;
      const p: number[] = [];
      let prev = 0;
      for (let i = 0; i < enc.length; i++) {
        const v = enc[i]!;
        if (v < 0) { p[p.length - 1] = -v; continue; }
        prev += v;
        p.push(prev, 1);
      }
      ix.termPost.set(t, p);
    });
    return ix;
  }
}
