// Reads the hand-written corpus sources in assets/corpus/*.txt (format: assets/corpus/README.md).
// Actors are written by their knowledge-base name and resolved to ids by build.ts, so a source file reads
// like prose and a renamed or missing actor fails the build instead of shipping a dangling id.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate } from '../../src/core/corpus';

export interface SourceStory {
  file: string;
  line: number;
  published: string;
  /** "Wikipedia: <article>" or "<Publication>: <title>". */
  source: string;
  url: string | null;
  lang: string;
  actorNames: string[];
  title: string;
  summary: string;
}

export class SourceError extends Error {}

/** Parses one source file. Records are separated by blank lines; lines starting with # are comments. */
export function parseSourceFile(text: string, file: string): SourceStory[] {
  const out: SourceStory[] = [];
  const lines = text.split(/\r?\n/);
  let rec: { line: number; rows: string[] } | null = null;
  const flush = () => {
    if (!rec) return;
    out.push(parseRecord(rec.rows, file, rec.line));
    rec = null;
  };
  lines.forEach((l, i) => {
    if (l.startsWith('#')) return;
    if (l.trim() === '') { flush(); return; }
    if (!rec) rec = { line: i + 1, rows: [] };
    rec.rows.push(l.trim());
  });
  flush();
  return out;
}

function parseRecord(rows: string[], file: string, line: number): SourceStory {
  const bad = (why: string): never => { throw new SourceError(`${file}:${line}: ${why}`); };
  if (rows.length < 4) bad('a record needs 4 lines: "DATE | SOURCE", "@ actors; …", title, summary');
  const head = /^(\S+)\s*\|\s*(.+?)(?:\s*\|\s*lang=([a-z]{2,3}))?$/.exec(rows[0]!);
  if (!head) return bad('first line must be "DATE | SOURCE"');
  const [, date, src, lang] = head as unknown as [string, string, string, string | undefined];
  if (!isIsoDate(date)) bad(`bad date "${date}"`);
  if (!rows[1]!.startsWith('@')) bad('second line must list actors: "@ Name; Name"');
  const actorNames = rows[1]!.slice(1).split(';').map((s) => s.trim()).filter(Boolean);
  if (actorNames.length === 0) bad('no actors');
  let source: string;
  let url: string | null = null;
  if (src.startsWith('wp:')) {
    const article = src.slice(3).trim();
    source = `Wikipedia: ${article}`;
    url = `https://en.wikipedia.org/wiki/${encodeURIComponent(article.replace(/ /g, '_')).replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
  } else {
    source = src;
  }
  const summary = rows.slice(3).join(' ');
  const sentences = summary.split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/).length;
  if (sentences > 3) bad(`summary has ${sentences} sentences; keep it to 1–3`);
  return { file, line, published: date, source, url, lang: lang ?? 'en', actorNames, title: rows[2]!, summary };
}

/** All source files of a folder, in name order (stable ids and output). */
export function readSources(dir: string): SourceStory[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => parseSourceFile(readFileSync(join(dir, f), 'utf8'), `assets/corpus/${f}`));
}
