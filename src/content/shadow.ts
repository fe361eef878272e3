// An article inside an open shadow root (issue #7). Extraction (Readability) reads the light DOM only, so a page
// that renders its story into a shadow tree looks empty to it. Open shadow roots can be read (`element.shadowRoot`),
// and the article in one is read straight from its live element, like an appended article (parts.ts).
//
// Painting: the Custom Highlight API takes ranges inside shadow trees, and `::highlight()` styles reach them through
// highlight inheritance along the flat tree, so content.css (document level) paints them without any style inside
// the page's shadow root. Checked by screenshot here: Chromium 156 paints them; Firefox ESR registers the ranges but
// paints nothing inside the shadow tree (its highlight styles do not cross into it), and making it paint would need
// a style inside the page's shadow root (a <style> or adoptedStyleSheets): that changes the page, which Backstory
// never does. So in Firefox the names are found and listed (sidebar, keyboard) but not painted.
// Nothing is added to the page's shadow tree.
// Limits: closed shadow roots cannot be read (by design); mutations inside a shadow tree are not observed (the
// document's MutationObserver does not see them), so a shadow article is read when the page is (re)read; a click
// on a name inside the shadow tree may not hit-test (caret-from-point stops at the shadow host), the keyboard and
// the sidebar list still reach every name.
import { articleIn } from './parts';

/** Elements looked at before giving up: a page whose extraction found nothing is usually a small shell. */
const MAX_ELEMENTS = 5_000;
/** Shadow trees inside shadow trees are followed this deep. */
const MAX_DEPTH = 3;

/** The first article inside an open shadow root of `doc`, or null. */
export function shadowArticle(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const budget = { left: MAX_ELEMENTS };
  return search(doc, body, budget, 0);
}

function search(doc: Document, root: Node, budget: { left: number }, depth: number): Element | null {
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n && budget.left > 0; n = walker.nextNode(), budget.left--) {
    const sr = (n as Element).shadowRoot;
    if (!sr) continue;
    for (const child of Array.from(sr.children)) {
      const art = articleIn(child);
      if (art) return art;
    }
    if (depth < MAX_DEPTH) {
      const inner = search(doc, sr, budget, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}
