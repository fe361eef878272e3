// `backstory analyze PAGE.html [--json] [--corpus FILE]...` (issue #2, item 8): the extension's path, in Node.
import type { ArticleText, EntitySummary, KnowledgeBase, Mention, RelatedStory } from '../core/types.js';
import { extractArticle, isArticlePage } from '../core/extract.js';
import { createLinker } from '../core/linker.js';
import { RelatedIndex } from '../core/related.js';
import { parseCorpus } from '../core/corpus.js';
import type { CliIO } from './io.js';
import { errorLine } from './io.js';
import type { DomEngine } from './dom.js';
import { NotHtmlError, parseDocument } from './dom.js';

export const ANALYZE_PAGE_HELP = `Usage: backstory analyze PAGE.html [--json] [--corpus FILE]... [--url URL] [--kb FILE] [--dom linkedom|jsdom]

Extracts the article from a saved HTML page, links the actors it names and ranks related stories.
  --json          one JSON object: article, mentions, entities, related
  --corpus FILE   also rank related stories from this corpus file (repeatable)
  --url URL       the page's address (resolves a relative canonical link)
  --kb FILE       knowledge base to use instead of dist/data/kb.json
  --dom ENGINE    HTML parser: linkedom (default, fast) or jsdom
`;

interface Options {
  page: string;
  json: boolean;
  corpora: string[];
  url?: string;
  kb?: string;
  dom?: DomEngine;
}

const RELATED_LIMIT = 10;

class UsageError extends Error {}

