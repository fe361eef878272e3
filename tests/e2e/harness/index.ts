// Entry of the end-to-end harness: launch a browser with the built extension, and act through the extension the
// way a reader would (the popup's site switch).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium';
import type { BrowserName, Driver, LaunchOptions, Tab } from './driver';
import { launchFirefox } from './firefox';
import { DIST } from './paths';

export type { BrowserName, Driver, Tab } from './driver';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const distFor = (name: BrowserName): string => (name === 'chromium' ? DIST.chrome : DIST.firefox);

/** Launches one browser with its build of the extension (dist/chrome or dist/firefox). */
export async function launch(name: BrowserName, opts: Partial<LaunchOptions> = {}): Promise<Driver> {
  const extensionDir = opts.extensionDir ?? distFor(name);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir}/manifest.json is missing: run \`npm run build\` first`);
  }
  const full: LaunchOptions = { headless: true, ...opts, extensionDir };
  return name === 'chromium' ? launchChromium(full) : launchFirefox(full);
}

/** Result of a request sent from an extension page, as the protocol's `Result`. */
type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Sends one protocol request from an extension page (popup.html by default), as that page would.
 * The request's sender is then the popup, which the background allows to switch a site on and off.
 */
export async function sendFromExtension<T>(
  driver: Driver,
  message: { type: string; payload: unknown },
  page = 'popup.html',
): Promise<T> {
  const tab = await driver.extensionTab(page);
  try {
    const reply = await tab.evaluate(
      (m) => (globalThis as any).chrome?.runtime?.sendMessage
        ? new Promise((res) => (globalThis as any).chrome.runtime.sendMessage(m, res))
        : (globalThis as any).browser.runtime.sendMessage(m),
      message,
    ) as Reply<T> | undefined;
    if (!reply || !reply.ok) throw new Error(`${message.type}: ${reply ? reply.error : 'no reply'}`);
    return reply.value;
  } finally {
    await tab.close();
  }
}

/**
 * The id of the tab showing `url`, found through the background (the extension has no "tabs" permission, so tab
 * URLs are not visible to it; `popup/status` reports each tab's analysed host instead).
 */
export async function tabIdOf(driver: Driver, origin: string, opts: { analysed?: boolean } = {}): Promise<number> {
  const analysed = opts.analysed ?? true;
  const tab = await driver.extensionTab('popup.html');
  try {
    const host = new URL(origin).hostname;
    const found = await tab.evaluate(async ({ h, analysed }) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const send = (m: unknown) =>
        (globalThis as any).browser
          ? (globalThis as any).browser.runtime.sendMessage(m)
          : new Promise((res) => (globalThis as any).chrome.runtime.sendMessage(m, res));
      const tabs: { id: number }[] = await api.tabs.query({});
      const hits: number[] = [];
      for (const t of tabs) {
        const r = (await send({ type: 'popup/status', payload: { tabId: t.id } })) as any;
        if (r?.ok && r.value.host === h && (!analysed || r.value.actors !== null)) hits.push(t.id);
      }
      return hits;
    }, { h: host, analysed });
    if (found.length !== 1) throw new Error(`expected one analysed tab on ${host}, found ${found.length}`);
    return found[0]!;
  } finally {
    await tab.close();
  }
}

/** Switches Backstory off (or on) for the site of the tab, through the popup's request. */
export async function setSiteEnabled(driver: Driver, tabId: number, enabled: boolean): Promise<void> {
  await sendFromExtension(driver, { type: 'site/toggle', payload: { tabId, enabled } });
}

/** Loads `url` in `tab` and waits for Backstory's host to be ready. */
export async function openArticle(tab: Tab, url: string, timeoutMs = 30_000): Promise<void> {
  await tab.goto(url);
  await tab.waitFor(
    () => document.querySelector('backstory-host')?.getAttribute('data-state') === 'ready',
    null,
    timeoutMs,
  );
}
