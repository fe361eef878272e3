// Following the article through re-renders and SPA navigation (issue #7). The observer callback does almost
// nothing: it notes whether a batch touched our text or the URL moved and schedules one debounced re-run, so a page
// that re-renders every second costs one extraction per burst, not one per mutation. Besides the text nodes our
// highlights stand on, it watches all text inside the article's container: a paragraph without names that gains one
// must be linked too. A re-run whose text did not change reuses the earlier link reply (session.ts).
import type { Natives } from './natives';

export interface WatchOptions {
  natives: Natives;
  doc: Document;
  signal: AbortSignal;
  /** Text nodes our highlights stand on: a batch that detaches or edits one of them triggers a re-run. */
  watched: () => ReadonlySet<Node>;
  /** The article's container: any change to the text inside it triggers a re-run, so a paragraph without names
   *  that gains one gets linked (null while there is no article). */
  articleRoot?: () => Node | null;
  /** Our own host: its mutations are ignored. */
  host: () => Node | null;
  /** Called (debounced) when the article may have changed; `urlChanged` when the page's URL moved. */
  onChange: (reason: { urlChanged: boolean }) => void;
  /** Elements added by the page that may be further articles (infinite scroll), batched like the rest. */
  onAdded?: (els: Element[]) => void;
  /** Cheap test of an added element (default: none are). */
  isCandidate?: (el: Element) => boolean;
  debounceMs?: number;
}

/** Starts watching; stops when `signal` aborts. */
export function watchPage(o: WatchOptions): void {
  const { natives, doc, signal } = o;
  const debounce = o.debounceMs ?? 250;
  let timer: number | null = null;
  const page = (): string => (doc.location?.href ?? '').split('#')[0]!;
  let lastUrl = page();
  let pendingUrl = false;
  let pendingChange = false;
  const added = new Set<Element>();

  const schedule = (urlChanged: boolean, change = true) => {
    pendingUrl ||= urlChanged;
    pendingChange ||= change;
    if (timer !== null) natives.clearTimeout(timer);
    timer = natives.setTimeout(() => {
      timer = null;
      if (signal.aborted) return;
      const u = pendingUrl;
      const c = pendingChange;
      const els = [...added].filter((el) => el.isConnected);
      pendingUrl = false;
      pendingChange = false;
      added.clear();
      if (c) o.onChange({ urlChanged: u });
      else if (els.length && o.onAdded) o.onAdded(els);
    }, debounce);
  };

  const urlMoved = (): boolean => {
    const now = page();
    if (now === lastUrl) return false;
    lastUrl = now;
    return true;
  };

  const mo = new natives.MutationObserver((records) => {
    if (signal.aborted) return;
    if (urlMoved()) return schedule(true);
    const nodes = o.watched();
    const host = o.host();
    const root = o.articleRoot?.() ?? null;
    const t0 = natives.now();
    let candidates = false;
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      // A page can hand us thousands of records at once: past the budget, assume the article moved and re-run once
      // (debounced) rather than inspect the rest inside the page's frame.
      if ((i & 63) === 63 && natives.now() - t0 > CALLBACK_BUDGET_MS) return schedule(false);
      if (host && (r.target === host || host.contains(r.target))) continue;
      const inRoot = root !== null && root.contains(r.target);
      if (r.type === 'characterData') {
        if (nodes.has(r.target) || (inRoot && r.oldValue !== (r.target as CharacterData).data)) return schedule(false);
        continue;
      }
      for (const n of Array.from(r.removedNodes)) {
        if (nodes.has(n) || (n.nodeType === 1 && containsAny(n, nodes))) return schedule(false);
        if (inRoot && carriesText(n)) return schedule(false);
      }
      if (inRoot) {
        for (const n of Array.from(r.addedNodes)) if (n !== host && carriesText(n)) return schedule(false);
      }
      if (o.isCandidate) {
        for (const n of Array.from(r.addedNodes)) {
          if (n.nodeType === 1 && n !== host && o.isCandidate(n as Element)) {
            added.add(n as Element);
            candidates = true;
          }
        }
      }
    }
    if (candidates) schedule(false, false);
  });
  mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  signal.addEventListener('abort', () => {
    mo.disconnect();
    if (timer !== null) natives.clearTimeout(timer);
  }, { once: true });

  // History navigation (the fragment alone does not count: it is the same article); pushState from the page's world is invisible to us, but it always comes with DOM changes
  // (checked above) and, where the Navigation API exists, with a `navigatesuccess` event.
  const onNav = () => { if (urlMoved()) schedule(true); };
  const view = doc.defaultView;
  if (view) {
    natives.on(view, 'popstate', onNav, { signal });
    const nav = (view as { navigation?: EventTarget }).navigation;
    if (nav) natives.on(nav, 'navigatesuccess', onNav, { signal });
  }
}

/** Longest the observer callback inspects records before giving up and scheduling a re-run (issue #7). */
const CALLBACK_BUDGET_MS = 4;

/** Whether an added or removed node holds visible text (whitespace between tags does not count). */
function carriesText(n: Node): boolean {
  if (n.nodeType === 3) return /\S/.test((n as Text).data);
  if (n.nodeType !== 1) return false;
  const tag = (n as Element).localName;
  if (tag === 'script' || tag === 'style' || tag === 'template') return false;
  return /\S/.test(n.textContent ?? '');
}

/** Whether `root` contains one of `nodes`, walking the smaller side. */
function containsAny(root: Node, nodes: ReadonlySet<Node>): boolean {
  if (nodes.size < 64) {
    for (const n of nodes) if (root.contains(n)) return true;
    return false;
  }
  const doc = root.ownerDocument;
  if (!doc) return false;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (nodes.has(n)) return true;
  return false;
}
