// Keyboard route through the article (issue #2 item 5): the manifest commands `next-actor` / `prev-actor` step a
// focus highlight through the highlighted mentions in text order; Esc closes the sidebar.

/** Next (+1) or previous (-1) index among `count` items, wrapping; from nothing, next is the first, previous the last. */
export function stepIndex(current: number | null, count: number, dir: 1 | -1): number | null {
  if (count <= 0) return null;
  if (current === null || current < 0 || current >= count) return dir === 1 ? 0 : count - 1;
  return (current + dir + count) % count;
}

/** Whether a keydown should close the sidebar: Esc, not already handled, not in the middle of an IME composition. */
export function isCloseKey(e: Pick<KeyboardEvent, 'key' | 'defaultPrevented' | 'isComposing'>): boolean {
  return e.key === 'Escape' && !e.defaultPrevented && !e.isComposing;
}
