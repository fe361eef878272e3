// The sidebar under jsdom with a fake background: card content, the "In this article" route, closing, corrections.
// jsdom's language is en-US, so dates read "Oct 31, 2003".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { Sidebar, parseHash } from '../../src/sidebar/Sidebar';
import { ALIYEV, ARTICLE, AZERBAIJAN, button, click, fakeSend, mount, settle, typeInto } from './ui-fixtures';

const noAtlas = () => new Promise<unknown>(() => {}); // the map never loads in these tests; ui-map tests cover it
const cards: Record<string, typeof ALIYEV> = { [ALIYEV.id]: ALIYEV, [AZERBAIJAN.id]: AZERBAIJAN };
const background = (state: unknown = ARTICLE) => fakeSend({
  'sidebar/state': () => state,
  'entity/card': ({ id }) => {
    const c = cards[id as string];
    if (!c) throw new Error(`unknown actor ${String(id)}`);
    return c;
  },
  'page/close-sidebar': () => true,
  'page/focus-mention': () => true,
  'correction/set': () => true,
});

let unmount: () => void = () => {};
beforeEach(() => { history.replaceState(null, '', '#'); });
afterEach(() => { unmount(); });

describe('parseHash', () => {
  it('reads an entity id or the article view', () => {
    expect(parseHash('#entity=Q272945')).toEqual({ entity: 'Q272945' });
    expect(parseHash('#entity=bs%3Ailham-aliyev')).toEqual({ entity: 'bs:ilham-aliyev' });
    expect(parseHash('#view=article')).toEqual({ view: 'article' });
    expect(parseHash('')).toBeNull();
  });
});

describe('card', () => {
  it('shows name, type, headline, facts with dates and the changed badge, relations, sources, link', async () => {
    history.replaceState(null, '', '#entity=Q272945');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    expect(bg.of('entity/card')[0]?.payload).toEqual({ id: 'Q272945' });
    const h1 = m.root.querySelector('h1');
    expect(h1?.textContent).toBe('Ilham Aliyev');
    expect(document.activeElement).toBe(h1);
    expect(m.root.querySelector('.card-type')?.textContent).toContain('Person');
    expect(m.root.querySelector('.card-headline')?.textContent).toBe('President of Azerbaijan since 31 October 2003');
    const dts = [...m.root.querySelectorAll('.facts dt')].map((d) => d.textContent);
    expect(dts).toEqual(['Office', 'Party', 'Earlier office']);
    const facts = m.root.querySelectorAll('.facts dd');
    expect(facts[0]?.textContent).toMatch(/President of Azerbaijan · since Oct 31, 2003/);
    expect(facts[2]?.querySelector('[data-changed]')?.textContent).toBe('no longer Prime Minister since 4 Nov 2003');
    expect(facts[0]?.querySelector('[data-changed]')).toBeNull();
    expect(m.root.querySelector('#card-facts')?.textContent).toContain('as of Jan 15, 2024');
    expect(m.root.querySelector('.sources')?.textContent).toContain('Wikidata (data as of Jan 1, 2024), CC0');
    const link = m.root.querySelector<HTMLAnchorElement>('.card-foot a');
    expect(link?.href).toBe('https://www.wikidata.org/wiki/Q272945');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toContain('noopener');
    // The live region announces the card for screen readers.
    expect(m.root.querySelector('[aria-live="polite"]')?.textContent).toBe('Card: Ilham Aliyev');
  });

  it('opens a related card from a relation button and goes back', async () => {
    history.replaceState(null, '', '#entity=Q272945');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    await click(m.root.querySelector('.relation button'));
    expect(bg.of('entity/card').at(-1)?.payload).toEqual({ id: 'Q227' });
    expect(m.root.querySelector('h1')?.textContent).toBe('Azerbaijan');
    await click(button(m.root, 'Back'));
    expect(m.root.querySelector('h1')?.textContent).toBe('Ilham Aliyev');
  });

  it('counts mentions in this article and focuses the right one in the page', async () => {
    history.replaceState(null, '', '#entity=Q272945');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    expect(m.root.querySelector('.mentions-line')?.textContent).toContain('Mentions: 2');
    // Aliyev's mentions are the 1st and 3rd of the article (indices 0 and 2).
    await click(button(m.root, 'Show mention 2 of 2 in the article'));
    expect(bg.of('page/focus-mention').map((c) => c.payload)).toEqual([{ index: 2 }]);
  });

  it('draws the related stories around the article date, before then after', async () => {
    history.replaceState(null, '', '#entity=Q272945');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    const items = [...m.root.querySelectorAll('.stories-timeline li .story-title')].map((e) => e.textContent);
    expect(items).toEqual(['Ceasefire agreed in Karabakh', 'This article', 'Peace talks resume']);
    // The card's own actor is not repeated among the story's other actors.
    expect(m.root.querySelector('.stories-timeline .story-shared')?.textContent).toBe('Also about: Azerbaijan');
    expect(m.root.querySelector('svg.timeline')?.getAttribute('data-stories')).toBe('2');
  });

  it('sends a correction: another actor from the alternatives, or "not an actor"', async () => {
    history.replaceState(null, '', '#entity=Q272945');
    const bg = fakeSend({
      'sidebar/state': () => ARTICLE,
      'entity/card': ({ id }) => (id === 'Q297925' ? { ...ALIYEV, id: 'Q297925', name: 'Heydar Aliyev' } : ALIYEV),
      'correction/set': () => true,
    });
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    const toggle = button(m.root, 'Not this one?');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    const radios = [...m.root.querySelectorAll<HTMLInputElement>('.correction-form input[type=radio]')];
    expect(radios.map((r) => r.parentElement?.textContent)).toEqual(['Heydar Aliyev', 'Not an actor here']);
    await click(radios[0]);
    await act(() => { m.root.querySelector<HTMLFormElement>('.correction-form')!.requestSubmit(); });
    await settle();
    expect(bg.of('correction/set').map((c) => c.payload)).toEqual([
      { mentionText: 'Ilham Aliyev', wrongId: 'Q272945', rightId: 'Q297925' },
    ]);
    expect(m.root.querySelector('.correction [role=status]')?.textContent).toMatch(/Thanks/);
  });

  it('shows an error (role=alert) when a card cannot be loaded', async () => {
    history.replaceState(null, '', '#entity=Q999');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    expect(m.root.querySelector('[role=alert]')?.textContent).toContain('unknown actor Q999');
  });
});

