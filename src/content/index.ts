// Content script entry (issue #2 item 5): runs at document_idle in every http(s) frame; frames.ts decides whether
// this frame is the one that holds the tab's article (the top frame, or a same-origin frame the top page wraps).
// Natives are captured first, before anything else can run; then hello -> session.
import { extractArticle, isArticlePage } from '../core/extract';
import { browser } from '../shared/browser';
import { makeSend } from '../shared/messaging';
import { parseContentCommand } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import type { HighlightEnv } from './highlighter';
import { frameMayHoldArticle } from './frames';
import { captureNatives } from './natives';
import { Session } from './session';

const natives = captureNatives(window);
/** Waits before asking a silent background again. */
const HELLO_RETRIES_MS = [250, 1_000, 3_000];

function boot(): void {
  // The top frame or the one frame holding the article, http(s) only; and once per document even if the script is
  // injected twice (extension reload).
  if (!frameMayHoldArticle(window)) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const flag = Symbol.for('backstory.content');
  const w = window as unknown as Record<symbol, boolean>;
  if (w[flag]) return;
  w[flag] = true;

  const send = makeSend((m) => browser.runtime.sendMessage(m));
  const highlightEnv: HighlightEnv | null =
    natives.highlights && natives.makeHighlight
      ? { registry: natives.highlights, make: natives.makeHighlight }
      : null;
  let session: Session | null = null;

  // One start at a time; `gen` moves on when the reader switches Backstory off (or a forced start supersedes a
  // plain one), so a hello that comes back late cannot resurrect a session.
  let gen = 0;
  let starting: Promise<Session | null> | null = null;

  function start(force: boolean): Promise<Session | null> {
    if (session && session.state !== 'destroyed') return Promise.resolve(session);
    if (starting && !force) return starting;
    const my = ++gen;
    const p = (async () => {
      const hello = await helloWithRetry();
      const settings: Settings = hello.settings;
      if (my !== gen || (!hello.enabled && !force)) return null;
      const s = new Session({
        doc: document, natives, send, settings, sidebarUrl: browser.runtime.getURL('sidebar.html'),
        isArticle: isArticlePage,
        extract: (doc, opts) => extractArticle(doc, opts),
        highlightEnv,
      });
      session = s;
      await s.start();
      return s;
    })().finally(() => {
      if (starting === p) starting = null;
    });
    starting = p;
    return p;
  }

  // A background that is still starting (a cold service worker or event page right after the browser or the
  // extension starts) can miss the first message: ask again a few times before leaving the page alone.
  async function helloWithRetry() {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send('content/hello', { url: location.href });
      } catch (e) {
        if (attempt >= HELLO_RETRIES_MS.length) throw e;
        await new Promise<void>((r) => natives.setTimeout(r, HELLO_RETRIES_MS[attempt]!));
      }
    }
  }

  function stop(): void {
    gen++;
    starting = null;
    session?.destroy();
    session = null;
  }

  browser.runtime.onMessage.addListener((msg: unknown) => {
    const cmd = parseContentCommand(msg);
    if (!cmd) return undefined;
    if (cmd.type === 'content/set-enabled') {
      const { enabled } = cmd.payload as { enabled: boolean };
      if (!enabled) {
        stop();
        return Promise.resolve(true);
      }
      return start(true).then(() => true);
    }
    if (!session) {
      // Backstory is off here ("ask" mode, or a disabled site): a shortcut or the popup asks for it now.
      if (cmd.type === 'content/command' || cmd.type === 'content/open-sidebar') {
        return start(true).then((s) => {
          s?.handle(cmd.type === 'content/command' ? 'content/open-sidebar' : cmd.type, cmd.payload);
          return true;
        });
      }
      return Promise.resolve(false);
    }
    session.handle(cmd.type, cmd.payload);
    return Promise.resolve(true);
  });

  start(false).catch(() => {
    // No background (extension updating) or refused: do nothing to the page.
  });
}

boot();
