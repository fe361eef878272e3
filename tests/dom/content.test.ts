import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG } from '../../src/content/host';
import { destroyAll, loadArticle, makeSession, textOf } from './content-helpers';

afterEach(destroyAll);

describe('content session on an article', () => {
  it('highlights names only inside the live article text, one highlight per type', async () => {
    loadArticle();
    const { session, registry, sent } = makeSession();
    await session.start();
    expect(session.state).toBe('ready');
    expect(sent.map((s) => s.type)).toEqual(['article/link']);

    const texts = session.highlighted.map((p) => textOf(p.range));
    // Every highlighted range covers exactly the mention's text.
    session.highlighted.forEach((p) => expect(textOf(p.range)).toBe(p.mention.text));
    expect(texts).toContain('Ilham Aliyev');
    expect(texts).toContain('United Nations');
    // Nothing from the nav, footer, code, input or editable area.
    for (const p of session.highlighted) {
      const el = p.range.startContainer.parentElement!;
      expect(el.closest('nav, footer, code, [contenteditable]')).toBeNull();
    }
    expect([...registry.keys()].sort()).toEqual([
      'backstory-city', 'backstory-country', 'backstory-organization', 'backstory-person',
    ]);
    const persons = registry.get('backstory-person')!.ranges.map(textOf);
    expect(persons).toEqual(['Ilham Aliyev', 'Aliyev']);
  });

  it('adds one host on <html> with ready state, the count and the sorted ids', async () => {
    loadArticle();
    const { session } = makeSession();
    await session.start();
    const hosts = document.querySelectorAll(HOST_TAG);
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.getAttribute('data-state')).toBe('ready');
    expect(host.getAttribute('data-mentions')).toBe(String(session.highlighted.length));
    expect(Number(host.getAttribute('data-mentions'))).toBeGreaterThanOrEqual(8);
    expect(host.getAttribute('data-entities')).toBe('Q1065 Q227 Q312 Q399 Q9248');
    // Closed shadow root: the page cannot reach inside.
    expect(host.shadowRoot).toBeNull();
  });

  it('filters by type, muted actors and first mention only', async () => {
    loadArticle();
    const a = makeSession({ settings: { types: ['person', 'city'] } });
    await a.session.start();
    expect(new Set(a.session.highlighted.map((p) => p.type))).toEqual(new Set(['person', 'city']));
    a.session.destroy();

    const b = makeSession({ settings: { muted: ['Q9248'] } });
    await b.session.start();
    expect(b.session.highlighted.some((p) => p.mention.entityId === 'Q9248')).toBe(false);
    expect(document.querySelector(HOST_TAG)!.getAttribute('data-entities')).toBe('Q1065 Q227 Q312 Q399');
    b.session.destroy();

    const c = makeSession({ settings: { firstOnly: true } });
    await c.session.start();
    const ids = c.session.highlighted.map((p) => p.mention.entityId);
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.length).toBe(5);
    // The first one of each actor, in text order (the headline names Baku first).
    expect(c.session.highlighted.map((p) => p.mention.text)).toEqual(['Baku', 'Ilham Aliyev', 'Azerbaijan', 'Armenia', 'United Nations']);
    expect(c.session.highlighted[0]!.range.startContainer.parentElement!.tagName).toBe('H1');
    c.session.destroy();
  });

  it('leaves a page that is not an article alone: no host, no message', async () => {
    document.head.innerHTML = '<title>Home</title>';
    document.body.innerHTML = '<nav><a href="/a">Baku</a></nav><ul><li>Armenia</li><li>Azerbaijan</li></ul>';
    const before = document.documentElement.outerHTML;
    const { session, sent, registry } = makeSession();
    await session.start();
    expect(session.state).toBe('skipped');
    expect(sent).toEqual([]);
    expect(registry.size).toBe(0);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('sends article text within the protocol limits and marks timing', async () => {
    loadArticle();
    performance.clearMeasures();
    const { session, sent } = makeSession();
    await session.start();
    const { article } = sent[0]!.payload as { article: { text: string; title: string } };
    expect(article.text).toContain('President Ilham Aliyev of Azerbaijan');
    expect(article.text).not.toContain('travel guide');
    const names = performance.getEntriesByType('measure').map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['backstory:extract', 'backstory:link', 'backstory:highlight', 'backstory:total']));
  });
});
