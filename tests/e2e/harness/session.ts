// Per-browser test session for vitest: one server and one browser for a describe block, plus the checks every page
// shares (no request leaves the machine, teardown restores the page).
import type { Driver, Tab } from './driver';
import { launch, setSiteEnabled, tabIdOf } from './index';
import type { BrowserName } from './index';
import { outerHtml, readHost } from './probes';
import type { StaticServer } from './server';
import { startServer } from './server';
import { testMounts } from './paths';

export interface Session {
  server: StaticServer;
  driver: Driver;
  tab: Tab;
}

export async function openSession(name: BrowserName): Promise<Session> {
  const server = await startServer(testMounts());
  try {
    const driver = await launch(name);
    const tab = await driver.newTab();
    await tab.setViewport(1280, 900);
    return { server, driver, tab };
  } catch (err) {
    await server.close();
    throw err;
  }
}

export async function closeSession(s: Session | undefined): Promise<void> {
  if (!s) return;
  await s.driver.close().catch(() => {});
  await s.server.close();
}

/** Requests that left the machine: anything not to our server, not to the extension, not a local scheme. */
export function foreignRequests(s: Session): string[] {
  return s.driver.requests.filter((u) => {
    if (!u) return false;
    if (u.startsWith(`${s.server.origin}/`)) return false;
    return !/^(chrome-extension|moz-extension|data|blob|about):/.test(u);
  });
}

/**
 * Turns Backstory off for the site through the popup's request, and returns the page's markup after teardown and
 * the markup of the same page loaded fresh with Backstory off (the page as it was before Backstory ran). The site
 * is switched back on before returning.
 */
export async function teardownSnapshots(
  s: Session,
  opts: { afterOnly?: boolean } = {},
): Promise<{ after: string; pristine: string; hostAfter: unknown; highlightsAfter: number; pristineErrors: string[] }> {
  const tabId = await tabIdOf(s.driver, s.server.origin);
  await setSiteEnabled(s.driver, tabId, false);
  try {
    await s.tab.waitFor(() => !document.querySelector('backstory-host'), null, 10_000);
    const after = await s.tab.evaluate(outerHtml, null);
    const hostAfter = await s.tab.evaluate(readHost, null);
    const highlightsAfter = await s.tab.evaluate(() => {
      const reg = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
      let n = 0;
      if (reg) for (const [, h] of reg) n += h.size;
      return n;
    }, null);
    const errorsBefore = s.tab.errors.length;
    if (opts.afterOnly) {
      // Still reload with Backstory off: its errors are the page's own baseline.
      await s.tab.goto(s.tab.url());
      await new Promise((r) => setTimeout(r, 500));
      return { after, pristine: '', hostAfter, highlightsAfter, pristineErrors: s.tab.errors.slice(errorsBefore) };
    }
    await s.tab.goto(s.tab.url());
    // Give a content script that wrongly ignores the switch the time it would need to show itself.
    await new Promise((r) => setTimeout(r, 1_500));
    const pristine = await s.tab.evaluate(outerHtml, null);
    // The page's own errors with Backstory off: what a load with Backstory on may raise without it being ours.
    const pristineErrors = s.tab.errors.slice(errorsBefore);
    return { after, pristine, hostAfter, highlightsAfter, pristineErrors };
  } finally {
    await setSiteEnabledAgain(s);
  }
}

async function setSiteEnabledAgain(s: Session): Promise<void> {
  // With the site off the tab has no analysis, so it is found by asking for each tab's host through the popup.
  const tabId = await tabIdOf(s.driver, s.server.origin, { analysed: false }).catch(() => null);
  if (tabId !== null) await setSiteEnabled(s.driver, tabId, true);
}
