import { describe, expect, it } from 'vitest';
import { classifySender, mayCall } from '../../src/background/senders';
import { ALLOWED, Requests } from '../../src/shared/protocol';
import type { RequestType, SenderKind } from '../../src/shared/protocol';

const runtime = { id: 'ext-id', getURL: (p: string) => `chrome-extension://ext-id/${p.replace(/^\//, '')}` };
const tab = { id: 7, incognito: false };

describe('classifySender', () => {
  it('accepts our content script in an http(s) tab', () => {
    expect(classifySender({ id: 'ext-id', url: 'https://news.example/a', tab, frameId: 0 }, runtime)).toBe('content');
    expect(classifySender({ id: 'ext-id', url: 'http://127.0.0.1:8080/seed-1.html', tab }, runtime)).toBe('content');
  });

  it('places our own pages by path', () => {
    expect(classifySender({ id: 'ext-id', url: 'chrome-extension://ext-id/sidebar.html#entity=Q1', tab }, runtime)).toBe('sidebar');
    expect(classifySender({ id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, runtime)).toBe('popup');
    expect(classifySender({ id: 'ext-id', url: 'chrome-extension://ext-id/options.html', tab }, runtime)).toBe('options');
    // Chrome's use_dynamic_url serves the sidebar from a per-session host; the browser still vouches by id.
    expect(classifySender({ id: 'ext-id', url: 'chrome-extension://3f2a9c-dynamic/sidebar.html#entity=Q1', tab }, runtime)).toBe('sidebar');
  });

  it('refuses other extensions, unknown pages and senders without what they need', () => {
    const cases = [
      undefined,
      {},
      { id: 'other-ext', url: 'https://news.example/a', tab }, // another extension's content script
      { id: 'other-ext', url: 'chrome-extension://other-ext/sidebar.html', tab },
      { id: 'ext-id', url: 'https://news.example/a' }, // http URL without a tab
      { id: 'ext-id', url: 'chrome-extension://ext-id/evil.html', tab },
      { id: 'ext-id', url: 'chrome-extension://ext-id/sidebar.html' }, // sidebar outside a tab
      { id: 'ext-id', url: 'moz-extension://ext-id/popup.html' }, // wrong scheme for this browser
      { id: 'ext-id', url: 'file:///etc/passwd', tab },
      { id: 'ext-id', url: 'not a url', tab },
    ];
    for (const s of cases) expect(classifySender(s, runtime), JSON.stringify(s)).toBeNull();
  });
});

describe('ALLOWED', () => {
  it('lists who may send every request, and nothing else', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(Object.keys(Requests).sort());
    for (const kinds of Object.values(ALLOWED)) expect(kinds.length).toBeGreaterThan(0);
  });

  it('keeps page-facing requests to the content script and data requests away from it', () => {
    const kinds: SenderKind[] = ['content', 'sidebar', 'popup', 'options'];
    const may = (k: SenderKind, t: RequestType) => mayCall(k, t);
    expect(may('content', 'article/link')).toBe(true);
    expect(may('sidebar', 'article/link')).toBe(false);
    for (const t of ['history/export', 'history/clear', 'settings/set', 'corpus/import', 'pack/import'] as const) {
      expect(may('content', t)).toBe(false);
      expect(may('sidebar', t)).toBe(false);
      expect(may('options', t)).toBe(true);
    }
    for (const k of kinds) expect(may(k, 'settings/get')).toBe(k !== 'content');
    expect(mayCall(null, 'settings/get')).toBe(false);
  });
});
