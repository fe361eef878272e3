// Corpus files: both layouts parse, every error names file, line and field, serialise round-trips.
import { describe, expect, it } from 'vitest';
import { CorpusError, isIsoDate, parseCorpus, serializeCorpus } from '../../src/core/corpus';
import type { Corpus } from '../../src/core/types';

const header = { format: 'backstory-corpus', version: 1, name: 'Test', edition: '1', date: '2024-01-02', licence: 'CC0' };
const story = (id: string, over: Record<string, unknown> = {}) => ({
  id, url: `https://example.org/${id}`, title: `Title ${id}`, source: 'Example', published: '2023-10-23',
  lang: 'en', summary: 'A short summary.', actors: ['Q227', 'bs:ilham-aliyev'], ...over,
});
const jsonl = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

function errorOf(f: () => unknown): CorpusError {
  try { f(); } catch (e) { return e as CorpusError; }
  throw new Error('expected a CorpusError');
}

describe('parseCorpus', () => {
  it('reads JSON lines and one JSON object alike', () => {
    const a = parseCorpus(jsonl(header, story('a'), story('b')), 'a.jsonl');
    const b = parseCorpus(JSON.stringify({ header, stories: [story('a'), story('b')] }, null, 2), 'b.json');
    expect(a.stories.map((s) => s.id)).toEqual(['a', 'b']);
    expect(b).toEqual(a);
    expect(a.header.name).toBe('Test');
  });

  it('skips blank lines and a BOM', () => {
    const c = parseCorpus('\ufeff' + jsonl(header) + '\n\n' + jsonl(story('a')), 'x.jsonl');
    expect(c.stories).toHaveLength(1);
  });

  it('names file, line and field for a bad date', () => {
    const e = errorOf(() => parseCorpus(jsonl(header, story('a'), story('b', { published: '2023-02-30' })), 'c.jsonl'));
    expect(e).toBeInstanceOf(CorpusError);
    expect([e.file, e.line, e.field]).toEqual(['c.jsonl', 3, 'published']);
    expect(e.message).toMatch(/^c\.jsonl:3: published: /);
  });

  it('rejects malformed JSON on its line', () => {
    const e = errorOf(() => parseCorpus(jsonl(header, story('a')) + '{"id": \n', 'd.jsonl'));
    expect([e.line, e.field]).toEqual([3, null]);
    expect(e.message).toMatch(/malformed JSON/);
  });

  it('checks the header: format, version, required fields', () => {
    expect(errorOf(() => parseCorpus(jsonl({ ...header, version: 2 }, story('a')), 'h.jsonl')).field).toBe('header.version');
    expect(errorOf(() => parseCorpus(jsonl({ ...header, format: 'x' }), 'h.jsonl')).field).toBe('header.format');
    const { licence: _l, ...noLicence } = header;
    expect(errorOf(() => parseCorpus(jsonl(noLicence), 'h.jsonl')).message).toMatch(/header\.licence: missing/);
  });

  it('checks actor ids, URLs, languages, duplicates', () => {
    expect(errorOf(() => parseCorpus(jsonl(header, story('a', { actors: ['Azerbaijan'] })), 'f')).field).toBe('actors[0]');
    expect(errorOf(() => parseCorpus(jsonl(header, story('a', { url: 'ftp://x' })), 'f')).field).toBe('url');
    expect(errorOf(() => parseCorpus(jsonl(header, story('a', { lang: 'English' })), 'f')).field).toBe('lang');
    const dup = errorOf(() => parseCorpus(jsonl(header, story('a'), story('a')), 'f'));
    expect([dup.line, dup.field]).toEqual([3, 'id']);
    expect(dup.message).toMatch(/first at line 2/);
  });

  it('gives a path for errors in the one-object layout', () => {
    const e = errorOf(() => parseCorpus(JSON.stringify({ header, stories: [story('a'), story('b', { title: '' })] }), 'o.json'));
    expect([e.line, e.field]).toEqual([null, 'stories[1].title']);
  });

  it('rejects an empty file and plain text', () => {
    expect(errorOf(() => parseCorpus('  \n', 'e')).message).toMatch(/empty/);
    expect(errorOf(() => parseCorpus('hello world', 'e')).message).toMatch(/not JSON/);
  });

  it('serialises to JSON lines that parse back to the same corpus', () => {
    const c: Corpus = parseCorpus(jsonl(header, story('a', { url: null }), story('b')), 'r');
    const text = serializeCorpus(c);
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    expect(parseCorpus(text, 'r2')).toEqual(c);
  });
});

describe('isIsoDate', () => {
  it('accepts year, month and day precision and real days only', () => {
    expect(['2024', '2024-02', '2024-02-29', '1991-12-26'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '2024-13', '24-01-01', '2024-1-1', ''].some(isIsoDate)).toBe(false);
  });
});
