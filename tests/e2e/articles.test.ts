// Issue #2 item 10, end to end in real Chromium and Firefox ESR: the demo article and the seed pages served from
// 127.0.0.1 with the built extension. Needs `npm run build`. The seed part skips when ../shared is absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserName } from './harness';
import { BROWSERS, openArticle } from './harness';
import { breaksMustNot, expectedId, readGold, showsSurface } from './harness/gold';
import { hasSeeds } from './harness/paths';
import type { HighlightedRange } from './harness/probes';
import { pointOfHighlight, readHighlights, readHost } from './harness/probes';
import type { Session } from './harness/session';
import { closeSession, foreignRequests, openSession, teardownSnapshots } from './harness/session';

/** Names in the demo article (assets/demo/index.html) that a reader expects highlighted. */
const DEMO_NAMES = [
  'Azerbaijan', 'Armenia', 'Türkiye', 'Russia', 'Georgia', 'Tbilisi', 'Ilham Aliyev', 'Recep Tayyip Erdoğan',
  'European Union', 'NATO', 'Baku', 'Yerevan', 'Nagorno-Karabakh',
];

const texts = (hs: HighlightedRange[]) => new Set(hs.map((h) => h.text));

/** The sidebar frame's h1 once it shows `name`, or the last h1 seen when it never does. */
async function sidebarHeading(s: Session, name: string, timeoutMs = 20_000): Promise<string | null> {
  const end = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < end) {
    for (const f of await s.tab.frames()) {
      if (!f.url().includes('sidebar.html')) continue;
      last = await f.evaluate(() => document.querySelector('h1')?.textContent ?? null, null).catch(() => last);
      if (last?.includes(name)) return last;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

describe.each(BROWSERS)('%s', (name: BrowserName) => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(name);
  });
  afterAll(async () => {
    await closeSession(s);
  });

  describe('demo article', () => {
    it('highlights the actors of the article body and nothing in its menus and teasers', async () => {
      await openArticle(s.tab, `${s.server.origin}/demo/`);
      const host = await s.tab.evaluate(readHost, null);
      expect(host?.count).toBe(1);
      expect(host?.mentions).toBeGreaterThan(20);
      const hs = await s.tab.evaluate(readHighlights, null);
      const seen = texts(hs);
      expect(DEMO_NAMES.filter((n) => !seen.has(n))).toEqual([]);
      // The nav, the "Most read" box and the footer carry names too ("Russia", "Turkey", "Georgia", "Baku's").
      expect(hs.filter((h) => h.region !== 'article').map((h) => `${h.region}: ${h.text}`)).toEqual([]);
    });

    it('opens the card of "Ilham Aliyev" in the sidebar when his name is clicked', async () => {
      const point = await s.tab.evaluate(pointOfHighlight, 'Ilham Aliyev');
      expect(point).not.toBeNull();
      await s.tab.click(point!.x, point!.y);
      expect(await sidebarHeading(s, 'Ilham Aliyev')).toContain('Ilham Aliyev');
    });

    it('leaves the page exactly as it was once switched off for the site', async () => {
      const snap = await teardownSnapshots(s);
      expect(snap.hostAfter).toBeNull();
      expect(snap.highlightsAfter).toBe(0);
      expect(snap.pristine).not.toContain('backstory-host');
      expect(snap.after).toBe(snap.pristine);
    });

    it('made no request beyond 127.0.0.1 and its own files, and raised no page error', () => {
      expect(foreignRequests(s)).toEqual([]);
      expect(s.tab.errors).toEqual([]);
    });
  });

  describe.skipIf(!hasSeeds())('seed pages', () => {
    const gold = hasSeeds() ? readGold() : {};
    for (const [file, page] of Object.entries(gold)) {
      describe(file, () => {
        it('highlights and links every must actor, and nothing of mustNot', async () => {
          await openArticle(s.tab, `${s.server.origin}/shared/seeds/${file}`);
          const host = await s.tab.evaluate(readHost, null);
          const hs = await s.tab.evaluate(readHighlights, null);
          const problems: string[] = [];
          for (const actor of page.actors.filter((a) => a.need === 'must')) {
            const id = expectedId(actor);
            if (!host?.entities.includes(id)) problems.push(`${actor.name}: ${id} not in data-entities`);
            for (const surface of actor.surfaces) {
              if (!hs.some((h) => showsSurface(h, surface))) problems.push(`${actor.name}: "${surface}" not highlighted`);
            }
          }
          for (const entry of page.mustNot) {
            for (const h of hs.filter((x) => breaksMustNot(x, entry))) problems.push(`mustNot "${entry}": "${h.text}" highlighted`);
          }
          expect(problems).toEqual([]);
        });

        it('leaves the page exactly as it was once switched off for the site', async () => {
          const snap = await teardownSnapshots(s);
          expect(snap.hostAfter).toBeNull();
          expect(snap.highlightsAfter).toBe(0);
          expect(snap.after).toBe(snap.pristine);
        });
      });
    }

    it('opens the card of "Ilham Aliyev" from seed-1.html', async () => {
      await openArticle(s.tab, `${s.server.origin}/shared/seeds/seed-1.html`);
      const point = await s.tab.evaluate(pointOfHighlight, 'Ilham Aliyev');
      expect(point).not.toBeNull();
      await s.tab.click(point!.x, point!.y);
      expect(await sidebarHeading(s, 'Ilham Aliyev')).toContain('Ilham Aliyev');
    });

    it('made no request beyond 127.0.0.1 and its own files, and raised no page error', () => {
      expect(foreignRequests(s)).toEqual([]);
      expect(s.tab.errors).toEqual([]);
    });
  });
});