describe('In this article', () => {
  it('groups actors by type with counts, in type order', async () => {
    history.replaceState(null, '', '#view=article');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    expect(bg.of('entity/card')).toHaveLength(0);
    expect(m.root.querySelector('h1')?.textContent).toBe('In this article');
    const groups = [...m.root.querySelectorAll('.type-group')].map((g) => [
      g.getAttribute('data-type'),
      [...g.querySelectorAll('.actor-name')].map((n) => n.textContent),
    ]);
    expect(groups).toEqual([
      ['country', ['Armenia', 'Azerbaijan']],
      ['city', ['Baku']],
      ['person', ['Ilham Aliyev']],
    ]);
    const aliyev = m.root.querySelector('[data-id="Q272945"]');
    expect(aliyev?.textContent).toContain('mentions: 2');
    expect(m.root.querySelector('.type-group[data-type=country] h2')?.textContent).toMatch(/Countries\s*2/);
  });

  it('filters by name, ignoring case and diacritics', async () => {
    history.replaceState(null, '', '#view=article');
    const bg = background({ ...ARTICLE, entities: [...ARTICLE.entities, { id: 'Q39723', name: 'Recep Tayyip Erdoğan', type: 'person', count: 1 }] });
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    const input = m.root.querySelector<HTMLInputElement>('#actor-filter')!;
    expect(m.root.querySelector('label[for=actor-filter]')?.textContent).toBe('Filter actors');
    await typeInto(input, 'ERDOGAN');
    expect([...m.root.querySelectorAll('.actor-name')].map((n) => n.textContent)).toEqual(['Recep Tayyip Erdoğan']);
    await typeInto(input, 'zzz');
    expect(m.root.querySelectorAll('.actor-btn')).toHaveLength(0);
    expect(m.root.textContent).toContain('No actor matches “zzz”.');
  });

  it('opens the card of the button pressed and marks it current', async () => {
    history.replaceState(null, '', '#view=article');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    await click(m.root.querySelector('[data-id="Q227"]'));
    expect(bg.of('entity/card').map((c) => c.payload)).toEqual([{ id: 'Q227' }]);
    expect(m.root.querySelector('h1')?.textContent).toBe('Azerbaijan');
    expect(m.root.querySelector('[data-id="Q227"]')?.getAttribute('aria-current')).toBe('true');
    expect(m.root.querySelector('h2#in-article')).not.toBeNull();
    // One mention: one button, and it points at the article's 2nd mention (index 1).
    await click(button(m.root, 'Show in the article'));
    expect(bg.of('page/focus-mention').map((c) => c.payload)).toEqual([{ index: 1 }]);
  });

  it('lists possible mentions, related stories with shared actors named, and history', async () => {
    history.replaceState(null, '', '#view=article');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    expect(m.root.querySelector('.possible button')?.textContent).toBe('“Georgia”'); // no name known for Q230 in this article
    const related = m.root.querySelector('[aria-labelledby=related]');
    expect(related?.querySelector('.story-title')?.textContent).toBe('Border commission meets');
    expect(related?.querySelector('.story-shared')?.textContent).toBe('Also about: Azerbaijan, Armenia');
    expect(m.root.querySelector('[aria-labelledby=you-read] .story-title')?.textContent).toBe('What I read last week');
  });

  it('follows hash changes from the content script', async () => {
    history.replaceState(null, '', '#view=article');
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    await act(() => {
      history.replaceState(null, '', '#entity=Q272945');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await settle();
    expect(m.root.querySelector('h1')?.textContent).toBe('Ilham Aliyev');
  });
});

describe('closing and empty states', () => {
  it('Esc and the close button ask the page to close the sidebar', async () => {
    const bg = background();
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    await act(() => { document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); });
    await settle();
    expect(bg.of('page/close-sidebar')).toHaveLength(1);
    await click(button(m.root, 'Close sidebar'));
    expect(bg.of('page/close-sidebar')).toHaveLength(2);
    // Esc in a filter that has text does not close: it clears the filter first.
    const filter = m.root.querySelector<HTMLInputElement>('#actor-filter')!;
    await typeInto(filter, 'baku');
    await act(() => { filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); });
    expect(bg.of('page/close-sidebar')).toHaveLength(2);
  });

  it('says there is no article when opened on its own', async () => {
    const bg = background(null);
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    expect(m.root.querySelector('h1')?.textContent).toBe('No article here');
    expect(m.root.querySelector('.actor-btn')).toBeNull();
  });

  it('says so when an article has no actors', async () => {
    const bg = background({ ...ARTICLE, mentions: [], entities: [], possible: [], related: [] });
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    expect(m.root.textContent).toContain('No known actors were found in this article.');
  });

  it('opens the page\'s last selection when no entity is in the hash', async () => {
    const bg = background({ ...ARTICLE, selected: 'Q227' });
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    expect(m.root.querySelector('h1')?.textContent).toBe('Azerbaijan');
  });
});

describe('card after the data ends', () => {
  it('says an office is known only up to the data', async () => {
    history.replaceState(null, '', '#entity=Q272945');
    const later = { ...ALIYEV, facts: [{ ...ALIYEV.facts[0]!, beyond: "as of 22 Jan 2026, the latest in Backstory's data" }, ...ALIYEV.facts.slice(1)] };
    const bg = fakeSend({ 'sidebar/state': () => ARTICLE, 'entity/card': () => later });
    const m = await mount(<Sidebar send={bg.send} loadAtlas={noAtlas} />);
    unmount = m.unmount;
    const dd = m.root.querySelectorAll('.facts dd');
    expect(dd[0]?.querySelector('[data-beyond]')?.textContent).toBe(" (as of 22 Jan 2026, the latest in Backstory's data)");
    expect(dd[1]?.querySelector('[data-beyond]')).toBeNull();
  });
});
