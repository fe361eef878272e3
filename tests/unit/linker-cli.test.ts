// `backstory analyze --text --jsonl` (src/cli/analyze-text.ts) with fake I/O.
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/analyze-text';

const kbPath = fileURLToPath(new URL('../fixtures/linking/kb-small.json', import.meta.url));
async function call(input: string, args = ['--text', '--jsonl']) {
  const out: string[] = [], err: string[] = [];
  const code = await run(args, { stdin: async () => input, stdout: (s) => out.push(s), stderr: (s) => err.push(s), kbPath, readFile: (p) => readFile(p, 'utf8') });
  return { code, out: out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l)), err: err.join('') };
}

describe('analyze --text --jsonl', () => {
  it('writes one line per input with UTF-16 offsets into the text', async () => {
    const text = '😀 İSTANBUL’da Erdoğan spoke.';
    const { code, out, err } = await call(JSON.stringify({ id: 7, text, date: '2023-10-23' }) + '\n');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0].id).toBe(7);
    expect(out[0].mentions.map((m: { start: number; end: number; entityId: string }) => [text.slice(m.start, m.end), m.entityId])).toEqual([
      ['İSTANBUL', 'bs:istanbul'],
      ['Erdoğan', 'Q39259'],
    ]);
    expect(out[0].mentions[0]).toEqual({ start: 3, end: 11, text: 'İSTANBUL', entityId: 'bs:istanbul' });
  });

  it('writes a place named with where it lies as one more mention over both names, after its parts', async () => {
    const text = 'He grew up in Atlanta, Georgia, and in Birmingham, Alabama.';
    const { out } = await call(JSON.stringify({ id: 1, text, date: '2023-10-23' }) + '\n');
    expect(out[0].mentions.map((m: { start: number; end: number; entityId: string }) => [text.slice(m.start, m.end), m.entityId])).toEqual([
      ['Atlanta, Georgia', 'bs:atlanta'],
      ['Atlanta', 'bs:atlanta'],
      ['Georgia', 'bs:georgia-us-state'],
      ['Alabama', 'bs:alabama'],
    ]);
  });

  it('reports a malformed line by number, keeps going, and exits non-zero', async () => {
    const input = ['{"id":"a","text":"Baku"}', '{oops', '{"id":"c"}', '{"id":"d","text":"Ankara"}'].join('\n');
    const { code, out, err } = await call(input);
    expect(code).toBe(1);
    expect(out.map((o) => o.id)).toEqual(['a', 'd']);
    expect(err).toMatch(/line 2: not JSON/);
    expect(err).toMatch(/line 3: expected an object/);
  });

  it('fails with one line when the knowledge base cannot be read', async () => {
    const out: string[] = [], err: string[] = [];
    const code = await run(['--text', '--jsonl'], { stdin: async () => '', stdout: (s) => out.push(s), stderr: (s) => err.push(s), kbPath: '/nonexistent/kb.json', readFile: (p) => readFile(p, 'utf8') });
    expect(code).toBe(1);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
  });
});

describe('analyze --text --jsonl, the date in a benchmark title', () => {
  it('reads "YYYYMMDD - " at the start of the title as the article date', async () => {
    // Erdoğan was born in 1954: a text dated 1950 cannot name him.
    const text = 'In Ankara, Tayyip Erdoğan spoke.';
    const ids = async (extra: object) => (await call(JSON.stringify({ id: 1, text, ...extra }) + '\n')).out[0].mentions.map((m: { text: string }) => m.text);
    expect(await ids({ title: '20230110 - Talks' })).toContain('Tayyip Erdoğan');
    expect(await ids({ title: '19500110 - Talks' })).not.toContain('Tayyip Erdoğan');
    expect(await ids({ title: '19500110 - Talks', date: '2023-01-10' })).toContain('Tayyip Erdoğan'); // "date" wins
    expect(await ids({ title: 'Talks 19500110' })).toContain('Tayyip Erdoğan'); // no prefix, no date
  });
});
