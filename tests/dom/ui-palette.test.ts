// Issue #6: the options page's highlight palettes really differ in the page. Each palette registers its own
// highlight names, and content.css gives each name its own rule.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Highlighter } from '../../src/content/highlighter';
import type { ActorType } from '../../src/core/types';
import { ACTOR_TYPES } from '../../src/core/types';
import { fakeHighlights } from './content-helpers';

const CSS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/content/content.css'), 'utf8');

/** The declarations of `::highlight(name)`, or null when content.css has no rule for it. */
function ruleOf(name: string): string | null {
  const m = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(CSS);
  return m ? m[1]!.trim() : null;
}

function namesFor(palette: string, types: readonly ActorType[]): string[] {
  document.body.innerHTML = '<p>x</p>';
  const text = document.querySelector('p')!.firstChild!;
  const range = new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 });
  const { registry, env } = fakeHighlights();
  new Highlighter(env).render(types.map((type) => ({ type, range })), palette);
  return [...registry.keys()].sort();
}

describe('highlight palettes', () => {
  it('registers per-palette names', () => {
    expect(namesFor('default', ['person', 'city'])).toEqual(['backstory-city', 'backstory-person']);
    expect(namesFor('okabe-ito', ['person', 'city'])).toEqual(['backstory-oi-city', 'backstory-oi-person']);
    expect(namesFor('mono', ['person', 'city'])).toEqual(['backstory-mono']);
  });

  it('switching palette replaces the names of the previous one', () => {
    document.body.innerHTML = '<p>x</p>';
    const text = document.querySelector('p')!.firstChild!;
    const range = new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 });
    const { registry, env } = fakeHighlights();
    const h = new Highlighter(env);
    h.render([{ type: 'country', range }], 'default');
    h.render([{ type: 'country', range }], 'okabe-ito');
    expect([...registry.keys()]).toEqual(['backstory-oi-country']);
  });

  it('content.css paints every type differently under default and okabe-ito, and has the mono rule', () => {
    for (const t of ACTOR_TYPES) {
      const [d] = namesFor('default', [t]);
      const [oi] = namesFor('okabe-ito', [t]);
      expect(ruleOf(d!), d).not.toBeNull();
      expect(ruleOf(oi!), oi).not.toBeNull();
      expect(ruleOf(oi!), t).not.toBe(ruleOf(d!));
    }
    expect(ruleOf('backstory-mono')).toContain('background-color');
  });

  it('okabe-ito gives each type (but "other") a distinct colour + underline pair', () => {
    const rules = ACTOR_TYPES.filter((t) => t !== 'other').map((t) => ruleOf(`backstory-oi-${t}`));
    expect(new Set(rules).size).toBe(rules.length);
  });
});

// Every highlight must read on a light page and on a dark one: either its underline has at least 3:1 contrast with
// the page (WCAG 1.4.11, non-text contrast), or its background tint differs from the page by a colour difference
// (CIE76 ΔE in Lab) of at least 10, clearly visible (a tint is seen by its hue as much as by its luminance).
type Rgba = [number, number, number, number];
const rgba = (s: string): Rgba => {
  const n = s.match(/[\d.]+/g)!.map(Number);
  return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
};
const lum = ([r, g, b]: Rgba): number => {
  const c = (v: number): number => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
};
const contrast = (a: Rgba, b: Rgba): number => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };
const lab = ([r, g, b]: Rgba): [number, number, number] => {
  const c = (v: number): number => { const x = v / 255; return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
  const [R, G, B] = [c(r), c(g), c(b)];
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const X = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047), Y = f(0.2126 * R + 0.7152 * G + 0.0722 * B), Z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
  return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)];
};
const deltaE = (a: Rgba, b: Rgba): number => { const [p, q] = [lab(a), lab(b)]; return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]); };
const over = (fg: Rgba, bg: Rgba): Rgba => [0, 1, 2].map((i) => fg[i]! * fg[3] + bg[i]! * (1 - fg[3])).concat(1) as Rgba;

describe('highlights on light and dark pages', () => {
  const names = [...ACTOR_TYPES.flatMap((t) => [...namesFor('default', [t]), ...namesFor('okabe-ito', [t])]), 'backstory-mono', 'backstory-hover', 'backstory-focus'];
  for (const [page, bg] of [['white', [255, 255, 255, 1]], ['dark', [18, 18, 18, 1]]] as const) {
    it.each(names)(`%s is visible on a ${page} page`, (name) => {
      const rule = ruleOf(name)!;
      const back = /background-color:\s*(rgba?\([^)]*\))/.exec(rule)?.[1];
      const line = /text-decoration:[^;]*?(rgba?\([^)]*\))/.exec(rule)?.[1];
      const tint = back ? deltaE(over(rgba(back), [...bg]), [...bg]) : 0;
      const underline = line ? contrast(over(rgba(line), [...bg]), [...bg]) : 1;
      expect(tint >= 10 || underline >= 3, `${name}: tint ${tint.toFixed(2)}, underline ${underline.toFixed(2)}`).toBe(true);
    });
  }
});
