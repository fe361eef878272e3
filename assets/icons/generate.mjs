#!/usr/bin/env node
// Draws the toolbar/store icons once (run by hand: `node assets/icons/generate.mjs`; the PNGs are committed).
// The mark: a bold "B" on a deep blue rounded square, underlined with a marker stroke, the way Backstory marks a
// name in an article. Drawn on a canvas in headless Chromium so the glyph is anti-aliased at every size.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const OUT = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 48, 128];

function draw(size) {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  const r = size * 0.2;
  g.fillStyle = '#1f3a5f';
  g.beginPath();
  g.roundRect(0, 0, size, size, r);
  g.fill();
  // The marker stroke sits under the letter's baseline, like a highlighted word.
  g.fillStyle = '#f4b400';
  const barH = Math.max(2, Math.round(size * 0.16));
  g.fillRect(Math.round(size * 0.16), Math.round(size * 0.7), Math.round(size * 0.68), barH);
  g.fillStyle = '#ffffff';
  g.font = `800 ${Math.round(size * 0.72)}px "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'alphabetic';
  g.fillText('B', size / 2, size * 0.76);
  return c.toDataURL('image/png');
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    const url = await page.evaluate(draw, size);
    const file = join(OUT, `icon-${size}.png`);
    writeFileSync(file, Buffer.from(url.split(',')[1], 'base64'));
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
