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
