// Extraction quality on real pages (issue #2, "no worse than plain Readability"). The pages belong to their
// publishers and live outside the repo (../shared/eval/pages); this test reads them when present and skips otherwise.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../src/core/extract';
import { normalizeDate } from '../../src/core/metadata';

const PAGES = fileURLToPath(new URL('../../../shared/eval/pages/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/fixtures/seeds/', import.meta.url));
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;

const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
/** Share of `ref`'s words (as a multiset) found in `got`. */
function overlap(ref: string[], got: string[]): number {
  const bag = new Map<string, number>();
  for (const w of got) bag.set(w, (bag.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of ref) {
    const c = bag.get(w) ?? 0;
    if (c > 0) {
      hit++;
      bag.set(w, c - 1);
    }
  }
  return ref.length ? hit / ref.length : 1;
}
const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').replace(/^by:?\s+/i, '').trim().toLowerCase();
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

describe.skipIf(!existsSync(PAGES))('extraction vs plain Readability on ../shared/eval/pages', () => {
  it('keeps >= 98% of Readability words on every page and agrees on the given metadata', () => {
    const rows: string[] = [];
    const times: number[] = [];
    const failures: string[] = [];
    for (const name of readdirSync(PAGES).sort()) {
      const dir = `${PAGES}${name}/`;
      if (!existsSync(`${dir}source.html`)) continue;
      const html = readFileSync(`${dir}source.html`, 'utf8');
      const expected = existsSync(`${dir}expected-metadata.json`) ? JSON.parse(readFileSync(`${dir}expected-metadata.json`, 'utf8')) : {};
      const plain = new Readability(parse(html)).parse();
      const doc = parse(html);
      const t0 = performance.now();
      const ex = extractArticle(doc);
      times.push(performance.now() - t0);
      if (!ex) {
        failures.push(`${name}: no article`);
        continue;
      }
      const ref = words(plain?.textContent ?? '');
      const got = words(ex.article.text);
      const recall = overlap(ref, got);
      const precision = overlap(got, ref);
      const checks: string[] = [];
      if (expected.title) checks.push(norm(expected.title) === norm(ex.article.title) ? 'title ok' : `title ✗ (${ex.article.title})`);
      if (expected.byline) checks.push(norm(expected.byline) === norm(ex.article.byline) ? 'byline ok' : `byline ✗ (${ex.article.byline})`);
      if (expected.publishedTime) {
        const want = normalizeDate(expected.publishedTime);
        checks.push(want === ex.article.published ? 'date ok' : `date ✗ (${ex.article.published} vs ${want})`);
      }
      const mark = new Uint8Array(ex.article.text.length);
      for (const s of ex.segments) mark.fill(1, s.start, s.start + s.length);
      let visible = 0;
      let mapped = 0;
      for (let i = 0; i < mark.length; i++) {
        if (/\s/.test(ex.article.text[i]!)) continue;
        visible++;
        mapped += mark[i]!;
      }
      const covered = mapped / Math.max(1, visible);
      rows.push(`${name.padEnd(18)} ${recall.toFixed(3)}  ${precision.toFixed(3)}  ${covered.toFixed(2).padStart(5)}  ${(times.at(-1) ?? 0).toFixed(1).padStart(6)}  ${checks.join(', ')}`);
      if (recall < 0.98) failures.push(`${name}: word recall ${recall.toFixed(3)}`);
      for (const c of checks) if (c.includes('✗')) failures.push(`${name}: ${c}`);
    }
    console.log(
      `page               recall  prec.  mapped*   ms    metadata\n${rows.join('\n')}\n` +
        `* characters with a segment / non-space characters (code blocks have none)\n` +
        `extractArticle under linkedom: median ${quantile(times, 0.5).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms over ${times.length} pages`,
    );
    expect(failures).toEqual([]);
  }, 120_000);
});

describe.skipIf(!existsSync(SEEDS))('seed pages (../shared/fixtures/seeds)', () => {
  it.each(['seed-1', 'seed-2'])('%s: article text with exact segments, no teaser text', (name) => {
    const doc = parse(readFileSync(`${SEEDS}${name}.html`, 'utf8'));
    const ex = extractArticle(doc)!;
    expect(ex.article.published?.slice(0, 10)).toBe('2023-10-23');
    for (const s of ex.segments) expect(ex.article.text.slice(s.start, s.start + s.length)).toBe(s.node.data.slice(s.nodeStart, s.nodeStart + s.length));
    const gold = JSON.parse(readFileSync(`${SEEDS}seeds.gold.json`, 'utf8'))[`${name}.html`];
    for (const trap of (gold?.mustNot ?? []) as (string | { text?: string })[]) {
      const t = typeof trap === 'string' ? trap : trap.text;
      if (t) expect(ex.article.text, `mustNot "${t}"`).not.toContain(t);
    }
  });
});
