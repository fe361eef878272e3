// The reader's history of articles read, in IndexedDB (issue #5). Only the background owns it.
// Entries hold URL, title, site, dates, actors and salient terms; the full text only when the reader opted in
// (the caller decides: it passes `text` or not). Capped by count and by size, oldest `readAt` out first.
// The IDBFactory is passed in so tests run on fake-indexeddb.
import type { ArticleText, HistoryEntry, Mention } from '../core/types';
import { hashId, storyFromArticle } from '../core/related';
import { isIsoDate } from '../core/corpus';

const STORE = 'entries';
const DEFAULTS = { maxItems: 5_000, maxBytes: 20_000_000, dbName: 'backstory-history' };

interface Row { url: string; readAt: string; bytes: number }

/** Size estimate of an entry: its JSON length (UTF-16 units, roughly what IndexedDB stores). */
const sizeOf = (e: HistoryEntry): number => JSON.stringify(e).length;

const req = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((res, rej) => {
    tx.oncomplete = () => res();
    // A failed request aborts the whole transaction (its error event is deliberately not prevented), which is
    // what makes writes all-or-nothing; onabort reports the cause.
    tx.onabort = () => rej(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
  });

/** Entries are keyed by URL; an entry without one cannot be stored. */
const urlOf = (e: HistoryEntry): string => {
  if (!e.url) throw new Error('history: an entry needs a URL');
  return e.url;
};

const isQuota = (e: unknown): boolean => (e as { name?: string } | null)?.name === 'QuotaExceededError';

export class HistoryImportError extends Error {
  constructor(public line: number, reason: string) {
    super(`history import: line ${line}: ${reason}`);
    this.name = 'HistoryImportError';
  }
}

/** Checks one imported line and fills what an older export may lack. Throws a reason string. */
function toEntry(x: unknown): HistoryEntry {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw 'expected a JSON object';
  const o = x as Record<string, unknown>;
  const s = (k: string, required = false): string | undefined => {
    const v = o[k];
    if (v === undefined || v === null) { if (required) throw `${k}: missing`; return undefined; }
    if (typeof v !== 'string') throw `${k}: expected a string`;
    return v;
  };
  const arr = (k: string): string[] => {
    const v = o[k] ?? [];
    if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) throw `${k}: expected an array of strings`;
    return v as string[];
  };
  const url = s('url', true)!;
  if (!/^https?:\/\/\S+$/.test(url)) throw `url: expected an http(s) URL`;
  const readAt = s('readAt', true)!;
  if (Number.isNaN(Date.parse(readAt))) throw `readAt: expected an ISO time`;
  const published = s('published') ?? '';
  if (published && !isIsoDate(published)) throw `published: expected an ISO date`;
  const site = s('site') ?? /^[a-z]+:\/\/(?:www\.)?([^/?#:]+)/i.exec(url)?.[1] ?? '';
  const e: HistoryEntry = {
    id: s('id') ?? hashId(url),
    url,
    title: s('title', true)!,
    source: s('source') ?? site,
    published,
    lang: s('lang') ?? 'und',
    summary: s('summary') ?? '',
    actors: arr('actors'),
    site,
    readAt,
    terms: arr('terms'),
  };
  const text = s('text');
  if (text !== undefined) e.text = text;
  return e;
}

/**
 * The history entry for an article just read: URL, title, site, dates, actors (most mentioned first) and salient
 * terms; the article text only when the reader opted in. Null for a page without an http(s) URL (nothing to key on).
 */
export function entryFromArticle(
  article: ArticleText,
  mentions: Mention[],
  opts: { keepText?: boolean; now?: Date } = {},
): HistoryEntry | null {
  if (!article.url || !/^https?:\/\//.test(article.url)) return null;
  const s = storyFromArticle(article, mentions);
  const e: HistoryEntry = {
    ...s,
    site: /^[a-z]+:\/\/(?:www\.)?([^/?#:]+)/i.exec(article.url)?.[1] ?? '',
    readAt: (opts.now ?? new Date()).toISOString(),
  };
  if (opts.keepText) e.text = article.text;
  return e;
}

export class History {
  private rows = new Map<string, Row>(); // url -> size bookkeeping, mirrors the store
  private bytes = 0;

  private constructor(private db: IDBDatabase, private maxItems: number, private maxBytes: number) {}

  static async open(idb: IDBFactory, opts: { maxItems?: number; maxBytes?: number; dbName?: string } = {}): Promise<History> {
    const o = { ...DEFAULTS, ...opts };
    const open = idb.open(o.dbName, 1);
    open.onupgradeneeded = () => {
      const st = open.result.createObjectStore(STORE, { keyPath: 'url' });
      st.createIndex('readAt', 'readAt');
    };
    const db = await req(open);
    const h = new History(db, o.maxItems, o.maxBytes);
    for (const e of await h.all()) h.track(e);
    return h;
  }

  private track(e: HistoryEntry): void {
    const old = this.rows.get(urlOf(e));
    if (old) this.bytes -= old.bytes;
    const r = { url: urlOf(e), readAt: e.readAt, bytes: sizeOf(e) };
    this.rows.set(urlOf(e), r);
    this.bytes += r.bytes;
  }

  /** URLs to drop so that `incoming` fits under the caps, oldest readAt first. */
  private evictions(incoming: HistoryEntry[], extra = 0): string[] {
    const rows = new Map(this.rows);
    let bytes = this.bytes;
    for (const e of incoming) {
      const old = rows.get(urlOf(e));
      if (old) bytes -= old.bytes;
      const r = { url: urlOf(e), readAt: e.readAt, bytes: sizeOf(e) };
      rows.set(urlOf(e), r);
      bytes += r.bytes;
    }
    const out: string[] = [];
    const sorted = [...rows.values()].sort((a, b) => (a.readAt < b.readAt ? -1 : a.readAt > b.readAt ? 1 : 0));
    let count = rows.size;
    let i = 0;
    while ((count > this.maxItems || bytes > this.maxBytes || out.length < extra) && i < sorted.length - 1) {
      const r = sorted[i++]!;
      out.push(r.url);
      count--;
      bytes -= r.bytes;
    }
    return out;
  }

  /** One transaction: write `entries`, drop `drop`. Bookkeeping changes only once it has committed. */
  private async write(entries: HistoryEntry[], drop: string[], clearFirst = false): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const finished = done(tx);
    const st = tx.objectStore(STORE);
    try {
      if (clearFirst) st.clear();
      for (const url of drop) st.delete(url);
      for (const e of entries) st.put(e);
    } catch (e) {
      try { tx.abort(); } catch { /* already aborted */ }
      await finished.catch(() => undefined);
      throw e;
    }
    await finished;
    if (clearFirst) { this.rows.clear(); this.bytes = 0; }
    for (const url of drop) {
      const r = this.rows.get(url);
      if (r) { this.bytes -= r.bytes; this.rows.delete(url); }
    }
    for (const e of entries) this.track(e);
  }

  /** Writes with the caps applied; on a full disk evicts the oldest tenth and retries once. */
  private async writeCapped(entries: HistoryEntry[]): Promise<void> {
    // An incoming entry older than everything kept may itself be the one evicted: then it is not written.
    const attempt = (extra: number) => {
      const drop = this.evictions(entries, extra);
      const gone = new Set(drop);
      return this.write(entries.filter((e) => !gone.has(urlOf(e))), drop);
    };
    try {
      await attempt(0);
    } catch (e) {
      if (!isQuota(e)) throw e;
      const extra = Math.max(1, Math.ceil(this.rows.size / 10));
      try {
        await attempt(extra);
      } catch (e2) {
        if (isQuota(e2)) throw new Error('History is full: the browser refused more storage even after removing the oldest entries. Clear the history or lower its size in the options.');
        throw e2;
      }
    }
  }

  /** Adds or replaces (by URL) one entry. */
  async add(entry: HistoryEntry): Promise<void> {
    await this.writeCapped([entry]);
  }

  /** Every entry, oldest read first. */
  async all(): Promise<HistoryEntry[]> {
    const tx = this.db.transaction(STORE, 'readonly');
    const list = await req(tx.objectStore(STORE).index('readAt').getAll() as IDBRequest<HistoryEntry[]>);
    return list;
  }

  async exportJsonl(): Promise<string> {
    const list = await this.all();
    return list.map((e) => JSON.stringify(e)).join('\n') + (list.length ? '\n' : '');
  }

  /**
   * Imports JSON lines. Every line is checked before anything is written, and the write is one transaction:
   * a bad line or a failed write leaves the history exactly as it was. Returns the number of entries imported.
   */
  async importJsonl(text: string): Promise<number> {
    const entries: HistoryEntry[] = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((l, i) => {
      if (l.trim() === '') return;
      let x: unknown;
      try { x = JSON.parse(l); } catch { throw new HistoryImportError(i + 1, 'malformed JSON'); }
      try { entries.push(toEntry(x)); } catch (why) { throw new HistoryImportError(i + 1, String(why)); }
    });
    if (entries.length === 0) return 0;
    await this.writeCapped(entries);
    return entries.length;
  }

  async clear(): Promise<void> {
    await this.write([], [], true);
  }

  /** Entry count and estimated size, for the options page. */
  stats(): { count: number; bytes: number } {
    return { count: this.rows.size, bytes: this.bytes };
  }

  close(): void {
    this.db.close();
  }
}
