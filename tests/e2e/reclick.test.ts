// Issue #6: clicking the same name again re-shows its card after the reader moved to another card inside the
// sidebar, in real Chromium and Firefox ESR (the host adds a counter to the repeated hash). Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserName } from './harness';
import { BROWSERS, openArticle } from './harness';
import type { Evaluator } from './harness/driver';
import { pointOfHighlight } from './harness/probes';
import type { Session } from './harness/session';
import { closeSession, openSession } from './harness/session';

/** The sidebar frame once its h1 contains `text`. */
async function sidebarShowing(s: Session, text: string, timeoutMs = 15_000): Promise<Evaluator | null> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const f of await s.tab.frames()) {
      if (!f.url().includes('sidebar.html')) continue;
      const h1 = await f.evaluate(() => document.querySelector('h1')?.textContent ?? '', null).catch(() => '');
      if (h1.includes(text)) return f;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

async function clickName(s: Session, name: string): Promise<void> {
  const point = await s.tab.evaluate(pointOfHighlight, name);
  expect(point, name).not.toBeNull();
  await s.tab.click(point!.x, point!.y);
}

describe.each(BROWSERS)('%s', (name: BrowserName) => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(name);
  });
  afterAll(async () => {
    await closeSession(s);
  });

  it('the same name clicked again re-shows its card after moving to another card in the sidebar', async () => {
    await openArticle(s.tab, `${s.server.origin}/demo/`);
    await clickName(s, 'Ilham Aliyev');
    const frame = await sidebarShowing(s, 'Ilham Aliyev');
    expect(frame).not.toBeNull();
    // Move inside the sidebar: the first connection of his card (a related actor).
    const other = await frame!.evaluate(() => {
      const b = document.querySelector<HTMLButtonElement>('.relation button');
      b?.click();
      return b?.textContent ?? null;
    }, null);
    expect(other).toBeTruthy();
    expect(await sidebarShowing(s, other!)).not.toBeNull();
    await clickName(s, 'Ilham Aliyev');
    expect(await sidebarShowing(s, 'Ilham Aliyev')).not.toBeNull();
  });
});
