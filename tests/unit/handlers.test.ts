import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/card';
import type { ArticleText, HistoryEntry, Mention, RelatedStory } from '../../src/core/types';
import type { Data, HistoryLike } from '../../src/background/handlers';
import { createHandlers, handleMessage } from '../../src/background/handlers';
import { TabStore, memoryArea } from '../../src/background/store';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const runtime = { id: 'ext', getURL: (p: string) => `chrome-extension://ext/${p.replace(/^\//, '')}` };
const PAGE = 'https://news.example/2024/story';
const content = (tabId = 3, extra: object = {}) => ({ id: 'ext', url: PAGE, tab: { id: tabId, incognito: false }, frameId: 0, ...extra });
const sidebar = (tabId = 3) => ({ id: 'ext', url: 'chrome-extension://ext/sidebar.html#entity=Q1', tab: { id: tabId }, frameId: 5 });
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const options = { id: 'ext', url: 'chrome-extension://ext/options.html' };

const article: ArticleText = {
  title: 'Talks in Baku', byline: null, siteName: 'News', lang: 'en', dir: 'ltr',
  published: '2024-05-02T10:00:00Z', url: PAGE, excerpt: null,
  text: 'Ilham Aliyev met officials in Baku. Aliyev said Baku was ready.',
};
const M = (start: number, end: number, entityId: string): Mention => ({
  start, end, text: article.text.slice(start, end), entityId, score: 0.9,
});

function setup(opts: { historyFails?: boolean } = {}) {
  const local = memoryArea();
  const session = memoryArea();
  const tabs = new TabStore(session);
  const sent: { tabId: number; msg: unknown; frameId?: number }[] = [];
  const added: HistoryEntry[] = [];
  const indexed: HistoryEntry[] = [];
  const calls: { link: unknown[]; related: unknown[] } = { link: [], related: [] };
  const names: Record<string, { name: string; type: 'person' | 'city' }> = {
    Q1: { name: 'Ilham Aliyev', type: 'person' }, Q9248: { name: 'Baku', type: 'city' },
  };
  const data: Data = {
    async link(text, o) {
      calls.link.push(o);
      return { mentions: [M(0, 12, 'Q1'), M(30, 34, 'Q9248'), M(36, 42, 'Q1'), M(48, 52, 'Q9248')], possible: [] };
    },
    async summary(id) {
      const n = names[id];
      return n ? { id, ...n } : undefined;
    },
    async card(id, asOf, related) {
      if (!names[id]) return null;
      return { id, name: names[id]!.name, asOf, related } as unknown as Card;
    },
    async related(q) {
      calls.related.push(q);
      return [{ id: 'r1', title: 'Earlier', url: null, source: 'x', published: '2023-01-01', score: 1, shared: ['Q1'], when: 'before', origin: 'corpus' } satisfies RelatedStory];
    },
    historyEntry(a, mentions, site, readAt, keepText) {
      return { id: 'h1', url: a.url, title: a.title, source: 'News', published: '2024-05-02', lang: 'en', summary: '', actors: ['Q1'], site, readAt, terms: ['baku'], ...(keepText ? { text: a.text } : {}) };
    },
    async indexHistory(e) { indexed.push(...e); },
    async clearHistoryIndex() { indexed.length = 0; },
    async corpora() { return []; },
    async importCorpus() { throw new Error('bad corpus: line 3: missing id'); },
    async removeCorpus() { return false; },
    async packs() { return [{ name: 'cities', actors: 2 }]; },
    async importPack(name) { return { name, actors: 2 }; },
    async removePack() { return true; },
  };
  const history: HistoryLike = {
    async add(e) { if (opts.historyFails) throw new Error('QuotaExceededError'); added.push(e); },
    async all() { return added; },
    async exportJsonl() { return added.map((e) => JSON.stringify(e)).join('\n'); },
    async importJsonl() { return 2; },
    async clear() { added.length = 0; },
  };
  const handlers = createHandlers({
    local, tabs, data, history: async () => history,
    sendToTab: async (tabId, msg, frameId) => { sent.push(frameId ? { tabId, msg, frameId } : { tabId, msg }); if (tabId === 404) throw new Error('no receiver'); return true; },
    now: () => new Date('2024-05-03T08:00:00Z'),
  });
  const call = (msg: unknown, sender: object | undefined) => handleMessage(handlers, msg, sender as never, runtime);
  return { local, session, tabs, sent, added, indexed, calls, call };
}

