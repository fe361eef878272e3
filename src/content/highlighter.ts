// Highlights through the CSS Custom Highlight API (issue #2 item 5): no node is added to the page.
// One highlight name per actor type so content.css colours them; `backstory-hover` and `backstory-focus` sit above.
// Only names we set are ever deleted, and only while they still hold our Highlight object.
import type { ActorType } from '../core/types';
import type { HighlightRegistryLike } from './natives';

export const HOVER = 'backstory-hover';
export const FOCUS = 'backstory-focus';
/**
 * The highlight name for a type under a palette. Each palette has its own names (content.css colours each), because
 * the page's DOM is not ours to mark with a palette class: 'mono' paints every type alike, 'okabe-ito' uses the
 * colour-blind-safe Okabe–Ito hues with a distinct underline per type.
 */
export const typeHighlight = (t: ActorType, palette: string = 'default'): string =>
  palette === 'mono' ? 'backstory-mono' : palette === 'okabe-ito' ? `backstory-oi-${t}` : `backstory-${t}`;

export interface HighlightEnv {
  registry: HighlightRegistryLike;
  make(ranges: AbstractRange[], priority: number): object;
}

export class Highlighter {
  private readonly ours = new Map<string, object>();

  constructor(private readonly env: HighlightEnv | null) {}

  /** Replaces the type highlights with these ranges. */
  render(items: readonly { type: ActorType; range: AbstractRange }[], palette = 'default'): void {
    const groups = new Map<string, AbstractRange[]>();
    for (const { type, range } of items) {
      const name = typeHighlight(type, palette);
      const list = groups.get(name);
      if (list) list.push(range);
      else groups.set(name, [range]);
    }
    for (const name of [...this.ours.keys()]) {
      if (name !== HOVER && name !== FOCUS && !groups.has(name)) this.remove(name);
    }
    for (const [name, ranges] of groups) this.put(name, ranges, 0);
  }

  setHover(range: AbstractRange | null): void {
    if (range) this.put(HOVER, [range], 2);
    else this.remove(HOVER);
  }

  setFocus(range: AbstractRange | null): void {
    if (range) this.put(FOCUS, [range], 1);
    else this.remove(FOCUS);
  }

  /** Names currently registered by us (tests, diagnostics). */
  names(): string[] {
    return [...this.ours.keys()].sort();
  }

  clear(): void {
    for (const name of [...this.ours.keys()]) this.remove(name);
  }

  private put(name: string, ranges: AbstractRange[], priority: number): void {
    if (!this.env) return;
    const h = this.env.make(ranges, priority);
    this.env.registry.set(name, h);
    this.ours.set(name, h);
  }

  private remove(name: string): void {
    const h = this.ours.get(name);
    this.ours.delete(name);
    // A page (or another extension) may have reused the name since: leave theirs alone.
    if (this.env && h !== undefined && this.env.registry.get(name) === h) this.env.registry.delete(name);
  }
}
