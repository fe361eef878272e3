// Ranking rules of the related-story index, on small hand-made corpora (ids are made up; no KB needed).
import { describe, expect, it } from 'vitest';
import { RelatedIndex, storyFromArticle, urlKey } from '../../src/core/related';
import type { ArticleText, Story } from '../../src/core/types';

let k = 0;
const st = (actors: string[], over: Partial<Story> & { terms?: string[] } = {}): Story => ({
  id: `s${++k}`, url: `https://ex.org/${k}`, title: `Story ${k}`, source: 'Ex', published: '2020-01-01', lang: 'en',
  summary: '', actors, ...over,
});
const ids = (r: { id: string }[]) => r.map((x) => x.id);

// "Q1" is in many stories (common), "Q9" in one (rare).
const filler = Array.from({ length: 20 }, (_, i) => st(['Q1', `Q${100 + i}`], { id: `fill${i}` }));

describe('RelatedIndex.query', () => {
  it('weighs rarer shared actors more', () => {
    const ix = new RelatedIndex();
    ix.addStories([...filler, st(['Q9', 'Q50'], { id: 'rare' }), st(['Q1', 'Q51'], { id: 'common' })], 'corpus');
    expect(ix.query({ actors: ['Q1', 'Q9'] })[0]!.id).toBe('rare');
  });

  it('weighs the focus actor most', () => {
    const ix = new RelatedIndex();
    ix.addStories([st(['Q7'], { id: 'x' }), st(['Q8'], { id: 'y' }), st(['Q5'], { id: 'z' }), st(['Q6'], { id: 'w' })], 'corpus');
    expect(ids(ix.query({ actors: ['Q7', 'Q8'], focus: 'Q8' })).slice(0, 2)).toEqual(['y', 'x']);
    expect(ids(ix.query({ actors: ['Q7', 'Q8'], focus: 'Q7' })).slice(0, 2)).toEqual(['x', 'y']);
  });

  it('breaks ties between actor matches with text similarity (BM25)', () => {
    const ix = new RelatedIndex();
    ix.addStories([
      st(['Q2'], { id: 'off', title: 'Budget vote in parliament', summary: 'Lawmakers approved spending on schools.' }),
      st(['Q2'], { id: 'on', title: 'Pipeline deal signed', summary: 'An oil pipeline agreement was signed for Caspian gas.' }),
    ], 'corpus');
    expect(ids(ix.query({ actors: ['Q2'], text: 'The new pipeline will carry Caspian oil and gas westward.' }))).toEqual(['on', 'off']);
  });

  it('finds stories by text alone when no actor is shared, but not on a trace of overlap', () => {
    const ix = new RelatedIndex();
    ix.addStories([...filler, st(['Q3'], { id: 'quake', title: 'Earthquake destroys town', summary: 'An earthquake levelled the town of Spitak.' })], 'corpus');
    expect(ids(ix.query({ actors: ['Q77'], text: 'Earthquake anniversary in Spitak' }))).toEqual(['quake']);
    expect(ix.query({ actors: ['Q77'], text: 'unrelated words entirely' })).toEqual([]);
  });

  it('labels stories before and after the query date, or unknown without one', () => {
    const ix = new RelatedIndex();
    ix.addStories([st(['Q4'], { id: 'old', published: '2019-05-01' }), st(['Q4'], { id: 'new', published: '2024-05-01' }), st(['Q4'], { id: 'same', published: '2023-10-23' })], 'corpus');
    const r = ix.query({ actors: ['Q4'], date: '2023-10-23T09:00:00Z' });
    expect(Object.fromEntries(r.map((x) => [x.id, x.when]))).toEqual({ old: 'before', new: 'after', same: 'before' });
    expect(ix.query({ actors: ['Q4'] }).every((x) => x.when === 'unknown')).toBe(true);
  });

  it('gives a mild boost to stories close to the article date', () => {
    const ix = new RelatedIndex();
    ix.addStories([st(['Q4'], { id: 'far', published: '1995-01-01' }), st(['Q4'], { id: 'near', published: '2023-01-01' })], 'corpus');
    const r = ix.query({ actors: ['Q4'], date: '2023-10-23' });
    expect(ids(r)).toEqual(['near', 'far']);
    expect(r[1]!.score / r[0]!.score).toBeGreaterThan(0.85);
  });

  it('drops the article itself (by URL) and folds near-duplicates from two sources', () => {
    const ix = new RelatedIndex();
    ix.addStories([
      st(['Q5'], { id: 'self', url: 'https://www.news.example/a/1?utm=x' }),
      st(['Q5'], { id: 'afp', title: 'Turkey and Azerbaijan start joint military drills', source: 'AFP', published: '2023-10-23' }),
      st(['Q5'], { id: 'ap', title: 'Azerbaijan, Turkey start joint military drills', source: 'AP', published: '2023-10-24' }),
      st(['Q5'], { id: 'other', title: 'Election results announced', published: '2023-10-20' }),
    ], 'corpus');
    const r = ix.query({ actors: ['Q5'], excludeUrl: 'http://news.example/a/1/#top' });
    expect(ids(r)).not.toContain('self');
    expect(r.filter((x) => x.id === 'afp' || x.id === 'ap')).toHaveLength(1);
    expect(ids(r)).toContain('other');
  });

  it('names the shared actors and respects limit', () => {
    const ix = new RelatedIndex();
    ix.addStories([...filler], 'corpus');
    const r = ix.query({ actors: ['Q1', 'Q100'], limit: 3 });
    expect(r).toHaveLength(3);
    expect(r[0]!.shared.sort()).toEqual(['Q1', 'Q100']);
    expect(r[1]!.shared).toEqual(['Q1']);
  });

  it('keeps one copy per URL: a re-read article replaces the old entry', () => {
    const ix = new RelatedIndex();
    ix.addStories([st(['Q6'], { id: 'v1', url: 'https://ex.org/same' })], 'history');
    ix.addStories([st(['Q6'], { id: 'v2', url: 'https://ex.org/same/' })], 'history');
    expect(ix.size).toBe(1);
    expect(ids(ix.query({ actors: ['Q6'] }))).toEqual(['v2']);
  });

  it('keeps corpus stories that cite the same source URL (two events, one Wikipedia article)', () => {
    const ix = new RelatedIndex();
    ix.addStories([
      st(['Q6'], { id: 'e1', url: 'https://en.wikipedia.org/wiki/X', title: 'Blockade begins on the road', published: '2022-12-12' }),
      st(['Q6'], { id: 'e2', url: 'https://en.wikipedia.org/wiki/X', title: 'Checkpoint installed at the border', published: '2023-04-23' }),
    ], 'corpus');
    expect(ids(ix.query({ actors: ['Q6'] })).sort()).toEqual(['e1', 'e2']);
    // ...but an article the reader read folds into a corpus story at its URL instead of showing a third time.
    ix.addStories([st(['Q6'], { id: 'read', url: 'https://en.wikipedia.org/wiki/X', title: 'X', published: '2024-01-01' })], 'history');
    expect(ix.query({ actors: ['Q6'] })).toHaveLength(2);
  });

  it('removeWhere drops stories from postings', () => {
    const ix = new RelatedIndex();
    ix.addStories([st(['Q8'], { id: 'a' }), st(['Q8'], { id: 'b' })], 'corpus');
    ix.removeWhere((s) => s.id === 'a');
    expect(ix.size).toBe(1);
    expect(ids(ix.query({ actors: ['Q8'] }))).toEqual(['b']);
  });

  it('removes a few stories from a large index without a rebuild, and leaves them out of toJSON', () => {
    const ix = new RelatedIndex();
    ix.addStories(Array.from({ length: 12 }, (_, i) => st(['Q8'], { id: `r${i}`, title: `Distinct headline number ${i}` })), 'corpus');
    ix.removeWhere((s) => s.id === 'r3');
    expect(ix.size).toBe(11);
    expect(ids(ix.query({ actors: ['Q8'], limit: 20 }))).not.toContain('r3');
    const back = RelatedIndex.fromJSON(JSON.parse(JSON.stringify(ix.toJSON())));
    expect(back.size).toBe(11);
    expect(ids(back.query({ actors: ['Q8'], limit: 20 })).sort()).toEqual(ids(ix.query({ actors: ['Q8'], limit: 20 })).sort());
  });

  it('round-trips through toJSON/fromJSON with identical answers', () => {
    const ix = new RelatedIndex();
    ix.addStories([...filler, st(['Q9'], { id: 'r', title: 'Caspian pipeline talks', summary: 'Pipeline pipeline talks on Caspian gas.' })], 'corpus');
    ix.addStories([st(['Q1', 'Q9'], { id: 'h', terms: ['pipeline', 'caspian'] })], 'history');
    const back = RelatedIndex.fromJSON(JSON.parse(JSON.stringify(ix.toJSON())));
    const q = { actors: ['Q1', 'Q9'], text: 'Caspian pipeline', date: '2021-01-01' };
    expect(back.size).toBe(ix.size);
    expect(back.query(q)).toEqual(ix.query(q));
    expect(back.query(q).find((x) => x.id === 'h')!.origin).toBe('history');
    expect(() => RelatedIndex.fromJSON({ v: 9 })).toThrow(/version 1/);
  });
});

