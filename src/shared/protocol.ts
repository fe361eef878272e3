// The one message protocol between Backstory's contexts (STYLE.md habit 4).
// Every request is declared once, with a valibot schema checked on arrival (issue #7) and a reply type.
// Replies are serialisable `Result`s: handlers never throw across a context boundary.
import * as v from 'valibot';
import type {
  ActorType, ArticleMeta, EntitySummary, Mention, RelatedStory,
} from '../core/types';
import type { Card } from '../core/card';
import type { Settings } from './settings';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: string): Result<never> => ({ ok: false, error });

// ---------- shared schemas ----------

const Str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Id = v.pipe(v.string(), v.regex(/^(Q[1-9]\d*|bs:[a-z0-9][a-z0-9-]*|pack:[a-z0-9-]+:[A-Za-z0-9_-]+)$/), v.maxLength(120));
const NullableStr = (max: number) => v.nullable(Str(max));

export const ArticleMetaSchema = v.object({
  title: Str(2_000),
  byline: NullableStr(1_000),
  siteName: NullableStr(500),
  lang: NullableStr(35),
  dir: v.nullable(v.picklist(['ltr', 'rtl'])),
  published: NullableStr(64),
  url: NullableStr(8_192),
  excerpt: NullableStr(5_000),
});

export const ArticleTextSchema = v.object({
  ...ArticleMetaSchema.entries,
  // 2 MB of article text is far beyond any real article; the content script truncates before this.
  text: Str(2_000_000),
});

// ---------- requests, by sender ----------
// `type` names are "<area>/<verb>". Each entry: the payload schema. Replies are typed in `Replies` below.

