import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG } from '../../src/content/host';
import { Session } from '../../src/content/session';
import type { SessionDeps } from '../../src/content/session';
import { extractArticle, isArticlePage } from '../../src/core/extract';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { destroyAll, fakeHighlights, fakeTransport, loadArticle, makeSession, sleep, testNatives, textOf } from './content-helpers';

afterEach(destroyAll);

const links = (sent: { type: string }[]) => sent.filter((s) => s.type === 'article/link').length;

describe('following the page', () => {
  it('re-anchors highlights when the page replaces its text nodes (React-style re-render), without re-linking', async () => {
    loadArticle();
    const { session, sent, registry } = makeSession({ debounceMs: 10 });
    await session.start();
    const count = session.highlighted.length;
    const oldNodes = new Set(session.highlighted.map((p) => p.range.startContainer));
    // Re-render every paragraph: same text, new Text nodes.
    for (const p of Array.from(document.querySelectorAll('article h1, article p'))) {
      const html = p.innerHTML;
      p.innerHTML = html;
    }
    expect(session.highlighted.every((p) => !p.range.startContainer.isConnected)).toBe(true);
    await sleep(120);
    expect(session.highlighted).toHaveLength(count);
    for (const p of session.highlighted) {
      expect(p.range.startContainer.isConnected).toBe(true);
      expect(oldNodes.has(p.range.startContainer)).toBe(false);
      expect(textOf(p.range)).toBe(p.mention.text);
    }
    expect(links(sent)).toBe(1); // same text: the earlier link reply is reused
    expect(registry.get('backstory-person')!.ranges.every((r) => r.startContainer.isConnected)).toBe(true);
  });

  it('re-links when the article text changes, batching a burst of mutations into one run', async () => {
    loadArticle();
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    const para = session.highlighted.find((p) => p.mention.text === 'Ilham Aliyev')!.range.startContainer.parentElement!;
    for (let i = 0; i < 5; i++) para.firstChild!.textContent = `President Ilham Aliyev met the United Nations envoy (${i}). `;
    await sleep(120);
    expect(links(sent)).toBe(2);
    expect(session.highlighted.some((p) => p.mention.text === 'United Nations' && p.range.startContainer.parentElement === para)).toBe(true);
  });

  it('links a paragraph without names once it gains one (text watched across the whole article)', async () => {
    loadArticle();
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    const p = document.createElement('p');
    p.textContent = 'The weather was mild and the talks ran late into the evening, officials said.';
    document.querySelector('article')!.append(p);
    await sleep(80);
    // A new paragraph is new article text: re-linked once, and nothing in it to highlight yet.
    expect(links(sent)).toBe(2);
    expect(session.highlighted.some((h) => p.contains(h.range.startContainer))).toBe(false);
    // Its text node holds no highlight, so only the article-wide watch can see this edit.
    p.firstChild!.textContent = 'The weather was mild in Baku and the talks ran late into the evening, officials said.';
    await sleep(80);
    expect(links(sent)).toBe(3);
    expect(session.highlighted.filter((h) => p.contains(h.range.startContainer)).map((h) => textOf(h.range))).toEqual(['Baku']);
  });

  it('does not re-link when a text edit inside the article leaves the text as it was', async () => {
    loadArticle();
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    const p = document.querySelector('p.byline')!;
    p.firstChild!.textContent = p.firstChild!.textContent!;
    await sleep(80);
    expect(links(sent)).toBe(1);
  });

  it('re-reads the page when it re-rendered while the link was on its way (cold background)', async () => {
    loadArticle();
    const hl = fakeHighlights();
    const t = fakeTransport();
    let rerendered = 0;
    // The page replaces every text node of the article once, while the first link request is pending.
    const send = (async (type: string, payload: unknown) => {
      const reply = await (t.send as (ty: string, p: unknown) => Promise<unknown>)(type, payload);
      if (type === 'article/link' && rerendered++ === 0) {
        for (const el of Array.from(document.querySelectorAll('article h1, article p'))) el.innerHTML = el.innerHTML;
      }
      return reply;
    }) as SessionDeps['send'];
    const session = new Session({
      doc: document, natives: testNatives(), send, settings: DEFAULT_SETTINGS, sidebarUrl: 'chrome-extension://ext/sidebar.html',
      isArticle: isArticlePage, extract: (doc, opts) => extractArticle(doc, opts), highlightEnv: hl.env, debounceMs: 10,
    });
    try {
      await session.start();
      await sleep(80);
      expect(session.highlighted.length).toBeGreaterThan(5);
      expect(session.highlighted.every((h) => h.range.startContainer.isConnected)).toBe(true);
      expect(links(t.sent)).toBe(1); // same text: the reply is reused
    } finally {
      session.destroy();
    }
  });

  it('re-runs on an SPA navigation (pushState + new article) and updates the host', async () => {
    loadArticle();
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    history.pushState({}, '', '/next-story');
    const article = document.querySelector('article')!;
    article.innerHTML = `<h1>A new story about Armenia</h1>${'<p>Officials in Armenia discussed the budget with a delegation. The talks covered roads, schools and water supplies in the north of the country, and were described as useful by both sides.</p>'.repeat(4)}`;
    await sleep(150);
    expect(links(sent)).toBe(2);
    const host = document.querySelector(HOST_TAG)!;
    expect(host.getAttribute('data-entities')).toBe('Q399');
    expect(host.getAttribute('data-mentions')).toBe(String(session.highlighted.length));
    expect(session.highlighted.length).toBe(5);
    history.pushState({}, '', '/');
  });

  it('ignores mutations that do not touch the article text', async () => {
    loadArticle();
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    const before = session.highlighted.map((p) => p.range);
    document.querySelector('footer')!.append(' Baku weather update');
    document.body.append(document.createElement('div'));
    session.handle('content/command', { command: 'toggle-sidebar' }); // our own host changes
    await sleep(80);
    expect(links(sent)).toBe(1);
    expect(session.highlighted.map((p) => p.range)).toEqual(before);
  });

  it('a page that was not an article gets highlighted once an SPA navigates to an article', async () => {
    document.head.innerHTML = '<title>Home</title>';
    document.body.innerHTML = '<nav><a href="/a">Baku</a></nav><main><ul><li>Armenia</li></ul></main>';
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    expect(session.state).toBe('skipped');
    history.pushState({}, '', '/story-about-baku');
    document.querySelector('main')!.innerHTML = `<article><h1>Talks in Baku</h1>${'<p>Delegations from Armenia and Azerbaijan met in Baku for a second day of talks on the border, transport and trade, officials from both sides said on Wednesday evening.</p>'.repeat(4)}</article>`;
    await sleep(150);
    expect(links(sent)).toBe(1);
    expect(session.state).toBe('ready');
    expect(document.querySelector(HOST_TAG)!.getAttribute('data-entities')).toBe('Q227 Q399 Q9248');
    history.pushState({}, '', '/');
  });
});

