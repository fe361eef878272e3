// Issue #7: a page that overwrites Range, StaticRange, createRange and addEventListener after we start cannot
// break the content script, because it captured what it uses at start.
import { afterEach, describe, expect, it } from 'vitest';
import { captureNatives } from '../../src/content/natives';

const saved = {
  StaticRange: window.StaticRange,
  createRange: Document.prototype.createRange,
  setStart: Range.prototype.setStart,
  add: EventTarget.prototype.addEventListener,
  MO: window.MutationObserver,
};

afterEach(() => {
  window.StaticRange = saved.StaticRange;
  Document.prototype.createRange = saved.createRange;
  Range.prototype.setStart = saved.setStart;
  EventTarget.prototype.addEventListener = saved.add;
  window.MutationObserver = saved.MO;
});

describe('captureNatives', () => {
  it('keeps working after the page overwrites the globals it uses', async () => {
    document.body.innerHTML = '<p>Ilham Aliyev spoke in Baku.</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const natives = captureNatives(window as Window & typeof globalThis);

    const boom = () => { throw new Error('page says no'); };
    window.StaticRange = boom as unknown as typeof StaticRange;
    Document.prototype.createRange = boom;
    Range.prototype.setStart = boom;
    EventTarget.prototype.addEventListener = () => {};
    window.MutationObserver = boom as unknown as typeof MutationObserver;

    const r = natives.makeRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 12 });
    expect([r.startOffset, r.endOffset]).toEqual([0, 12]);
    const live = natives.liveRange({ startContainer: text, startOffset: 22, endContainer: text, endOffset: 26 });
    expect(live.toString()).toBe('Baku');

    let clicks = 0;
    const el = document.querySelector('p')!;
    natives.on(el, 'click', () => { clicks++; });
    el.dispatchEvent(new MouseEvent('click'));
    expect(clicks).toBe(1);

    let seen = 0;
    const mo = new natives.MutationObserver(() => { seen++; });
    mo.observe(el, { childList: true });
    el.append('!');
    await new Promise((res) => setTimeout(res, 0));
    mo.disconnect();
    expect(seen).toBe(1);
  });

  it('reports what the browser lacks instead of failing (jsdom: no Highlight API, no caret from point)', () => {
    const natives = captureNatives(window as Window & typeof globalThis);
    expect(natives.makeHighlight).toBeNull();
    expect(natives.highlights).toBeNull();
    expect(natives.caretAt(10, 10)).toBeNull();
    expect(() => natives.measure('backstory:test', 0, 1)).not.toThrow();
  });
});
