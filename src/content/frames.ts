// Which frames of a tab run Backstory (issue #7: an article inside a same-origin iframe). The content script is
// injected into every frame (manifest `all_frames`), and each frame decides for itself, synchronously and without
// asking the background, so a page full of ad and widget frames costs one cheap check per frame and no message.
// A frame's own document is its own page: the article it holds is highlighted there and the host (with the
// sidebar) goes into that frame. Only one frame of a tab may do so, so a sub-frame takes part only when the top page
// is a thin shell around it.

/** A sub-frame smaller than this is a widget or an ad, not the page's story. */
const MIN_FRAME_W = 320;
const MIN_FRAME_H = 240;
/** A top page with more text of its own than this is the article (or a page around one): its frames stay out. */
const SHELL_MAX_CHARS = 1_500;

/**
 * Whether Backstory should run in this frame. A sub-frame runs only when it is same-origin with the top page (a
 * cross-origin frame belongs to someone else), visible at a reading size, and the top page carries little text of its
 * own. The top frame runs unless it is exactly such a shell around such a frame: the two rules mirror each other, so
 * one frame of the tab runs.
 */
export function frameMayHoldArticle(win: Window): boolean {
  if (win.top === win) return !shellAroundFrame(win);
  try {
    const top = win.top;
    // Reading another origin's document throws: that frame is not part of this page.
    const topDoc = top?.document;
    const el = win.frameElement;
    if (!topDoc || !el) return false;
    const box = el.getBoundingClientRect();
    if (box.width < MIN_FRAME_W || box.height < MIN_FRAME_H) return false;
    return ownText(topDoc) <= SHELL_MAX_CHARS;
  } catch {
    return false;
  }
}

/** Whether the top page is a shell whose story is in a same-origin frame of reading size. */
function shellAroundFrame(win: Window): boolean {
  try {
    const doc = win.document;
    const frames = Array.from(doc.querySelectorAll('iframe[src]'));
    if (frames.length === 0) return false;
    const origin = win.location.origin;
    const framed = frames.some((f) => {
      // At document_idle a frame may not have loaded yet: judge it by its address, not its document.
      const src = f.getAttribute('src') ?? '';
      let o: string;
      try {
        o = new URL(src, doc.baseURI).origin;
      } catch {
        return false;
      }
      const box = f.getBoundingClientRect();
      return o === origin && box.width >= MIN_FRAME_W && box.height >= MIN_FRAME_H;
    });
    return framed && ownText(doc) <= SHELL_MAX_CHARS;
  } catch {
    return false;
  }
}

/** The length of a document's body text, whitespace collapsed; frames' contents are not part of it. */
function ownText(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  let n = 0;
  const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const tag = t.parentElement?.localName;
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
    n += (t as Text).data.replace(/\s+/g, ' ').trim().length;
    if (n > SHELL_MAX_CHARS) break;
  }
  return n;
}
