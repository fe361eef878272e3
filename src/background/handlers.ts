// The background's request handlers (issue #2 items 5-7, issue #7): one function per protocol request.
// Every handler gets a validated payload and the classified sender; it returns a `Result` and never throws across
// the message boundary (`handleMessage` catches what slips through).
import type { Card } from '../core/card';
import type { ArticleText, Correction, EntitySummary, HistoryEntry, Mention, RelatedStory } from '../core/types';
import type {
  ArticleState, CorpusInfo, PackInfo, Payload, Replies, RequestType, Result, SenderKind, SiteStatus,
} from '../shared/protocol';
import { fail, ok, parseRequest } from '../shared/protocol';
import { enabledFor, siteOf } from '../shared/settings';
import type { RuntimeLike, SenderLike } from './senders';
import { classifySender, mayCall } from './senders';
import type { StorageArea, TabStore } from './store';
import {
  correctionsFor, listCorrections, loadSettings, removeCorrection, saveSettings, setCorrection, storageError,
} from './store';

/** Who sent a request, as the handlers see it. */
export interface Ctx {
  kind: SenderKind;
  tabId: number | null;
  frameId: number;
  incognito: boolean;
  /** The sender's URL (the page for a content script). */
  url: string | null;
}

/** The knowledge base, related stories and imported data, behind one face so handlers can be tested with a fake. */
export interface Data {
  /** Starts loading the knowledge base now (a page is about to ask), without waiting for it. */
  warm?(): void;
  link(text: string, opts: { date?: string | null; lang?: string | null; site?: string | null; corrections: Correction[] }):
    Promise<{ mentions: Mention[]; possible: Mention[] }>;
  summary(id: string): Promise<EntitySummary | undefined>;
  card(id: string, asOf: string | null, related: RelatedStory[]): Promise<Card | null>;
  related(q: { actors: string[]; text?: string; date?: string | null; focus?: string; excludeUrl?: string | null; limit?: number }):
    Promise<RelatedStory[]>;
  /** A history entry for an article read now (terms, not the text unless `keepText`). */
  historyEntry(article: ArticleText, mentions: Mention[], site: string, readAt: string, keepText: boolean): HistoryEntry;
  /** Makes a story just read rankable as a related story. */
  indexHistory(entries: HistoryEntry[]): Promise<void>;
  /** Forgets the indexed history; the next query re-reads the history store (after a clear or an import). */
  clearHistoryIndex(): Promise<void>;
  corpora(): Promise<CorpusInfo[]>;
  importCorpus(name: string, text: string): Promise<CorpusInfo>;
  removeCorpus(name: string): Promise<boolean>;
  packs(): Promise<PackInfo[]>;
  importPack(name: string, text: string): Promise<PackInfo>;
  removePack(name: string): Promise<boolean>;
}

/** The reader's history store (src/background/history.ts). */
export interface HistoryLike {
  add(entry: HistoryEntry): Promise<unknown>;
  all(): Promise<HistoryEntry[]>;
  exportJsonl(): Promise<string>;
  importJsonl(text: string): Promise<number | { imported: number }>;
  clear(): Promise<unknown>;
}

export interface Deps {
  local: StorageArea;
  tabs: TabStore;
  data: Data;
  /** Opens the history lazily; null when IndexedDB is not available. */
  history: () => Promise<HistoryLike | null>;
  /** `browser.tabs.sendMessage(tabId, msg, { frameId })`: the frame holding the tab's article (0 = top). */
  sendToTab: (tabId: number, msg: { type: string; payload: unknown }, frameId?: number) => Promise<unknown>;
  now: () => Date;
}

type Handler<T extends RequestType> = (payload: Payload<T>, ctx: Ctx) => Promise<Result<Replies[T]>>;
export type Handlers = { [T in RequestType]: Handler<T> };

