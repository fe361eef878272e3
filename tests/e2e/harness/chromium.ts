// Chromium with the unpacked extension, through playwright-core and the apt browser (NOTES.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Driver, Evaluator, LaunchOptions, Tab } from './driver';

export const CHROMIUM_PATH = process.env.BACKSTORY_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network on its own account (the machine has none; NOTES.md, node.md). */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--metrics-recording-only',
  // Every host but the test server fails to resolve at once: pages' own third-party requests fail fast instead of
  // holding up the load event, and nothing can leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

function frameEval(f: Frame | Page): Evaluator {
  return {
    url: () => f.url(),
    evaluate: (fn, arg) => f.evaluate(fn as never, arg) as never,
  };
}

function wrap(page: Page): Tab {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  return {
    errors,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    waitFor: async (fn, arg, timeoutMs = 20_000) => {
      await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 50 });
    },
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    frames: async () => page.frames().map(frameEval),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** Launches Chromium with the extension loaded; resolves once its service worker is up. */
export async function launchChromium(opts: LaunchOptions): Promise<Driver> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless,
    viewport: { width: 1280, height: 900 },
    ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
    args: [
      `--disable-extensions-except=${opts.extensionDir}`,
      `--load-extension=${opts.extensionDir}`,
      ...QUIET_FLAGS,
      ...(opts.args ?? []),
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  try {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // Node's URL gives non-special schemes an opaque "null" origin, so cut the origin out by hand.
    const extensionOrigin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())![0];
    return {
      name: 'chromium',
      extensionOrigin,
      requests,
      async newTab(url) {
        // Reuse the blank first tab, so the article tab is the only page tab.
        const blank = context.pages().find((p) => p.url() === 'about:blank');
        const tab = wrap(blank ?? (await context.newPage()));
        if (url) await tab.goto(url);
        return tab;
      },
      async extensionTab(path) {
        const tab = wrap(await context.newPage());
        await tab.goto(`${extensionOrigin}/${path}`);
        return tab;
      },
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium started but the extension's service worker never ran (${opts.extensionDir}): ${err}`);
  }
}
