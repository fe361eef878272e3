// Article extraction (issue #2, item 2): Readability on a clone of the page, with every character of the
// resulting text traced back to the live page's Text nodes so highlights land only in the live article.
// Pure: works on any Document (the live page, linkedom or jsdom in Node); no browser globals.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleText } from './types.js';
import { hasArticleSignals, readMetadata } from './metadata.js';
import { buildText } from './extract-text.js';

/** `article.text[start, start + length)` equals `node.data[nodeStart, nodeStart + length)`. */
export interface TextSegment {
  start: number;
  node: Text;
  nodeStart: number;
  length: number;
}

export interface Extracted {
  article: ArticleText;
  segments: TextSegment[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DEFAULT_MAX_CHARS = 1_000_000;
/** Minimum text inside an <article> element for it to count as the page's own "this is an article" signal. */
const ARTICLE_ELEMENT_MIN_CHARS = 500;

/** Is this page an article? Readability's quick check, backed by the page's own signals (it misses 3-4%). */
export function isArticlePage(doc: Document): boolean {
  try {
    if (isProbablyReaderable(doc)) return true;
  } catch {
    /* fall through to the page's own signals */
  }
  if (hasArticleSignals(doc)) return true;
  for (const el of Array.from(doc.getElementsByTagName('article'))) {
    let chars = 0;
    for (const p of Array.from(el.getElementsByTagName('p'))) chars += (p.textContent ?? '').trim().length;
    if (chars >= ARTICLE_ELEMENT_MIN_CHARS) return true;
  }
  return false;
}

/** Pre-order successor of `node` inside `root`. */
function nextNode(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  let n: Node | null = node;
  while (n && n !== root) {
    if (n.nextSibling) return n.nextSibling;
    n = n.parentNode;
  }
  return null;
}

/**
 * Walks the original and its deep clone in lockstep: clone Text -> original Text, plus the original's Text
 * nodes in document order (for re-aligning text that Readability re-created).
 */
function mapClone(pairs: [Node, Node][]): { map: Map<Text, Text>; order: Text[]; index: Map<Text, number> } {
  const map = new Map<Text, Text>();
  const order: Text[] = [];
  const index = new Map<Text, number>();
  // From root elements: linkedom's doctype has no nextSibling, and only elements hold Text nodes.
  for (const [rootA, rootB] of pairs) {
    let a: Node | null = rootA;
    let b: Node | null = rootB;
    while (a && b) {
      if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) break; // trees diverged: keep what matched
      if (a.nodeType === TEXT_NODE) {
        map.set(b as Text, a as Text);
        index.set(a as Text, order.length);
        order.push(a as Text);
      }
      a = nextNode(a, rootA);
      b = nextNode(b, rootB);
    }
  }
  return { map, order, index };
}

/** Pages with more elements than this are read from their own article container only (issue #7, huge pages). */
export const LARGE_PAGE_ELEMENTS = 8_000;

function elementCount(doc: Document): number {
  const live = doc.getElementsByTagName('*').length; // a live collection: cheap in browsers
  return live || doc.querySelectorAll('*').length; // linkedom's collection reports 0
}

function paragraphChars(el: Element): number {
  let chars = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) chars += (p.textContent ?? '').length;
  return chars;
}

/**
 * On a huge page, the element the page itself marks as its article (the <article> with the most paragraph text,
 * else `itemprop=articleBody`, else <main>), when it is much smaller than the page. Cloning and parsing 100,000
 * nodes takes hundreds of milliseconds in one task; the article alone takes a few. Null: read the whole page.
 */
export function articleScope(doc: Document): Element | null {
  const total = elementCount(doc);
  if (total < LARGE_PAGE_ELEMENTS) return null;
  const articles = Array.from(doc.getElementsByTagName('article'));
  let best: Element | null = null;
  let bestChars = 0;
  for (const a of articles) {
    const c = paragraphChars(a);
    if (c > bestChars) { best = a; bestChars = c; }
  }
  best ??= doc.querySelector('[itemprop~="articleBody"]') ?? doc.querySelector('main, [role="main"]');
  if (!best || best.querySelectorAll('*').length > total / 2) return null;
  return best;
}

