// Issue #2 item 7 / issue #5 on the real seed pages (read at run time from ../shared, skipped without it):
// once both seeds are in the reader's history, each lists the other first among related stories,
// against the whole bundled corpus.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArticleText, Mention } from '../../src/core/types';
import { extractArticle } from '../../src/core/extract';
import { createLinker } from '../../src/core/linker';
import { RelatedIndex, storyFromArticle } from '../../src/core/related';
import { parseDocument } from '../../src/cli/dom';
import { bundled, hasKb } from './corpus-helpers';

const SEEDS = fileURLToPath(new URL('../../../shared/fixtures/seeds/', import.meta.url));
const have = hasKb && existsSync(`${SEEDS}seed-1.html`) && existsSync(`${SEEDS}seed-2.html`);

describe.skipIf(!have)('seed pair in the history', () => {
  it('each seed ranks the other first once both are read', async () => {
    const { kb, corpus } = await bundled();
    const linker = createLinker(kb);
    const read = async (name: string): Promise<{ article: ArticleText; mentions: Mention[] }> => {
      const url = `http://127.0.0.1:8080/${name}`;
      const doc = await parseDocument(readFileSync(`${SEEDS}${name}`, 'utf8'), { url });
      const ex = extractArticle(doc, { url });
      expect(ex, name).not.toBeNull();
      const article = { ...ex!.article, url: ex!.article.url ?? url };
      return { article, mentions: linker.link(article.text, { date: article.published, lang: article.lang }).mentions };
    };
    const s1 = await read('seed-1.html');
    const s2 = await read('seed-2.html');
    const st1 = storyFromArticle(s1.article, s1.mentions);
    const st2 = storyFromArticle(s2.article, s2.mentions);
    expect(st1.id).not.toBe(st2.id);

    const ix = new RelatedIndex();
    ix.addStories(corpus.stories, 'corpus');
    ix.addStories([st2, st1], 'history');
    const ask = (x: typeof s1, self: typeof st1) =>
      ix.query({ actors: self.actors, text: `${x.article.title}\n${x.article.text}`, date: x.article.published, excludeUrl: x.article.url, limit: 5 });
    const r1 = ask(s1, st1);
    const r2 = ask(s2, st2);
    expect(r1[0]?.id).toBe(st2.id);
    expect(r1[0]?.origin).toBe('history');
    expect(r2[0]?.id).toBe(st1.id);
    expect(r1.map((r) => r.id)).not.toContain(st1.id);
  });
});
