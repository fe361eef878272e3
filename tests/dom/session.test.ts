import { afterEach, describe, expect, it } from 'vitest';
import { FOCUS, HOVER } from '../../src/content/highlighter';
import { stepIndex } from '../../src/content/keyboard';
import { destroyAll, loadArticle, makeSession, sleep, textOf } from './content-helpers';

afterEach(destroyAll);

/** A caret the test points wherever it likes (jsdom has no caretPositionFromPoint). */
function pointer() {
  let cur: { node: Node; offset: number } | null = null;
  return {
    caret: () => cur,
    set(node: Node | null, offset = 0) { cur = node ? { node, offset } : null; },
  };
}

function iframeOf(session: { hostForTests: { shadowForTests: ShadowRoot } | null }) {
  return session.hostForTests!.shadowForTests.querySelector('iframe');
}

describe('clicks', () => {
  it('a click on a highlighted name opens the sidebar on that actor and tells the background', async () => {
    loadArticle();
    const p = pointer();
    const { session, sent } = makeSession({ caret: p.caret });
    await session.start();
    const aliyev = session.highlighted.find((x) => x.mention.text === 'Ilham Aliyev')!;
    p.set(aliyev.range.startContainer, aliyev.range.startOffset + 3);
    (aliyev.range.startContainer.parentElement as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
    expect(iframeOf(session)!.getAttribute('src')).toBe('chrome-extension://ext/sidebar.html#entity=Q312');
    await sleep(0);
    expect(sent.at(-1)).toEqual({ type: 'article/select', payload: { id: 'Q312' } });
  });

  it('a click on the right half of the last letter still counts; plain text does not', async () => {
    loadArticle();
    const p = pointer();
    const { session } = makeSession({ caret: p.caret });
    await session.start();
    const baku = session.highlighted.find((x) => x.mention.text === 'Baku' && x.range.startContainer.parentElement!.tagName === 'P')!;
    const para = baku.range.startContainer.parentElement!;
    p.set(baku.range.startContainer, baku.range.endOffset - 0); // caret after "u"
    para.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(iframeOf(session)!.getAttribute('src')).toContain('#entity=Q9248');
    session.handle('content/close-sidebar', {});
    p.set(baku.range.startContainer, baku.range.endOffset + 3); // a few letters on: " on Tuesday"
    iframeOf(session)!.hidden = true;
    para.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(iframeOf(session)!.hidden).toBe(true);
  });

  it('does not hijack a click on a link, a modified click, or a click while selecting', async () => {
    loadArticle();
    const p = pointer();
    const { session } = makeSession({ caret: p.caret });
    await session.start();
    const inLink = session.highlighted.find((x) => x.range.startContainer.parentElement!.closest('a'));
    expect(inLink?.mention.text).toBe('Armenia');
    p.set(inLink!.range.startContainer, inLink!.range.startOffset + 1);
    inLink!.range.startContainer.parentElement!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(iframeOf(session)).toBeNull();

    const plain = session.highlighted[1]!;
    p.set(plain.range.startContainer, plain.range.startOffset + 1);
    const el = plain.range.startContainer.parentElement!;
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true }));
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 1 }));
    expect(iframeOf(session)).toBeNull();
    const sel = document.getSelection()!;
    sel.selectAllChildren(el);
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(iframeOf(session)).toBeNull();
    sel.removeAllRanges();
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(iframeOf(session)).not.toBeNull();
  });

  it('hover paints the hover highlight and shows the tooltip, then clears', async () => {
    loadArticle();
    const p = pointer();
    const { session, registry } = makeSession({ caret: p.caret });
    await session.start();
    const un = session.highlighted.find((x) => x.mention.text === 'United Nations')!;
    p.set(un.range.startContainer, un.range.startOffset + 2);
    document.body.dispatchEvent(new MouseEvent('pointermove', { clientX: 10, clientY: 10, bubbles: true }));
    await sleep(5);
    expect(registry.get(HOVER)!.ranges.map(textOf)).toEqual(['United Nations']);
    const tip = session.hostForTests!.shadowForTests.querySelector('[role="tooltip"]')!;
    expect(tip.textContent).toBe('Background: United Nations — click');
    p.set(null);
    document.body.dispatchEvent(new MouseEvent('pointermove', { clientX: 12, clientY: 10, bubbles: true }));
    await sleep(5);
    expect(registry.has(HOVER)).toBe(false);
    expect((tip as HTMLElement).hidden).toBe(true);
  });
});

describe('keyboard', () => {
  it('stepIndex walks forward and back with wrap-around', () => {
    expect(stepIndex(null, 3, 1)).toBe(0);
    expect(stepIndex(null, 3, -1)).toBe(2);
    expect(stepIndex(0, 3, 1)).toBe(1);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(null, 0, 1)).toBeNull();
  });

  it('next-actor / prev-actor move the focus highlight through mentions in text order and show the actor', async () => {
    loadArticle();
    const { session, registry } = makeSession();
    await session.start();
    const order = session.highlighted.map((x) => x.mention.text);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      session.handle('content/command', { command: 'next-actor' });
      seen.push(registry.get(FOCUS)!.ranges.map(textOf)[0]!);
    }
    expect(seen).toEqual(order.slice(0, 3));
    expect(iframeOf(session)!.getAttribute('src')).toContain(`#entity=${session.highlighted[2]!.mention.entityId}`);
    session.handle('content/command', { command: 'prev-actor' });
    expect(registry.get(FOCUS)!.ranges.map(textOf)).toEqual([order[1]]);
    session.handle('content/command', { command: 'prev-actor' });
    session.handle('content/command', { command: 'prev-actor' });
    // Wrapped to the last mention.
    expect(registry.get(FOCUS)!.ranges.map(textOf)).toEqual([order.at(-1)]);
  });

  it('toggle-sidebar opens the article view, Esc and content/close-sidebar close it', async () => {
    loadArticle();
    const { session } = makeSession();
    await session.start();
    session.handle('content/command', { command: 'toggle-sidebar' });
    expect(iframeOf(session)!.getAttribute('src')).toBe('chrome-extension://ext/sidebar.html#view=article');
    expect(session.hostForTests!.sidebarOpen).toBe(true);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(session.hostForTests!.sidebarOpen).toBe(false);
    session.handle('content/open-sidebar', {});
    expect(session.hostForTests!.sidebarOpen).toBe(true);
    session.handle('content/close-sidebar', {});
    expect(session.hostForTests!.sidebarOpen).toBe(false);
    session.handle('content/command', { command: 'toggle-sidebar' });
    session.handle('content/command', { command: 'toggle-sidebar' });
    expect(session.hostForTests!.sidebarOpen).toBe(false);
  });

  it('content/focus-mention flashes that mention (index into the link reply), even a filtered one', async () => {
    loadArticle();
    const { session, registry, sent } = makeSession({ settings: { types: ['person'] } });
    await session.start();
    const reply = sent.find((s) => s.type === 'article/link')!;
    const text = (reply.payload as { article: { text: string } }).article.text;
    const all = (await import('./content-helpers')).fakeLink(text);
    const unIndex = all.findIndex((m) => m.text === 'United Nations');
    session.handle('content/focus-mention', { index: unIndex });
    expect(registry.get(FOCUS)!.ranges.map(textOf)).toEqual(['United Nations']);
    session.handle('content/focus-mention', { index: 9_999 });
    expect(registry.get(FOCUS)!.ranges.map(textOf)).toEqual(['United Nations']);
  });
});