/** A clone holding only the page's <head> and `scope`, plus the pairs of roots to map clone to original. */
function scopedClone(doc: Document, scope: Element): { clone: Document; pairs: [Node, Node][] } | null {
  const make = doc.implementation?.createHTMLDocument?.bind(doc.implementation);
  if (!make || !doc.head) return null;
  const clone = make('');
  for (const attr of Array.from(doc.documentElement.attributes)) clone.documentElement.setAttribute(attr.name, attr.value);
  const head = clone.importNode(doc.head, true);
  clone.documentElement.replaceChild(head, clone.head);
  const body = clone.importNode(scope, true);
  clone.body.appendChild(body);
  return { clone, pairs: [[doc.head, head], [scope, body]] };
}

const WHITESPACE_ONLY = /^[ \t\n\r\f]*$/;
/** How far ahead to look for the original of a re-created Text node. */
const ALIGN_WINDOW = 4000;

/**
 * Originals for the article's clone Text nodes. Most are the clone nodes Readability moved (exact). Some are
 * re-created: its retry pass resets the page from innerHTML, and it turns `javascript:` links into new Text
 * nodes. Those are matched by equal data, searching forward in document order from the last matched node.
 */
function originalsFor(content: Element, cloneMap: ReturnType<typeof mapClone>): Map<Text, Text> {
  const result = new Map<Text, Text>();
  const used = new Set<Text>();
  let cursor = 0;
  for (let n: Node | null = content; n; n = nextNode(n, content)) {
    if (n.nodeType !== TEXT_NODE) continue;
    const t = n as Text;
    const direct = cloneMap.map.get(t);
    if (direct && direct.data === t.data && !used.has(direct)) {
      result.set(t, direct);
      used.add(direct);
      cursor = (cloneMap.index.get(direct) ?? cursor) + 1;
      continue;
    }
    if (WHITESPACE_ONLY.test(t.data)) continue;
    const end = Math.min(cloneMap.order.length, cursor + ALIGN_WINDOW);
    for (let i = cursor; i < end; i++) {
      const o = cloneMap.order[i]!;
      if (o.data === t.data && !used.has(o)) {
        result.set(t, o);
        used.add(o);
        cursor = i + 1;
        break;
      }
    }
  }
  return result;
}

const BLOCK_TAG = /^(h[1-6]|p|div|header|section|blockquote|figcaption)$/i;

/**
 * The first block of the content when it only repeats the title. Readability drops a duplicate <h1>, but not a
 * standfirst or heading in another element that says the same thing.
 */
function titleBlock(content: Element, title: string): Element | null {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const want = norm(title);
  if (!want) return null;
  for (let n: Node | null = content; n; n = nextNode(n, content)) {
    if (n.nodeType !== TEXT_NODE || WHITESPACE_ONLY.test((n as Text).data)) continue;
    let el: Node | null = n.parentNode;
    while (el && el !== content) {
      if (el.nodeType === ELEMENT_NODE && BLOCK_TAG.test(el.nodeName)) {
        return norm(el.textContent ?? '') === want ? (el as Element) : null;
      }
      el = el.parentNode;
    }
    return null;
  }
  return null;
}

/**
 * The article on `doc` with its text and the segments mapping that text to `doc`'s Text nodes, or null when
 * Readability finds no article or the text is empty. `doc` itself is never modified.
 */
export function extractArticle(doc: Document, opts: { url?: string | null; maxChars?: number } = {}): Extracted | null {
  const scope = articleScope(doc);
  const scoped = scope ? scopedClone(doc, scope) : null;
  const clone = scoped?.clone ?? (doc.cloneNode(true) as Document);
  const cloneMap = mapClone(scoped?.pairs ?? [[doc.documentElement, clone.documentElement]]);
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(clone, { serializer: (el: Node) => el }).parse();
  } catch {
    return null;
  }
  const content = parsed?.content;
  if (!parsed || !content || content.nodeType !== ELEMENT_NODE) return null;
  const contentEl = content as Element;
  const meta = readMetadata(doc, { url: opts.url ?? null, readability: parsed, content: contentEl });
  const originals = originalsFor(contentEl, cloneMap);
  const { text, segments } = buildText(contentEl, originals, {
    skip: titleBlock(contentEl, meta.title),
    maxChars: opts.maxChars ?? DEFAULT_MAX_CHARS,
  });
  if (!text) return null;
  return { article: { ...meta, text }, segments };
}
