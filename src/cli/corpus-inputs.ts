// Inputs of `backstory corpus build`: saved HTML pages, JSON lines, RSS/Atom feeds (issue #5).
// Each reader turns one file into raw articles; corpus.ts links them and writes the corpus.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ArticleText } from '../core/types.js';
import { extractArticle } from '../core/extract.js';
import { parseDocument } from './dom.js';

/** An article before linking: what every input format is reduced to. */
export interface RawArticle {
  article: ArticleText;
  /** Actor ids given by the input (a JSON line that is already a story); linking is skipped when present. */
  actors?: string[];
  /** Where it came from, for error messages ("feed.xml item 3"). */
  where: string;
}

export type InputKind = 'html' | 'jsonl' | 'feed';

const KINDS: Record<string, InputKind> = {
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

/** Files to read: a folder is walked (sorted, hidden files skipped), a file is taken as it is. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (!st.isDirectory()) { out.push(p); return; }
    for (const name of readdirSync(p).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(p, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (KINDS[extname(name).toLowerCase()]) out.push(full);
    }
  };
  for (const p of inputs) {
    try { walk(p); } catch { out.push(p); } // a missing path is reported when it is read
  }
  return out;
}

/** The kind of a file by extension, or by a look at its content. */
export function kindOf(path: string, text: string): InputKind {
  const k = KINDS[extname(path).toLowerCase()];
  if (k) return k;
  const head = text.slice(0, 2_000).trimStart();
  if (head.startsWith('{')) return 'jsonl';
  if (/^<\?xml|<rss[\s>]|<feed[\s>]/i.test(head)) return 'feed';
  return 'html';
}

const isoDay = (s: unknown): string | null => {
  if (typeof s !== 'string' || !s.trim()) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
};

const article = (p: Partial<ArticleText> & { title: string; text: string }): ArticleText => ({
  byline: null, siteName: null, lang: null, dir: null, published: null, url: null, excerpt: null, ...p,
});

export async function readHtml(path: string, html: string): Promise<RawArticle[]> {
  const doc = await parseDocument(html);
  const ex = extractArticle(doc, {});
  if (!ex || !ex.article.text.trim()) throw new Error('no article text found');
  return [{ article: ex.article, where: path }];
}

/**
 * JSON lines: one article per line, {title, text|summary, url?, published?, lang?, source?|siteName?, actors?}.
 * A corpus header line is skipped, so a corpus file can be rebuilt. Bad lines are returned as errors, not thrown.
 */
export function readJsonl(path: string, text: string): { items: RawArticle[]; errors: string[] } {
  const items: RawArticle[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (!l.trim()) return;
    const where = `${path}:${i + 1}`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(l) as Record<string, unknown>;
    } catch {
      errors.push(`${where}: malformed JSON`);
      return;
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) { errors.push(`${where}: expected an object`); return; }
    if (o.format === 'backstory-corpus') return;
    const title = typeof o.title === 'string' ? o.title.trim() : '';
    const body = typeof o.text === 'string' ? o.text : typeof o.summary === 'string' ? o.summary : '';
    if (!title) { errors.push(`${where}: title: missing`); return; }
    const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
    const actors = Array.isArray(o.actors) && o.actors.length && o.actors.every((a) => typeof a === 'string') ? (o.actors as string[]) : undefined;
    items.push({
      article: article({
        title, text: body, url: str('url'), published: isoDay(o.published), lang: str('lang'),
        siteName: str('source') ?? str('siteName'), excerpt: str('summary'),
      }),
      ...(actors ? { actors } : {}),
      where,
    });
  });
  return { items, errors };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decode(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m)
    .replace(/<[^>]+>/g, ' ') // tags that were entity-escaped inside the description
    .replace(/\s+/g, ' ')
    .trim();
}
const tag = (block: string, names: string[]): string | null => {
  for (const n of names) {
    const m = new RegExp(`<${n}(?:\\s[^>]*)?>([\\s\\S]*?)</${n}>`, 'i').exec(block);
    if (m) return m[1]!;
  }
  return null;
};

/** RSS 2.0 `<item>`s or Atom `<entry>`s. Regex-level parsing: feeds are flat and we need five fields. */
export function readFeed(path: string, xml: string): RawArticle[] {
  if (!/<(rss|feed|rdf:RDF)[\s>]/i.test(xml)) throw new Error('not an RSS or Atom feed');
  const channel = decode(tag(xml.replace(/<(item|entry)[\s>][\s\S]*$/i, ''), ['title']) ?? '') || null;
  const lang = decode(tag(xml, ['language']) ?? '') || /xml:lang="([^"]+)"/.exec(xml)?.[1] || null;
  const blocks = [...xml.matchAll(/<(item|entry)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/gi)].map((m) => m[2]!);
  return blocks.map((b, i) => {
    const link = decode(tag(b, ['link']) ?? '') || /<link[^>]*href="([^"]+)"/i.exec(b)?.[1] || null;
    const desc = decode(tag(b, ['description', 'summary', 'content:encoded', 'content']) ?? '');
    return {
      article: article({
        title: decode(tag(b, ['title']) ?? ''),
        text: desc,
        excerpt: desc.slice(0, 500) || null,
        url: link,
        published: isoDay(decode(tag(b, ['pubDate', 'published', 'updated', 'dc:date']) ?? '')),
        siteName: channel,
        lang,
      }),
      where: `${path} item ${i + 1}`,
    };
  });
}