describe('storyFromArticle', () => {
  const article: ArticleText = {
    title: 'Drills near the border', byline: null, siteName: 'Daily Example', lang: 'en-GB', dir: 'ltr',
    published: '2023-10-23T08:00:00+03:00', url: 'https://www.daily.example/world/drills', excerpt: null,
    text: 'Turkey and Azerbaijan began drills. Azerbaijan said the drills would last a week. '.repeat(3),
  };
  const m = (id: string, start: number) => ({ start, end: start + 3, text: 'xxx', entityId: id, score: 1 });

  it('orders actors by mentions, hashes the URL into the id, keeps no full text', () => {
    const s = storyFromArticle(article, [m('Q43', 0), m('Q227', 10), m('Q227', 40)]);
    expect(s.actors).toEqual(['Q227', 'Q43']);
    expect(s.id).toMatch(/^[0-9a-f]{16}$/);
    expect(s.id).toBe(storyFromArticle({ ...article, url: 'http://daily.example/world/drills/' }, []).id);
    expect(s.published).toBe('2023-10-23');
    expect(s.lang).toBe('en');
    expect(s.source).toBe('Daily Example');
    expect(s.terms).toContain('drill');
    expect(s.summary.length).toBeLessThanOrEqual(600);
    expect('text' in s).toBe(false);
  });

  it('falls back to the title for the id and to the host for the source', () => {
    const s = storyFromArticle({ ...article, url: null, siteName: null }, []);
    expect(s.id).toBe(storyFromArticle({ ...article, url: null, siteName: null, text: 'other' }, []).id);
    expect(s.source).toBe('');
    const t = storyFromArticle({ ...article, siteName: null }, []);
    expect(t.source).toBe('daily.example');
  });
});

