// A sample of the chosen highlight palette, painted by the very rules the page gets (content.css, linked from
// options.html) through the same per-palette highlight names: what the reader picks is what articles show.
// Decorative (the radio labels say it all), so hidden from screen readers.
import { useEffect, useRef } from 'preact/hooks';
import { typeHighlight } from '../content/highlighter';
import type { ActorType } from '../core/types';
import { typeLabel } from '../ui/format';

const SHOWN: readonly ActorType[] = ['country', 'city', 'region', 'person', 'organization', 'armed-group', 'party', 'company'];

interface Registry { set(name: string, h: unknown): unknown; delete(name: string): unknown }

export function PalettePreview({ palette, win = globalThis }: { palette: string; win?: typeof globalThis }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const registry = (win.CSS as unknown as { highlights?: Registry } | undefined)?.highlights;
    const Highlight = (win as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
    const p = ref.current;
    if (!registry || !Highlight || !p) return undefined; // no Custom Highlight API: the labels stay plain
    const groups = new Map<string, Range[]>();
    for (const el of p.querySelectorAll<HTMLElement>('[data-type]')) {
      const r = p.ownerDocument.createRange();
      r.selectNodeContents(el);
      const name = typeHighlight(el.dataset['type'] as ActorType, palette);
      groups.set(name, [...(groups.get(name) ?? []), r]);
    }
    for (const [name, ranges] of groups) registry.set(name, new Highlight(...ranges));
    return () => { for (const name of groups.keys()) registry.delete(name); };
  }, [palette, win]);
  return (
    <p ref={ref} class="palette-preview" aria-hidden="true" data-palette={palette}>
      {SHOWN.map((type) => <span key={type} data-type={type}>{typeLabel(type)}</span>)}
    </p>
  );
}
