// Issue #7: hard pages written here (tests/fixtures/e2e/), in real Chromium and Firefox ESR with the built extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserName, Tab } from './harness';
import { BROWSERS, openArticle } from './harness';
import type { HighlightedRange } from './harness/probes';
import { pointOfHighlight, readHighlights, readHost } from './harness/probes';
import type { Session } from './harness/session';
import { closeSession, foreignRequests, openSession } from './harness/session';

const live = async (tab: Tab): Promise<HighlightedRange[]> =>
  (await tab.evaluate(readHighlights, null)).filter((h) => h.connected);
const liveTexts = async (tab: Tab) => new Set((await live(tab)).map((h) => h.text));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the live highlights include every name in `names`. */
async function waitForNames(tab: Tab, names: string[], timeoutMs = 15_000): Promise<Set<string>> {
  const end = Date.now() + timeoutMs;
  let seen = new Set<string>();
  while (Date.now() < end) {
    seen = await liveTexts(tab);
    if (names.every((n) => seen.has(n))) return seen;
    await sleep(200);
  }
  return seen;
}

/** Clicks the highlighted `name` and returns the sidebar's heading once it shows it (or the last one seen). */
async function clickAndReadCard(s: Session, name: string): Promise<string | null> {
  const point = await s.tab.evaluate(pointOfHighlight, name);
  if (!point) return null;
  await s.tab.click(point.x, point.y);
  const end = Date.now() + 15_000;
  let last: string | null = null;
  while (Date.now() < end) {
    for (const f of await s.tab.frames()) {
      if (!f.url().includes('sidebar.html')) continue;
      last = await f.evaluate(() => document.querySelector('h1')?.textContent ?? null, null).catch(() => last);
      if (last?.includes(name)) return last;
    }
    await sleep(100);
  }
  return last;
}

