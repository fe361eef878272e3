import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG } from '../../src/content/host';
import { destroyAll, loadArticle, makeSession, textOf } from './content-helpers';

afterEach(destroyAll);

describe('teardown', () => {
  it('restores the page DOM exactly and removes only our highlights', async () => {
    loadArticle();
    const before = document.documentElement.outerHTML;
    const { session, registry, sent } = makeSession();
    registry.set('page-own', { ranges: [], priority: 0 }); // the page's own highlight
    await session.start();
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    expect(registry.size).toBeGreaterThan(1);
    // While highlighted, the page's own markup is untouched: only the host was added, on <html>.
    expect(document.body.outerHTML).toBe(new DOMParser().parseFromString(before, 'text/html').body.outerHTML);

    session.destroy();
    expect(document.documentElement.outerHTML).toBe(before);
    expect([...registry.keys()]).toEqual(['page-own']);
    expect(session.state).toBe('destroyed');

    // Listeners are gone: a click or a mutation after teardown does nothing.
    const n = sent.length;
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 }));
    document.querySelector('article p')!.append(' More text about Baku.');
    await new Promise((r) => setTimeout(r, 60));
    expect(sent.length).toBe(n);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('does not delete a highlight name the page took over after us', async () => {
    loadArticle();
    const { session, registry } = makeSession();
    await session.start();
    const theirs = { ranges: [], priority: 9 };
    registry.set('backstory-person', theirs);
    session.destroy();
    expect(registry.get('backstory-person')).toBe(theirs);
    expect(registry.has('backstory-city')).toBe(false);
  });

  it('destroy during linking leaves nothing behind', async () => {
    loadArticle();
    const before = document.documentElement.outerHTML;
    const { session, registry } = makeSession();
    const p = session.start();
    session.destroy();
    await p;
    expect(registry.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

// Random article pages: words, known names, inline markup, code and inputs mixed in (issue #7 property tests).
const WORDS = ['the', 'talks', 'in', 'Baku', 'Armenia', 'Azerbaijan', 'Ilham', 'Aliyev', 'United', 'Nations', 'border',
  'officials', 'said', 'Ilham Aliyev', 'Baku,', 'Armenia.', "Aliyev's", 'peace', 'and', 'road'];
const inline = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...WORDS).map((w) => `<em>${w}</em>`),
  fc.constantFrom(...WORDS).map((w) => `<a href="/x">${w}</a>`),
  fc.constantFrom(...WORDS).map((w) => `<code>${w}</code>`),
  fc.constantFrom(...WORDS).map((w) => `<b>${w.slice(0, 3)}</b>${w.slice(3)}`),
  fc.constant('<input value="Baku">'),
);
const paragraph = fc.array(inline, { minLength: 12, maxLength: 40 }).map((xs) => `<p>${xs.join(' ')}</p>`);
const page = fc.array(paragraph, { minLength: 4, maxLength: 8 }).map((ps) =>
  `<nav><a href="/">Baku news</a></nav><article><h1>Talks</h1>${ps.join('\n')}</article><footer>Armenia</footer>`);

describe('random article pages (property)', () => {
  it('highlighting keeps the page, ranges cover the mention text, teardown restores exactly', async () => {
    let highlighted = 0;
    await fc.assert(
      fc.asyncProperty(page, async (html) => {
        loadArticle(html);
        const before = document.documentElement.outerHTML;
        const bodyBefore = document.body.outerHTML;
        const { session, sent } = makeSession();
        await session.start();
        expect(document.body.outerHTML).toBe(bodyBefore);
        highlighted += session.highlighted.length;
        const link = sent.find((s) => s.type === 'article/link');
        if (link) {
          const text = (link.payload as { article: { text: string } }).article.text;
          for (const p of session.highlighted) {
            // Offsets map back to the same characters in the live page, up to the whitespace runs that the
            // article text collapses ("United <input> Nations" reads "United Nations").
            const ws = (s: string) => s.replace(/\s+/g, ' ');
            expect(ws(textOf(p.range))).toBe(text.slice(p.mention.start, p.mention.end));
            expect(p.range.startContainer.isConnected).toBe(true);
            expect(p.range.startContainer.parentElement!.closest('code, nav, footer')).toBeNull();
          }
        }
        session.destroy();
        expect(document.documentElement.outerHTML).toBe(before);
      }),
      { numRuns: 25 },
    );
    // The property is about something: the random pages did get highlights.
    expect(highlighted).toBeGreaterThan(25);
  }, 60_000);
});

