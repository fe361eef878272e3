// One page session (issue #2 item 5, issue #7): extract -> link -> highlight -> host, then follow the page.
// Everything it adds hangs off one AbortController; `destroy()` leaves the page's DOM exactly as it was.
import type { Extracted, TextSegment } from '../core/extract';
import { rangeFor } from '../core/textmap';
import type { ArticleText } from '../core/types';
import type { Send } from '../shared/messaging';
import type { ContentCommandType } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import type { HighlightEnv } from './highlighter';
import { Highlighter } from './highlighter';
import type { Placed } from './hit-test';
import { hitTest } from './hit-test';
import { Host } from './host';
import type { LinkReply, Part } from './part';
import { clampArticle, partArticle, placeSliced } from './part';
import { MIN_PART_CHARS, articleIn, commonAncestor, looksLikeArticle, partText } from './parts';
import { isCloseKey, stepIndex } from './keyboard';
import type { Natives } from './natives';
import { watchPage } from './observer';
import { shadowArticle } from './shadow';

export interface SessionDeps {
  doc: Document;
  natives: Natives;
  send: Send;
  settings: Settings;
  /** `runtime.getURL('sidebar.html')`. */
  sidebarUrl: string;
  isArticle(doc: Document): boolean;
  extract(doc: Document, opts: { url: string }): Extracted | null;
  /** The Custom Highlight API (null where missing: the page is then processed but nothing is painted). */
  highlightEnv: HighlightEnv | null;
  /** Debounce of re-runs after mutations, in ms. */
  debounceMs?: number;
}

export type SessionState = 'idle' | 'running' | 'skipped' | 'ready' | 'destroyed';

const FLASH_MS = 1_600;
const MAX_STALE_RUNS = 3;

export class Session {
  state: SessionState = 'idle';
  private readonly ac = new AbortController();
  private readonly hl: Highlighter;
  private host: Host | null = null;
  /** The page's article (first) and any articles appended below it (infinite scroll). */
  private parts: Part[] = [];
  /** All highlighted mentions, parts in order, each in text order. */
  private placed: Placed[] = [];
  /** The part linked last: the background's article state (and the sidebar's mention indexes) describe it. */
  private latest: Part | null = null;
  private watched = new Set<Node>();
  /** The page's article container: text changes inside it re-run the pipeline (observer.ts). */
  private articleRoot: Element | null = null;
  private meta: ArticleText | null = null;
  private focusIdx: number | null = null;
  private selected: string | null = null;
  private hover: Placed | null = null;
  private flashTimer: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** Consecutive runs that ended on detached nodes (a page re-rendering faster than we run is left to the observer). */
  private staleRuns = 0;
  private listening = false;

  constructor(private readonly d: SessionDeps) {
    this.hl = new Highlighter(d.highlightEnv);
  }

  get signal(): AbortSignal {
    return this.ac.signal;
  }

  /** Highlighted mentions in text order (tests, diagnostics). */
  get highlighted(): readonly Placed[] {
    return this.placed;
  }

  get hostElement(): HTMLElement | null {
    return this.host?.el ?? null;
  }

  get hostForTests(): Host | null {
    return this.host;
  }

  /** Runs the pipeline once. Resolves when the page is highlighted or judged not to be an article. */
  start(): Promise<void> {
    return this.run({ urlChanged: true });
  }

  /** Removes everything this session added: highlights, listeners, observers, the host. */
  destroy(): void {
    if (this.state === 'destroyed') return;
    this.state = 'destroyed';
    this.ac.abort();
    if (this.flashTimer !== null) this.d.natives.clearTimeout(this.flashTimer);
    this.hl.clear();
    this.host?.remove();
    this.host = null;
    this.placed = [];
    this.parts = [];
    this.latest = null;
    this.watched.clear();
    this.articleRoot = null;
  }

  /** A command from the background (keyboard shortcut, sidebar, popup). */
  handle(type: ContentCommandType, payload: unknown): void {
    if (this.state === 'destroyed') return;
    switch (type) {
      case 'content/command': {
        const { command } = payload as { command: 'toggle-sidebar' | 'next-actor' | 'prev-actor' };
        if (command === 'toggle-sidebar') this.toggleSidebar();
        else this.step(command === 'next-actor' ? 1 : -1);
        return;
      }
      case 'content/focus-mention':
        this.focusMention((payload as { index: number }).index);
        return;
      case 'content/close-sidebar':
        this.host?.closeSidebar();
        return;
      case 'content/open-sidebar':
        this.openSidebar(this.selected);
        return;
      default:
        return;
    }
  }