export const Requests = {
  // content script -> background
  'article/link': v.object({ article: ArticleTextSchema }),
  'content/hello': v.object({ url: Str(8_192) }),
  // The actor the reader picked on the page (click or keyboard), so a reopened sidebar shows it (ArticleState.selected).
  'article/select': v.object({ id: v.nullable(Id) }),

  // sidebar -> background (the sidebar's tab is taken from the sender, never from the payload)
  'sidebar/state': v.object({}),
  'entity/card': v.object({ id: Id }),
  'page/focus-mention': v.object({ index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  'page/close-sidebar': v.object({}),
  'correction/set': v.object({ mentionText: Str(300), wrongId: Id, rightId: v.nullable(Id) }),

  // popup -> background
  'popup/status': v.object({ tabId: v.pipe(v.number(), v.integer()) }),
  'site/toggle': v.object({ tabId: v.pipe(v.number(), v.integer()), enabled: v.boolean() }),
  'page/open-sidebar': v.object({ tabId: v.pipe(v.number(), v.integer()) }),

  // options -> background
  'settings/get': v.object({}),
  'settings/set': v.object({ settings: v.record(v.string(), v.unknown()) }),
  'history/export': v.object({}),
  'history/import': v.object({ jsonl: Str(50_000_000) }),
  'history/clear': v.object({}),
  'corpus/list': v.object({}),
  'pack/list': v.object({}),
  'corpus/import': v.object({ name: Str(300), text: Str(50_000_000) }),
  'corpus/remove': v.object({ name: Str(300) }),
  'pack/import': v.object({ name: Str(300), text: Str(50_000_000) }),
  'pack/remove': v.object({ name: Str(300) }),
  'correction/list': v.object({}),
  'correction/remove': v.object({ key: Str(1_000) }),
} as const;

export type RequestType = keyof typeof Requests;
export type Payload<T extends RequestType> = v.InferOutput<(typeof Requests)[T]>;

/** What the article view needs: the page's article and what was found in it. */
export interface ArticleState {
  article: ArticleMeta;
  mentions: Mention[];
  entities: (EntitySummary & { count: number })[];
  /** Mentions below the highlight threshold, listed as "possible mentions". */
  possible: Mention[];
  related: RelatedStory[];
  /** The actor the reader asked for last (click or keyboard), if any. */
  selected: string | null;
}

export interface SiteStatus {
  host: string | null;
  enabled: boolean;
  /** Number of actors found on the page, or null when the page was not analysed. */
  actors: number | null;
  mentions: number | null;
}

export interface CorpusInfo { name: string; stories: number; edition: string; date: string; licence: string; bundled: boolean }
export interface PackInfo { name: string; actors: number }
export interface CorrectionInfo { key: string; site: string; mentionText: string; wrongId: string; rightId: string | null }

export interface Replies {
  'article/link': { mentions: Mention[]; possible: Mention[]; entities: (EntitySummary & { count: number })[] };
  'content/hello': { enabled: boolean; settings: Settings };
  'article/select': true;
  'sidebar/state': ArticleState | null;
  'entity/card': Card;
  'page/focus-mention': true;
  'page/close-sidebar': true;
  'correction/set': true;
  'popup/status': SiteStatus;
  'site/toggle': SiteStatus;
  'page/open-sidebar': true;
  'settings/get': Settings;
  'settings/set': Settings;
  'history/export': string;
  'history/import': { imported: number };
  'history/clear': true;
  'corpus/list': CorpusInfo[];
  'pack/list': PackInfo[];
  'corpus/import': CorpusInfo;
  'corpus/remove': true;
  'pack/import': PackInfo;
  'pack/remove': true;
  'correction/list': CorrectionInfo[];
  'correction/remove': true;
}

export type Request<T extends RequestType = RequestType> = { type: T; payload: Payload<T> };

// ---------- background -> content script (tabs.sendMessage) ----------

export const ContentCommands = {
  'content/command': v.object({ command: v.picklist(['toggle-sidebar', 'next-actor', 'prev-actor']) }),
  'content/focus-mention': v.object({ index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  'content/close-sidebar': v.object({}),
  'content/open-sidebar': v.object({}),
  'content/set-enabled': v.object({ enabled: v.boolean() }),
} as const;
export type ContentCommandType = keyof typeof ContentCommands;

/** Parses an unknown message against the request schemas. Returns null for anything not in the protocol. */
export function parseRequest(msg: unknown): Request | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const { type, payload } = msg as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(Requests, type)) return null;
  const schema = Requests[type as RequestType];
  const parsed = v.safeParse(schema, payload);
  return parsed.success ? ({ type, payload: parsed.output } as Request) : null;
}

export function parseContentCommand(msg: unknown): { type: ContentCommandType; payload: unknown } | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const { type, payload } = msg as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(ContentCommands, type)) return null;
  const parsed = v.safeParse(ContentCommands[type as ContentCommandType], payload);
  return parsed.success ? { type: type as ContentCommandType, payload: parsed.output } : null;
}

/** Which contexts may send which requests (checked in the background against the sender; issue #7). */
export type SenderKind = 'content' | 'sidebar' | 'popup' | 'options';
export const ALLOWED: Record<RequestType, SenderKind[]> = {
  'article/link': ['content'],
  'content/hello': ['content'],
  'article/select': ['content'],
  'sidebar/state': ['sidebar'],
  'entity/card': ['sidebar'],
  'page/focus-mention': ['sidebar'],
  'page/close-sidebar': ['sidebar'],
  'correction/set': ['sidebar'],
  'popup/status': ['popup'],
  'site/toggle': ['popup'],
  'page/open-sidebar': ['popup'],
  'settings/get': ['options', 'popup', 'sidebar'],
  'settings/set': ['options'],
  'history/export': ['options'],
  'history/import': ['options'],
  'history/clear': ['options'],
  'corpus/list': ['options'],
  'pack/list': ['options'],
  'corpus/import': ['options'],
  'corpus/remove': ['options'],
  'pack/import': ['options'],
  'pack/remove': ['options'],
  'correction/list': ['options'],
  'correction/remove': ['options'],
};

export type { ActorType };
