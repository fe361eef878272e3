// Huge pages (issue #7): only the page's own article container is cloned and parsed, so the work stays small,
// and the text still maps to the live page's nodes.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { parseDocument } from '../../src/cli/dom';
import { articleScope, extractArticle, LARGE_PAGE_ELEMENTS } from '../../src/core/extract';

function hugePage(comments: number): string {
  const para = (i: number) => `<p>Paragraph ${i}: Baku and Tbilisi signed a transit accord on the Caspian route, officials said in a statement.</p>`;
  const body = Array.from({ length: 12 }, (_, i) => para(i)).join('\n');
  const noise = Array.from({ length: comments }, (_, i) => `<div class="comment"><b>reader${i}</b><span>Talk about Moscow and fish.</span></div>`).join('');
  return `<!doctype html><html lang="en"><head><title>Caspian accord</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><main><article><h1>Caspian accord</h1>${body}</article></main>
<section id="comments">${noise}</section></body></html>`;
}

for (const [name, parse] of [
  ['linkedom', async (h: string) => parseHTML(h).document as unknown as Document],
  ['jsdom', (h: string) => parseDocument(h, { engine: 'jsdom' })],
] as const) {
  describe(`extractArticle on a huge page (${name})`, () => {
    it('reads the article container only, and every segment maps to the live page', async () => {
      const doc = await parse(hugePage(LARGE_PAGE_ELEMENTS)); // 3 elements a comment: well over the threshold
      const got = extractArticle(doc)!;
      expect(got).not.toBeNull();
      expect(got.article.text).toContain('Paragraph 11: Baku and Tbilisi');
      expect(got.article.text).not.toContain('reader');
      expect(got.article.published).toBe('2024-03-05T09:00:00Z');
      for (const s of got.segments) {
        expect(got.article.text.slice(s.start, s.start + s.length)).toBe(s.node.data.slice(s.nodeStart, s.nodeStart + s.length));
        expect(s.node.ownerDocument).toBe(doc);
        expect(s.node.parentNode?.nodeName).toBe('P');
      }
      expect(got.segments.length).toBeGreaterThanOrEqual(12);
      expect(articleScope(doc)?.nodeName).toBe('ARTICLE');
    });
    it('reads a small page whole, as before', async () => {
      const doc = await parse(hugePage(10));
      expect(extractArticle(doc)!.article.text).toContain('Paragraph 0: Baku');
      expect(articleScope(doc)).toBeNull();
    });
  });
}
