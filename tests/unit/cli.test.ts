import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../src/cli/io';
import { dataDir } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { run as analyzePage } from '../../src/cli/analyze-page';
import { looksLikeHtml } from '../../src/cli/dom';
import type { KnowledgeBase, Story } from '../../src/core/types';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const PAGE = here('../fixtures/pages/news-article.html');

// A tiny knowledge base and corpus written for this test.
const KB: KnowledgeBase = {
  version: 1,
  built: '2024-01-01T00:00:00Z',
  sources: { ed: { id: 'ed', name: 'Backstory editors', licence: 'CC0-1.0' } },
  actors: [
    { id: 'Q227', type: 'country', name: 'Azerbaijan', desc: 'Country on the Caspian Sea', aliases: [{ t: 'Azerbaijan' }], facts: [] },
    { id: 'Q232', type: 'country', name: 'Kazakhstan', desc: 'Country in Central Asia', aliases: [{ t: 'Kazakhstan' }], facts: [] },
    { id: 'Q9248', type: 'city', name: 'Baku', desc: 'Capital of Azerbaijan', aliases: [{ t: 'Baku' }], facts: [] },
  ],
};
const story = (id: string, actors: string[], published: string): Story => ({
  id, url: `https://example.org/${id}`, title: `Story ${id}`, source: 'Test desk', published, lang: 'en', summary: 'A ferry across the Caspian Sea.', actors,
});
const corpus = (stories: Story[]): string =>
  JSON.stringify({ header: { format: 'backstory-corpus', version: 1, name: 'test', edition: '1', date: '2024-01-01', licence: 'CC0-1.0' }, stories });

/** A fake CliIO over a few in-memory files, falling back to the real disk for fixture pages. */
function fakeIO(files: Record<string, string> = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) { io.out += t; },
    stderr(t: string) { io.err += t; },
    stdin: async () => '',
    async readFile(path: string) {
      if (path in files) return files[path]!;
      return readFileSync(path, 'utf8');
    },
    async writeFile(path: string, data: string) { files[path] = data; },
    kbPath: '/virtual/kb.json',
    corpusPath: '/virtual/corpus.json',
  };
  return io;
}
const withData = (): Record<string, string> => ({
  '/virtual/kb.json': JSON.stringify(KB),
  '/virtual/corpus.json': corpus([story('s1', ['Q227', 'Q9248'], '2023-01-01'), story('s2', ['Q9999'], '2023-01-02')]),
});

