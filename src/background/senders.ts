// Who is asking (issue #7, STYLE habit 5). The background answers only senders it can place: our own content script
// in an http(s) tab, or one of our own pages. Everything else — other extensions, pages, unknown frames — is refused.
import type { SenderKind } from '../shared/protocol';
import { ALLOWED } from '../shared/protocol';
import type { RequestType } from '../shared/protocol';

/** The fields of `runtime.MessageSender` we judge. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean; url?: string };
  frameId?: number;
}

/** What of `browser.runtime` the classifier needs; tests pass a fake. */
export interface RuntimeLike {
  id: string;
  getURL(path: string): string;
}

const PAGES: Record<string, SenderKind> = {
  '/sidebar.html': 'sidebar',
  '/popup.html': 'popup',
  '/options.html': 'options',
};

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Classifies a message sender, or null when it is not one of ours. */
export function classifySender(sender: SenderLike | undefined, runtime: RuntimeLike): SenderKind | null {
  if (!sender || sender.id !== runtime.id) return null;
  const url = parse(sender.url);
  if (!url) return null;
  const base = parse(runtime.getURL('/'));
  if (!base) return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    // A content script: it runs in a tab. Our pages never have an http(s) URL.
    return sender.tab && typeof sender.tab.id === 'number' ? 'content' : null;
  }
  // One of our pages. The origin must be ours: Chrome's `use_dynamic_url` can give web-accessible pages a
  // per-session host, so the scheme must match and the host must be ours or the browser must vouch by `id` (checked
  // above); a page of another extension has another id.
  if (url.protocol !== base.protocol) return null;
  if (url.host !== base.host && !/^(chrome|moz)-extension:$/.test(url.protocol)) return null;
  const kind = PAGES[url.pathname];
  if (!kind) return null;
  // The sidebar lives in an iframe on a tab; without a tab it has nothing to show and must not act on one.
  if (kind === 'sidebar' && !(sender.tab && typeof sender.tab.id === 'number')) return null;
  return kind;
}

/** Whether this kind of sender may send this request (protocol.ts `ALLOWED`). */
export function mayCall(kind: SenderKind | null, type: RequestType): boolean {
  return kind !== null && ALLOWED[type].includes(kind);
}
