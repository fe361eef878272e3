// Issue #6: clicking the same name again re-shows its card even after the reader moved to another card inside the
// sidebar. The host adds a counter to a repeated hash so it still changes; the sidebar ignores the counter.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { HOST_TAG, Host } from '../../src/content/host';
import { Sidebar, parseHash } from '../../src/sidebar/Sidebar';
import { ALIYEV, ARTICLE, AZERBAIJAN, click, fakeSend, mount, settle } from './ui-fixtures';

const BASE = 'chrome-extension://ext/sidebar.html';
const make = () => new Host({ doc: document, sidebarUrl: BASE, side: 'right', width: 380 });

let unmount: () => void = () => {};
afterEach(() => {
  unmount();
  document.querySelectorAll(HOST_TAG).forEach((h) => h.remove());
  history.replaceState(null, '', '#');
});

describe('re-click', () => {
  it('the host changes the hash on every request, also for the same actor', () => {
    const h = make();
    h.attach();
    h.openSidebar('#entity=Q1');
    const f = h.shadowForTests.querySelector('iframe')!;
    const seen = [f.getAttribute('src')];
    h.openSidebar('#entity=Q1');
    seen.push(f.getAttribute('src'));
    h.openSidebar('#entity=Q1');
    seen.push(f.getAttribute('src'));
    h.openSidebar('#entity=Q12'); // a prefix of Q12 is not the same actor
    seen.push(f.getAttribute('src'));
    h.closeSidebar();
    h.openSidebar('#entity=Q12'); // reopened after closing: still a change
    seen.push(f.getAttribute('src'));
    expect(seen).toEqual([
      `${BASE}#entity=Q1`,
      `${BASE}#entity=Q1&n=1`,
      `${BASE}#entity=Q1&n=2`,
      `${BASE}#entity=Q12`,
      `${BASE}#entity=Q12&n=3`,
    ]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('parseHash ignores the counter', () => {
    expect(parseHash('#entity=Q1&n=3')).toEqual({ entity: 'Q1' });
    expect(parseHash('#view=article&n=2')).toEqual({ view: 'article' });
  });

  it('the sidebar shows the clicked card again after the reader moved on inside it', async () => {
    const cards: Record<string, typeof ALIYEV> = { [ALIYEV.id]: ALIYEV, [AZERBAIJAN.id]: AZERBAIJAN };
    const bg = fakeSend({
      'sidebar/state': () => ARTICLE,
      'entity/card': ({ id }) => cards[id as string]!,
    });
    history.replaceState(null, '', `#entity=${ALIYEV.id}`);
    const m = await mount(<Sidebar send={bg.send} loadAtlas={() => new Promise<unknown>(() => {})} />);
    unmount = m.unmount;
    expect(m.root.querySelector('h1')?.textContent).toBe('Ilham Aliyev');
    await click(m.root.querySelector('.relation button')); // the reader moves to Azerbaijan inside the sidebar
    expect(m.root.querySelector('h1')?.textContent).toBe('Azerbaijan');
    await act(() => {
      history.replaceState(null, '', `#entity=${ALIYEV.id}&n=1`); // the same name clicked again in the page
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await settle();
    expect(m.root.querySelector('h1')?.textContent).toBe('Ilham Aliyev');
  });
});