function parseArgs(args: string[]): Options | 'help' {
  const opts: Partial<Options> & { corpora: string[] } = { json: false, corpora: [] };
  const value = (i: number, flag: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--json') opts.json = true;
    else if (a === '--corpus') opts.corpora.push(value(i++, a));
    else if (a === '--url') opts.url = value(i++, a);
    else if (a === '--kb') opts.kb = value(i++, a);
    else if (a === '--dom') {
      const v = value(i++, a);
      if (v !== 'linkedom' && v !== 'jsdom') throw new UsageError(`--dom must be linkedom or jsdom, not ${v}`);
      opts.dom = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (opts.page === undefined) opts.page = a;
    else throw new UsageError(`one page at a time (got ${opts.page} and ${a})`);
  }
  if (!opts.page) throw new UsageError('which page? (backstory analyze PAGE.html)');
  return opts as Options;
}

/** Output of `--json`, exactly the shape issue #2 asks for. */
export interface AnalyzeJson {
  article: Pick<ArticleText, 'title' | 'byline' | 'siteName' | 'lang' | 'published' | 'text'>;
  mentions: Pick<Mention, 'start' | 'end' | 'text' | 'entityId'>[];
  entities: EntitySummary[];
  related: { id: string; title: string; url: string | null; published: string; score: number }[];
}

/** Entities in order of how often they are mentioned, then first appearance. */
function entitiesOf(mentions: Mention[], kb: KnowledgeBase): { entities: EntitySummary[]; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  const byId = new Map(kb.actors.map((a) => [a.id, a]));
  const ids = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const entities = ids.map((id) => {
    const actor = byId.get(id);
    return { id, name: actor?.name ?? id, type: actor?.type ?? 'other' } satisfies EntitySummary;
  });
  return { entities, counts };
}

async function relatedFor(
  io: CliIO,
  opts: Options,
  article: ArticleText,
  actorIds: string[],
): Promise<RelatedStory[]> {
  const index = new RelatedIndex();
  try {
    index.addStories(parseCorpus(await io.readFile(io.corpusPath), io.corpusPath).stories, 'corpus');
  } catch (e) {
    // The bundled corpus is optional for analysis; say so once and go on.
    io.stderr(`backstory: warning: bundled corpus not loaded (${errorLine(io.corpusPath, e).trim()})\n`);
  }
  for (const file of opts.corpora) {
    // A corpus the reader named must load; every error names the file.
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (e) {
      throw new Error(errorLine(file, e).replace(/^backstory: /, ''));
    }
    index.addStories(parseCorpus(text, file).stories, 'corpus');
  }
  return index.query({ actors: actorIds, text: article.text, date: article.published, limit: RELATED_LIMIT });
}

function formatText(a: ArticleText, mentions: Mention[], entities: EntitySummary[], counts: Map<string, number>, related: RelatedStory[]): string {
  const lines: string[] = [];
  lines.push(a.title || '(untitled)');
  const facts = [
    a.byline && `By ${a.byline}`,
    a.siteName,
    a.published && `published ${a.published}`,
    a.lang && `lang ${a.lang}`,
  ].filter(Boolean);
  if (facts.length) lines.push(facts.join(' · '));
  if (a.url) lines.push(a.url);
  const words = a.text.split(/\s+/).filter(Boolean).length;
  lines.push(`${a.text.length} characters, ${words} words`, '');
  lines.push(`Actors (${entities.length}):`);
  for (const e of entities) lines.push(`  ${String(counts.get(e.id) ?? 0).padStart(3)}×  ${e.name}  (${e.type}, ${e.id})`);
  lines.push('', `Mentions (${mentions.length}):`);
  for (const m of mentions) lines.push(`  ${String(m.start).padStart(6)}  ${m.text}  → ${m.entityId}`);
  lines.push('', `Related stories (${related.length}):`);
  for (const r of related) {
    lines.push(`  ${r.score.toFixed(2)}  ${r.published}  ${r.title}${r.source ? ` (${r.source})` : ''}${r.url ? `  ${r.url}` : ''}`);
  }
  return lines.join('\n') + '\n';
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let opts: Options;
  try {
    const parsed = parseArgs(args);
    if (parsed === 'help') {
      io.stdout(ANALYZE_PAGE_HELP);
      return 0;
    }
    opts = parsed;
  } catch (e) {
    io.stderr(`backstory analyze: ${(e as Error).message}\n`);
    return 2;
  }

  let html: string;
  try {
    html = await io.readFile(opts.page);
  } catch (e) {
    io.stderr(errorLine(opts.page, e));
    return 1;
  }
  let doc: Document;
  try {
    doc = await parseDocument(html, { engine: opts.dom, url: opts.url });
  } catch (e) {
    io.stderr(errorLine(opts.page, e instanceof NotHtmlError ? e : new Error(`cannot parse HTML (${(e as Error).message})`)));
    return 1;
  }
  const extracted = extractArticle(doc, { url: opts.url ?? null });
  if (!extracted || !extracted.article.text.trim()) {
    const why = isArticlePage(doc) ? 'no article text found' : 'no article text found (not an article page?)';
    io.stderr(errorLine(opts.page, new Error(why)));
    return 1;
  }
  const { article } = extracted;

  const kbFile = opts.kb ?? io.kbPath;
  let kb: KnowledgeBase;
  try {
    kb = JSON.parse(await io.readFile(kbFile)) as KnowledgeBase;
    if (!Array.isArray(kb.actors)) throw new Error('not a knowledge base (no actors)');
  } catch (e) {
    const hint = opts.kb ? '' : ' (run npm run build first)';
    io.stderr(errorLine(kbFile, e).replace(/\n$/, `${hint}\n`));
    return 1;
  }

  const { mentions } = createLinker(kb).link(article.text, { date: article.published, lang: article.lang });
  const { entities, counts } = entitiesOf(mentions, kb);
  let related: RelatedStory[];
  try {
    related = await relatedFor(io, opts, article, entities.map((e) => e.id));
  } catch (e) {
    io.stderr(`backstory: ${(e as Error).message.split('\n')[0]}\n`);
    return 1;
  }

  if (opts.json) {
    const out: AnalyzeJson = {
      article: {
        title: article.title,
        byline: article.byline,
        siteName: article.siteName,
        lang: article.lang,
        published: article.published,
        text: article.text,
      },
      mentions: mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, entityId: m.entityId })),
      entities,
      related: related.map((r) => ({ id: r.id, title: r.title, url: r.url, published: r.published, score: r.score })),
    };
    io.stdout(JSON.stringify(out) + '\n');
  } else {
    io.stdout(formatText(article, mentions, entities, counts, related));
  }
  return 0;
}
