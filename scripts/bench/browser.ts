// The browser half of `npm run bench`: real Chromium (and Firefox ESR on request) with the built extension.
// The content script records performance.measure entries `backstory:extract|link|highlight|total`; the page's main
// world sees them (Chromium shares the performance timeline between the worlds), so the bench reads them there.
import type { BrowserName } from '../../tests/e2e/harness/driver';
import { launch } from '../../tests/e2e/harness/index';
import { startServer } from '../../tests/e2e/harness/server';
import type { Mount } from '../../tests/e2e/harness/server';
import { stageTable } from './stats';

const STAGES = ['extract', 'link', 'highlight', 'total'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BrowserBenchResult {
  stages: Record<string, number[]>;
  notAnalysed: string[];
  noMeasures: string[];
  report: string;
}

/** Loads each page `reps` times in a fresh tab and keeps the median of each measure per page. */
export async function benchBrowser(
  name: BrowserName,
  mounts: Mount[],
  pages: { name: string; path: string }[],
  opts: { reps?: number } = {},
): Promise<BrowserBenchResult> {
  const reps = opts.reps ?? 3;
  const server = await startServer(mounts);
  const driver = await launch(name, { headless: true });
  const stages: Record<string, number[]> = Object.fromEntries(STAGES.map((s) => [s, []]));
  const notAnalysed: string[] = [];
  const noMeasures: string[] = [];
  try {
    const tab = await driver.newTab();
    await tab.setViewport(1280, 900);
    for (const page of pages) {
      const samples: Record<string, number[]> = Object.fromEntries(STAGES.map((s) => [s, []]));
      let ready = false;
      for (let r = 0; r < reps; r++) {
        try {
          await tab.goto(`${server.origin}${page.path}`);
        } catch {
          // A page that navigates itself away while loading (a script redirect): measure what is there.
        }
        const end = Date.now() + 15_000;
        ready = false;
        while (Date.now() < end) {
          ready = await tab.evaluate(() => document.querySelector('backstory-host')?.getAttribute('data-state') === 'ready', null);
          if (ready) break;
          await sleep(50);
        }
        if (!ready) break;
        const m = await tab.evaluate((names) => names.map((n) => performance.getEntriesByName(`backstory:${n}`).at(-1)?.duration ?? null), [...STAGES]);
        if (m.every((x) => x === null)) {
          noMeasures.push(page.name);
          break;
        }
        STAGES.forEach((s, i) => m[i] !== null && samples[s]!.push(m[i]!));
      }
      if (!ready) {
        notAnalysed.push(page.name);
        continue;
      }
      for (const s of STAGES) {
        const xs = samples[s]!.sort((a, b) => a - b);
        if (xs.length) stages[s]!.push(xs[Math.floor(xs.length / 2)]!);
      }
    }
  } finally {
    await driver.close();
    await server.close();
  }
  const lines = [stageTable(`${name} (content script's performance.measure, read in the page), median of ${reps} loads per page:`, stages)];
  if (notAnalysed.length) lines.push(`  not analysed (no host within 15 s): ${notAnalysed.join(', ')}`);
  if (noMeasures.length) lines.push(`  analysed but no backstory:* measures visible in the page's world: ${noMeasures.join(', ')}`);
  return { stages, notAnalysed, noMeasures, report: lines.join('\n') };
}