describe.each(BROWSERS)('%s on hard pages', (name: BrowserName) => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(name);
  });
  afterAll(async () => {
    await closeSession(s);
  });
  const url = (file: string) => `${s.server.origin}/${file}`;

  it('follows a single-page app to its next article (pushState)', async () => {
    await openArticle(s.tab, url('spa.html'));
    expect(await liveTexts(s.tab)).toContain('Baku');
    await s.tab.evaluate(() => (window as any).__next(), null);
    const seen = await waitForNames(s.tab, ['Tashkent', 'Uzbekistan']);
    expect([...seen]).toEqual(expect.arrayContaining(['Tashkent', 'Uzbekistan']));
    expect(seen.has('Baku')).toBe(false);
    expect(s.tab.errors).toEqual([]);
  });

  it('keeps its highlights on a page that re-renders its paragraphs every second', async () => {
    await openArticle(s.tab, url('rerender.html'));
    await s.tab.waitFor(() => (window as any).__renders >= 3, null, 10_000);
    const seen = await waitForNames(s.tab, ['Azerbaijan', 'Baku'], 5_000);
    expect([...seen]).toEqual(expect.arrayContaining(['Azerbaijan', 'Baku']));
    expect(s.tab.errors).toEqual([]);
  });

  it('highlights an article appended by infinite scroll', async () => {
    await openArticle(s.tab, url('infinite.html'));
    await s.tab.evaluate(() => (window as any).__append(), null);
    const seen = await waitForNames(s.tab, ['Tashkent']);
    expect(seen.has('Tashkent')).toBe(true);
    expect(s.tab.errors).toEqual([]);
  });

  it('highlights an article inside a same-origin iframe, with the host and sidebar in that frame', async () => {
    await s.tab.goto(url('iframe.html'));
    const frameOf = async () => (await s.tab.frames()).find((f) => f.url().endsWith('/iframe-article.html')) ?? null;
    const end = Date.now() + 20_000;
    let names = new Set<string>();
    while (Date.now() < end) {
      const f = await frameOf();
      if (f) names = new Set((await f.evaluate(readHighlights, null)).filter((h) => h.connected).map((h) => h.text));
      if (['Baku', 'Azerbaijan', 'Ilham Aliyev'].every((n) => names.has(n))) break;
      await sleep(200);
    }
    expect([...names]).toEqual(expect.arrayContaining(['Baku', 'Azerbaijan', 'Ilham Aliyev']));
    const frame = (await frameOf())!;
    expect((await frame.evaluate(readHost, null))?.state).toBe('ready');
    // One host per tab: the top page is only a shell around the frame and stays untouched.
    expect(await s.tab.evaluate(readHost, null)).toBeNull();
    expect(await s.tab.evaluate(readHighlights, null)).toEqual([]);
    // The sidebar opens inside the article's frame and shows the clicked actor's card.
    const point = await frame.evaluate(pointOfHighlight, 'Baku');
    expect(point).not.toBeNull();
    const offset = await s.tab.evaluate(() => {
      const r = document.querySelector('iframe')!.getBoundingClientRect();
      return { x: r.left, y: r.top };
    }, null);
    await s.tab.click(point!.x + offset.x, point!.y + offset.y);
    let heading: string | null = null;
    const until = Date.now() + 15_000;
    while (Date.now() < until && !heading?.includes('Baku')) {
      for (const f of await s.tab.frames()) {
        if (f.url().includes('sidebar.html')) heading = await f.evaluate(() => document.querySelector('h1')?.textContent ?? null, null).catch(() => heading);
      }
      await sleep(100);
    }
    expect(heading).toContain('Baku');
    expect(s.tab.errors).toEqual([]);
  });

  it('highlights an article inside an open shadow root without touching the shadow tree', async () => {
    // content/shadow.ts: document-level ::highlight styles reach shadow trees in Chromium (Firefox ESR registers but
    // does not paint them); either way nothing is added to the page's shadow tree.
    await s.tab.goto(url('shadow.html'));
    const seen = await waitForNames(s.tab, ['Baku', 'Azerbaijan', 'Ilham Aliyev']);
    expect([...seen]).toEqual(expect.arrayContaining(['Baku', 'Azerbaijan', 'Ilham Aliyev']));
    expect((await s.tab.evaluate(readHost, null))?.state).toBe('ready');
    const page = await s.tab.evaluate(() => {
      const root = document.getElementById('app')!.shadowRoot!;
      const tpl = document.createElement('div');
      tpl.append((document.getElementById('story') as HTMLTemplateElement).content.cloneNode(true));
      return {
        same: root.innerHTML === tpl.innerHTML,
        sheets: root.adoptedStyleSheets.length,
        styles: root.querySelectorAll('style, link').length,
      };
    }, null);
    expect(page).toEqual({ same: true, sheets: 0, styles: 0 });
    expect((await live(s.tab)).filter((h) => !h.text)).toEqual([]);
    expect(s.tab.errors).toEqual([]);
  });

  it('reads a right-to-left article', async () => {
    await openArticle(s.tab, url('rtl.html'));
    const host = await s.tab.evaluate(readHost, null);
    expect(host?.entities).toEqual(expect.arrayContaining(['Q227']));
    expect(s.tab.errors).toEqual([]);
  });

  it('highlights nothing inside inputs, editable areas or code', async () => {
    await openArticle(s.tab, url('guarded.html'));
    const hs = await live(s.tab);
    expect(hs.length).toBeGreaterThan(5);
    expect(hs.filter((h) => h.guarded).map((h) => `${h.guarded}: ${h.text}`)).toEqual([]);
    const values = await s.tab.evaluate(() => [
      (document.getElementById('q') as HTMLInputElement).value,
      (document.getElementById('t') as HTMLTextAreaElement).value,
    ], null);
    expect(values).toEqual(['Azerbaijan Russia Iran', 'Kazakhstan and Turkmenistan']);
  });

  it('never runs script or HTML payloads from the title, byline or text', async () => {
    await openArticle(s.tab, url('xss.html'));
    expect(await clickAndReadCard(s, 'Baku')).toContain('Baku');
    await sleep(1_000);
    expect(await s.tab.evaluate(() => (window as any).__xss ?? null, null)).toBeNull();
    for (const f of await s.tab.frames()) {
      if (!f.url().includes('sidebar.html')) continue;
      const found = await f.evaluate(() => ({
        xss: (window as any).__xss ?? null,
        inline: document.querySelectorAll('script:not([src]), img[onerror], [onerror], [onclick], a[href^="javascript:"]').length,
      }), null);
      expect(found).toEqual({ xss: null, inline: 0 });
    }
  });

  it('works under a strict page CSP (default-src \'none\')', async () => {
    await openArticle(s.tab, url('csp.html'));
    expect(await liveTexts(s.tab)).toContain('Baku');
    expect(await clickAndReadCard(s, 'Baku')).toContain('Baku');
  });

  it('works on a page that overwrites Node.prototype, Range, CSS and fetch', async () => {
    // Playwright's own waitForFunction needs the page's Range, so poll with plain evaluations here.
    await s.tab.goto(url('hostile.html'));
    const end = Date.now() + 30_000;
    while (Date.now() < end && (await s.tab.evaluate(readHost, null))?.state !== 'ready') await sleep(100);
    expect((await s.tab.evaluate(readHost, null))?.state).toBe('ready');
    expect(await liveTexts(s.tab)).toContain('Azerbaijan');
    expect(await clickAndReadCard(s, 'Ilham Aliyev')).toContain('Ilham Aliyev');
  });

  it('ignores a page that floods postMessage and tries to reach the extension', async () => {
    await openArticle(s.tab, url('flood.html'));
    await s.tab.waitFor(() => (window as any).__hostShadow !== undefined, null, 10_000);
    const page = await s.tab.evaluate(() => ({ shadow: (window as any).__hostShadow, replies: (window as any).__replies, sent: (window as any).__sent }), null);
    expect(page.shadow).toBe('null');
    expect(page.replies.filter((r: unknown) => r && typeof r === 'object')).toEqual([]);
    expect(page.sent).toBeGreaterThan(1_000);
    const sidebars = (await s.tab.frames()).filter((f) => f.url().includes('sidebar.html'));
    expect(sidebars).toEqual([]);
    expect((await s.tab.evaluate(readHost, null))?.state).toBe('ready');
    expect(await clickAndReadCard(s, 'Baku')).toContain('Baku');
  });

  it('handles a 5 MB page of 100,000 nodes with no task of its own over 50 ms (Chromium long-task observer)', async () => {
    await s.tab.goto(url('big.html'));
    const size = await s.tab.evaluate(() => ({ nodes: (window as any).__nodes, bytes: (window as any).__bytes }), null);
    expect(size.nodes).toBeGreaterThan(50_000);
    expect(size.bytes).toBeGreaterThan(5_000_000);
    await s.tab.waitFor(() => document.querySelector('backstory-host')?.getAttribute('data-state') === 'ready', null, 90_000);
    expect(await liveTexts(s.tab)).toContain('Baku');
    if (name === 'chromium') {
      // Firefox has no long-task API. In Chromium the content script's measures are visible in the page's world.
      const long = await s.tab.evaluate(() => {
        const start = performance.getEntriesByName('backstory:extract')[0]?.startTime;
        const all: [number, number][] = (window as any).__allLongTasks;
        return start === undefined ? null : all.filter(([t]) => t >= start).map(([, d]) => d);
      }, null);
      expect(long).toEqual([]);
    }
  }, 180_000);

  it('made no request beyond 127.0.0.1 and its own files, and raised no page error', () => {
    expect(foreignRequests(s)).toEqual([]);
    expect(s.tab.errors).toEqual([]);
  });
});