describe('analyze PAGE', () => {
  it('--json prints exactly the issue #2 shape, with offsets into article.text', async () => {
    const io = fakeIO(withData());
    expect(await analyzePage([PAGE, '--json'], io)).toBe(0);
    expect(io.err).toBe('');
    const out = JSON.parse(io.out);
    expect(Object.keys(out)).toEqual(['article', 'mentions', 'entities', 'related']);
    expect(Object.keys(out.article)).toEqual(['title', 'byline', 'siteName', 'lang', 'published', 'text']);
    expect(out.article.title).toBe('Caspian ministers agree on a ferry timetable');
    expect(out.article.published).toBe('2024-03-05T08:15:00+04:00');
    for (const m of out.mentions) {
      expect(Object.keys(m)).toEqual(['start', 'end', 'text', 'entityId']);
      expect(out.article.text.slice(m.start, m.end)).toBe(m.text);
    }
    const ids = out.mentions.map((m: { entityId: string }) => m.entityId);
    expect(ids).toContain('Q227');
    expect(ids).toContain('Q9248');
    expect(out.entities).toContainEqual({ id: 'Q227', name: 'Azerbaijan', type: 'country' });
    for (const e of out.entities) expect(Object.keys(e)).toEqual(['id', 'name', 'type']);
    expect(out.related[0].id).toBe('s1'); // shares two actors; s2 shares none
    for (const r of out.related) expect(Object.keys(r)).toEqual(['id', 'title', 'url', 'published', 'score']);
  });

  it('--corpus adds stories from more files', async () => {
    const files = { ...withData(), '/virtual/extra.json': corpus([story('x1', ['Q232'], '2022-05-05')]) };
    const io = fakeIO(files);
    expect(await analyzePage([PAGE, '--json', '--corpus', '/virtual/extra.json'], io)).toBe(0);
    expect(JSON.parse(io.out).related.map((r: { id: string }) => r.id)).toContain('x1');
  });

  it('prints a readable summary without --json', async () => {
    const io = fakeIO(withData());
    expect(await analyzePage([PAGE], io)).toBe(0);
    expect(io.out).toMatch(/^Caspian ministers agree on a ferry timetable\n/);
    expect(io.out).toContain('By Mira Holloway · The Harbour Courier · published 2024-03-05T08:15:00+04:00');
    expect(io.out).toMatch(/Azerbaijan {2}\(country, Q227\)/);
    expect(io.out).toMatch(/Related stories \(\d\):\n {2}\d\.\d\d {2}2023-01-01 {2}Story s1 \(Test desk\) {2}https:\/\/example\.org\/s1\n/);
  });

  it('jsdom gives the same article as linkedom', async () => {
    const a = fakeIO(withData());
    const b = fakeIO(withData());
    await analyzePage([PAGE, '--json'], a);
    await analyzePage([PAGE, '--json', '--dom', 'jsdom'], b);
    expect(JSON.parse(b.out).article).toEqual(JSON.parse(a.out).article);
  });

  const oneLineError = (io: { err: string; out: string }, ...parts: string[]): void => {
    expect(io.out).toBe('');
    expect(io.err.endsWith('\n')).toBe(true);
    expect(io.err.trimEnd().split('\n')).toHaveLength(1);
    for (const p of parts) expect(io.err).toContain(p);
  };

  it('missing file: one line naming it, exit 1', async () => {
    const io = fakeIO(withData());
    expect(await analyzePage(['/nope/missing-page.html'], io)).toBe(1);
    oneLineError(io, '/nope/missing-page.html', 'no such file');
  });

  it('not HTML: one line naming it, exit 1', async () => {
    const io = fakeIO({ ...withData(), '/virtual/data.json': '{"not": "html"}' });
    expect(await analyzePage(['/virtual/data.json'], io)).toBe(1);
    oneLineError(io, '/virtual/data.json', 'not an HTML page');
  });

  it('no article text: one line naming it, exit 1', async () => {
    const io = fakeIO({ ...withData(), '/virtual/empty.html': '<!DOCTYPE html><html><head><title>x</title></head><body>  </body></html>' });
    expect(await analyzePage(['/virtual/empty.html'], io)).toBe(1);
    oneLineError(io, '/virtual/empty.html', 'no article text');
  });

  it('missing knowledge base: names it and says to build', async () => {
    const io = fakeIO({});
    expect(await analyzePage([PAGE], io)).toBe(1);
    oneLineError(io, '/virtual/kb.json', 'npm run build');
  });

  it('a bad --corpus file is named; a missing bundled corpus is only a warning', async () => {
    const bad = fakeIO({ ...withData(), '/virtual/bad.json': '{"header": 1}' });
    expect(await analyzePage([PAGE, '--corpus', '/virtual/bad.json'], bad)).toBe(1);
    oneLineError(bad, '/virtual/bad.json');
    const missing = fakeIO({ ...withData() });
    expect(await analyzePage([PAGE, '--corpus', '/virtual/none.json'], missing)).toBe(1);
    oneLineError(missing, '/virtual/none.json', 'no such file');
    const noBundled = fakeIO({ '/virtual/kb.json': JSON.stringify(KB) });
    expect(await analyzePage([PAGE, '--json'], noBundled)).toBe(0);
    expect(noBundled.err).toContain('warning');
    expect(JSON.parse(noBundled.out).related).toEqual([]);
  });

  it('usage errors exit 2', async () => {
    for (const args of [[], ['--json'], ['a.html', 'b.html'], [PAGE, '--corpus'], [PAGE, '--bogus'], [PAGE, '--dom', 'happy']]) {
      const io = fakeIO(withData());
      expect(await analyzePage(args, io), args.join(' ')).toBe(2);
      expect(io.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('main', () => {
  it('--help lists the commands; no command is a usage error', async () => {
    const io = fakeIO();
    expect(await main(['--help'], io)).toBe(0);
    for (const c of ['analyze PAGE.html', 'analyze --text --jsonl', 'kb', 'corpus']) expect(io.out).toContain(c);
    expect(await main([], fakeIO())).toBe(2);
  });

  it('unknown commands exit 2 with one line', async () => {
    const io = fakeIO();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err).toBe('backstory: unknown command "frobnicate" (try backstory --help)\n');
  });

  it('dispatches analyze PAGE and analyze --help', async () => {
    const io = fakeIO(withData());
    expect(await main(['analyze', PAGE, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out).article.title).toBe('Caspian ministers agree on a ferry timetable');
    const help = fakeIO();
    expect(await main(['analyze', '--help'], help)).toBe(0);
    expect(help.out).toContain('--corpus FILE');
  });
});

describe('helpers', () => {
  it('looksLikeHtml', () => {
    expect(looksLikeHtml('<!doctype html><p>x')).toBe(true);
    expect(looksLikeHtml('  <div class="a">x</div>')).toBe(true);
    expect(looksLikeHtml('{"a": "<b>"}')).toBe(false);
    expect(looksLikeHtml('plain text')).toBe(false);
    expect(looksLikeHtml('<html>\u0000binary')).toBe(false);
  });

  it('dataDir finds dist/data from the bundle and from source', () => {
    expect(dataDir('file:///r/dist/cli/backstory.mjs')).toBe('/r/dist/data');
    expect(dataDir(new URL('../../src/cli/io.ts', import.meta.url).href)).toBe(here('../../dist/data'));
  });
});

describe.skipIf(!existsSync(here('../../dist/cli/backstory.mjs')))('bin/backstory (after npm run build)', () => {
  it('runs the bundle', () => {
    const r = spawnSync(process.execPath, [here('../../bin/backstory'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: backstory');
    const bad = spawnSync(process.execPath, [here('../../bin/backstory'), 'analyze', '/nope/x.html'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('backstory: /nope/x.html: no such file\n');
  });
});
