#!/usr/bin/env node
// `npm run screenshots`: pictures of Backstory for review by eye (issue #6), in light and dark, into screenshots/.
// The demo article with the sidebar open on one actor of each kind (person, country with its map, city,
// organisation, region), and the popup and options pages on their own. Headless Chromium; run `npm run build` first
// (or pass --build).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { build } from './build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'screenshots');
const CARDS = [
  ['person', 'Ilham Aliyev'],
  ['country', 'Azerbaijan'],
  ['city', 'Baku'],
  ['organization', 'European Union'],
  ['region', 'Nagorno-Karabakh'],
];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function sidebarShows(tab, name) {
  const end = Date.now() + 15_000;
  while (Date.now() < end) {
    for (const f of await tab.frames()) {
      if (!f.url().includes('sidebar.html')) continue;
      const h1 = await f.evaluate(() => document.querySelector('h1')?.textContent ?? '', null).catch(() => '');
      if (h1.includes(name)) {
        await f.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)), null).catch(() => {});
        return true;
      }
    }
    await sleep(100);
  }
  return false;
}

/** The sidebar frame (the one showing sidebar.html), or null. */
async function sidebarFrame(tab) {
  for (const f of await tab.frames()) if (f.url().includes('sidebar.html')) return f;
  return null;
}

/**
 * Scrolls the sidebar so the card's foot (sources line, outside link) sits at the bottom: the card's lower half is a
 * picture too. The "In this article" panel follows the card, so the page's own end would show that instead.
 */
function scrollToCardEnd() {
  const foot = document.querySelector('.card-foot');
  if (foot) foot.scrollIntoView({ block: 'end' });
  else window.scrollTo(0, document.scrollingElement.scrollHeight);
}

/** Sets the highlight palette through the options page, as a reader would (its radio buttons). */
async function choosePalette(driver, value) {
  const t = await driver.extensionTab('options.html');
  await sleep(500);
  await t.evaluate((v) => { document.querySelector(`input[type=radio][value="${v}"]`)?.click(); }, value);
  await sleep(500);
  await t.close();
}

async function main() {
  if (process.argv.includes('--build')) await build();
  mkdirSync(OUT, { recursive: true });
  const h = join(ROOT, 'tests/e2e/harness');
  const { startServer } = await tsImport(join(h, 'server.ts'), import.meta.url);
  const { launch } = await tsImport(join(h, 'index.ts'), import.meta.url);
  const probes = await tsImport(join(h, 'probes.ts'), import.meta.url);
  const server = await startServer([{ prefix: '/', dir: join(ROOT, 'assets', 'demo') }]);
  const written = [];
  try {
    for (const scheme of ['light', 'dark']) {
      const driver = await launch('chromium', { headless: true, colorScheme: scheme });
      try {
        const tab = await driver.newTab();
        await tab.setViewport(1280, 900);
        for (const [kind, name] of CARDS) {
          await tab.goto(`${server.origin}/`);
          await tab.waitFor(probes.hostReady, null, 30_000);
          const point = await tab.evaluate(probes.pointOfHighlight, name);
          if (!point) {
            process.stderr.write(`screenshots: "${name}" is not highlighted; ${kind} card skipped\n`);
            continue;
          }
          await tab.click(point.x, point.y);
          if (!(await sidebarShows(tab, name))) process.stderr.write(`screenshots: no card for "${name}" (picture taken anyway)\n`);
          await sleep(400);
          const file = join(OUT, `card-${kind}-${scheme}.png`);
          await tab.screenshot(file);
          written.push(file);
          const frame = await sidebarFrame(tab);
          if (frame) {
            await frame.evaluate(scrollToCardEnd, null);
            await sleep(300);
            const end = join(OUT, `card-${kind}-${scheme}-end.png`);
            await tab.screenshot(end);
            written.push(end);
          }
        }
        // "In this article": every actor by type, the keyboard route.
        const frame = await sidebarFrame(tab);
        if (frame) {
          await frame.evaluate(() => { location.hash = '#view=article'; }, null);
          await sleep(600);
          await frame.evaluate(() => window.scrollTo(0, 0), null);
          await sleep(200);
          const file = join(OUT, `in-this-article-${scheme}.png`);
          await tab.screenshot(file);
          written.push(file);
        }
        // The colour-blind-safe palette, then back to the default one.
        if (scheme === 'light') {
          for (const palette of ['okabe-ito', 'mono']) {
            await choosePalette(driver, palette);
            await tab.goto(`${server.origin}/`);
            await tab.waitFor(probes.hostReady, null, 30_000);
            await sleep(300);
            const file = join(OUT, `palette-${palette}-${scheme}.png`);
            await tab.screenshot(file);
            written.push(file);
          }
          await choosePalette(driver, 'default');
        }
        for (const page of ['popup', 'options']) {
          const t = await driver.extensionTab(`${page}.html`);
          await t.setViewport(page === 'popup' ? 420 : 1000, page === 'popup' ? 560 : 1400);
          await sleep(800);
          const file = join(OUT, `${page}-${scheme}.png`);
          await t.screenshot(file);
          written.push(file);
          if (page === 'popup') {
            // The popup as the reader sees it over the article: it asks for the active tab, so make the article tab
            // active and reload the popup behind it.
            await tab.bringToFront();
            await t.evaluate(() => location.reload(), null).catch(() => {});
            await sleep(1200);
            const over = join(OUT, `popup-article-${scheme}.png`);
            await t.screenshot(over);
            written.push(over);
          }
          await t.close();
        }
      } finally {
        await driver.close();
      }
    }
  } finally {
    await server.close();
  }
  process.stdout.write(`wrote ${written.length} pictures:\n${written.map((f) => `  ${f}`).join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`screenshots: ${err?.stack ?? err}\n`);
  process.exit(1);
});
