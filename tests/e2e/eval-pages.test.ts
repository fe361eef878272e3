// Issue #7: every real page in ../shared/eval/pages (third-party, read at run time, never copied), in both browsers:
// no uncaught error, and switching Backstory off leaves the page's DOM as it was. Reports actors and time per page.
// Skips when ../shared/eval/pages is absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserName } from './harness';
import { BROWSERS } from './harness';
import { evalPages } from './harness/paths';
import { readHost } from './harness/probes';
import type { Session } from './harness/session';
import { closeSession, foreignRequests, openSession, teardownSnapshots } from './harness/session';

const pages = evalPages();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(pages.length === 0).each(BROWSERS)('%s on ../shared/eval/pages', (name: BrowserName) => {
  let s: Session;
  const report: string[] = [];
  beforeAll(async () => {
    s = await openSession(name);
  });
  afterAll(async () => {
    if (report.length) process.stdout.write(`\n${name}: actors and time per page\n${report.join('\n')}\n`);
    await closeSession(s);
  });

  for (const page of pages) {
    it(page, async () => {
      const errorsBefore = s.tab.errors.length;
      const t0 = Date.now();
      await s.tab.goto(`${s.server.origin}/shared/pages/${page}/source.html`);
      // Not every page is an article: wait for the host, or give up quietly after a while and check the page anyway.
      let host = null;
      const end = Date.now() + 15_000;
      while (Date.now() < end) {
        host = await s.tab.evaluate(readHost, null);
        if (host?.state === 'ready') break;
        await sleep(100);
      }
      const ms = Date.now() - t0;
      const measured = await s.tab.evaluate(
        () => performance.getEntriesByName('backstory:total')[0]?.duration ?? null,
        null,
      );
      report.push(
        `  ${page.padEnd(24)} ${host?.state === 'ready' ? `${String(host.entities.length).padStart(3)} actors, ${String(host.mentions).padStart(4)} mentions` : 'not analysed          '}` +
          `  ${ms} ms to ready${measured === null ? '' : `, backstory:total ${Math.round(measured)} ms`}`,
      );
      if (host?.state === 'ready') {
        const snap = await teardownSnapshots(s);
        expect(snap.after).toBe(snap.pristine);
      }
      expect(s.tab.errors.slice(errorsBefore)).toEqual([]);
    });
  }

  it('made no request beyond 127.0.0.1 and its own files', () => {
    expect(foreignRequests(s)).toEqual([]);
  });
});
