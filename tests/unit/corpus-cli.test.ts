// `backstory corpus build / --stats / check` with a fake CliIO over real files (needs dist/data/kb.json).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io';
import { run } from '../../src/cli/corpus';
import { parseCorpus } from '../../src/core/corpus';

const KB = fileURLToPath(new URL('../../dist/data/kb.json', import.meta.url));
const DIR = fileURLToPath(new URL('../fixtures/related/inputs/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'bs-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fakeIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '', err: '',
    stdout(t: string) { io.out += t; },
    stderr(t: string) { io.err += t; },
    stdin: async () => '',
    readFile: async (p: string) => readFileSync(p, 'utf8'),
    writeFile: async (p: string, d: string) => { writeFileSync(p, d); },
    kbPath: KB,
    corpusPath: join(tmp, 'none.json'),
  };
  return io;
}

describe.skipIf(!existsSync(KB))('backstory corpus', () => {
  it('build reads a folder of HTML, JSON lines and feeds, names bad inputs and carries on', async () => {
    const io = fakeIO();
    const out = join(tmp, 'built.jsonl');
    // A folder is walked for known extensions; notes.txt is named explicitly, so it is read (and rejected).
    const code = await run(['build', DIR, join(DIR, 'notes.txt'), join(tmp, 'missing.html'), '--out', out, '--name', 'fixture'], io);
    expect(code).toBe(0);
    const c = parseCorpus(readFileSync(out, 'utf8'), out);
    expect(c.header.name).toBe('fixture');
    const byTitle = new Map(c.stories.map((s) => [s.title, s]));
    expect([...byTitle.keys()].sort()).toEqual([
      'Georgia and Armenia sign a trade accord', 'Iran and Türkiye discuss border trade',
      'Ministers meet on Caucasus transport links', 'Russia & Kazakhstan extend a launch site lease', 'Story with given actors',
    ]);
    // Linked with the extension's own linker: Azerbaijan (Q227) and Armenia (Q399) in the page, Iran and Türkiye in the feed.
    expect(byTitle.get('Ministers meet on Caucasus transport links')!.actors).toEqual(expect.arrayContaining(['Q227', 'Q399']));
    expect(byTitle.get('Ministers meet on Caucasus transport links')!.published).toBe('2024-03-02');
    expect(byTitle.get('Iran and Türkiye discuss border trade')!.actors).toEqual(expect.arrayContaining(['Q794', 'Q43']));
    expect(byTitle.get('Story with given actors')!.actors).toEqual(['Q227']);
    // Each bad input named once, on stderr.
    expect(io.err).toMatch(/items\.jsonl:2: no published date/);
    expect(io.err).toMatch(/items\.jsonl:3: malformed JSON/);
    expect(io.err).toMatch(/notes\.txt/);
    expect(io.err).toMatch(/missing\.html: no such file/);
  });

  it('exits non-zero and writes nothing when no input is usable', async () => {
    const io = fakeIO();
    const out = join(tmp, 'empty.jsonl');
    expect(await run(['build', join(DIR, 'notes.txt'), '--out', out], io)).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(io.err).toMatch(/nothing usable/);
  });

  it('--stats prints count, date range, languages and top actors', async () => {
    const io = fakeIO();
    const out = join(tmp, 'stats.jsonl');
    await run(['build', DIR, '--out', out], fakeIO());
    expect(await run(['--stats', out], io)).toBe(0);
    expect(io.out).toMatch(/stories: 5\n/);
    expect(io.out).toMatch(/dates: 2023-05-01 to 2024-03-06/);
    expect(io.out).toMatch(/languages: en 5/);
    expect(io.out).toMatch(/top actors:\n/);
    expect(io.out).toMatch(/\n\s+2\s+Azerbaijan \(Q227\)\n/);
    expect(io.out).toMatch(/\n\s+1\s+Kazakhstan \(Q232\)\n/);
  });

  it('check names file, line and field of a bad corpus', async () => {
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, '{"format":"backstory-corpus","version":1,"name":"x","edition":"1","date":"2024-01-01","licence":"CC0"}\n{"id":"a","url":null,"title":"t","source":"s","published":"2024-13-01","lang":"en","summary":"","actors":[]}\n');
    const io = fakeIO();
    expect(await run(['check', bad], io)).toBe(1);
    expect(io.err).toMatch(/bad\.jsonl:2: published: /);
  });
});
