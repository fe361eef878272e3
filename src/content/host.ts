// The one node Backstory adds to a page (issue #2 items 5-6): <backstory-host> on <html>, with a CLOSED shadow root
// holding the tooltip, a polite live region and the sidebar iframe. `:host { all: initial }` keeps page CSS out and
// ours in; the closed root keeps page scripts from reaching the sidebar frame through the host.

export const HOST_TAG = 'backstory-host';

const STYLE = `
:host { all: initial; }
.tip {
  position: fixed; z-index: 2147483647; max-width: 320px; padding: 4px 8px; border-radius: 4px;
  font: 13px/1.35 system-ui, sans-serif; color: #fff; background: #1f2933; box-shadow: 0 2px 6px rgba(0,0,0,.3);
  pointer-events: none; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.tip[hidden] { display: none; }
.sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
iframe {
  position: fixed; top: 0; bottom: 0; height: 100vh; z-index: 2147483647; border: 0; margin: 0; padding: 0;
  background: Canvas; color-scheme: light dark; box-shadow: 0 0 12px rgba(0,0,0,.3); max-width: 100vw;
}
iframe[hidden] { display: none; }
`;

export interface HostOptions {
  doc: Document;
  /** `runtime.getURL('sidebar.html')`. */
  sidebarUrl: string;
  side: 'right' | 'left';
  width: number;
}

export class Host {
  readonly el: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly tip: HTMLElement;
  private readonly live: HTMLElement;
  private frame: HTMLIFrameElement | null = null;
  private returnFocus: Element | null = null;

  constructor(private readonly opts: HostOptions) {
    const { doc } = opts;
    this.el = doc.createElement(HOST_TAG);
    this.root = this.el.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.tip = doc.createElement('div');
    this.tip.className = 'tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
    this.live = doc.createElement('div');
    this.live.className = 'sr';
    this.live.setAttribute('aria-live', 'polite');
    // Visually hidden even if the shadow <style> were blocked (see openSidebar).
    for (const [k, v] of [['position', 'fixed'], ['width', '1px'], ['height', '1px'], ['overflow', 'hidden'],
      ['clip-path', 'inset(50%)'], ['white-space', 'nowrap']] as const) this.live.style.setProperty(k, v);
    this.root.append(style, this.tip, this.live);
  }

  /** Appends the host to <html> (not <body>: SPAs replace body content, and body-level CSS rarely targets <html>). */
  attach(): void {
    if (!this.el.isConnected) this.opts.doc.documentElement.appendChild(this.el);
  }

  setReady(mentions: number, entities: readonly string[]): void {
    this.el.setAttribute('data-state', 'ready');
    this.el.setAttribute('data-mentions', String(mentions));
    this.el.setAttribute('data-entities', [...new Set(entities)].sort().join(' '));
  }

  showTooltip(text: string, at: { left: number; top: number; bottom: number }): void {
    this.tip.textContent = text; // text, never HTML: names come from the knowledge base, but stay safe anyway
    this.tip.hidden = false;
    this.tip.style.setProperty('position', 'fixed');
    this.tip.style.setProperty('z-index', '2147483647');
    this.tip.style.setProperty('pointer-events', 'none');
    const view = this.opts.doc.defaultView;
    const vh = view?.innerHeight ?? 800;
    const above = at.top > 40 || at.bottom + 40 > vh;
    this.tip.style.left = `${Math.max(4, Math.round(at.left))}px`;
    this.tip.style.top = above ? `${Math.round(at.top - 30)}px` : `${Math.round(at.bottom + 6)}px`;
  }

  hideTooltip(): void {
    this.tip.hidden = true;
  }

  announce(text: string): void {
    // Clear first so the same message twice is announced twice.
    this.live.textContent = '';
    this.live.textContent = text;
  }

  /** Counter appended to a repeated sidebar hash (openSidebar). */
  private reclicks = 0;

  get sidebarOpen(): boolean {
    return this.frame !== null && !this.frame.hidden;
  }

  /** Opens (or retargets) the sidebar at `hash` ("#entity=Q123" or "#view=article"), moving focus into it. */
  openSidebar(hash: string, moveFocus = true): void {
    const { doc } = this.opts;
    if (!this.sidebarOpen) {
      const active = doc.activeElement;
      this.returnFocus = active && active !== this.el ? active : null;
    }
    if (!this.frame) {
      const f = doc.createElement('iframe');
      f.title = 'Backstory sidebar';
      // Layout through the CSSOM as well as the shadow <style>: a page CSP without 'unsafe-inline' may block the
      // <style> element in some engines, never CSSOM writes.
      const st = f.style;
      st.setProperty('position', 'fixed', 'important');
      st.setProperty('top', '0', 'important');
      st.setProperty(this.opts.side, '0', 'important');
      st.setProperty('height', '100vh', 'important');
      st.setProperty('width', `${this.opts.width}px`, 'important');
      st.setProperty('max-width', '100vw', 'important');
      st.setProperty('z-index', '2147483647', 'important');
      st.setProperty('border', '0', 'important');
      st.setProperty('background', 'Canvas', 'important');
      f.src = this.opts.sidebarUrl + hash;
      this.root.append(f);
      this.frame = f;
    } else {
      // Only the fragment changes: the sidebar page hears `hashchange` and does not reload. Asking again for the hash
      // already set (the same name clicked again after the reader moved to another card inside the sidebar) adds a
      // counter, so the hash still changes and the sidebar shows the clicked card again (its parseHash ignores `n`).
      const base = this.opts.sidebarUrl;
      const cur = this.frame.src;
      const same = cur === base + hash || cur.startsWith(`${base}${hash}&n=`);
      const next = same ? `${hash}&n=${++this.reclicks}` : hash;
      this.frame.src = base + next;
      this.frame.hidden = false;
    }
    if (moveFocus) this.frame.focus();
  }

  closeSidebar(): void {
    if (!this.frame || this.frame.hidden) return;
    this.frame.hidden = true;
    const back = this.returnFocus as (Element & { focus?: () => void }) | null;
    this.returnFocus = null;
    if (back && back.isConnected && typeof back.focus === 'function') back.focus();
  }

  /** Only for tests: the closed root is otherwise unreachable. */
  get shadowForTests(): ShadowRoot {
    return this.root;
  }

  remove(): void {
    this.el.remove();
    this.frame = null;
  }
}