describe('handleMessage', () => {
  it('refuses malformed messages and unknown senders with a Result, never a throw', async () => {
    const { call } = setup();
    expect(await call(null, content())).toEqual({ ok: false, error: 'malformed request' });
    expect(await call({ type: 'nope', payload: {} }, content())).toEqual({ ok: false, error: 'malformed request' });
    expect(await call({ type: 'entity/card', payload: { id: 'not an id' } }, sidebar())).toMatchObject({ ok: false });
    expect(await call({ type: 'settings/get', payload: {} }, { id: 'other', url: 'chrome-extension://other/options.html' }))
      .toEqual({ ok: false, error: 'unknown sender' });
  });

  it('refuses requests a sender may not make', async () => {
    const { call } = setup();
    expect(await call({ type: 'history/clear', payload: {} }, content())).toEqual({ ok: false, error: 'content may not send history/clear' });
    expect(await call({ type: 'article/link', payload: { article } }, sidebar())).toMatchObject({ ok: false });
  });
});

describe('content requests', () => {
  it('content/hello answers enabled + settings, and remembers the tab page', async () => {
    const { call, tabs, local } = setup();
    expect(await call({ type: 'content/hello', payload: { url: PAGE } }, content())).toEqual({
      ok: true, value: { enabled: true, settings: DEFAULT_SETTINGS },
    });
    expect(await tabs.getInfo(3)).toEqual({ url: PAGE, host: 'news.example' });
    await local.set({ settings: { version: 2, disabledSites: ['news.example'] } });
    const r = await call({ type: 'content/hello', payload: { url: 'https://elsewhere.example/' } }, content());
    // The sender's URL counts, not the payload's.
    expect(r).toMatchObject({ ok: true, value: { enabled: false } });
  });

  it('article/link links, counts entities, records history, keeps tab state', async () => {
    const { call, tabs, added, indexed, calls } = setup();
    const r = await call({ type: 'article/link', payload: { article } }, content());
    expect(r.ok).toBe(true);
    const v = (r as { value: { mentions: Mention[]; entities: { id: string; count: number }[] } }).value;
    expect(v.mentions).toHaveLength(4);
    // Equal counts: by name.
    expect(v.entities).toEqual([
      { id: 'Q9248', name: 'Baku', type: 'city', count: 2 },
      { id: 'Q1', name: 'Ilham Aliyev', type: 'person', count: 2 },
    ]);
    expect(v.mentions.map((m) => m.text)).toEqual(['Ilham Aliyev', 'Baku', 'Aliyev', 'Baku']);
    expect(calls.link[0]).toMatchObject({ date: '2024-05-02', lang: 'en', site: 'news.example' });
    expect(calls.related[0]).toMatchObject({ excludeUrl: PAGE, date: '2024-05-02' });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ site: 'news.example', readAt: '2024-05-03T08:00:00.000Z' });
    expect(added[0]).not.toHaveProperty('text');
    expect(indexed).toHaveLength(1);
    const state = await tabs.getState(3);
    expect(state?.mentions).toHaveLength(4);
    expect(state?.related).toHaveLength(1);
    expect(state?.article).not.toHaveProperty('text');
    expect(state?.selected).toBeNull();
  });

  it('article/link records nothing in a private window or with history off', async () => {
    const a = setup();
    await a.call({ type: 'article/link', payload: { article } }, content(3, { tab: { id: 3, incognito: true } }));
    expect(a.added).toHaveLength(0);
    const b = setup();
    await b.local.set({ settings: { version: 2, history: { enabled: false } } });
    await b.call({ type: 'article/link', payload: { article } }, content());
    expect(b.added).toHaveLength(0);
  });

  it('article/link still answers when the history write fails (quota)', async () => {
    const { call, added } = setup({ historyFails: true });
    const r = await call({ type: 'article/link', payload: { article } }, content());
    expect(r.ok).toBe(true);
    expect(added).toHaveLength(0);
  });

  it('article/select is kept in the tab state for the sidebar', async () => {
    const { call } = setup();
    await call({ type: 'article/link', payload: { article } }, content());
    await call({ type: 'article/select', payload: { id: 'Q1' } }, content());
    expect(await call({ type: 'sidebar/state', payload: {} }, sidebar())).toMatchObject({ ok: true, value: { selected: 'Q1' } });
    // Another tab's sidebar sees nothing of it.
    expect(await call({ type: 'sidebar/state', payload: {} }, sidebar(4))).toEqual({ ok: true, value: null });
  });
});

