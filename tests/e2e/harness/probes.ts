// Functions run in a page's main world. The page's world shares the CSS highlight registry with the content script
// (NOTES.md), so what is highlighted can be read from outside the extension, as the reader sees it.
// Each function is self-contained: it is serialised into the page, so it may not use anything from this module.

/** What Backstory's one host element says, or null when there is none. */
export interface HostInfo {
  state: string | null;
  mentions: number;
  entities: string[];
  count: number;
}

export function readHost(): HostInfo | null {
  const hosts = document.querySelectorAll('backstory-host');
  const h = hosts[0];
  if (!h) return null;
  return {
    state: h.getAttribute('data-state'),
    mentions: Number(h.getAttribute('data-mentions') ?? 0),
    entities: (h.getAttribute('data-entities') ?? '').split(/\s+/).filter(Boolean),
    count: hosts.length,
  };
}

export function hostReady(): boolean {
  return document.querySelector('backstory-host')?.getAttribute('data-state') === 'ready';
}

/** One highlighted range as text, with where it sits. */
export interface HighlightedRange {
  highlight: string;
  text: string;
  /** The closest element of the range's start that readers cannot highlight into (input, code, editable). */
  guarded: string | null;
  /** Tag of the nearest heading/link ancestor, if any. */
  inside: string | null;
  /** Tag of the nearest page-furniture or article landmark around it (nav, aside, footer, header, article, main). */
  region: string | null;
  /** Text of the range's parent and two more ancestors (each capped), to tell where on the page it sits. */
  context: string[];
  /** Whether the range still points into the live document (a re-render may have detached its nodes). */
  connected: boolean;
}

/** Every range in every registered highlight, as text. StaticRanges are read through a live Range. */
export function readHighlights(): HighlightedRange[] {
  const out: HighlightedRange[] = [];
  // hostile.html replaces window.CSS and keeps the original in __real for the test.
  const registry = (((window as any).__real?.CSS ?? CSS) as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  if (!registry) return out;
  for (const [name, highlight] of registry) {
    for (const r of highlight) {
      let text = '';
      try {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        text = live.toString();
      } catch {
        text = '';
      }
      const el = r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement;
      const guarded = el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], code, pre, kbd, samp, script, style');
      const inside = el?.closest('h1, h2, h3, h4, h5, h6, a');
      const region = el?.closest('nav, aside, footer, header, article, main');
      const context: string[] = [];
      for (let a: Element | null | undefined = el, i = 0; a && i < 3; a = a.parentElement, i++) {
        context.push((a.textContent ?? '').slice(0, 3_000));
      }
      out.push({
        highlight: name,
        text,
        guarded: guarded ? guarded.tagName.toLowerCase() : null,
        inside: inside ? inside.tagName.toLowerCase() : null,
        region: region ? region.tagName.toLowerCase() : null,
        context,
        connected: r.startContainer.isConnected && r.endContainer.isConnected,
      });
    }
  }
  return out;
}

export function highlightCount(): number {
  // hostile.html replaces window.CSS and keeps the original in __real for the test.
  const registry = (((window as any).__real?.CSS ?? CSS) as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  let n = 0;
  if (registry) for (const [, h] of registry) n += h.size;
  return n;
}

/**
 * Scrolls the first highlighted range whose text is `text` into view and returns the centre of its first box in
 * viewport coordinates, or null when no such highlight exists.
 */
export function pointOfHighlight(text: string): { x: number; y: number } | null {
  // hostile.html replaces window.CSS and keeps the original in __real for the test.
  const registry = (((window as any).__real?.CSS ?? CSS) as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  if (!registry) return null;
  for (const [, highlight] of registry) {
    for (const r of highlight) {
      const live = document.createRange();
      try {
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue;
      }
      if (live.toString() !== text) continue;
      const el = r.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
      const box = live.getClientRects()[0];
      if (!box) continue;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
  }
  return null;
}

/** The page's DOM as markup, the thing teardown must leave exactly as it was. */
export function outerHtml(): string {
  return document.documentElement.outerHTML;
}

/** The page's markup as it would be without Backstory's host element (taken from a clone; the page is untouched). */
export function outerHtmlWithoutHost(): string {
  const clone = document.documentElement.cloneNode(true) as Element;
  for (const h of clone.querySelectorAll('backstory-host')) h.remove();
  return clone.outerHTML;
}
