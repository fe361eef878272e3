// Background entry (Chrome: module service worker; Firefox: background script). Wires the browser to the handlers.
// Listeners are registered synchronously at the top level so a restarted service worker receives the waking event.
import type { Runtime } from '../shared/browser';
import { browser } from '../shared/browser';
import { parseContentCommand } from '../shared/protocol';
import { History } from './history';
import { createData } from './data';
import type { HistoryLike } from './handlers';
import { createHandlers, handleMessage } from './handlers';
import type { StorageArea } from './store';
import { TabStore, loadSettings, memoryArea } from './store';

const local = browser.storage.local as unknown as StorageArea;
// storage.session survives service-worker restarts (Chrome 102+, Firefox 115+); memory where it is missing.
const sessionArea: StorageArea =
  (browser.storage as unknown as { session?: StorageArea }).session ?? memoryArea();
const tabs = new TabStore(sessionArea);

let historyP: Promise<HistoryLike | null> | null = null;
function history(): Promise<HistoryLike | null> {
  historyP ??= (async () => {
    if (typeof indexedDB === 'undefined') return null;
    const settings = await loadSettings(local);
    return (await History.open(indexedDB, { maxItems: settings.history.maxItems })) as HistoryLike;
  })().catch(() => null);
  return historyP;
}

const data = createData({
  local,
  async loadJson(path) {
    // The build ships data/NAME.json gzipped as data/NAME.json.gz (web-ext lint refuses to parse files over 5 MB,
    // and the package shrinks about 7x); the plain file is the fallback for builds without it.
    const gz = await fetch(browser.runtime.getURL(`${path}.gz`)).catch(() => null);
    if (gz?.ok && gz.body) return new Response(gz.body.pipeThrough(new DecompressionStream('gzip'))).json();
    const res = await fetch(browser.runtime.getURL(path));
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  },
  async historyEntries() {
    const h = await history();
    return h ? h.all() : [];
  },
});

const handlers = createHandlers({
  local,
  tabs,
  data,
  history,
  sendToTab: (tabId, msg, frameId = 0) => browser.tabs.sendMessage(tabId, msg, { frameId }),
  now: () => new Date(),
});

const runtime = { id: browser.runtime.id, getURL: (p: string) => browser.runtime.getURL(p) };

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => handleMessage(handlers, msg, sender, runtime));

browser.commands?.onCommand.addListener(async (command: string) => {
  const msg = { type: 'content/command', payload: { command } };
  if (!parseContentCommand(msg)) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // The frame holding the article (an article inside an iframe), else the top frame.
  const frameId = (await tabs.getInfo(tab.id).catch(() => null))?.frameId ?? 0;
  await browser.tabs.sendMessage(tab.id, msg, { frameId }).catch(() => {
    // No content script on that tab (a browser page, or not an http(s) page): nothing to do.
  });
});

browser.tabs.onRemoved.addListener((tabId: number) => {
  void tabs.forget(tabId);
});