  // ---------- pipeline ----------

  private run(reason: { urlChanged: boolean }): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pipeline(reason)
      .catch(() => {
        // The background went away (extension reloaded) or the page fought back: leave the page alone.
        if (this.state === 'running') this.state = 'skipped';
      })
      .finally(() => {
        this.running = null;
        if (this.again && this.state !== 'destroyed') {
          this.again = false;
          void this.run({ urlChanged: false });
        }
      });
    return this.running;
  }

  private async pipeline(reason: { urlChanged: boolean }): Promise<void> {
    const { doc, natives } = this.d;
    const prev = this.state;
    this.state = 'running';
    const t0 = natives.now();
    // The article check and the extraction run as separate tasks, so each stays as short as it can be.
    const isArticle = this.d.isArticle(doc);
    if (isArticle) await new Promise<void>((r) => natives.setTimeout(r, 0));
    if (this.ac.signal.aborted) return;
    const extracted = isArticle ? this.d.extract(doc, { url: doc.location.href }) : null;
    // A page whose story lives in an open shadow root looks empty to extraction (shadow.ts).
    const shadow = isArticle && (!extracted || extracted.article.text.length < MIN_PART_CHARS) ? shadowArticle(doc) : null;
    const t1 = natives.now();
    natives.measure('backstory:extract', t0, t1);
    if (this.ac.signal.aborted) return;
    if (shadow) {
      const old = reason.urlChanged ? undefined : this.parts[0];
      this.meta = null;
      const part = await this.readPart(shadow, old?.root === shadow ? old : undefined);
      if (this.ac.signal.aborted) return;
      if (part) {
        this.parts = [part];
        this.show();
        natives.measure('backstory:total', t0, natives.now());
        this.state = 'ready';
        this.listen();
        return;
      }
    }
    if (!extracted) {
      // Not an article (any more: an SPA may navigate from an article to a list). Keep the host if we had one.
      this.parts = [];
      this.latest = null;
      this.show();
      this.state = this.host ? 'ready' : 'skipped';
      if (prev === 'idle' || reason.urlChanged) this.listen();
      return;
    }

    const article = clampArticle(extracted.article);
    this.meta = article;
    const old = reason.urlChanged ? [] : this.parts;
    const parts: Part[] = [await this.linkPart(null, article, extracted.segments, old[0])];
    if (this.ac.signal.aborted) return;
    const t2 = natives.now();
    natives.measure('backstory:link', t1, t2);
    // Appended articles that are still on the page: re-read (a re-render may have replaced their nodes).
    for (const p of old.slice(1)) {
      if (!p.root || !p.root.isConnected) continue;
      const part = await this.readPart(p.root, p);
      if (this.ac.signal.aborted) return;
      if (part) parts.push(part);
    }
    this.parts = parts;
    this.show();
    const t3 = natives.now();
    natives.measure('backstory:highlight', t2, t3);
    natives.measure('backstory:total', t0, t3);
    this.state = 'ready';
    this.listen();
    // The page re-rendered while we linked (a cold background takes a second or two): our ranges stand on detached
    // nodes that no mutation will mention again, so read the page once more (the link reply is reused).
    const stale = parts[0]!.segments.some((seg) => !seg.node.isConnected);
    this.staleRuns = stale ? this.staleRuns + 1 : 0;
    if (stale && this.staleRuns <= MAX_STALE_RUNS) this.again = true;
  }

  /** Links a part (reusing the earlier reply when its text did not change) and places its mentions. */
  private async linkPart(root: Element | null, article: ArticleText, segments: TextSegment[], prev?: Part): Promise<Part> {
    let reply: LinkReply;
    let fresh = false;
    if (prev && prev.root === root && prev.text === article.text) {
      reply = prev.reply;
    } else {
      reply = await this.d.send('article/link', { article });
      fresh = true;
    }
    const entities = new Map(reply.entities.map((e) => [e.id, e]));
    const placed = await placeSliced(this.d.natives, this.d.settings, this.ac.signal, reply, entities, segments);
    const part: Part = { root, text: article.text, segments, reply, entities, placed };
    if (fresh || !this.latest || this.latest === prev) this.latest = part;
    if (fresh) this.focusIdx = null;
    return part;
  }

  /** Reads and links an appended article element; null when it holds too little text. */
  private async readPart(root: Element, prev?: Part): Promise<Part | null> {
    const { text, segments } = partText(root);
    if (text.length < MIN_PART_CHARS / 2) return null;
    const article = partArticle(root, text, this.meta, this.d.doc.location.href);
    return this.linkPart(root, article, segments, prev);
  }

  /** Articles appended below the others (infinite scroll), one after the other. */
  private async addParts(els: Element[]): Promise<void> {
    if (this.running) return;
    try {
      for (const el of els) {
        const art = articleIn(el);
        if (art) await this.addPart(art);
      }
    } catch {
      // The background went away: keep what is shown.
    }
  }

  private async addPart(root: Element): Promise<void> {
    if (this.state !== 'ready' || this.parts.length === 0 || !root.isConnected) return;
    if (this.parts.some((p) => p.root && (p.root.contains(root) || root.contains(p.root)))) return;
    const main = commonAncestor(this.parts[0]!.segments.map((s) => s.node));
    if (main && (main.contains(root) || root.contains(main))) return; // a re-render of the article itself
    const part = await this.readPart(root);
    if (!part || this.ac.signal.aborted) return;
    this.parts.push(part);
    this.show();
  }

  /** Paints every part's mentions and updates the host. */
  private show(): void {
    const placed = this.parts.flatMap((p) => p.placed);
    this.placed = placed;
    this.watched = new Set(placed.flatMap((p) => [p.range.startContainer, p.range.endContainer]));
    const main = this.parts[0];
    // From the nodes still in the page: a page that re-rendered while we were linking has detached some of them.
    const root = main && !main.root ? commonAncestor(main.segments.map((s) => s.node).filter((n) => n.isConnected)) : null;
    if (root || !main) this.articleRoot = root;
    this.hl.render(placed, this.d.settings.palette);
    this.hl.setHover(null);
    this.hover = null;
    if (this.parts.length === 0) {
      this.host?.setReady(0, []);
      return;
    }
    if (!this.host) {
      this.host = new Host({
        doc: this.d.doc, sidebarUrl: this.d.sidebarUrl, side: this.d.settings.sidebarSide, width: this.d.settings.sidebarWidth,
      });
    }
    this.host.attach();
    this.host.setReady(placed.length, placed.map((p) => p.mention.entityId));
  }

  // ---------- page listeners ----------

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const { doc, natives } = this.d;
    const signal = this.ac.signal;
    const win = doc.defaultView;
    if (!win) return;
    natives.on(win, 'click', (e) => this.onClick(e as MouseEvent), { capture: true, passive: true, signal });
    natives.on(win, 'pointermove', (e) => this.onPointer(e as PointerEvent), { passive: true, signal });
    natives.on(win, 'scroll', () => this.clearHover(), { passive: true, capture: true, signal });
    natives.on(win, 'keydown', (e) => this.onKey(e as KeyboardEvent), { capture: true, signal });
    watchPage({
      natives, doc, signal,
      watched: () => this.watched,
      host: () => this.host?.el ?? null,
      articleRoot: () => this.articleRoot,
      onChange: (reason) => void this.run(reason),
      isCandidate: looksLikeArticle,
      onAdded: (els) => void this.addParts(els),
      debounceMs: this.d.debounceMs,
    });
  }

  private onClick(e: MouseEvent): void {
    if (e.button !== 0 || e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // A name inside a link follows the link; its card stays reachable from the sidebar list and the keyboard.
    const t = e.target as Element | null;
    if (t && typeof t.closest === 'function' && t.closest('a[href], button, input, textarea, select, label, [contenteditable]')) return;
    const sel = this.d.doc.getSelection?.();
    if (sel && !sel.isCollapsed) return; // the reader is selecting text
    const hit = this.hitAt(e.clientX, e.clientY);
    if (!hit) return;
    this.focusIdx = this.placed.indexOf(hit);
    this.select(hit.mention.entityId, true);
  }

  private hitAt(x: number, y: number): Placed | null {
    for (const p of this.parts) {
      const hit = hitTest(this.d.natives, p.segments, p.placed, x, y);
      if (hit) return hit;
    }
    return null;
  }

  private pointer: { x: number; y: number } | null = null;
  private rafId: number | null = null;

  private onPointer(e: PointerEvent): void {
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.rafId !== null) return;
    this.rafId = this.d.natives.raf(() => {
      this.rafId = null;
      if (this.state === 'destroyed' || !this.pointer) return;
      const hit = this.hitAt(this.pointer.x, this.pointer.y);
      if (hit === this.hover) return;
      this.hover = hit;
      this.hl.setHover(hit ? hit.range : null);
      if (!hit || !this.host) return this.host?.hideTooltip();
      if (!this.d.settings.hoverTooltip) return;
      const box = this.d.natives.liveRange(hit.range).getBoundingClientRect?.();
      this.host.showTooltip(`Background: ${hit.name} — click`, {
        left: box?.left ?? this.pointer.x, top: box?.top ?? this.pointer.y, bottom: box?.bottom ?? this.pointer.y,
      });
    });
  }

  private clearHover(): void {
    if (!this.hover) return;
    this.hover = null;
    this.hl.setHover(null);
    this.host?.hideTooltip();
  }

  private onKey(e: KeyboardEvent): void {
    if (this.host?.sidebarOpen && isCloseKey(e)) this.host.closeSidebar();
  }

  // ---------- sidebar and keyboard ----------

  private select(id: string, open: boolean): void {
    this.selected = id;
    void this.d.send('article/select', { id }).catch(() => {});
    if (open) this.openSidebar(id);
    const name = this.parts.map((p) => p.entities.get(id)?.name).find(Boolean) ?? id;
    this.host?.announce(`Background on ${name} opened in the Backstory sidebar.`);
  }

  private openSidebar(id: string | null): void {
    if (!this.host) return;
    this.host.hideTooltip();
    this.host.openSidebar(id ? `#entity=${encodeURIComponent(id)}` : '#view=article');
  }

  private toggleSidebar(): void {
    if (this.host?.sidebarOpen) this.host.closeSidebar();
    else this.openSidebar(this.selected);
  }

  private step(dir: 1 | -1): void {
    const i = stepIndex(this.focusIdx, this.placed.length, dir);
    if (i === null) {
      this.host?.announce('No actors highlighted on this page.');
      return;
    }
    this.focusIdx = i;
    const p = this.placed[i]!;
    this.hl.setFocus(p.range);
    this.scrollTo(p.range);
    this.select(p.mention.entityId, true);
  }

  private focusMention(index: number): void {
    // Indexes are into the reply of the part linked last: that is the article the sidebar shows.
    const part = this.latest;
    if (!part) return;
    const placed = part.placed.find((p) => p.index === index);
    let range = placed?.range ?? null;
    if (!range) {
      // Not highlighted (filtered by settings): still show where it is, if it maps.
      const m = part.reply.mentions[index];
      const r = m ? rangeFor(part.segments, m.start, m.end) : null;
      range = r
        ? this.d.natives.makeRange({ startContainer: r.startNode, startOffset: r.startOffset, endContainer: r.endNode, endOffset: r.endOffset })
        : null;
    }
    if (!range) return;
    if (placed) this.focusIdx = this.placed.indexOf(placed);
    this.hl.setFocus(range);
    this.scrollTo(range);
    if (this.flashTimer !== null) this.d.natives.clearTimeout(this.flashTimer);
    this.flashTimer = this.d.natives.setTimeout(() => {
      this.flashTimer = null;
      if (this.state !== 'destroyed') this.hl.setFocus(null);
    }, FLASH_MS);
  }

  private scrollTo(range: AbstractRange): void {
    const node = range.startContainer;
    const el = (node.nodeType === 1 ? node : node.parentElement) as Element | null;
    if (!el || typeof el.scrollIntoView !== 'function') return;
    const box = this.d.natives.liveRange(range).getBoundingClientRect?.();
    const vh = this.d.doc.defaultView?.innerHeight ?? 0;
    if (box && vh && box.top >= 0 && box.bottom <= vh && (box.width > 0 || box.height > 0)) return; // already visible
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}

export { clampArticle };
