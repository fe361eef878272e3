import { describe, expect, it } from 'vitest';
import type { TextSegment } from '../../src/core/extract';
import type { EntitySummary, Mention } from '../../src/core/types';
import { FOCUS, HOVER, Highlighter, typeHighlight } from '../../src/content/highlighter';
import { hitTest, placeMentions, placedAtOffset, selectMentions } from '../../src/content/hit-test';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { fakeHighlights, textOf } from './content-helpers';

const staticRange = (init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) => new StaticRange(init);

/** "Baku and Ilham Aliyev" split over two text nodes: "Baku and Ilham " | "Aliyev". */
function fixture() {
  document.body.innerHTML = '<p>Baku and Ilham <b>Aliyev</b> met.</p>';
  const p = document.querySelector('p')!;
  const t1 = p.firstChild as Text;
  const t2 = p.querySelector('b')!.firstChild as Text;
  const t3 = p.lastChild as Text;
  const segments: TextSegment[] = [
    { start: 0, node: t1, nodeStart: 0, length: 15 },
    { start: 15, node: t2, nodeStart: 0, length: 6 },
    { start: 21, node: t3, nodeStart: 0, length: 5 },
  ];
  const text = 'Baku and Ilham Aliyev met.';
  const m = (start: number, end: number, entityId: string): Mention => ({ start, end, text: text.slice(start, end), entityId, score: 0.9 });
  const mentions = [m(9, 21, 'Q312'), m(0, 4, 'Q9248'), m(15, 21, 'Q312')];
  const entities = new Map<string, EntitySummary>([
    ['Q312', { id: 'Q312', name: 'Ilham Aliyev', type: 'person' }],
    ['Q9248', { id: 'Q9248', name: 'Baku', type: 'city' }],
  ]);
  return { t1, t2, t3, segments, mentions, entities };
}

describe('selectMentions / placeMentions', () => {
  it('orders by text, maps across nodes, drops overlaps, keeps the reply index', () => {
    const f = fixture();
    const sel = selectMentions(f.mentions, f.entities, DEFAULT_SETTINGS);
    const placed = placeMentions(sel, f.segments, staticRange, false);
    expect(placed.map((p) => [textOf(p.range), p.index, p.type])).toEqual([
      ['Baku', 1, 'city'],
      ['Ilham Aliyev', 0, 'person'],
    ]);
    expect(placed[1]!.range.startContainer).toBe(f.t1);
    expect(placed[1]!.range.endContainer).toBe(f.t2);
  });

  it('skips mentions whose span does not map, unknown actors, filtered types and muted ids', () => {
    const f = fixture();
    const bad: Mention = { start: 40, end: 44, text: 'xxxx', entityId: 'Q9248', score: 1 };
    const unknown: Mention = { start: 22, end: 25, text: 'met', entityId: 'Q1', score: 1 };
    const all = placeMentions(selectMentions([...f.mentions, bad, unknown], f.entities, DEFAULT_SETTINGS), f.segments, staticRange, false);
    expect(all.map((p) => p.mention.text)).toEqual(['Baku', 'Ilham Aliyev']);
    const cities = selectMentions(f.mentions, f.entities, { ...DEFAULT_SETTINGS, types: ['city'] });
    expect(cities.map((s) => s.mention.text)).toEqual(['Baku']);
    const muted = selectMentions(f.mentions, f.entities, { ...DEFAULT_SETTINGS, muted: ['Q9248'] });
    expect(muted.map((s) => s.mention.entityId)).toEqual(['Q312', 'Q312']);
  });

  it('placedAtOffset finds the covering mention by binary search', () => {
    const f = fixture();
    const placed = placeMentions(selectMentions(f.mentions, f.entities, DEFAULT_SETTINGS), f.segments, staticRange, false);
    expect(placedAtOffset(placed, 0)?.mention.text).toBe('Baku');
    expect(placedAtOffset(placed, 3)?.mention.text).toBe('Baku');
    expect(placedAtOffset(placed, 4)).toBeNull();
    expect(placedAtOffset(placed, 20)?.mention.text).toBe('Ilham Aliyev');
    expect(placedAtOffset(placed, 21)).toBeNull();
  });
});

describe('hitTest', () => {
  it('maps a caret to a mention, and checks the point against the boxes when there is layout', () => {
    const f = fixture();
    const placed = placeMentions(selectMentions(f.mentions, f.entities, DEFAULT_SETTINGS), f.segments, staticRange, false);
    let caret: { node: Node; offset: number } | null = { node: f.t2, offset: 2 };
    const box = { left: 100, right: 160, top: 10, bottom: 30 };
    const natives = {
      caretAt: () => caret,
      liveRange: () => ({ getClientRects: () => [box] }) as unknown as Range,
    };
    expect(hitTest(natives, f.segments, placed, 120, 20)?.mention.text).toBe('Ilham Aliyev');
    expect(hitTest(natives, f.segments, placed, 400, 20)).toBeNull(); // caret snapped from the margin
    caret = { node: f.t3, offset: 2 };
    expect(hitTest(natives, f.segments, placed, 120, 20)).toBeNull();
    caret = { node: document.body, offset: 0 };
    expect(hitTest(natives, f.segments, placed, 120, 20)).toBeNull();
    caret = null;
    expect(hitTest(natives, f.segments, placed, 120, 20)).toBeNull();
  });
});

describe('Highlighter', () => {
  it('groups ranges by type, replaces them on render and layers hover and focus above', () => {
    const f = fixture();
    const { registry, env } = fakeHighlights();
    const h = new Highlighter(env);
    const placed = placeMentions(selectMentions(f.mentions, f.entities, DEFAULT_SETTINGS), f.segments, staticRange, false);
    h.render(placed);
    expect([...registry.keys()].sort()).toEqual(['backstory-city', 'backstory-person']);
    h.setHover(placed[0]!.range);
    h.setFocus(placed[1]!.range);
    expect(registry.get(HOVER)!.priority).toBeGreaterThan(registry.get(FOCUS)!.priority);
    expect(registry.get(FOCUS)!.priority).toBeGreaterThan(registry.get('backstory-city')!.priority);
    h.render(placed.filter((p) => p.type === 'person'));
    expect([...registry.keys()].sort()).toEqual([FOCUS, HOVER, 'backstory-person'].sort());
    h.clear();
    expect(registry.size).toBe(0);
  });

  it('the mono palette paints every type alike; no API means no-op', () => {
    expect(typeHighlight('person', 'mono')).toBe('backstory-mono');
    expect(typeHighlight('armed-group')).toBe('backstory-armed-group');
    const none = new Highlighter(null);
    none.setHover(null);
    none.clear();
    expect(none.names()).toEqual([]);
  });
});

describe('content.css', () => {
  it('has a ::highlight rule for every actor type, the mono palette, hover and focus', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const { dirname, join } = await import('node:path');
    const { ACTOR_TYPES } = await import('../../src/core/types');
    const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/content/content.css'), 'utf8');
    const names = [...ACTOR_TYPES.map((t) => typeHighlight(t)), 'backstory-mono', HOVER, FOCUS];
    for (const n of names) expect(css, n).toContain(`::highlight(${n})`);
  });
});
