// One small interface over the two browser drivers (playwright-core for Chromium, puppeteer-core over WebDriver
// BiDi for Firefox ESR), so each end-to-end test is written once and runs in both browsers.

export type BrowserName = 'chromium' | 'firefox';

/** Anything that can run a function in a document's main world: a tab or a frame in it. */
export interface Evaluator {
  url(): string;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface Tab extends Evaluator {
  /** Uncaught errors reported by the page (its own and any of ours that leak into it). */
  errors: string[];
  goto(url: string): Promise<void>;
  /** Waits until `fn(arg)` returns a truthy value in the page's main world. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Every frame of the tab, the top one first; extension frames included. */
  frames(): Promise<Evaluator[]>;
  screenshot(path: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  name: BrowserName;
  /** The origin of the extension's pages (`chrome-extension://ID` or `moz-extension://UUID`). */
  extensionOrigin: string;
  /** Every request URL any tab of the browser made, in order (pages, frames, and the extension's pages). */
  requests: string[];
  newTab(url?: string): Promise<Tab>;
  /**
   * Opens one of the extension's own pages (`popup.html`, `options.html`) in a tab, so a test can act through it
   * the way the reader would through the toolbar popup.
   */
  extensionTab(path: string): Promise<Tab>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  headless: boolean;
  /** Extra browser arguments (Chromium only). */
  args?: string[];
  /** The colour scheme pages see (Chromium only; screenshots of the light and dark themes). */
  colorScheme?: 'light' | 'dark';
}

export const waitUntil = async (cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
};
