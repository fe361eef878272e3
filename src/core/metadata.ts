// Article metadata from the page's own signals (issue #2, item 2). Pure: reads a Document, never throws on
// hostile input (broken JSON-LD, no <head>, odd dates).
import type { ArticleMeta } from './types.js';

/** What Readability already found; used first for title/byline/excerpt, which it cleans well. */
export interface ReadabilityMeta {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  dir?: string | null;
  publishedTime?: string | null;
  excerpt?: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting',
]);

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object in the page's JSON-LD blocks, flattening arrays and `@graph`. Bad blocks are skipped. */
export function readJsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  let scripts: NodeListOf<Element> | Element[] = [];
  try {
    scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  } catch {
    return out;
  }
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || out.length > 200) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObj(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) visit(v['@graph'], depth + 1);
    }
  };
  for (const s of Array.from(scripts)) {
    // Some sites wrap the JSON in CDATA or HTML comments.
    const raw = (s.textContent ?? '').replace(/^\s*(<!\[CDATA\[|<!--)/, '').replace(/(\]\]>|-->)\s*$/, '');
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      /* a broken block says nothing */
    }
  }
  return out;
}

function typesOf(o: Json): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#]/, '').toLowerCase());
}

export const isArticleLd = (o: Json): boolean => typesOf(o).some((t) => ARTICLE_TYPES.has(t));

// One pass over <meta> per call: querySelector per key costs a full scan each under linkedom (18 ms a page).
// Not cached across calls: a live page's metas change under client-side navigation.
type MetaIndex = Map<string, string>;

function metaIndex(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, content);
    }
  }
  return index;
}

function meta(index: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = index.get(key.toLowerCase());
    if (v) return v;
  }
  return null;
}

/** The page says it is an article: og:type article or a JSON-LD article type. */
export function hasArticleSignals(doc: Document): boolean {
  const og = meta(metaIndex(doc), 'og:type');
  if (og && /^article$|^news/i.test(og)) return true;
  return readJsonLd(doc).some(isArticleLd);
}

const pad = (n: string): string => n.padStart(2, '0');

/**
 * A date or date-time as ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the page's own offset kept
 * (the local date is what "as of" means to a reader). Other formats go through Date and come out in UTC.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, tz] = m;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const date = `${y}-${pad(mo!)}-${pad(d!)}`;
    if (h === undefined) return date;
    if (Number(h) > 23) return date;
    let zone = '';
    if (tz) {
      if (/^z$/i.test(tz)) zone = 'Z';
      else {
        const digits = tz.replace(':', '');
        zone = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
      }
    }
    return `${date}T${pad(h)}:${mi}:${sec ?? '00'}${zone}`;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  if (year < 1800 || year > 2200) return null;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

function firstString(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) for (const x of v) { const s = firstString(x); if (s) return s; }
  if (isObj(v)) return firstString(v['@value']);
  return null;
}

function personNames(v: unknown): string[] {
  if (typeof v === 'string') return [v.trim()].filter(Boolean);
  if (Array.isArray(v)) return v.flatMap(personNames);
  if (isObj(v)) return typeof v.name === 'string' ? personNames(v.name) : [];
  return [];
}

function attr(el: Element | null | undefined, name: string): string | null {
  return el?.getAttribute(name)?.trim() || null;
}

function q(root: ParentNode | null | undefined, sel: string): Element | null {
  try {
    return root?.querySelector(sel) ?? null;
  } catch {
    return null;
  }
}

/** Published time: JSON-LD, then meta tags, then microdata, then a <time> in the article, then plain date metas. */
function publishedOf(doc: Document, metas: MetaIndex, ld: Json[], content: Element | null, fromReadability: string | null): string | null {
  const articleLd = ld.filter(isArticleLd);
  // Lazy: most pages answer from JSON-LD or a meta tag, and each DOM query below is a full scan under linkedom.
  const candidates: (() => string | null)[] = [
    ...articleLd.map((o) => () => firstString(o.datePublished)),
    ...ld.map((o) => () => firstString(o.datePublished)),
    () => meta(metas, 'article:published_time', 'og:published_time', 'og:article:published_time', 'published_time'),
    () => attr(q(doc, '[itemprop="datePublished"][content]'), 'content'),
    () => attr(q(doc, '[itemprop="datePublished"][datetime]'), 'datetime'),
    () => attr(q(content, 'time[datetime]'), 'datetime'),
    () => attr(q(doc, 'article time[pubdate][datetime], time[pubdate][datetime]'), 'datetime'),
    () => attr(q(doc, 'article time[datetime]'), 'datetime'),
    () => attr(q(doc, 'main time[datetime]'), 'datetime'),
    () => fromReadability,
    () => meta(metas, 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'pubdate', 'publishdate',
      'parsely-pub-date', 'sailthru.date'),
  ];
  for (const c of candidates) {
    const iso = normalizeDate(c());
    if (iso) return iso;
  }
  return null;
}