describe('articles appended below (infinite scroll)', () => {
  const next = `<h1>Central Asia talks</h1>${'<p>Officials from Armenia travelled to Baku for a further round of talks on trade and transport, and both sides described the meeting as constructive.</p>'.repeat(4)}`;

  it('highlights an appended article and links it on its own', async () => {
    loadArticle();
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    const before = session.highlighted.length;
    const more = document.createElement('div');
    document.body.append(more);
    const art = document.createElement('article');
    art.innerHTML = next;
    more.append(art);
    await sleep(150);
    expect(links(sent)).toBe(2);
    // Same page URL as the first article: the appended one is sent without a URL of its own.
    const second = (sent.filter((s) => s.type === 'article/link')[1]!.payload as { article: { url: string | null; title: string } }).article;
    expect(second).toMatchObject({ url: null, title: 'Central Asia talks' });
    const appended = session.highlighted.filter((p) => art.contains(p.range.startContainer));
    expect(appended.map((p) => textOf(p.range))).toEqual(['Armenia', 'Baku', 'Armenia', 'Baku', 'Armenia', 'Baku', 'Armenia', 'Baku']);
    expect(session.highlighted.length).toBe(before + 8);
    expect(document.querySelector(HOST_TAG)!.getAttribute('data-mentions')).toBe(String(before + 8));
    // Teardown still restores the page (the appended article is the page's own).
    session.destroy();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('ignores appended comments and teasers (no <article> headline)', async () => {
    loadArticle();
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    const box = document.createElement('section');
    box.innerHTML = `<h3>Comments</h3>${'<p>I visited Baku and Armenia last year and the food was wonderful, though the traffic in the capital was something else entirely.</p>'.repeat(5)}`;
    document.body.append(box);
    await sleep(100);
    expect(links(sent)).toBe(1);
    expect(session.highlighted.some((p) => box.contains(p.range.startContainer))).toBe(false);
  });
});
