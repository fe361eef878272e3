// The Node half of `npm run bench`: the core on linkedom, per stage, over the seed pages and ../shared/eval/pages.
// Stages as in the extension: extract (Readability on the parsed page + text map), link (matcher + linker),
// highlight (offsets -> Text-node ranges, what the content script hands to the Highlight API), related (query).
// Also: knowledge-base size and load time, matcher throughput, related index at 100k synthetic stories.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { parseCorpus } from '../../src/core/corpus';
import { extractArticle } from '../../src/core/extract';
import { parseKb } from '../../src/core/kb';
import { createLinker } from '../../src/core/linker';
import { buildAliasIndex, matchText } from '../../src/core/matcher';
import { RelatedIndex } from '../../src/core/related';
import { rangeFor } from '../../src/core/textmap';
import type { KnowledgeBase } from '../../src/core/types';
import { fmt, stageTable } from './stats';

export interface BenchPage { name: string; file: string }

const now = () => performance.now();

function time<T>(fn: () => T): [T, number] {
  const t = now();
  const r = fn();
  return [r, now() - t];
}

export interface NodeBenchResult {
  stages: Record<string, number[]>;
  perPage: { name: string; chars: number; mentions: number; actors: number; totalMs: number }[];
  report: string;
}

/** Runs every stage `reps` times per page (after one warm-up) and keeps each page's median per stage. */
export async function benchNode(root: string, pages: BenchPage[], opts: { reps?: number; synthStories?: number } = {}): Promise<NodeBenchResult> {
  const reps = opts.reps ?? 5;
  const lines: string[] = [];
  const kbPath = join(root, 'dist', 'data', 'kb.json');
  const corpusPath = join(root, 'dist', 'data', 'corpus.json');
  const kbText = readFileSync(kbPath, 'utf8');
  const [kb, kbParseMs] = time(() => parseKb(JSON.parse(kbText)) as KnowledgeBase);
  const [linker, linkerMs] = time(() => createLinker(kb));
  const [aliasIndex, aliasMs] = time(() => buildAliasIndex(kb));
  lines.push(
    `knowledge base: ${kb.actors.length} actors, ${(kbText.length / 1e6).toFixed(2)} MB raw, ` +
      `${(gzipSync(kbText).length / 1e6).toFixed(2)} MB gzip; load ${fmt(kbParseMs)} ms (JSON.parse + check), ` +
      `linker ready ${fmt(linkerMs)} ms, alias index ${fmt(aliasMs)} ms`,
  );

  const related = new RelatedIndex();
  if (existsSync(corpusPath)) related.addStories(parseCorpus(readFileSync(corpusPath, 'utf8'), corpusPath).stories, 'corpus');

  const stages: Record<string, number[]> = { 'parse (linkedom)': [], extract: [], link: [], highlight: [], related: [], total: [] };
  const perPage: NodeBenchResult['perPage'] = [];
  let matchChars = 0;
  let matchMs = 0;
  for (const page of pages) {
    const html = readFileSync(page.file, 'utf8');
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(stages).map((k) => [k, []]));
    let summary = { chars: 0, mentions: 0, actors: 0 };
    for (let r = 0; r <= reps; r++) {
      const [doc, parseMs] = time(() => parseHTML(html).document as unknown as Document);
      const [ex, exMs] = time(() => extractArticle(doc, { url: null }));
      if (!ex || !ex.article.text.trim()) break;
      const [res, linkMs] = time(() => linker.link(ex.article.text, { date: ex.article.published, lang: ex.article.lang }));
      const [, hlMs] = time(() => res.mentions.map((m) => rangeFor(ex.segments, m.start, m.end)));
      const actors = [...new Set(res.mentions.map((m) => m.entityId))];
      const [, relMs] = time(() => related.query({ actors, text: ex.article.text, date: ex.article.published, limit: 10 }));
      if (r === 0) continue; // warm-up
      samples['parse (linkedom)']!.push(parseMs);
      samples.extract!.push(exMs);
      samples.link!.push(linkMs);
      samples.highlight!.push(hlMs);
      samples.related!.push(relMs);
      samples.total!.push(exMs + linkMs + hlMs + relMs);
      summary = { chars: ex.article.text.length, mentions: res.mentions.length, actors: actors.length };
      const [, mMs] = time(() => matchText(aliasIndex, ex.article.text));
      matchChars += ex.article.text.length;
      matchMs += mMs;
    }
    if (!samples.total!.length) {
      lines.push(`  (${page.name}: no article found in Node; left out)`);
      continue;
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const k of Object.keys(stages)) stages[k]!.push(med(samples[k]!));
    perPage.push({ name: page.name, ...summary, totalMs: med(samples.total!) });
  }
  lines.push(stageTable(`Node (linkedom), ${perPage.length} pages, median of ${reps} runs per page:`, stages));
  lines.push(`matcher alone (under tsx): ${((matchChars / 1e6) / (matchMs / 1e3)).toFixed(1)} MB/s of article text (UTF-16 chars)`);

  // Related stories at scale (issue #5), through the corpus engineer's bench when it is there.
  const synthN = opts.synthStories ?? 100_000;
  const benchFile = join(root, 'scripts', 'corpus', 'bench.ts');
  if (synthN > 0 && existsSync(benchFile)) {
    const { benchRelated } = (await import(benchFile)) as typeof import('../corpus/bench');
    const r = await benchRelated({ n: synthN });
    lines.push(
      `related index at ${r.stories} synthetic stories: build ${fmt(r.buildMs, 0)} ms, ` +
        `${(r.indexBytes / 1e6).toFixed(1)} MB (${(r.indexGzipBytes / 1e6).toFixed(1)} MB gzip), ` +
        `load ${fmt(r.loadMs, 0)} ms, query median ${fmt(r.queryMedianMs, 2)} ms, p90 ${fmt(r.queryP90Ms, 2)} ms`,
    );
  } else {
    lines.push(`related index at scale: skipped (${synthN > 0 ? 'scripts/corpus/bench.ts not found' : '--synth 0'})`);
  }
  return { stages, perPage, report: lines.join('\n') };
}
