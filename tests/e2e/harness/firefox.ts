// Firefox ESR with the extension installed as a temporary add-on, through puppeteer-core over WebDriver BiDi.
// Two things puppeteer does not give us directly, done over raw BiDi instead:
// - extension frames (the sidebar iframe) show as about:blank in puppeteer's frame list, but BiDi's
//   browsingContext.getTree has them with their real URL, and script.evaluate runs in them;
// - navigating a tab to moz-extension:// is refused (NOTES.md), so extension pages are opened from the browser's
//   own chrome scope (allowed by --remote-allow-system-access, tests only) and driven the same raw way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import type { Driver, Evaluator, LaunchOptions, Tab } from './driver';
import { waitUntil } from './driver';

export const FIREFOX_PATH = process.env.BACKSTORY_FIREFOX ?? '/usr/bin/firefox-esr';
// A fixed moz-extension UUID, so tests know the extension's origin before anything runs.
const UUID = '6b1f3c2a-5d4e-4f60-8a9b-0c1d2e3f4a5b';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
  on(event: string, handler: (params: any) => void): void;
}

interface TreeNode {
  context: string;
  url: string;
  children?: TreeNode[] | null;
}

function flatten(nodes: TreeNode[], out: TreeNode[] = []): TreeNode[] {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children ?? [], out);
  }
  return out;
}

/** Runs `fn(arg)` in one browsing context over raw BiDi; values cross as JSON. */
async function evalIn<R, A>(conn: BidiConnection, context: string, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const expression = `Promise.resolve((${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'})).then((r) => JSON.stringify(r))`;
  const { result } = await conn.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (result.type === 'exception') throw new Error(`in ${context}: ${result.exceptionDetails?.text ?? 'exception'}`);
  const value = result.result?.value;
  return (typeof value === 'string' ? JSON.parse(value) : undefined) as R;
}

async function contexts(conn: BidiConnection): Promise<TreeNode[]> {
  return flatten((await conn.send('browsingContext.getTree', {})).result.contexts as TreeNode[]);
}

function rawEvaluator(conn: BidiConnection, node: TreeNode): Evaluator {
  return { url: () => node.url, evaluate: (fn, arg) => evalIn(conn, node.context, fn, arg) };
}

function wrapPage(page: Page, conn: BidiConnection): Tab {
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    const msg = String((e as Error)?.stack ?? e);
    // Firefox reports network console messages (a blocked favicon on a strict-CSP page, a failed cross-origin
    // request of a saved page) as page errors; they are not uncaught exceptions.
    if (/^Error: Content-Security-Policy:.*\/favicon\.ico\b/.test(msg)) return;
    if (/^Error: Cross-Origin Request Blocked:/.test(msg)) return;
    errors.push(msg);
  });
  return {
    errors,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    goto: async (url) => {
      try {
        await page.goto(url, { waitUntil: 'load' });
      } catch (err) {
        // Some saved pages make BiDi's navigate report "Address rejected" (a request of theirs to a host that does
        // not resolve here) although the page itself loads and stays; anything else is an error.
        if (!/Address rejected/.test(String(err))) throw err;
        await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: 20_000 }, url);
      }
    },
    waitFor: async (fn, arg, timeoutMs = 20_000) => {
      await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 50 }, arg);
    },
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    // The tab's frames as BiDi sees them (its top-level context is found by URL).
    frames: async () => {
      const top = (await conn.send('browsingContext.getTree', {})).result.contexts as TreeNode[];
      const mine = top.find((t) => t.url === page.url());
      return mine ? flatten([mine]).map((n) => rawEvaluator(conn, n)) : [];
    },
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** Launches Firefox ESR and installs the extension from `extensionDir` as a temporary add-on. */
export async function launchFirefox(opts: LaunchOptions): Promise<Driver> {
  const manifest = JSON.parse(readFileSync(join(opts.extensionDir, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
      // Keep Firefox's own services quiet: the machine has no network and the test records every request.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      // No name resolves (the test server is an IP literal), so pages' third-party requests fail at once.
      'network.dns.disabled': true,
    },
  });
  const conn = (browser as unknown as { connection: BidiConnection }).connection;
  const requests: string[] = [];
  conn.on('network.beforeRequestSent', (p) => requests.push(p?.request?.url));
  await conn.send('session.subscribe', { events: ['network.beforeRequestSent'] }).catch(() => {});
  try {
    await browser.installExtension(opts.extensionDir);
  } catch (err) {
    await browser.close();
    throw new Error(`Firefox refused the extension in ${opts.extensionDir}: ${err}`);
  }
  const extensionOrigin = `moz-extension://${UUID}`;
  return {
    name: 'firefox',
    extensionOrigin,
    requests,
    async newTab(url) {
      const page = (await browser.pages()).find((p) => p.url() === 'about:blank') ?? (await browser.newPage());
      const tab = wrapPage(page, conn);
      if (url) await tab.goto(url);
      return tab;
    },
    async extensionTab(path) {
      const url = `${extensionOrigin}/${path}`;
      const chrome = (await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result.contexts[0];
      const open = `(() => { const w = Services.wm.getMostRecentWindow('navigator:browser');
        w.gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
        return true; })()`;
      await conn.send('script.evaluate', { expression: open, target: { context: chrome.context }, awaitPromise: false });
      let node: TreeNode | undefined;
      await waitUntil(async () => {
        node = (await contexts(conn)).find((c) => c.url === url);
        if (!node) return false;
        return (await evalIn(conn, node.context, () => document.readyState, null)) === 'complete';
      }, 10_000, `${path} to open in Firefox`);
      const raw = rawEvaluator(conn, node!);
      const unsupported = async () => {
        throw new Error('not supported on a Firefox extension tab');
      };
      return {
        ...raw,
        errors: [],
        goto: unsupported,
        waitFor: async (fn, arg, timeoutMs = 10_000) =>
          waitUntil(async () => Boolean(await raw.evaluate(fn, arg)), timeoutMs, `a condition in ${path}`),
        click: unsupported,
        press: unsupported,
        frames: async () => [raw],
        screenshot: unsupported,
        setViewport: unsupported,
        bringToFront: unsupported,
        close: async () => {
          await conn.send('browsingContext.close', { context: node!.context }).catch(() => {});
        },
      };
    },
    async close() {
      await browser.close();
    },
  };
}
