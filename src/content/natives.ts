// Native functions captured when the content script starts (issue #7). Content scripts run in an isolated world
// (Chrome) or behind Xray wrappers (Firefox), so a page overwriting `Range`, `CSS` or `Node.prototype` should not
// reach us; capturing what we call, once, at start keeps that true in the edge cases where the wrappers leak
// (expando-backed globals in Firefox, pages that run before us in an iframe we later touch).

/** The part of `HighlightRegistry` (CSS.highlights) we use. Faked in tests: jsdom has no Highlight API. */
export interface HighlightRegistryLike {
  set(name: string, highlight: object): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
}

export interface Natives {
  /** `new StaticRange(init)`, or a live Range where StaticRange is missing. */
  makeRange(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }): AbstractRange;
  /** A live Range (for geometry: StaticRange has no getClientRects). */
  liveRange(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }): Range;
  /** `new Highlight(...ranges)`, or null when the Custom Highlight API is missing. */
  makeHighlight: ((ranges: AbstractRange[], priority: number) => object) | null;
  highlights: HighlightRegistryLike | null;
  caretAt(x: number, y: number): { node: Node; offset: number } | null;
  MutationObserver: typeof MutationObserver;
  on(target: EventTarget, type: string, fn: EventListener, opts?: AddEventListenerOptions): void;
  raf(fn: () => void): number;
  cancelRaf(id: number): void;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
  measure(name: string, start: number, end: number): void;
  isConnected(node: Node): boolean;
}

type Win = Window & typeof globalThis;

/** Captures the natives of `win` now. Call once, first thing in the content script. */
export function captureNatives(win: Win): Natives {
  const doc = win.document;
  const apply = Reflect.apply;
  const StaticRangeC = typeof win.StaticRange === 'function' ? win.StaticRange : null;
  const HighlightC = typeof (win as { Highlight?: unknown }).Highlight === 'function'
    ? (win as unknown as { Highlight: new (...r: AbstractRange[]) => { priority: number } }).Highlight
    : null;
  const registry = (win.CSS as unknown as { highlights?: HighlightRegistryLike } | undefined)?.highlights ?? null;
  const regSet = registry ? registry.set : null;
  const regGet = registry ? registry.get : null;
  const regDelete = registry ? registry.delete : null;
  const createRange = doc.createRange;
  const setStart = win.Range.prototype.setStart;
  const setEnd = win.Range.prototype.setEnd;
  const caretPos = (doc as { caretPositionFromPoint?: (x: number, y: number) => CaretPosition | null }).caretPositionFromPoint;
  const caretRange = (doc as { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const addListener = win.EventTarget.prototype.addEventListener;
  const MO = win.MutationObserver;
  const raf = typeof win.requestAnimationFrame === 'function' ? win.requestAnimationFrame.bind(win) : null;
  const caf = typeof win.cancelAnimationFrame === 'function' ? win.cancelAnimationFrame.bind(win) : null;
  const st = win.setTimeout.bind(win);
  const ct = win.clearTimeout.bind(win);
  const perf = win.performance;
  const perfNow = perf.now.bind(perf);
  const perfMeasure = typeof perf.measure === 'function' ? perf.measure.bind(perf) : null;
  const connected = Object.getOwnPropertyDescriptor(win.Node.prototype, 'isConnected')?.get;

  const liveRange: Natives['liveRange'] = (r) => {
    const range = apply(createRange, doc, []) as Range;
    apply(setStart, range, [r.startContainer, r.startOffset]);
    apply(setEnd, range, [r.endContainer, r.endOffset]);
    return range;
  };

  return {
    makeRange: (r) => (StaticRangeC ? new StaticRangeC(r) : liveRange(r)),
    liveRange,
    makeHighlight: HighlightC
      ? (ranges, priority) => {
        const h = new HighlightC(...ranges);
        h.priority = priority;
        return h;
      }
      : null,
    highlights: registry && regSet && regGet && regDelete
      ? {
        set: (n, h) => apply(regSet, registry, [n, h]),
        get: (n) => apply(regGet, registry, [n]),
        delete: (n) => apply(regDelete, registry, [n]) as boolean,
      }
      : null,
    caretAt(x, y) {
      if (caretPos) {
        const p = apply(caretPos, doc, [x, y]) as CaretPosition | null;
        return p ? { node: p.offsetNode, offset: p.offset } : null;
      }
      if (caretRange) {
        const r = apply(caretRange, doc, [x, y]) as Range | null;
        return r ? { node: r.startContainer, offset: r.startOffset } : null;
      }
      return null;
    },
    MutationObserver: MO,
    on(target, type, fn, opts) {
      try {
        apply(addListener, target, [type, fn, opts]);
      } catch {
        // A window proxy from another realm (test DOMs; some wrappers) rejects the captured method: use its own.
        target.addEventListener(type, fn, opts);
      }
    },
    raf: (fn) => (raf ? raf(fn) : st(fn, 16)),
    cancelRaf: (id) => (caf ? caf(id) : ct(id)),
    setTimeout: (fn, ms) => st(fn, ms) as unknown as number,
    clearTimeout: (id) => ct(id),
    now: perfNow,
    measure(name, start, end) {
      try {
        perfMeasure?.(name, { start, end });
      } catch {
        // Old engines without the options form: timing is a diagnostic, never worth an error.
      }
    },
    isConnected: (node) => (connected ? (apply(connected, node, []) as boolean) : node.isConnected),
  };
}
