// From mentions to highlighted ranges, and from a point on screen back to a mention (issue #2 item 5).
import type { TextSegment } from '../core/extract';
import { offsetAt, rangeFor } from '../core/textmap';
import type { ActorType, EntitySummary, Mention } from '../core/types';
import type { Settings } from '../shared/settings';
import type { Natives } from './natives';

/** A mention that is highlighted on the page. */
export interface Placed {
  mention: Mention;
  /** Index of the mention in the link reply's `mentions` (what the sidebar's "show in article" sends back). */
  index: number;
  type: ActorType;
  name: string;
  range: AbstractRange;
}

/** Which mentions to highlight under the reader's settings (types, muted, first mention only). */
export function selectMentions(
  mentions: readonly Mention[], entities: ReadonlyMap<string, EntitySummary>,
  settings: Pick<Settings, 'types' | 'muted' | 'firstOnly'>,
): { mention: Mention; index: number; entity: EntitySummary }[] {
  const types = new Set(settings.types);
  const muted = new Set(settings.muted);
  const out: { mention: Mention; index: number; entity: EntitySummary }[] = [];
  mentions.forEach((mention, index) => {
    const entity = entities.get(mention.entityId);
    if (!entity || !types.has(entity.type) || muted.has(entity.id)) return;
    out.push({ mention, index, entity });
  });
  out.sort((a, b) => a.mention.start - b.mention.start);
  return out;
}

/**
 * Ranges for the selected mentions, in text order. A mention is placed only when its whole span maps to live
 * text nodes; with `firstOnly`, the first placed mention of each actor wins.
 */
export function placeMentions(
  selected: readonly { mention: Mention; index: number; entity: EntitySummary }[],
  segments: readonly TextSegment[], makeRange: Natives['makeRange'], firstOnly: boolean,
): Placed[] {
  const seen = new Set<string>();
  const out: Placed[] = [];
  let lastEnd = -1;
  for (const { mention, index, entity } of selected) {
    if (firstOnly && seen.has(entity.id)) continue;
    if (mention.start < lastEnd) continue; // overlapping mentions: the earlier one keeps the text
    const r = rangeFor(segments, mention.start, mention.end);
    if (!r) continue;
    out.push({
      mention, index, type: entity.type, name: entity.name,
      range: makeRange({ startContainer: r.startNode, startOffset: r.startOffset, endContainer: r.endNode, endOffset: r.endOffset }),
    });
    seen.add(entity.id);
    lastEnd = mention.end;
  }
  return out;
}

/** The placed mention covering text offset `off` (binary search; `placed` is in text order). */
export function placedAtOffset(placed: readonly Placed[], off: number): Placed | null {
  let lo = 0;
  let hi = placed.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = placed[mid]!.mention;
    if (off < m.start) hi = mid - 1;
    else if (off >= m.end) lo = mid + 1;
    else return placed[mid]!;
  }
  return null;
}

/**
 * The placed mention under the point (x, y), or null. The caret gives the character; when layout is available the
 * point must also fall inside the mention's boxes, so a click in the margin beside a line-final name misses it.
 */
export function hitTest(
  natives: Pick<Natives, 'caretAt' | 'liveRange'>, segments: readonly TextSegment[], placed: readonly Placed[],
  x: number, y: number,
): Placed | null {
  const caret = natives.caretAt(x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const off = offsetAt(segments, caret.node as Text, caret.offset);
  if (off === null) return null;
  // A caret after the last letter of a name (a click on its right half) maps to the name's end: try the char before.
  const hit = placedAtOffset(placed, off) ?? (off > 0 ? placedAtOffset(placed, off - 1) : null);
  if (!hit) return null;
  return insideBoxes(natives, hit.range, x, y) ? hit : null;
}

function insideBoxes(natives: Pick<Natives, 'liveRange'>, r: AbstractRange, x: number, y: number): boolean {
  let rects: DOMRectList | DOMRect[];
  try {
    const live = natives.liveRange(r);
    rects = typeof live.getClientRects === 'function' ? live.getClientRects() : [];
  } catch {
    return true;
  }
  if (!rects || rects.length === 0) return true; // no layout (jsdom): trust the caret
  for (const b of Array.from(rects)) {
    if (x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1) return true;
  }
  return false;
}
