import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { hasArticleSignals, normalizeDate, readJsonLd, readMetadata } from '../../src/core/metadata';

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const page = (head: string, body = '<p>x</p>', htmlAttrs = ''): Document =>
  doc(`<!DOCTYPE html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`);
const ld = (obj: unknown): string => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

describe('normalizeDate', () => {
  it('keeps the page offset and pads fields', () => {
    expect(normalizeDate('2024-03-05T08:15:00+04:00')).toBe('2024-03-05T08:15:00+04:00');
    expect(normalizeDate('2024-3-5T8:15+0400')).toBe('2024-03-05T08:15:00+04:00');
    expect(normalizeDate(' 2024-03-05T08:15:09.123Z ')).toBe('2024-03-05T08:15:09Z');
    expect(normalizeDate('2024-03-05 08:15:00')).toBe('2024-03-05T08:15:00');
    expect(normalizeDate('2024-03-05')).toBe('2024-03-05');
    expect(normalizeDate('2024-03-05T08:15:00-05')).toBe('2024-03-05T08:15:00-05:00');
  });
  it('parses other formats through Date, in UTC', () => {
    expect(normalizeDate('Tue, 05 Mar 2024 04:15:00 GMT')).toBe('2024-03-05T04:15:00Z');
  });
  it('rejects nonsense', () => {
    expect(normalizeDate('')).toBeNull();
    expect(normalizeDate(null)).toBeNull();
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('2024-13-40')).toBeNull();
    expect(normalizeDate('2024-02-10T25:00:00Z')).toBe('2024-02-10');
  });
});

describe('readJsonLd', () => {
  it('flattens arrays and @graph, skipping broken blocks', () => {
    const d = page(
      '<script type="application/ld+json">{ broken </script>' +
        ld([{ '@type': 'WebSite' }, { '@graph': [{ '@type': 'NewsArticle', headline: 'H' }] }]) +
        '<script type="application/ld+json"><!-- {"@type":"Person","name":"P"} --></script>',
    );
    const types = readJsonLd(d).map((o) => o['@type']);
    expect(types).toEqual(['WebSite', undefined, 'NewsArticle', 'Person']);
  });
});

describe('hasArticleSignals', () => {
  it('sees og:type article and JSON-LD article types, also in @graph and with full IRIs', () => {
    expect(hasArticleSignals(page('<meta property="og:type" content="article">'))).toBe(true);
    expect(hasArticleSignals(page(ld({ '@graph': [{ '@type': 'ReportageNewsArticle' }] })))).toBe(true);
    expect(hasArticleSignals(page(ld({ '@type': ['Thing', 'http://schema.org/NewsArticle'] })))).toBe(true);
  });
  it('says no to websites and empty pages', () => {
    expect(hasArticleSignals(page('<meta property="og:type" content="website">' + ld({ '@type': 'WebPage' })))).toBe(false);
    expect(hasArticleSignals(doc('<p>hello</p>'))).toBe(false);
  });
});

describe('readMetadata', () => {
  it('takes the published time from JSON-LD @graph first, arrays included', () => {
    const d = page(
      ld({ '@graph': [{ '@type': 'WebPage', datePublished: '2001-01-01' }, { '@type': 'NewsArticle', datePublished: ['2024-03-05T08:15:00+04:00'] }] }) +
        '<meta property="article:published_time" content="2020-01-01T00:00:00Z">',
    );
    expect(readMetadata(d).published).toBe('2024-03-05T08:15:00+04:00');
  });

  it('falls back through meta, microdata, <time> and date metas', () => {
    expect(readMetadata(page('<meta property="article:published_time" content="2020-01-02T03:04:05Z">')).published).toBe('2020-01-02T03:04:05Z');
    expect(readMetadata(page('', '<span itemprop="datePublished" content="2019-05-06">6 May</span>')).published).toBe('2019-05-06');
    expect(readMetadata(page('', '<article><time datetime="2018-07-08T09:10:00+02:00">8 July</time><p>x</p></article>')).published).toBe('2018-07-08T09:10:00+02:00');
    expect(readMetadata(page('<meta name="DC.date" content="2017-01-31">')).published).toBe('2017-01-31');
    expect(readMetadata(page('<meta name="date" content="2016-02-29">')).published).toBe('2016-02-29');
    expect(readMetadata(page('')).published).toBeNull();
  });

  it('prefers a <time> inside the extracted content over others', () => {
    const d = page('', '<article><time datetime="2018-01-01">x</time></article><div id="c"><time datetime="2018-02-02">y</time></div>');
    expect(readMetadata(d, { content: d.getElementById('c') }).published).toBe('2018-02-02');
  });

  it('reads title, byline, site, lang, dir, url and excerpt', () => {
    const d = page(
      '<title>T - Site</title><meta property="og:title" content="OG title"><meta property="og:site_name" content="The Site">' +
        '<meta property="og:locale" content="pt_BR"><link rel="canonical" href="/a/b"><meta name="description" content="  An   excerpt ">' +
        ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Ana Lima' }, { name: 'Rui Costa' }] }),
      '<p>x</p>',
      'dir="rtl"',
    );
    const m = readMetadata(d, { url: 'https://news.example/x?y=1' });
    expect(m).toEqual({
      title: 'OG title',
      byline: 'Ana Lima, Rui Costa',
      siteName: 'The Site',
      lang: 'pt-BR',
      dir: 'rtl',
      published: null,
      url: 'https://news.example/a/b',
      excerpt: 'An excerpt',
    });
  });

  it('prefers what Readability found, minus a leading "By"', () => {
    const m = readMetadata(page('<title>x</title>'), { readability: { title: 'R title', byline: 'By  Jo Bloggs', lang: 'de', excerpt: 'E' } });
    expect(m.title).toBe('R title');
    expect(m.byline).toBe('Jo Bloggs');
    expect(m.lang).toBe('de');
    expect(m.excerpt).toBe('E');
  });

  it('html lang wins over og:locale; bad tags are ignored', () => {
    expect(readMetadata(page('<meta property="og:locale" content="fr_FR">', '<p>x</p>', 'lang="az-Latn-AZ"')).lang).toBe('az-Latn-AZ');
    expect(readMetadata(page('<meta property="og:locale" content="fr_FR">', '<p>x</p>', 'lang="{{lang}}"')).lang).toBe('fr-FR');
  });

  it('never throws on hostile input', () => {
    const hostile = [
      '',
      '<p>no head at all</p>',
      `<html><head>${'<script type="application/ld+json">'.repeat(3)}null</script><script type="application/ld+json">[[[[[[{"@type":"NewsArticle"}]]]]]]</script></head></html>`,
      '<html><head><meta property="article:published_time"><meta name="date" content="99999-99-99"><link rel="canonical" href="http://[::bad"></head><body></body></html>',
      ld({ '@type': 'NewsArticle', datePublished: { nested: true }, author: 42, publisher: 'x', inLanguage: ['xx-'] }),
    ];
    for (const h of hostile) {
      const m = readMetadata(doc(h), { url: 'not a url' });
      expect(typeof m.title).toBe('string');
    }
    expect(readMetadata(doc(hostile[3]!)).published).toBeNull();
    expect(readMetadata(doc(hostile[3]!)).url).toBeNull();
  });
});