describe('urlKey', () => {
  it('ignores scheme, www, query, fragment and trailing slash', () => {
    expect(urlKey('https://www.A.example/x/?q=1#f')).toBe('a.example/x');
    expect(urlKey(null)).toBeNull();
  });
});

describe('history in the ranking (issue #2 item 7)', () => {
  // Stand-ins for the seed pair written here: two reports of the same event, same date, overlapping actors.
  const corpus = [
    st(['Q227', 'Q399', 'Q44302'], { id: 'war2020', title: 'Second Karabakh war begins', summary: 'Azerbaijan launched an offensive along the front line.', published: '2020-09-27' }),
    st(['Q227', 'Q43'], { id: 'shusha', title: 'Aliyev and Erdoğan sign the Shusha Declaration', summary: 'A declaration of alliance between Turkey and Azerbaijan.', published: '2021-06-15' }),
    st(['Q794', 'Q159', 'Q43', 'Q227', 'Q399'], { id: '3plus3', title: '3+3 foreign ministers meet in Tehran', summary: 'Regional format talks on transport links.', published: '2023-10-23' }),
    ...filler,
  ];
  const read = st(['Q227', 'Q43', 'Q399', 'Q794', 'Q159', 'Q212', 'bs:nakhchivan', 'Q44302'], {
    id: 'seed2', url: 'https://agency.example/drills', title: 'Azerbaijan and Turkey hold joint drills', published: '2023-10-23',
    terms: ['drill', 'exercise', 'nakhchivan', 'kars', 'joint', 'military', 'defense', 'ministry'],
  });

  it('an article read before ranks first for a related article analysed later', () => {
    const ix = new RelatedIndex();
    ix.addStories(corpus, 'corpus');
    ix.addStories([read], 'history');
    const r = ix.query({
      actors: ['Q227', 'Q43', 'Q399', 'Q794', 'Q159', 'Q230', 'Q212', 'Q30', 'bs:nakhchivan', 'Q44302'],
      text: 'Turkish and Azerbaijani forces began a joint military exercise in Kars and Nakhchivan, the defense ministry said.',
      date: '2023-10-23', excludeUrl: 'https://paper.example/seed-1',
    });
    expect(r[0]!.id).toBe('seed2');
    expect(r[0]!.origin).toBe('history');
  });
});
