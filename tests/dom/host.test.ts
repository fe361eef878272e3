import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG, Host } from '../../src/content/host';

afterEach(() => {
  document.querySelectorAll(HOST_TAG).forEach((h) => h.remove());
  document.body.innerHTML = '';
});

const make = (side: 'left' | 'right' = 'right', width = 380) =>
  new Host({ doc: document, sidebarUrl: 'chrome-extension://ext/sidebar.html', side, width });

describe('Host', () => {
  it('is one <backstory-host> on <html> with a closed shadow root and isolated styles', () => {
    const h = make();
    h.attach();
    h.attach(); // idempotent
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(h.el.parentNode).toBe(document.documentElement);
    expect(h.el.shadowRoot).toBeNull();
    const style = h.shadowForTests.querySelector('style')!.textContent!;
    expect(style.trim().startsWith(':host { all: initial; }')).toBe(true);
  });

  it('carries the ready state, the count and the ids, sorted and unique', () => {
    const h = make();
    h.attach();
    h.setReady(4, ['Q9248', 'Q312', 'Q9248', 'bs:x']);
    expect(h.el.getAttribute('data-state')).toBe('ready');
    expect(h.el.getAttribute('data-mentions')).toBe('4');
    expect(h.el.getAttribute('data-entities')).toBe('Q312 Q9248 bs:x');
  });

  it('shows names in the tooltip and live region as text, never as HTML', () => {
    const h = make();
    h.attach();
    const evil = '<img src=x onerror="alert(1)">';
    h.showTooltip(`Background: ${evil} — click`, { left: 10, top: 100, bottom: 120 });
    h.announce(evil);
    const tip = h.shadowForTests.querySelector('[role="tooltip"]') as HTMLElement;
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toBe(`Background: ${evil} — click`);
    expect(h.shadowForTests.querySelector('img')).toBeNull();
    expect(h.shadowForTests.querySelector('[aria-live="polite"]')!.textContent).toBe(evil);
    h.hideTooltip();
    expect(tip.hidden).toBe(true);
  });

  it('opens the sidebar iframe on first use, retargets by hash, and returns focus on close', () => {
    document.body.innerHTML = '<button id="b">page button</button>';
    const button = document.getElementById('b') as HTMLButtonElement;
    button.focus();
    const h = make('left', 420);
    h.attach();
    expect(h.shadowForTests.querySelector('iframe')).toBeNull();
    h.openSidebar('#entity=Q312');
    const f = h.shadowForTests.querySelector('iframe')!;
    expect(f.getAttribute('src')).toBe('chrome-extension://ext/sidebar.html#entity=Q312');
    expect(f.title).toBe('Backstory sidebar');
    expect(f.style.left).toBe('0px');
    expect(f.style.width).toBe('420px');
    expect(h.sidebarOpen).toBe(true);
    h.openSidebar('#entity=Q227');
    expect(h.shadowForTests.querySelectorAll('iframe')).toHaveLength(1);
    expect(f.getAttribute('src')).toBe('chrome-extension://ext/sidebar.html#entity=Q227');
    h.closeSidebar();
    expect(h.sidebarOpen).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it('remove() takes the host out of the page', () => {
    const h = make();
    h.attach();
    h.remove();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});
