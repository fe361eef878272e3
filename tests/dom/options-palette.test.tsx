// Issue #6: the options page previews the chosen palette with the page's own highlight names.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { PalettePreview } from '../../src/options/PalettePreview';

class FakeHighlight { ranges: Range[]; constructor(...r: Range[]) { this.ranges = r; } }

function fakeWin() {
  const highlights = new Map<string, FakeHighlight>();
  const win = { CSS: { highlights }, Highlight: FakeHighlight } as unknown as typeof globalThis;
  return { highlights, win };
}

const root = document.createElement('div');
document.body.append(root);
afterEach(() => { render(null, root); });

describe('PalettePreview', () => {
  it('paints sample type names with the chosen palette\'s highlight names, and swaps them on change', async () => {
    const { highlights, win } = fakeWin();
    await act(() => { render(<PalettePreview palette="okabe-ito" win={win} />, root); });
    expect([...highlights.keys()]).toContain('backstory-oi-person');
    expect([...highlights.keys()].every((n) => n.startsWith('backstory-oi-'))).toBe(true);
    const person = highlights.get('backstory-oi-person')!.ranges[0]!;
    expect(person.toString()).toBe(root.querySelector('[data-type=person]')!.textContent);
    await act(() => { render(<PalettePreview palette="mono" win={win} />, root); });
    expect([...highlights.keys()]).toEqual(['backstory-mono']);
    expect(highlights.get('backstory-mono')!.ranges).toHaveLength(8);
    await act(() => { render(null, root); });
    expect(highlights.size).toBe(0);
  });

  it('is hidden from screen readers and renders plain without the highlight API', async () => {
    await act(() => { render(<PalettePreview palette="default" win={{} as typeof globalThis} />, root); });
    const p = root.querySelector('.palette-preview')!;
    expect(p.getAttribute('aria-hidden')).toBe('true');
    expect(p.querySelectorAll('[data-type]')).toHaveLength(8);
  });
});
