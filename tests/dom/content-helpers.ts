// Fakes for the content-script DOM tests: a highlight registry (jsdom has no Custom Highlight API), a caret
// (jsdom has no caretPositionFromPoint), a transport that links a few known names, and an article page written here.
import { extractArticle, isArticlePage } from '../../src/core/extract';
import type { EntitySummary, Mention } from '../../src/core/types';
import { captureNatives } from '../../src/content/natives';
import type { Natives } from '../../src/content/natives';
import type { HighlightEnv } from '../../src/content/highlighter';
import { Session } from '../../src/content/session';
import type { SessionDeps } from '../../src/content/session';
import { makeSend } from '../../src/shared/messaging';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { Settings } from '../../src/shared/settings';

export const KNOWN: Record<string, EntitySummary> = {
  'Ilham Aliyev': { id: 'Q312', name: 'Ilham Aliyev', type: 'person' },
  Aliyev: { id: 'Q312', name: 'Ilham Aliyev', type: 'person' },
  Azerbaijan: { id: 'Q227', name: 'Azerbaijan', type: 'country' },
  Armenia: { id: 'Q399', name: 'Armenia', type: 'country' },
  Baku: { id: 'Q9248', name: 'Baku', type: 'city' },
  'United Nations': { id: 'Q1065', name: 'United Nations', type: 'organization' },
};

/** Every occurrence of a known name as a whole word, longest name first, no overlaps, in text order. */
export function fakeLink(text: string): Mention[] {
  const names = Object.keys(KNOWN).sort((a, b) => b.length - a.length);
  const taken: Mention[] = [];
  for (const name of names) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + name.length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      taken.push({ start, end, text: name, entityId: KNOWN[name]!.id, score: 0.9 });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

export interface Sent { type: string; payload: unknown }

export function fakeTransport(opts: { enabled?: boolean } = {}) {
  const sent: Sent[] = [];
  const transport = async (msg: { type: string; payload: unknown }) => {
    sent.push(structuredClone({ type: msg.type, payload: msg.payload }));
    if (msg.type === 'article/link') {
      const { article } = msg.payload as { article: { text: string } };
      const mentions = fakeLink(article.text);
      const counts = new Map<string, number>();
      for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      const byId = new Map(Object.values(KNOWN).map((e) => [e.id, e]));
      const entities = [...counts].map(([id, count]) => ({ ...byId.get(id)!, count }));
      return { ok: true, value: { mentions, possible: [], entities } };
    }
    if (msg.type === 'content/hello') return { ok: true, value: { enabled: opts.enabled ?? true, settings: DEFAULT_SETTINGS } };
    return { ok: true, value: true };
  };
  return { sent, send: makeSend(transport) };
}

export function fakeHighlights() {
  const registry = new Map<string, { ranges: AbstractRange[]; priority: number }>();
  const env: HighlightEnv = {
    registry: {
      set: (n, h) => registry.set(n, h as { ranges: AbstractRange[]; priority: number }),
      get: (n) => registry.get(n),
      delete: (n) => registry.delete(n),
    },
    make: (ranges, priority) => ({ ranges: [...ranges], priority }),
  };
  return { registry, env };
}

/** The text a range covers. */
export function textOf(r: AbstractRange): string {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

/** An article page written for these tests; names also appear in places that must never be highlighted. */
export const ARTICLE_HTML = `
<header><nav><a href="/baku">Baku</a> <a href="/world">World</a></nav></header>
<main>
<article>
  <h1>Leaders meet in Baku to talk about the border</h1>
  <p class="byline">By A. Writer</p>
  <p>President Ilham Aliyev of Azerbaijan welcomed a delegation from Armenia to Baku on Tuesday, the first such visit in
  years. The two sides discussed the border, transport links and the return of displaced families, officials said.</p>
  <p>Aliyev told reporters that Azerbaijan wanted a signed agreement before the end of the year. Diplomats from the
  United Nations attended part of the talks as observers, and said the atmosphere had been calm and practical.</p>
  <p>In the code sample <code>Baku</code> stays plain, and so does a <a href="https://example.org/armenia">link about Armenia</a>
  in most readers' eyes: the name inside the link may be highlighted but a click follows the link.</p>
  <p>Officials in Armenia said further meetings were planned in the spring, though no date had been fixed yet and
  several questions about the border remained open. Observers expected the next round to be held in Baku again.</p>
  <p><input value="Baku"> <span contenteditable="true">Azerbaijan</span></p>
</article>
</main>
<footer><p>More: Baku travel guide, Armenia weather</p></footer>`;

export function loadArticle(html = ARTICLE_HTML): void {
  document.head.innerHTML = '<title>Leaders meet in Baku</title><meta property="og:type" content="article">';
  document.body.innerHTML = html;
}

export function testNatives(caret?: Natives['caretAt']): Natives {
  const n = captureNatives(window as Window & typeof globalThis);
  return { ...n, caretAt: caret ?? (() => null), raf: (fn) => n.setTimeout(fn, 0) };
}

const live: Session[] = [];

/** Destroys every session the tests made (afterEach), so no observer outlives its test. */
export function destroyAll(): void {
  for (const s of live.splice(0)) s.destroy();
  document.querySelectorAll('backstory-host').forEach((h) => h.remove());
}

export function makeSession(o: { settings?: Partial<Settings>; caret?: Natives['caretAt']; debounceMs?: number } = {}) {
  const hl = fakeHighlights();
  const t = fakeTransport();
  const natives = testNatives(o.caret);
  const deps: SessionDeps = {
    doc: document, natives, send: t.send, settings: { ...DEFAULT_SETTINGS, ...o.settings },
    sidebarUrl: 'chrome-extension://ext/sidebar.html', isArticle: isArticlePage,
    extract: (doc, opts) => extractArticle(doc, opts), highlightEnv: hl.env, debounceMs: o.debounceMs ?? 20,
  };
  const session = new Session(deps);
  live.push(session);
  return { session, ...hl, ...t, natives };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
