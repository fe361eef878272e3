// Offsets in `article.text` <-> positions in the page's Text nodes (issue #2, item 2).
// Segments come from extract.ts, sorted by `start` and non-overlapping; both directions are binary searches.
import type { TextSegment } from './extract.js';

export interface NodeRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** Index of the last segment whose start is <= pos, or -1. */
function segmentIndexAt(segments: readonly TextSegment[], pos: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The DOM range covering `article.text[start, end)`, or null when any part of it has no segment.
 * One exception, so that "Ilham\nAliyev" in the page source still maps: a gap between two segments of the
 * same Text node is allowed. extract.ts only leaves such a gap where it collapsed a whitespace run that held
 * no plain space, so the range then still lies inside that one node and covers only that whitespace.
 */
export function rangeFor(segments: readonly TextSegment[], start: number, end: number): NodeRange | null {
  if (!(end > start) || start < 0) return null;
  let i = segmentIndexAt(segments, start);
  if (i < 0) return null;
  const first = segments[i]!;
  if (start >= first.start + first.length) return null;
  let seg = first;
  while (end > seg.start + seg.length) {
    const next = segments[i + 1];
    if (!next) return null;
    const contiguous = next.start === seg.start + seg.length;
    const sameNodeGap = next.node === seg.node && next.nodeStart >= seg.nodeStart + seg.length;
    if (!contiguous && !sameNodeGap) return null;
    // A gap may not contain the end of the range: the range must end inside a segment.
    if (!contiguous && end <= next.start) return null;
    seg = next;
    i++;
  }
  return {
    startNode: first.node,
    startOffset: first.nodeStart + (start - first.start),
    endNode: seg.node,
    endOffset: seg.nodeStart + (end - seg.start),
  };
}

/**
 * The offset in `article.text` of position `offset` inside `node` (a caret from a click), or null when that
 * character is not part of the article text. A caret just after the last character of a segment maps to the
 * segment's end, so a click on the right edge of a word still counts.
 */
export function offsetAt(segments: readonly TextSegment[], node: Text, offset: number): number | null {
  const own = segmentsOf(segments, node);
  let edge: number | null = null;
  for (const seg of own) {
    if (offset >= seg.nodeStart && offset < seg.nodeStart + seg.length) return seg.start + (offset - seg.nodeStart);
    if (offset === seg.nodeStart + seg.length) edge = seg.start + seg.length;
  }
  return edge;
}

// Per-node lists, built once per segments array: clicks come one at a time, but a page has thousands of segments.
const byNodeCache = new WeakMap<readonly TextSegment[], Map<Text, TextSegment[]>>();

function segmentsOf(segments: readonly TextSegment[], node: Text): TextSegment[] {
  let byNode = byNodeCache.get(segments);
  if (!byNode || byNode.size === 0 && segments.length > 0) {
    byNode = new Map();
    for (const seg of segments) {
      const list = byNode.get(seg.node);
      if (list) list.push(seg);
      else byNode.set(seg.node, [seg]);
    }
    byNodeCache.set(segments, byNode);
  }
  return byNode.get(node) ?? [];
}
