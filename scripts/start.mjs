#!/usr/bin/env node
// `npm start`: build both targets, serve the demo article on 127.0.0.1 and open a browser with Backstory loaded on
// it, the way `web-ext run --target chromium` does.
//   npm start                                   Chromium; stays open until Ctrl+C (headless when there is no display)
//   npm start -- --browser firefox              Firefox ESR instead
//   npm start -- --headless --screenshot FILE   headless: wait for the highlights, click "Ilham Aliyev", wait for his
//                                               card in the sidebar, save a screenshot, exit 0
// Other flags: --no-build (use dist/ as it is), --url URL (open another page instead of the demo).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { build } from './build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLICK_NAME = 'Ilham Aliyev';

function parseArgs(argv) {
  const opts = { browser: 'chromium', headless: false, screenshot: null, build: true, url: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browser') opts.browser = argv[++i];
    else if (a === '--headless') opts.headless = true;
    else if (a === '--screenshot') opts.screenshot = argv[++i];
    else if (a === '--no-build') opts.build = false;
    else if (a === '--url') opts.url = argv[++i];
    else throw new Error(`unknown option ${a} (see the header of scripts/start.mjs)`);
  }
  if (opts.browser === 'chrome') opts.browser = 'chromium';
  if (!['chromium', 'firefox'].includes(opts.browser)) throw new Error(`--browser must be chromium or firefox`);
  if (opts.screenshot === undefined) throw new Error('--screenshot needs a file name');
  return opts;
}

const say = (msg) => process.stdout.write(`[start] ${msg}\n`);

/** Waits for the highlights, clicks the name, waits for its card; returns what the sidebar shows. */
async function clickThrough(tab, probes, driverName) {
  await tab.waitFor(probes.hostReady, null, 30_000);
  const host = await tab.evaluate(probes.readHost, null);
  say(`${driverName}: Backstory is ready: ${host.mentions} mentions of ${host.entities.length} actors`);
  const point = await tab.evaluate(probes.pointOfHighlight, CLICK_NAME);
  if (!point) throw new Error(`"${CLICK_NAME}" is not highlighted on the page`);
  await tab.click(point.x, point.y);
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    for (const f of await tab.frames()) {
      if (!f.url().includes('sidebar.html')) continue;
      const h1 = await f.evaluate(() => document.querySelector('h1')?.textContent ?? null, null).catch(() => null);
      if (h1 && h1.includes(CLICK_NAME)) {
        // Let the sidebar's opening transition finish, so the picture shows it as the reader does.
        await f.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)), null).catch(() => {});
        await new Promise((r) => setTimeout(r, 500));
        return h1;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the sidebar did not show the card of "${CLICK_NAME}" within 20 s`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) {
    const missing = await build();
    const fatal = missing.filter((m) => m.startsWith('src/') && !m.startsWith('src/cli/'));
    for (const m of missing) say(`missing: ${m}`);
    if (fatal.length) throw new Error('the extension cannot run without the files above');
  }
  const h = join(ROOT, 'tests/e2e/harness');
  const { startServer } = await tsImport(join(h, 'server.ts'), import.meta.url);
  const { launch } = await tsImport(join(h, 'index.ts'), import.meta.url);
  const probes = await tsImport(join(h, 'probes.ts'), import.meta.url);

  const headless = opts.headless || Boolean(opts.screenshot) || !process.env.DISPLAY;
  const server = await startServer([{ prefix: '/', dir: join(ROOT, 'assets', 'demo') }]);
  const url = opts.url ?? `${server.origin}/`;
  say(`serving assets/demo at ${server.origin}/`);
  const driver = await launch(opts.browser, { headless });
  say(`${opts.browser} ${headless ? '(headless) ' : ''}started with ${opts.browser === 'chromium' ? 'dist/chrome' : 'dist/firefox'}`);
  const stop = async (code) => {
    await driver.close().catch(() => {});
    await server.close();
    process.exit(code);
  };
  try {
    const tab = await driver.newTab();
    if (headless) await tab.setViewport(1280, 900);
    await tab.goto(url);
    if (!headless) {
      say(`opened ${url}; click a highlighted name to see its card. Ctrl+C to quit.`);
      process.on('SIGINT', () => void stop(0));
      return;
    }
    const h1 = await clickThrough(tab, probes, opts.browser);
    say(`sidebar shows "${h1.trim()}"`);
    if (opts.screenshot) {
      const file = resolve(opts.screenshot);
      await tab.screenshot(file);
      say(`screenshot written to ${file}`);
    }
    if (tab.errors.length) say(`page errors:\n  ${tab.errors.join('\n  ')}`);
    await stop(0);
  } catch (err) {
    process.stderr.write(`[start] ${err?.message ?? err}\n`);
    await stop(1);
  }
}

main().catch((err) => {
  process.stderr.write(`[start] ${err?.message ?? err}\n`);
  process.exit(1);
});
