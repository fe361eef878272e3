import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { parseDocument } from '../../src/cli/dom';
import fc from 'fast-check';
import { extractArticle, isArticlePage, type Extracted } from '../../src/core/extract';
import { rangeFor, offsetAt, type NodeRange } from '../../src/core/textmap';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/pages/${name}.html`, import.meta.url)), 'utf8');
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const FIXTURES = ['news-article', 'time-only', 'not-article', 'inputs-code', 'inline-markup'];

/** The page text a NodeRange covers, walking Text nodes in document order. */
function rangeText(r: NodeRange): string {
  if (r.startNode === r.endNode) return r.startNode.data.slice(r.startOffset, r.endOffset);
  let out = r.startNode.data.slice(r.startOffset);
  const root = r.startNode.ownerDocument!.documentElement;
  let n: Node | null = r.startNode;
  const next = (x: Node): Node | null => {
    if (x.firstChild) return x.firstChild;
    let y: Node | null = x;
    while (y && y !== root) {
      if (y.nextSibling) return y.nextSibling;
      y = y.parentNode;
    }
    return null;
  };
  while ((n = next(n!))) {
    if (n === r.endNode) return out + r.endNode.data.slice(0, r.endOffset);
    if (n.nodeType === 3) out += (n as Text).data;
  }
  throw new Error('end node not after start node');
}
const squash = (s: string): string => s.replace(/[ \t\n\r\f]+/g, ' ');

function checkSegments(ex: Extracted, doc: Document): void {
  let prevEnd = 0;
  for (const s of ex.segments) {
    expect(ex.article.text.slice(s.start, s.start + s.length)).toBe(s.node.data.slice(s.nodeStart, s.nodeStart + s.length));
    expect(s.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(prevEnd); // sorted, no overlap
    expect(doc.documentElement.contains(s.node)).toBe(true); // a node of the live page, not of the clone
    prevEnd = s.start + s.length;
  }
}

/** Offsets of every occurrence of `needle` in `hay`. */
const occurrences = (hay: string, needle: string): number[] => {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
};

describe('extractArticle on the fixture pages', () => {
  it.each(FIXTURES)('%s: every segment is exact and points into the live page', (name) => {
    const doc = parse(fixture(name));
    const ex = extractArticle(doc)!;
    expect(ex).not.toBeNull();
    expect(ex.segments.length).toBeGreaterThan(0);
    checkSegments(ex, doc);
  });

  it('never modifies the page', () => {
    for (const name of FIXTURES) {
      const doc = parse(fixture(name));
      const before = doc.documentElement.outerHTML;
      extractArticle(doc);
      isArticlePage(doc);
      expect(doc.documentElement.outerHTML).toBe(before);
    }
  });

  it('news-article: body only, no title repeat, no nav or teasers; metadata from JSON-LD @graph', () => {
    const ex = extractArticle(parse(fixture('news-article')), { url: 'https://courier.example/world/x?ref=home' })!;
    const { text } = ex.article;
    expect(text.startsWith('Transport ministers from Azerbaijan, Kazakhstan and Turkmenistan')).toBe(true);
    expect(text.endsWith('a proposal that Tehran has backed in earlier talks.')).toBe(true);
    expect(text.split('\n\n')).toHaveLength(5);
    for (const trap of ['Vladimir Putin', 'NATO', 'Nikol Pashinyan', 'Erdoğan', 'Macron', 'Joe Biden', 'Olaf Scholz', 'Most read', 'Contact', 'Mira Holloway']) {
      expect(text).not.toContain(trap);
    }
    expect(ex.article).toMatchObject({
      title: 'Caspian ministers agree on a ferry timetable',
      byline: 'Mira Holloway',
      siteName: 'The Harbour Courier',
      lang: 'en-GB',
      published: '2024-03-05T08:15:00+04:00',
      url: 'https://courier.example/world/caspian-ferry-timetable',
    });
  });

  it('a name split by inline markup maps to a range across both nodes', () => {
    const doc = parse(fixture('news-article'));
    const ex = extractArticle(doc)!;
    const at = ex.article.text.indexOf('Ilham Aliyev');
    const r = rangeFor(ex.segments, at, at + 'Ilham Aliyev'.length)!;
    expect(r.startNode).not.toBe(r.endNode);
    expect(r.endNode.parentNode!.nodeName).toBe('B');
    expect(rangeText(r)).toBe('Ilham Aliyev');
    expect(offsetAt(ex.segments, r.endNode, 2)).toBe(at + 'Ilham '.length + 2);
  });

  it('names split by markup and by line breaks in the source all map back', () => {
    const doc = parse(fixture('inline-markup'));
    const ex = extractArticle(doc)!;
    const { text } = ex.article;
    expect(ex.article.published).toBe('2023-05-14');
    const names = ['Ilham Aliyev', 'Nikol Pashinyan', 'Recep Tayyip Erdoğan'];
    let seen = 0;
    for (const name of names) {
      for (const at of occurrences(text, name)) {
        const r = rangeFor(ex.segments, at, at + name.length);
        expect(r, `${name} at ${at}`).not.toBeNull();
        expect(squash(rangeText(r!))).toBe(name);
        seen++;
      }
    }
    expect(seen).toBe(4); // Ilham Aliyev twice (once written "Ilham\nAliyev" in the source)
    const second = occurrences(text, 'Ilham Aliyev')[1]!;
    const r = rangeFor(ex.segments, second, second + 12)!;
    expect(r.startNode).toBe(r.endNode);
    expect(rangeText(r)).toBe('Ilham\nAliyev');
  });

  it('text in code, kbd, samp and editable areas gets no segment', () => {
    const doc = parse(fixture('inputs-code'));
    expect(isArticlePage(doc)).toBe(true);
    const ex = extractArticle(doc)!;
    expect(ex.article.published).toBe('2022-09-01T12:00:00Z'); // the broken JSON-LD block is ignored
    const hits = occurrences(ex.article.text, 'Aliyev');
    expect(hits.length).toBe(5);
    const mapped = hits.map((at) => rangeFor(ex.segments, at, at + 6) !== null);
    // Only the prose mention maps; <code>, <kbd>, <samp> and the contenteditable box do not.
    expect(mapped).toEqual([true, false, false, false, false]);
  });

  it('time-only: published from the <time> in the article header', () => {
    const doc = parse(fixture('time-only'));
    expect(isArticlePage(doc)).toBe(true);
    const ex = extractArticle(doc)!;
    expect(ex.article.published).toBe('2021-06-12T07:45:00+02:00');
    expect(ex.article.lang).toBe('fr');
    expect(ex.article.text).toContain('Les commerçants du marché couvert');
  });

  it('maxChars caps the text and the segments', () => {
    const ex = extractArticle(parse(fixture('news-article')), { maxChars: 100 })!;
    expect(ex.article.text.length).toBe(100);
    for (const s of ex.segments) expect(s.start + s.length).toBeLessThanOrEqual(100);
  });

  it('re-aligns text nodes Readability re-creates (javascript: links)', () => {
    const para = (i: number): string =>
      `<p>Paragraph ${i} of a report on the harbour, with enough words in it to look like prose, about ferries, cargo, timetables and the weather on the water in spring.</p>`;
    const doc = parse(`<html><body><article><h1>T</h1>${para(1)}<p>Ships left <a href="javascript:void(0)">Baku</a> at dawn, carrying grain, steel and cotton for buyers further west.</p>${para(2)}${para(3)}${para(4)}</article></body></html>`);
    const link = doc.querySelector('a')!.firstChild as unknown as Text;
    const ex = extractArticle(doc)!;
    checkSegments(ex, doc);
    const at = ex.article.text.indexOf('Baku');
    expect(rangeFor(ex.segments, at, at + 4)?.startNode).toBe(link);
  });

  it('re-aligns every node when Readability retries from innerHTML', () => {
    // "sidebar-comments" is an unlikely candidate: the first pass strips it, finds too little text, and
    // Readability resets the page from its HTML, so no Text node of the clone survives.
    const para = (i: number): string =>
      `<p>Paragraph ${i} of a report on the harbour, with enough words in it to look like prose, about ferries, cargo, timetables and the weather in spring, and Baku.</p>`;
    const doc = parse(`<html><body><div class="sidebar-comments">${[1, 2, 3, 4, 5].map(para).join('')}</div></body></html>`);
    const ex = extractArticle(doc)!;
    checkSegments(ex, doc);
    expect(ex.segments).toHaveLength(5);
    const live = Array.from(doc.querySelectorAll('p')).map((p) => p.firstChild);
    expect(ex.segments.map((s) => s.node)).toEqual(live);
  });

  it('returns null for empty or hopeless documents and never throws', () => {
    expect(extractArticle(parse('<html><body></body></html>'))).toBeNull();
    expect(extractArticle(parse('<p>x</p>'))).toBeNull();
    expect(isArticlePage(parse('<html><body></body></html>'))).toBe(false);
  });

  it('gives the same text and exact segments under jsdom', async () => {
    for (const name of FIXTURES) {
      const html = fixture(name);
      const jdoc = await parseDocument(html, { engine: 'jsdom' });
      const a = extractArticle(jdoc)!;
      const b = extractArticle(parse(html))!;
      expect(a.article.text).toBe(b.article.text);
      checkSegments(a, jdoc);
    }
  });
});

describe('isArticlePage', () => {
  it('says no to a front page and yes to articles', () => {
    expect(isArticlePage(parse(fixture('not-article')))).toBe(false);
    expect(isArticlePage(parse(fixture('news-article')))).toBe(true);
  });

  it('trusts the page own signals when the quick check says no', () => {
    const short = '<p>Two short lines only.</p>';
    expect(isArticlePage(parse(`<html><head></head><body>${short}</body></html>`))).toBe(false);
    expect(isArticlePage(parse(`<html><head><meta property="og:type" content="article"></head><body>${short}</body></html>`))).toBe(true);
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"ReportageNewsArticle"}]}</script>';
    expect(isArticlePage(parse(`<html><head>${ld}</head><body>${short}</body></html>`))).toBe(true);
  });

  it('counts an <article> element only with enough text', () => {
    // Short paragraphs (under Readability's 140-char minimum each) that add up to more than 500 characters.
    const p = '<p>A short line that is under the quick check limit, about forty words.</p>'.repeat(8);
    expect(isArticlePage(parse(`<html><body><div>${p}</div></body></html>`))).toBe(false);
    expect(isArticlePage(parse(`<html><body><article>${p}</article></body></html>`))).toBe(true);
    expect(isArticlePage(parse(`<html><body><article><p>Too little.</p></article></body></html>`))).toBe(false);
  });
});

describe('segments property', () => {
  const WORDS = ['Baku', 'Ilham', 'Aliyev', 'Türkiye', 'the', 'port', 'said', 'on', 'Monday', 'ferry', 'İstanbul', 'cargo', '“quoted”', 'naïve', '5,000'];
  const SPACES = [' ', ' ', ' ', '\n', '\n    ', '\t', '  ', '\u00a0'];
  const TAGS = ['b', 'i', 'em', 'a', 'span', 'strong'];
  const piece = fc.record({ word: fc.constantFrom(...WORDS), space: fc.constantFrom(...SPACES), tag: fc.option(fc.constantFrom(...TAGS), { freq: 3 }) });
  const paragraph = fc.array(piece, { minLength: 40, maxLength: 80 }).map((ps) =>
    ps.map(({ word, space, tag }) => (tag ? `<${tag}>${word}</${tag}>${space}` : `${word}${space}`)).join(''),
  );

  it('every segment is exact and every word maps back to itself', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 4, maxLength: 7 }), (paras) => {
        const doc = parse(`<html><head><title>Story</title></head><body><div class="story">${paras.map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`);
        const ex = extractArticle(doc);
        if (!ex) return false;
        checkSegments(ex, doc);
        // Each whitespace-free run of the text maps to a range whose page text is that run.
        for (const m of ex.article.text.matchAll(/[^ \t\n\r\f]+/g)) {
          const r = rangeFor(ex.segments, m.index, m.index + m[0].length);
          if (!r || rangeText(r) !== m[0]) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });
});
