// Corpus files: parse, validate, serialise (issue #5; format in docs/corpus-format.md).
// A corpus is either one JSON object {header, stories} or JSON lines whose first line is the header.
// Every error names the file, the line (JSON lines) and the field, so a reader can fix a bad file by hand.
import type { Corpus, CorpusHeader, Story } from './types';

export class CorpusError extends Error {
  file: string;
  line: number | null;
  field: string | null;
  constructor(file: string, line: number | null, field: string | null, reason: string) {
    super(`${file}${line != null ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'CorpusError';
    this.file = file;
    this.line = line;
    this.field = field;
  }
}

export const CORPUS_FORMAT = 'backstory-corpus';
export const CORPUS_VERSION = 1;

const ACTOR_ID = /^(Q[1-9]\d*|bs:[a-z0-9][a-z0-9-]*|pack:[a-z0-9-]+:[A-Za-z0-9_-]+)$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_SUMMARY = 2_000;
const MAX_TITLE = 500;

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real day (no 2023-02-30). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(Number(m[1]), mo, 0)).getUTCDate();
  return d <= days;
}

type Where = { file: string; line: number | null; prefix: string };

const fail = (w: Where, field: string, reason: string): never => {
  throw new CorpusError(w.file, w.line, w.prefix + field, reason);
};
const show = (x: unknown): string => {
  const s = JSON.stringify(x);
  return s === undefined ? String(x) : s.length > 60 ? s.slice(0, 57) + '...' : s;
};

function str(o: Record<string, unknown>, k: string, w: Where, opt: { max?: number; empty?: boolean } = {}): string {
  const v = o[k];
  if (typeof v !== 'string') fail(w, k, v === undefined ? 'missing' : `expected a string, got ${show(v)}`);
  const s = v as string;
  if (!opt.empty && s.trim() === '') fail(w, k, 'must not be empty');
  if (opt.max && s.length > opt.max) fail(w, k, `longer than ${opt.max} characters`);
  return s;
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function validateHeader(x: unknown, w: Where): CorpusHeader {
  if (!isObj(x)) return fail(w, 'header', 'expected an object');
  if (x.format !== CORPUS_FORMAT) fail(w, 'format', `expected "${CORPUS_FORMAT}", got ${show(x.format)}`);
  if (x.version !== CORPUS_VERSION) {
    fail(w, 'version', `unsupported version ${show(x.version)} (this Backstory reads version ${CORPUS_VERSION})`);
  }
  const date = str(x, 'date', w);
  if (!isIsoDate(date)) fail(w, 'date', `expected an ISO date (YYYY-MM-DD), got ${show(date)}`);
  const h: CorpusHeader = {
    format: CORPUS_FORMAT,
    version: CORPUS_VERSION,
    name: str(x, 'name', w, { max: 300 }),
    edition: str(x, 'edition', w, { max: 100 }),
    date,
    licence: str(x, 'licence', w, { max: 300 }),
  };
  if (x.description !== undefined) h.description = str(x, 'description', w, { max: 5_000, empty: true });
  return h;
}

/** Validates one story. Optional `terms` (salient terms) is kept when present: history exports carry it. */
export function validateStory(x: unknown, w: Where): Story & { terms?: string[] } {
  if (!isObj(x)) return fail(w, 'story', 'expected an object');
  const url = x.url ?? null;
  if (url !== null) {
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) fail(w, 'url', `expected an http(s) URL or null, got ${show(url)}`);
  }
  const published = str(x, 'published', w);
  if (!isIsoDate(published)) fail(w, 'published', `expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got ${show(published)}`);
  const lang = str(x, 'lang', w);
  if (!LANG.test(lang)) fail(w, 'lang', `expected a language tag like "en" or "pt-BR", got ${show(lang)}`);
  const actors = x.actors;
  if (!Array.isArray(actors)) fail(w, 'actors', 'expected an array of actor ids');
  (actors as unknown[]).forEach((a, i) => {
    if (typeof a !== 'string' || !ACTOR_ID.test(a)) fail(w, `actors[${i}]`, `not an actor id (Q…, bs:…, pack:…:…): ${show(a)}`);
  });
  const s: Story & { terms?: string[] } = {
    id: str(x, 'id', w, { max: 200 }),
    url: url as string | null,
    title: str(x, 'title', w, { max: MAX_TITLE }),
    source: str(x, 'source', w, { max: 500 }),
    published,
    lang,
    summary: str(x, 'summary', w, { max: MAX_SUMMARY, empty: true }),
    actors: [...new Set(actors as string[])],
  };
  if (x.terms !== undefined) {
    if (!Array.isArray(x.terms) || x.terms.some((t) => typeof t !== 'string')) fail(w, 'terms', 'expected an array of strings');
    s.terms = x.terms as string[];
  }
  return s;
}

function checkUnique(stories: Story[], file: string, lines: (number | null)[]): void {
  const seen = new Map<string, number>();
  stories.forEach((s, i) => {
    const prev = seen.get(s.id);
    if (prev !== undefined) {
      const where = lines[prev] != null ? `line ${lines[prev]}` : `stories[${prev}]`;
      throw new CorpusError(file, lines[i] ?? null, lines[i] != null ? 'id' : `stories[${i}].id`, `duplicate id ${show(s.id)} (first at ${where})`);
    }
    seen.set(s.id, i);
  });
}

/** Parses and validates a corpus file, JSON or JSON lines. Throws CorpusError on the first problem. */
export function parseCorpus(text: string, file: string): Corpus {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '') throw new CorpusError(file, null, null, 'empty file');
  const lines = src.split(/\r?\n/);
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  let first: unknown;
  try {
    first = JSON.parse(lines[firstIdx]!);
  } catch {
    first = undefined;
  }
  // One JSON document: either spread over many lines (first line alone does not parse) or {header, stories}.
  if (first === undefined || (isObj(first) && 'header' in first && 'stories' in first)) {
    let doc: unknown;
    try {
      doc = JSON.parse(src);
    } catch (e) {
      throw new CorpusError(file, firstIdx + 1, null, `not JSON or JSON lines (${(e as Error).message})`);
    }
    if (!isObj(doc) || !('header' in doc)) throw new CorpusError(file, null, 'header', 'missing: expected {"header": …, "stories": […]}');
    const header = validateHeader(doc.header, { file, line: null, prefix: 'header.' });
    if (!Array.isArray(doc.stories)) throw new CorpusError(file, null, 'stories', 'expected an array');
    const stories = doc.stories.map((s: unknown, i: number) => validateStory(s, { file, line: null, prefix: `stories[${i}].` }));
    checkUnique(stories, file, stories.map(() => null));
    return { header, stories };
  }
  const header = validateHeader(first, { file, line: firstIdx + 1, prefix: 'header.' });
  const stories: Story[] = [];
  const at: number[] = [];
  for (let i = firstIdx + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    let x: unknown;
    try {
      x = JSON.parse(l);
    } catch (e) {
      throw new CorpusError(file, i + 1, null, `malformed JSON (${(e as Error).message})`);
    }
    stories.push(validateStory(x, { file, line: i + 1, prefix: '' }));
    at.push(i + 1);
  }
  checkUnique(stories, file, at);
  return { header, stories };
}

/** JSON lines: the header, then one story per line. Field order is fixed so files diff well. */
export function serializeCorpus(c: Corpus): string {
  const h = c.header;
  const head: CorpusHeader = {
    format: h.format, version: h.version, name: h.name, edition: h.edition, date: h.date, licence: h.licence,
    ...(h.description !== undefined ? { description: h.description } : {}),
  };
  const out = [JSON.stringify(head)];
  for (const s of c.stories as (Story & { terms?: string[] })[]) {
    out.push(JSON.stringify({
      id: s.id, url: s.url, title: s.title, source: s.source, published: s.published, lang: s.lang,
      summary: s.summary, actors: s.actors, ...(s.terms ? { terms: s.terms } : {}),
    }));
  }
  return out.join('\n') + '\n';
}