const RELATED_LIMIT = 12;
const dateOf = (iso: string | null): string | null => (iso && /^\d{4}(-\d{2}){0,2}/.exec(iso)?.[0]) || null;
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createHandlers(deps: Deps): Handlers {
  const { local, tabs, data } = deps;

  const needTab = (ctx: Ctx): number | null => ctx.tabId;

  async function status(tabId: number): Promise<SiteStatus> {
    const [info, state, settings] = await Promise.all([tabs.getInfo(tabId), tabs.getState(tabId), loadSettings(local)]);
    const host = info?.host ?? null;
    return {
      host,
      enabled: info ? enabledFor(settings, info.url) : false,
      actors: state ? state.entities.length : null,
      mentions: state ? state.mentions.length : null,
    };
  }

  async function forward(tabId: number, type: string, payload: unknown): Promise<Result<true>> {
    try {
      const frameId = (await tabs.getInfo(tabId))?.frameId ?? 0;
      await deps.sendToTab(tabId, { type, payload }, frameId);
      return ok(true);
    } catch {
      return fail('Backstory is not running on this page.');
    }
  }

  return {
    async 'content/hello'(_p, ctx) {
      const tabId = needTab(ctx);
      const settings = await loadSettings(local);
      const url = ctx.url ?? '';
      if (tabId !== null && ctx.frameId === 0) {
        await tabs.setInfo(tabId, { url, host: siteOf(url) });
        // A new page in the tab: the old article state no longer applies.
        await tabs.setState(tabId, null);
      }
      const enabled = enabledFor(settings, url);
      // A cold service worker spends ~1-2 s parsing the knowledge base; start while the page extracts its article.
      if (enabled) data.warm?.();
      return ok({ enabled, settings });
    },

    async 'article/link'({ article }, ctx) {
      const tabId = needTab(ctx);
      const settings = await loadSettings(local);
      const site = siteOf(ctx.url ?? article.url ?? '');
      const date = dateOf(article.published);
      const corrections = await correctionsFor(local, site);
      const { mentions, possible } = await data.link(article.text, { date, lang: article.lang, site, corrections });

      const counts = new Map<string, number>();
      for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      const entities: (EntitySummary & { count: number })[] = [];
      for (const [id, count] of counts) {
        const s = await data.summary(id);
        if (s) entities.push({ ...s, count });
      }
      entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

      // Related stories are ranked before this article joins the history, so it never lists itself.
      const related = await data.related({
        actors: entities.map((e) => e.id), text: article.text, date, excludeUrl: article.url, limit: RELATED_LIMIT,
      });

      if (!ctx.incognito && settings.history.enabled && site && mentions.length > 0) {
        try {
          const entry = data.historyEntry(article, mentions, site, deps.now().toISOString(), settings.history.keepText);
          const h = await deps.history();
          if (h) {
            await h.add(entry);
            await data.indexHistory([entry]);
          }
        } catch {
          // History is a convenience: a full disk must not stop the page from being highlighted.
        }
      }

      // The top frame's article, or a sub-frame's (content/frames.ts lets a frame link only when the top page is a
      // shell around it): its frame is remembered so commands from the sidebar reach it.
      if (tabId !== null) {
        if (ctx.frameId !== 0) {
          // The top page of such a shell does not run (and so never says hello): the frame's same-origin URL stands in.
          const url = ctx.url ?? '';
          await tabs.setInfo(tabId, { url, host: siteOf(url), frameId: ctx.frameId });
        }
        const { text: _text, ...meta } = article;
        const state: ArticleState = { article: meta, mentions, entities, possible, related, selected: null };
        try {
          await tabs.setState(tabId, state);
        } catch {
          // storage.session full: the sidebar will ask again; highlighting goes on.
        }
      }
      return ok({ mentions, possible, entities });
    },

    async 'article/select'({ id }, ctx) {
      if (ctx.tabId === null) return fail('no tab');
      const state = await tabs.getState(ctx.tabId);
      if (state) await tabs.setState(ctx.tabId, { ...state, selected: id });
      return ok(true);
    },

    async 'sidebar/state'(_p, ctx) {
      if (ctx.tabId === null) return fail('no tab');
      return ok(await tabs.getState(ctx.tabId));
    },

    async 'entity/card'({ id }, ctx) {
      const state = ctx.tabId === null ? null : await tabs.getState(ctx.tabId);
      const date = dateOf(state?.article.published ?? null);
      const related = await data.related({
        actors: [id], focus: id, date, excludeUrl: state?.article.url ?? null, limit: RELATED_LIMIT,
      });
      const card = await data.card(id, date, related);
      return card ? ok(card) : fail(`Unknown actor ${id}`);
    },

    async 'page/focus-mention'({ index }, ctx) {
      if (ctx.tabId === null) return fail('no tab');
      return forward(ctx.tabId, 'content/focus-mention', { index });
    },

    async 'page/close-sidebar'(_p, ctx) {
      if (ctx.tabId === null) return fail('no tab');
      return forward(ctx.tabId, 'content/close-sidebar', {});
    },

    async 'correction/set'({ mentionText, wrongId, rightId }, ctx) {
      const info = ctx.tabId === null ? null : await tabs.getInfo(ctx.tabId);
      const site = info?.host ?? null;
      if (!site) return fail('No site to apply the correction to.');
      try {
        await setCorrection(local, { site, mentionText, wrongId, rightId });
      } catch (e) {
        return fail(storageError(e, 'the correction'));
      }
      return ok(true);
    },

    async 'popup/status'({ tabId }) {
      return ok(await status(tabId));
    },

    async 'site/toggle'({ tabId, enabled }) {
      const info = await tabs.getInfo(tabId);
      if (!info?.host) return fail('Backstory cannot run on this page.');
      const host = info.host;
      const s = await loadSettings(local);
      const disabledSites = enabled ? s.disabledSites.filter((h) => h !== host) : [...new Set([...s.disabledSites, host])];
      const listedSites = enabled && s.runOn === 'listed' ? [...new Set([...s.listedSites, host])] : s.listedSites;
      try {
        await saveSettings(local, { disabledSites, listedSites });
      } catch (e) {
        return fail(storageError(e, 'the setting'));
      }
      if (!enabled) await tabs.setState(tabId, null);
      try {
        await deps.sendToTab(tabId, { type: 'content/set-enabled', payload: { enabled } });
      } catch {
        // No content script on that tab (a reload will pick the setting up).
      }
      return ok(await status(tabId));
    },

    async 'page/open-sidebar'({ tabId }) {
      return forward(tabId, 'content/open-sidebar', {});
    },

    async 'settings/get'() {
      return ok(await loadSettings(local));
    },

    async 'settings/set'({ settings }) {
      try {
        return ok(await saveSettings(local, settings));
      } catch (e) {
        return fail(storageError(e, 'the settings'));
      }
    },

    async 'history/export'() {
      const h = await deps.history();
      return h ? ok(await h.exportJsonl()) : fail('History is not available in this browser.');
    },

    async 'history/import'({ jsonl }) {
      const h = await deps.history();
      if (!h) return fail('History is not available in this browser.');
      try {
        const r = await h.importJsonl(jsonl);
        const imported = typeof r === 'number' ? r : r.imported;
        await data.clearHistoryIndex();
        return ok({ imported });
      } catch (e) {
        return fail(storageError(e, 'the history'));
      }
    },

    async 'history/clear'() {
      const h = await deps.history();
      if (h) await h.clear();
      await data.clearHistoryIndex();
      return ok(true);
    },

    async 'corpus/list'() {
      return ok(await data.corpora());
    },

    async 'corpus/import'({ name, text }) {
      try {
        return ok(await data.importCorpus(name, text));
      } catch (e) {
        return fail(errText(e));
      }
    },

    async 'corpus/remove'({ name }) {
      return (await data.removeCorpus(name)) ? ok(true) : fail(`No imported corpus named ${name}`);
    },

    async 'pack/list'() {
      return ok(await data.packs());
    },

    async 'pack/import'({ name, text }) {
      try {
        return ok(await data.importPack(name, text));
      } catch (e) {
        return fail(errText(e));
      }
    },

    async 'pack/remove'({ name }) {
      return (await data.removePack(name)) ? ok(true) : fail(`No imported pack named ${name}`);
    },

    async 'correction/list'() {
      return ok(await listCorrections(local));
    },

    async 'correction/remove'({ key }) {
      return (await removeCorrection(local, key)) ? ok(true) : fail('No such correction');
    },
  };
}

/** Validates, checks the sender, dispatches. Always resolves to a `Result`. */
export async function handleMessage(
  handlers: Handlers, msg: unknown, sender: SenderLike | undefined, runtime: RuntimeLike,
): Promise<Result<unknown>> {
  const kind = classifySender(sender, runtime);
  if (!kind) return fail('unknown sender');
  const req = parseRequest(msg);
  if (!req) return fail('malformed request');
  if (!mayCall(kind, req.type)) return fail(`${kind} may not send ${req.type}`);
  const ctx: Ctx = {
    kind,
    tabId: typeof sender?.tab?.id === 'number' ? sender.tab.id : null,
    frameId: sender?.frameId ?? 0,
    incognito: sender?.tab?.incognito === true,
    url: sender?.url ?? null,
  };
  try {
    const handler = handlers[req.type] as (p: unknown, c: Ctx) => Promise<Result<unknown>>;
    return await handler(req.payload, ctx);
  } catch (e) {
    return fail(`${req.type} failed: ${errText(e)}`);
  }
}