describe('sidebar, popup and options requests', () => {
  it('entity/card resolves as of the article date with related stories for that actor', async () => {
    const { call, calls } = setup();
    await call({ type: 'article/link', payload: { article } }, content());
    const r = await call({ type: 'entity/card', payload: { id: 'Q1' } }, sidebar());
    expect(r).toMatchObject({ ok: true, value: { id: 'Q1', asOf: '2024-05-02' } });
    expect(calls.related.at(-1)).toMatchObject({ actors: ['Q1'], focus: 'Q1' });
    expect(await call({ type: 'entity/card', payload: { id: 'Q777' } }, sidebar())).toEqual({ ok: false, error: 'Unknown actor Q777' });
  });

  it('keeps the state of an article linked in a sub-frame and forwards page commands to that frame', async () => {
    const { call, sent } = setup();
    await call({ type: 'content/hello', payload: { url: PAGE } }, content(9));
    expect(await call({ type: 'article/link', payload: { article } }, content(9, { frameId: 7 }))).toMatchObject({ ok: true });
    expect(await call({ type: 'sidebar/state', payload: {} }, sidebar(9))).toMatchObject({ ok: true, value: { article: { title: article.title } } });
    await call({ type: 'page/focus-mention', payload: { index: 1 } }, sidebar(9));
    expect(sent).toEqual([{ tabId: 9, msg: { type: 'content/focus-mention', payload: { index: 1 } }, frameId: 7 }]);
    // A new page in the tab (the top frame says hello again): back to the top frame.
    await call({ type: 'content/hello', payload: { url: PAGE } }, content(9));
    await call({ type: 'page/close-sidebar', payload: {} }, sidebar(9));
    expect(sent[1]).toEqual({ tabId: 9, msg: { type: 'content/close-sidebar', payload: {} } });
  });

  it('forwards page commands to the sender tab, top frame', async () => {
    const { call, sent } = setup();
    expect(await call({ type: 'page/focus-mention', payload: { index: 2 } }, sidebar(9))).toEqual({ ok: true, value: true });
    expect(await call({ type: 'page/close-sidebar', payload: {} }, sidebar(9))).toEqual({ ok: true, value: true });
    expect(await call({ type: 'page/open-sidebar', payload: { tabId: 11 } }, popup)).toEqual({ ok: true, value: true });
    expect(sent).toEqual([
      { tabId: 9, msg: { type: 'content/focus-mention', payload: { index: 2 } } },
      { tabId: 9, msg: { type: 'content/close-sidebar', payload: {} } },
      { tabId: 11, msg: { type: 'content/open-sidebar', payload: {} } },
    ]);
    expect(await call({ type: 'page/open-sidebar', payload: { tabId: 404 } }, popup)).toMatchObject({ ok: false });
  });

  it('site/toggle switches the site off and on, telling the page', async () => {
    const { call, sent, local } = setup();
    await call({ type: 'content/hello', payload: { url: PAGE } }, content(5));
    await call({ type: 'article/link', payload: { article } }, content(5));
    expect(await call({ type: 'popup/status', payload: { tabId: 5 } }, popup)).toEqual({
      ok: true, value: { host: 'news.example', enabled: true, actors: 2, mentions: 4 },
    });
    expect(await call({ type: 'site/toggle', payload: { tabId: 5, enabled: false } }, popup)).toEqual({
      ok: true, value: { host: 'news.example', enabled: false, actors: null, mentions: null },
    });
    expect(((await local.get('settings'))['settings'] as { disabledSites: string[] }).disabledSites).toEqual(['news.example']);
    await call({ type: 'site/toggle', payload: { tabId: 5, enabled: true } }, popup);
    expect(((await local.get('settings'))['settings'] as { disabledSites: string[] }).disabledSites).toEqual([]);
    expect(sent.map((s) => s.msg)).toEqual([
      { type: 'content/set-enabled', payload: { enabled: false } },
      { type: 'content/set-enabled', payload: { enabled: true } },
    ]);
    expect(await call({ type: 'site/toggle', payload: { tabId: 99, enabled: false } }, popup)).toMatchObject({ ok: false });
  });

  it('settings/set merges, sanitises and stores', async () => {
    const { call, local } = setup();
    const r = await call({ type: 'settings/set', payload: { settings: { firstOnly: true, sidebarWidth: 5 } } }, options);
    expect(r).toMatchObject({ ok: true, value: { firstOnly: true, sidebarWidth: 280, runOn: 'all' } });
    expect(((await local.get('settings'))['settings'] as { firstOnly: boolean }).firstOnly).toBe(true);
    expect(await call({ type: 'settings/get', payload: {} }, popup)).toMatchObject({ ok: true, value: { firstOnly: true } });
  });

  it('settings/set reports a quota error in words and leaves storage as it was', async () => {
    const { call, local } = setup();
    await local.set({ settings: { version: 2, firstOnly: false } });
    const before = structuredClone([...local.data]);
    local.set = async () => { throw new Error('QUOTA_BYTES quota exceeded'); };
    const r = await call({ type: 'settings/set', payload: { settings: { firstOnly: true } } }, options);
    expect(r).toMatchObject({ ok: false });
    expect((r as { error: string }).error).toMatch(/Not enough storage space/);
    expect([...local.data]).toEqual(before);
  });

  it('corrections: set from the sidebar for its site, listed and removed from options', async () => {
    const { call } = setup();
    await call({ type: 'content/hello', payload: { url: PAGE } }, content(3));
    expect(await call({ type: 'correction/set', payload: { mentionText: 'Georgia', wrongId: 'Q230', rightId: null } }, sidebar(3)))
      .toEqual({ ok: true, value: true });
    const list = await call({ type: 'correction/list', payload: {} }, options);
    expect(list).toEqual({ ok: true, value: [{ key: 'news.example|georgia|Q230', site: 'news.example', mentionText: 'Georgia', wrongId: 'Q230', rightId: null }] });
    expect(await call({ type: 'correction/remove', payload: { key: 'news.example|georgia|Q230' } }, options)).toEqual({ ok: true, value: true });
    expect(await call({ type: 'correction/list', payload: {} }, options)).toEqual({ ok: true, value: [] });
  });

  it('corrections reach the linker for their site only', async () => {
    const { call, calls, local } = setup();
    await local.set({ corrections: [
      { key: 'k1', site: 'news.example', mentionText: 'Baku', wrongId: 'Q9248', rightId: null },
      { key: 'k2', site: 'other.example', mentionText: 'Baku', wrongId: 'Q9248', rightId: null },
    ] });
    await call({ type: 'article/link', payload: { article } }, content());
    expect((calls.link[0] as { corrections: { site: string }[] }).corrections.map((c) => c.site)).toEqual(['news.example']);
  });

  it('import errors come back as a failed Result with the reason', async () => {
    const { call } = setup();
    expect(await call({ type: 'corpus/import', payload: { name: 'x', text: '{}' } }, options))
      .toEqual({ ok: false, error: 'bad corpus: line 3: missing id' });
  });

  it('history import and clear make the related index re-read the history store', async () => {
    const { call, indexed, added } = setup();
    await call({ type: 'article/link', payload: { article } }, content());
    expect(indexed).toHaveLength(1);
    expect(await call({ type: 'history/import', payload: { jsonl: '' } }, options)).toEqual({ ok: true, value: { imported: 2 } });
    expect(indexed).toHaveLength(0);
    await call({ type: 'article/link', payload: { article } }, content());
    expect(await call({ type: 'history/clear', payload: {} }, options)).toEqual({ ok: true, value: true });
    expect(indexed).toHaveLength(0);
    expect(added).toHaveLength(0);
  });
});
