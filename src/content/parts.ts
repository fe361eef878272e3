// Articles appended below the first one (infinite scroll, issue #7). Readability picks one article per page, so an
// appended article is read straight from its live element: the same text rules as extraction (core/extract-text),
// with every Text node standing for itself, so segments point at the live page.
import { buildText } from '../core/extract-text';
import type { TextSegment } from '../core/extract';

const SHOW_TEXT = 4;
/** Less text than this is a teaser, a comment or an ad, not an article. */
export const MIN_PART_CHARS = 400;

/** The article text of a live element and its segments. */
export function partText(root: Element, maxChars = 1_000_000): { text: string; segments: TextSegment[] } {
  const doc = root.ownerDocument;
  const identity = new Map<Text, Text>();
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) identity.set(n as Text, n as Text);
  return buildText(root, identity, { skip: null, maxChars });
}

/** The headline of an appended article: its first heading, if any. */
export function partTitle(root: Element): string | null {
  const h = root.querySelector('h1, h2, h3');
  const t = h?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 2_000) : null;
}

/**
 * Whether an added element looks like a further article: an <article> (or role/itemtype saying so) with a headline
 * and enough paragraph text. Comments, teasers and "more stories" boxes rarely carry all three.
 */
export function articleIn(el: Element): Element | null {
  const tag = el.localName;
  if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'backstory-host') return null;
  const art = el.matches(ARTICLE_SEL) ? el : el.querySelector(ARTICLE_SEL);
  if (!art) return null;
  if (art.closest('[contenteditable]:not([contenteditable="false" i])')) return null;
  if (!art.querySelector('h1, h2')) return null;
  let chars = 0;
  for (const p of Array.from(art.getElementsByTagName('p'))) {
    chars += (p.textContent ?? '').length;
    if (chars >= MIN_PART_CHARS) return art;
  }
  return null;
}

export const looksLikeArticle = (el: Element): boolean => articleIn(el) !== null;

const ARTICLE_SEL = 'article, [role="article"], [itemtype*="Article"]';

/** The deepest element containing every node, or null. */
export function commonAncestor(nodes: Iterable<Node>): Element | null {
  let anc: Node | null = null;
  for (const n of nodes) {
    if (!anc) {
      anc = n.parentNode;
      continue;
    }
    while (anc && !anc.contains(n)) anc = anc.parentNode;
    if (!anc) return null;
  }
  return anc && anc.nodeType === 1 ? (anc as Element) : null;
}
