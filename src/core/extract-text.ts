// Plain text of Readability's article element, as the reader sees it: blocks separated by blank lines,
// whitespace runs collapsed, and a segment for every run of characters copied 1:1 from an original Text node
// (split out of extract.ts; issue #2, item 2).
import type { TextSegment } from './extract.js';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose text is never read as article prose: it may stay in the text but gets no segment. */
const PROTECTED = 'input,textarea,select,[contenteditable]:not([contenteditable="false" i]),code,pre,kbd,samp,script,style,noscript,template,svg';
/** Elements whose text is left out of the article text entirely. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'textarea']);
/** Blocks after which a line break (rather than a blank line) separates the next text. */
const LINE_BLOCKS = new Set(['li', 'dt', 'dd', 'tr', 'option']);
const PARA_BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dialog', 'details', 'summary', 'div', 'dl',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'main', 'nav', 'ol', 'ul', 'p', 'pre', 'section', 'table', 'thead', 'tbody', 'tfoot', 'menu',
]);
const CELLS = new Set(['td', 'th']);
/** Whitespace that HTML collapses; a no-break space is kept as it is. */
const WS = /[ \t\n\r\f]+/g;

type Sep = '' | ' ' | '\n' | '\n\n';
const rank: Record<Sep, number> = { '': 0, ' ': 1, '\n': 2, '\n\n': 3 };

export function buildText(
  content: Element,
  originals: Map<Text, Text>,
  opts: { skip?: Element | null; maxChars: number },
): { text: string; segments: TextSegment[] } {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let len = 0;
  let pending: Sep = '';
  // Where the pending single space could come from: the first plain ' ' of the collapsed run, if any.
  let spaceFrom: { node: Text; at: number } | null = null;
  let full = false;
  const protectedCache = new Map<Node, boolean>();

  const isProtected = (orig: Text): boolean => {
    const parent = orig.parentNode;
    if (!parent) return false;
    let v = protectedCache.get(parent);
    if (v === undefined) {
      try {
        v = parent.nodeType === ELEMENT_NODE && (parent as Element).closest(PROTECTED) !== null;
      } catch {
        v = false;
      }
      protectedCache.set(parent, v);
    }
    return v;
  };

  const push = (s: string, from: Text | null, at: number): void => {
    if (full) return;
    if (len + s.length > opts.maxChars) {
      s = s.slice(0, opts.maxChars - len);
      full = true;
    }
    if (!s) return;
    if (from) {
      const last = segments[segments.length - 1];
      if (last && last.node === from && last.start + last.length === len && last.nodeStart + last.length === at) {
        last.length += s.length;
      } else {
        segments.push({ start: len, node: from, nodeStart: at, length: s.length });
      }
    }
    parts.push(s);
    len += s.length;
  };

  const request = (sep: Sep): void => {
    if (rank[sep] > rank[pending]) pending = sep;
  };

  /** Writes the pending separator before a visible character (never at the start of the text). */
  const flush = (): void => {
    if (len > 0 && pending) {
      if (pending === ' ') push(' ', spaceFrom?.node ?? null, spaceFrom?.at ?? 0);
      else push(pending, null, 0);
    }
    pending = '';
    spaceFrom = null;
  };

  const emitText = (t: Text): void => {
    const data = t.data;
    const orig = originals.get(t);
    const from = orig && orig.data === data && !isProtected(orig) ? orig : null;
    let i = 0;
    WS.lastIndex = 0;
    for (let m = WS.exec(data); ; m = WS.exec(data)) {
      const wsStart = m ? m.index : data.length;
      if (wsStart > i) {
        flush();
        push(data.slice(i, wsStart), from, i);
      }
      if (!m) break;
      if (rank[pending] <= rank[' ']) {
        pending = ' ';
        const sp = m[0].indexOf(' ');
        if (!spaceFrom && sp >= 0 && from) spaceFrom = { node: from, at: m.index + sp };
      }
      i = m.index + m[0].length;
    }
  };

  // Iterative walk; an explicit stack keeps deep pages from overflowing the call stack.
  const stack: { node: Node; leaving: boolean }[] = [{ node: content, leaving: false }];
  while (stack.length && !full) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      emitText(node as Text);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || node === opts.skip) continue;
    const tag = node.nodeName.toLowerCase();
    if (DROPPED.has(tag)) continue;
    const sep: Sep = LINE_BLOCKS.has(tag) ? '\n' : PARA_BLOCKS.has(tag) ? '\n\n' : CELLS.has(tag) ? ' ' : '';
    if (tag === 'br') {
      request('\n');
      continue;
    }
    if (leaving) {
      request(sep);
      continue;
    }
    request(sep);
    if (sep) stack.push({ node, leaving: true });
    const kids = node.childNodes;
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k]!, leaving: false });
  }
  return { text: parts.join(''), segments };
}
