// An article rendered into an open shadow root (issue #7, content/shadow.ts): read and highlighted without adding
// anything to the page's shadow tree.
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG } from '../../src/content/host';
import { destroyAll, makeSession, textOf } from './content-helpers';

afterEach(destroyAll);

const STORY = `<article><h1>Talks in Baku</h1>${'<p>Delegations from Armenia and Azerbaijan met in Baku for a second day of talks on the border, transport and trade, officials from both sides said on Wednesday evening.</p>'.repeat(4)}</article>`;

function loadShadowPage(mode: 'open' | 'closed' = 'open'): ShadowRoot {
  document.head.innerHTML = '<title>Talks in Baku</title><meta property="og:type" content="article">';
  document.body.innerHTML = '<header><nav><a href="/">Home</a></nav></header><main><div id="app"></div></main>';
  const root = document.getElementById('app')!.attachShadow({ mode });
  root.innerHTML = STORY;
  return root;
}

describe('an article inside a shadow root', () => {
  it('highlights the names inside an open shadow root and leaves the shadow tree as it was', async () => {
    const root = loadShadowPage();
    const before = root.innerHTML;
    const { session, sent } = makeSession({ debounceMs: 10 });
    await session.start();
    expect(session.state).toBe('ready');
    const names = session.highlighted.map((p) => textOf(p.range));
    // 4 paragraphs x (Armenia, Azerbaijan, Baku) + the headline's Baku, each inside the shadow tree.
    expect(names.filter((n) => n === 'Baku')).toHaveLength(5);
    expect(names.filter((n) => n === 'Armenia')).toHaveLength(4);
    expect(session.highlighted.every((p) => p.range.startContainer.getRootNode() === root)).toBe(true);
    const linked = sent.find((m) => m.type === 'article/link')!.payload as { article: { title: string; text: string } };
    expect(linked.article.title).toBe('Talks in Baku');
    expect(root.innerHTML).toBe(before);
    expect(root.querySelectorAll('style, link')).toHaveLength(0);
    expect(document.querySelector(HOST_TAG)!.getAttribute('data-mentions')).toBe(String(session.highlighted.length));
    session.destroy();
    expect(root.innerHTML).toBe(before);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('cannot read a closed shadow root and leaves such a page alone', async () => {
    loadShadowPage('closed');
    const { session } = makeSession({ debounceMs: 10 });
    await session.start();
    expect(session.highlighted).toHaveLength(0);
  });
});
