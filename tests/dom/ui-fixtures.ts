// Fixtures and helpers for the DOM tests of the three pages. The card and article below are written here for the
// tests (facts paraphrased from public records, dates checked by hand); they are not produced by the card builder.
import { act } from 'preact/test-utils';
import { render, type ComponentChild } from 'preact';
import type { Card } from '../../src/core/card';
import type { ArticleState } from '../../src/shared/protocol';
import { makeSend } from '../../src/shared/messaging';

export const ALIYEV: Card = {
  id: 'Q272945',
  qid: 'Q272945',
  name: 'Ilham Aliyev',
  type: 'person',
  desc: 'Azerbaijani politician, son of Heydar Aliyev.',
  headline: 'President of Azerbaijan since 31 October 2003',
  asOf: '2024-01-15',
  facts: [
    { label: 'Office', value: 'President of Azerbaijan', from: '2003-10-31', src: 'wd' },
    { label: 'Party', value: 'New Azerbaijan Party', ref: 'Q1261490', src: 'wd' },
    { label: 'Earlier office', value: 'Prime Minister of Azerbaijan', from: '2003-08-04', until: '2003-11-04', src: 'wd',
      changed: 'no longer Prime Minister since 4 Nov 2003' },
  ],
  relations: [
    { label: 'Leader of', items: [{ id: 'Q227', name: 'Azerbaijan' }] },
    { label: 'Parent', items: [{ id: 'Q297925', name: 'Heydar Aliyev' }] },
  ],
  sources: [{ id: 'wd', name: 'Wikidata', licence: 'CC0', asOf: '2024-01-01' }],
  link: { href: 'https://www.wikidata.org/wiki/Q272945', label: 'Wikidata: Ilham Aliyev' },
  related: [
    { id: 's1', title: 'Ceasefire agreed in Karabakh', url: 'https://example.org/a', source: 'Example Wire', published: '2020-11-10',
      score: 0.9, shared: ['Q272945', 'Q227'], when: 'before', origin: 'corpus' },
    { id: 's2', title: 'Peace talks resume', url: null, source: 'Example Wire', published: '2024-03-01',
      score: 0.5, shared: ['Q227'], when: 'after', origin: 'corpus' },
  ],
};

export const AZERBAIJAN: Card = {
  id: 'Q227', qid: 'Q227', name: 'Azerbaijan', type: 'country', desc: 'Country in the South Caucasus, on the Caspian Sea.',
  headline: null, asOf: '2024-01-15',
  facts: [{ label: 'Capital', value: 'Baku', ref: 'Q9248', src: 'fb' }],
  relations: [], sources: [{ id: 'fb', name: 'CIA World Factbook', licence: 'Public domain' }],
  link: { href: 'https://www.wikidata.org/wiki/Q227', label: 'Wikidata: Azerbaijan' }, related: [],
};

export const ARTICLE: ArticleState = {
  article: { title: 'Talks in Baku', byline: null, siteName: 'Example News', lang: 'en', dir: 'ltr',
    published: '2024-01-15', url: 'https://news.example/talks', excerpt: null },
  mentions: [
    { start: 0, end: 12, text: 'Ilham Aliyev', entityId: 'Q272945', score: 0.95 },
    { start: 20, end: 30, text: 'Azerbaijan', entityId: 'Q227', score: 0.9 },
    { start: 40, end: 46, text: 'Aliyev', entityId: 'Q272945', score: 0.8, alt: ['Q297925'] },
    { start: 50, end: 57, text: 'Armenia', entityId: 'Q399', score: 0.9 },
    { start: 60, end: 64, text: 'Baku', entityId: 'Q9248', score: 0.9 },
  ],
  entities: [
    { id: 'Q272945', name: 'Ilham Aliyev', type: 'person', count: 2 },
    { id: 'Q227', name: 'Azerbaijan', type: 'country', count: 1 },
    { id: 'Q399', name: 'Armenia', type: 'country', count: 1 },
    { id: 'Q9248', name: 'Baku', type: 'city', count: 1 },
  ],
  possible: [{ start: 70, end: 77, text: 'Georgia', entityId: 'Q230', score: 0.3 }],
  related: [
    { id: 'r1', title: 'Border commission meets', url: 'https://example.org/r1', source: 'Corpus', published: '2023-12-01',
      score: 0.8, shared: ['Q227', 'Q399'], when: 'before', origin: 'corpus' },
    { id: 'h1', title: 'What I read last week', url: 'https://news.example/old', source: 'news.example', published: '2024-01-08',
      score: 0.7, shared: ['Q227'], when: 'before', origin: 'history' },
  ],
  selected: null,
};

export type Call = { type: string; payload: Record<string, unknown> };
type Handler = (payload: Record<string, unknown>) => unknown;

/** A fake background: replies from `handlers` as `Result`s (a thrown Error becomes `{ ok: false }`), records calls. */
export function fakeSend(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const send = makeSend(async (m) => {
    calls.push(m as Call);
    const h = handlers[m.type];
    if (!h) return { ok: false, error: `no handler for ${m.type}` };
    try {
      return { ok: true, value: await h(m.payload as Record<string, unknown>) };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  });
  return { send, calls, of: (type: string) => calls.filter((c) => c.type === type) };
}

/** Lets pending promises and Preact's batched renders settle. */
export async function settle(rounds = 3) {
  for (let i = 0; i < rounds; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

export async function mount(node: ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => { render(node, root); });
  await settle();
  return {
    root,
    unmount: () => { render(null, root); root.remove(); },
  };
}

export async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  await act(() => { (el as HTMLElement).click(); });
  await settle();
}

/** The button whose accessible text (text content or aria-label) matches. */
export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => {
    const n = b.getAttribute('aria-label') ?? b.textContent ?? '';
    return typeof name === 'string' ? n.trim() === name : name.test(n);
  });
}

/** The form control labelled `text` (by <label for>, or by a wrapping <label>). */
export function control<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string | RegExp): T | undefined {
  for (const l of root.querySelectorAll('label')) {
    const txt = l.textContent?.trim() ?? '';
    if (typeof text === 'string' ? txt !== text && !txt.startsWith(text) : !text.test(txt)) continue;
    const el = l.htmlFor ? (root as Document | Element).querySelector(`[id="${l.htmlFor}"]`) : l.querySelector('input,select,textarea');
    if (el) return el as T;
  }
  return undefined;
}

export async function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string, event: 'input' | 'change' = 'input') {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
  await settle();
}