function langOf(doc: Document, metas: MetaIndex, ld: Json[], fromReadability: string | null): string | null {
  const html = attr(doc.documentElement, 'lang') ?? attr(doc.documentElement, 'xml:lang');
  const og = meta(metas, 'og:locale');
  const ldLang = ld.filter(isArticleLd).map((o) => firstString(o.inLanguage)).find(Boolean) ?? null;
  const httpEquiv = meta(metas, 'content-language');
  for (const c of [html, og, fromReadability, ldLang, httpEquiv]) {
    const tag = c?.split(/[,\s]/)[0]?.replace(/_/g, '-');
    if (tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag)) return tag;
  }
  return null;
}

function urlOf(doc: Document, metas: MetaIndex, given: string | null): string | null {
  const resolve = (href: string | null): string | null => {
    if (!href) return null;
    try {
      const u = given ? new URL(href, given) : new URL(href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  };
  const canonical = Array.from(doc.getElementsByTagName('link')).find((l) => /(^|\s)canonical(\s|$)/i.test(l.getAttribute('rel') ?? ''));
  return resolve(attr(canonical, 'href')) ?? resolve(meta(metas, 'og:url')) ?? given;
}

/** Some DOMs throw from getters on odd documents (linkedom's `body` without a root element). */
function safe<T>(get: () => T): T | null {
  try {
    return get();
  } catch {
    return null;
  }
}

const clean = (s: string | null | undefined): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** "By Jane Doe" -> "Jane Doe": the sidebar says "by" itself, in the reader's language. */
const byline = (s: string | null): string | null => (s ? s.replace(/^by:?\s+/i, '').trim() || null : null);

/** Metadata of the article on `doc`. `content` is Readability's article element (for a <time> inside it). */
export function readMetadata(
  doc: Document,
  opts: { url?: string | null; readability?: ReadabilityMeta | null; content?: Element | null } = {},
): ArticleMeta {
  const r = opts.readability ?? {};
  const ld = readJsonLd(doc);
  const metas = metaIndex(doc);
  const articleLd = ld.filter(isArticleLd);
  const ldHeadline = articleLd.map((o) => firstString(o.headline) ?? firstString(o.name)).find(Boolean) ?? null;
  const ldAuthors = articleLd.flatMap((o) => personNames(o.author));
  const ldPublisher = articleLd.map((o) => (isObj(o.publisher) ? firstString(o.publisher.name) : null)).find(Boolean);
  const dirRaw = (clean(r.dir) ?? attr(doc.documentElement, 'dir') ?? attr(safe(() => doc.body), 'dir'))?.toLowerCase();
  return {
    title: clean(r.title) ?? clean(meta(metas, 'og:title')) ?? clean(ldHeadline) ?? clean(safe(() => doc.title)) ?? '',
    byline: byline(clean(r.byline) ?? clean(ldAuthors.join(', ')) ?? clean(meta(metas, 'author', 'article:author'))),
    siteName: clean(meta(metas, 'og:site_name')) ?? clean(r.siteName) ?? clean(ldPublisher) ?? clean(meta(metas, 'application-name')),
    lang: langOf(doc, metas, ld, clean(r.lang)),
    dir: dirRaw === 'rtl' || dirRaw === 'ltr' ? dirRaw : null,
    published: publishedOf(doc, metas, ld, opts.content ?? null, clean(r.publishedTime)),
    url: urlOf(doc, metas, opts.url ?? null),
    excerpt: clean(r.excerpt) ?? clean(meta(metas, 'description', 'og:description')),
  };
}
