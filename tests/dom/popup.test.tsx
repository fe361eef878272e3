// The popup with a fake background and a fake active tab.
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../src/popup/Popup';
import type { SiteStatus } from '../../src/shared/protocol';
import { button, click, control, fakeSend, mount } from './ui-fixtures';

let unmount: () => void = () => {};
afterEach(() => unmount());

const status = (over: Partial<SiteStatus> = {}): SiteStatus => ({ host: 'news.example', enabled: true, actors: 7, mentions: 21, ...over });

describe('popup', () => {
  it('shows the site, the switch and the number of actors for the active tab', async () => {
    const bg = fakeSend({ 'popup/status': () => status() });
    const m = await mount(<Popup send={bg.send} getTabId={async () => 42} />);
    unmount = m.unmount;
    expect(bg.of('popup/status').map((c) => c.payload)).toEqual([{ tabId: 42 }]);
    const sw = control(m.root, /On for this site/);
    expect(sw?.getAttribute('role')).toBe('switch');
    expect(sw?.checked).toBe(true);
    expect(m.root.querySelector('.host')?.textContent).toBe('news.example');
    expect(m.root.querySelector('.found')?.textContent).toBe('Actors found: 7');
  });

  it('turning the switch off calls site/toggle and shows the reply', async () => {
    const bg = fakeSend({ 'popup/status': () => status(), 'site/toggle': ({ enabled }) => status({ enabled: enabled as boolean }) });
    const m = await mount(<Popup send={bg.send} getTabId={async () => 42} />);
    unmount = m.unmount;
    await click(control(m.root, /On for this site/));
    expect(bg.of('site/toggle').map((c) => c.payload)).toEqual([{ tabId: 42, enabled: false }]);
    expect(control(m.root, /On for this site/)?.checked).toBe(false);
    expect(m.root.querySelector('.found')?.textContent).toBe('Backstory is off on this site.');
    expect(button(m.root, 'Open sidebar')?.disabled).toBe(true);
  });

  it('opens the sidebar in the active tab and closes itself', async () => {
    let closed = 0;
    const bg = fakeSend({ 'popup/status': () => status(), 'page/open-sidebar': () => true });
    const m = await mount(<Popup send={bg.send} getTabId={async () => 9} done={() => { closed++; }} />);
    unmount = m.unmount;
    await click(button(m.root, 'Open sidebar'));
    expect(bg.of('page/open-sidebar').map((c) => c.payload)).toEqual([{ tabId: 9 }]);
    expect(closed).toBe(1);
  });

  it('says the page was not analysed when actors is null', async () => {
    const bg = fakeSend({ 'popup/status': () => status({ actors: null, mentions: null }) });
    const m = await mount(<Popup send={bg.send} getTabId={async () => 1} />);
    unmount = m.unmount;
    expect(m.root.querySelector('.found')?.textContent).toBe('No article was analysed on this page.');
  });

  it('has an empty state without a tab, and shows errors as alerts', async () => {
    const bg = fakeSend({});
    const m = await mount(<Popup send={bg.send} getTabId={async () => null} />);
    unmount = m.unmount;
    expect(bg.calls).toHaveLength(0);
    expect(m.root.textContent).toContain('Backstory works on news pages.');
    unmount();
    const bg2 = fakeSend({ 'popup/status': () => { throw new Error('tab is gone'); } });
    const m2 = await mount(<Popup send={bg2.send} getTabId={async () => 3} />);
    unmount = m2.unmount;
    expect(m2.root.querySelector('[role=alert]')?.textContent).toContain('tab is gone');
  });
});
