import { openArticle } from '/work/main/tests/e2e/harness/index';
import { evalPages } from '/work/main/tests/e2e/harness/paths';
import { closeSession, openSession } from '/work/main/tests/e2e/harness/session';

const which = (process.argv[2] ?? 'chromium') as 'chromium' | 'firefox';
const s = await openSession(which);
const urls = [`${s.server.origin}/shared/seeds/seed-1.html`, `${s.server.origin}/shared/seeds/seed-2.html`, `${s.server.origin}/demo/`,
  ...evalPages().map((p) => `${s.server.origin}/shared/pages/${p}/source.html`)];
const rows: Record<string, number[]> = {};
for (const u of urls) {
  try {
    await openArticle(s.tab, u, 20_000);
  } catch {
    console.log('no host:', u.split('/').slice(-2).join('/'));
    continue;
  }
  const m = await s.tab.evaluate(() => {
    const out: Record<string, number> = {};
    for (const e of performance.getEntriesByType('measure')) if (e.name.startsWith('backstory:')) out[e.name] = e.duration;
    const h = document.querySelector('backstory-host');
    out.mentions = Number(h?.getAttribute('data-mentions'));
    return out;
  }, null);
  console.log(u.split('/').slice(-2).join('/'), JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k.replace('backstory:', ''), Math.round(v * 10) / 10]))));
  for (const [k, v] of Object.entries(m)) (rows[k] ??= []).push(v);
}
const q = (xs: number[], p: number) => { const s2 = [...xs].sort((a, b) => a - b); return s2[Math.min(s2.length - 1, Math.floor(p * s2.length))]!; };
for (const [k, xs] of Object.entries(rows)) console.log(k, 'n', xs.length, 'median', q(xs, 0.5).toFixed(1), 'p90', q(xs, 0.9).toFixed(1));
await closeSession(s);
