// The options page with a fake background: settings round trip (including an old stored version), imports
// that fail, history export/clear, corrections undo.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { Options } from '../../src/options/Options';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import type { CorpusInfo, CorrectionInfo } from '../../src/shared/protocol';
import { button, click, control, fakeSend, mount, settle, typeInto } from './ui-fixtures';

let unmount: () => void = () => {};
afterEach(() => unmount());

const BUNDLED: CorpusInfo = { name: 'backstory-caucasus', stories: 67, edition: '1', date: '2024-01-01', licence: 'CC BY 4.0', bundled: true };

function backgroundWith(stored: unknown, extra: Record<string, (p: Record<string, unknown>) => unknown> = {}) {
  let current: unknown = stored;
  const corrections: CorrectionInfo[] = [
    { key: 'k1', site: 'news.example', mentionText: 'Georgia', wrongId: 'Q230', rightId: null },
  ];
  const bg = fakeSend({
    'settings/get': () => current,
    'settings/set': ({ settings }) => { current = settings; return settings; },
    'corpus/list': () => [BUNDLED],
    'correction/list': () => corrections,
    'correction/remove': ({ key }) => { corrections.splice(corrections.findIndex((c) => c.key === key), 1); return true; },
    ...extra,
  });
  return { ...bg, stored: () => current as Settings };
}

const noop = () => {};
async function setFiles(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(() => { input.dispatchEvent(new Event('change', { bubbles: true })); });
  await settle(5);
}

describe('options: settings', () => {
  it('renders settings stored by version 1 and saves them whole at the current version', async () => {
    // A version-1 object as an older build stored it: no hoverTooltip, a reader's own choices.
    const v1 = { version: 1, runOn: 'ask', disabledSites: ['a.example'], listedSites: [], types: ['country', 'person'],
      firstOnly: true, muted: ['Q30'], palette: 'okabe-ito', sidebarSide: 'left', sidebarWidth: 420,
      history: { enabled: true, keepText: false, maxItems: 2000 } };
    const bg = backgroundWith(v1);
    const m = await mount(<Options send={bg.send} download={noop} confirm={() => true} />);
    unmount = m.unmount;
    expect(control(m.root, 'Only when I ask')?.checked).toBe(true);
    expect(control(m.root, 'Countries')?.checked).toBe(true);
    expect(control(m.root, 'Cities')?.checked).toBe(false);
    expect(control(m.root, 'Only the first mention of each actor')?.checked).toBe(true);
    expect(control(m.root, /^Okabe–Ito/)?.checked).toBe(true);
    expect(control<HTMLSelectElement>(m.root, 'Side')?.value).toBe('left');
    expect(control(m.root, 'Width')?.value).toBe('420');
    expect(m.root.querySelector('.opt-list code')?.textContent).toBe('Q30');

    await click(control(m.root, 'Cities'));
    const saved = bg.of('settings/set').at(-1)?.payload.settings as Settings;
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, ...v1, version: DEFAULT_SETTINGS.version, hoverTooltip: true,
      types: ['country', 'city', 'person'] });
    expect(m.root.querySelector('[role=status].opt-status')?.textContent).toBe('Saved.');
  });

  it('saves each kind of control', async () => {
    const bg = backgroundWith({ ...DEFAULT_SETTINGS });
    const m = await mount(<Options send={bg.send} download={noop} confirm={() => true} />);
    unmount = m.unmount;
    await click(control(m.root, 'Only on the sites listed below'));
    expect(bg.stored().runOn).toBe('listed');
    await typeInto(control<HTMLTextAreaElement>(m.root, 'Sites to run on')!, 'news.example\nhttps://www.other.example/path', 'input');
    await typeInto(control<HTMLTextAreaElement>(m.root, 'Sites to run on')!, 'news.example\nhttps://www.other.example/path', 'change');
    expect(bg.stored().listedSites).toEqual(['news.example', 'www.other.example']);
    await click(control(m.root, /^Underline only/));
    expect(bg.stored().palette).toBe('mono');
    await typeInto(control(m.root, 'Width')!, '9999', 'change');
    expect(bg.stored().sidebarWidth).toBe(720);
    await typeInto(control(m.root, 'Mute an actor by id')!, 'Q227');
    await act(() => { m.root.querySelector<HTMLFormElement>('.opt-inline')!.requestSubmit(); });
    await settle();
    expect(bg.stored().muted).toEqual(['Q227']);
    await typeInto(control(m.root, 'Mute an actor by id')!, 'not an id');
    await act(() => { m.root.querySelector<HTMLFormElement>('form.opt-inline')!.requestSubmit(); });
    await settle();
    expect(m.root.querySelector('#mute-error[role=alert]')?.textContent).toContain('“not an id” is not an actor id');
    expect(bg.stored().muted).toEqual(['Q227']);
    await click(control(m.root, 'Also keep the full text of articles'));
    expect(bg.stored().history.keepText).toBe(true);
  });

  it('puts the old value back and announces the error when saving fails', async () => {
    const bg = backgroundWith({ ...DEFAULT_SETTINGS }, { 'settings/set': () => { throw new Error('storage is full'); } });
    const m = await mount(<Options send={bg.send} download={noop} confirm={() => true} />);
    unmount = m.unmount;
    await click(control(m.root, 'Only when I ask'));
    expect(m.root.querySelector('[role=alert]')?.textContent).toContain('storage is full');
    expect(control(m.root, 'On every article page')?.checked).toBe(true);
  });
});

describe('options: data', () => {
  it('a bad corpus file shows the background\'s error and leaves the list as it was', async () => {
    const bg = backgroundWith(DEFAULT_SETTINGS, { 'corpus/import': () => { throw new Error('line 3: missing "published"'); } });
    const m = await mount(<Options send={bg.send} download={noop} confirm={() => true} />);
    unmount = m.unmount;
    const before = m.root.querySelector('ul[aria-labelledby=sec-corpora]')?.textContent;
    await setFiles(control(m.root, 'Import a collection')!, [new File(['{"not":"a corpus"}'], 'bad.json')]);
    expect(bg.of('corpus/import').map((c) => c.payload)).toEqual([{ name: 'bad.json', text: '{"not":"a corpus"}' }]);
    expect(m.root.querySelector('#sec-corpora')?.closest('section')?.querySelector('[role=alert]')?.textContent)
      .toContain('line 3: missing "published"');
    expect(m.root.querySelector('ul[aria-labelledby=sec-corpora]')?.textContent).toBe(before);
    expect(bg.of('corpus/list')).toHaveLength(1);
  });

  it('a good corpus import reloads the list; a pack import lists the pack', async () => {
    const mine: CorpusInfo = { name: 'mine.json', stories: 3, edition: '2', date: '2024-02-01', licence: 'CC0', bundled: false };
    let list = [BUNDLED];
    const bg = backgroundWith(DEFAULT_SETTINGS, {
      'corpus/list': () => list,
      'corpus/import': () => { list = [BUNDLED, mine]; return mine; },
      'pack/import': ({ name }) => ({ name, actors: 12 }),
    });
    const m = await mount(<Options send={bg.send} download={noop} confirm={() => true} />);
    unmount = m.unmount;
    await setFiles(control(m.root, 'Import a collection')!, [new File(['{}'], 'mine.json')]);
    expect(m.root.querySelector('ul[aria-labelledby=sec-corpora]')?.textContent).toContain('mine.json');
    expect(button(m.root, 'Remove mine.json')).toBeDefined();
    expect(button(m.root, 'Remove backstory-caucasus')).toBeUndefined(); // bundled corpora stay
    await setFiles(control(m.root, 'Import a pack')!, [new File(['{}'], 'pack.json')]);
    expect(m.root.querySelector('ul[aria-labelledby=sec-packs]')?.textContent).toContain('actors: 12');
  });

  it('lists the packs imported on an earlier visit', async () => {
    const bg = backgroundWith(DEFAULT_SETTINGS, { 'pack/list': () => [{ name: 'ganja-pack', actors: 7 }] });
    const m = await mount(<Options send={bg.send} download={noop} confirm={() => true} />);
    unmount = m.unmount;
    expect(m.root.querySelector('ul[aria-labelledby=sec-packs]')?.textContent).toContain('ganja-pack');
    expect(button(m.root, 'Remove ganja-pack')).toBeDefined();
  });

  it('exports history as a JSONL download, imports a file, and clears only after confirming', async () => {
    const downloads: [string, string, string][] = [];
    let answer = false;
    const bg = backgroundWith(DEFAULT_SETTINGS, {
      'history/export': () => '{"id":"a"}\n',
      'history/import': ({ jsonl }) => ({ imported: String(jsonl).trim().split('\n').length }),
      'history/clear': () => true,
    });
    const m = await mount(<Options send={bg.send} download={(...a) => downloads.push(a)} confirm={() => answer} />);
    unmount = m.unmount;
    await click(button(m.root, 'Export history (JSONL)'));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.[0]).toMatch(/^backstory-history-\d{4}-\d{2}-\d{2}\.jsonl$/);
    expect(downloads[0]?.[1]).toBe('{"id":"a"}\n');
    await setFiles(control(m.root, 'Import history file')!, [new File(['{"id":"x"}\n{"id":"y"}\n'], 'h.jsonl')]);
    expect(m.root.textContent).toContain('Imported articles: 2');
    await click(button(m.root, 'Clear history…'));
    expect(bg.of('history/clear')).toHaveLength(0);
    answer = true;
    await click(button(m.root, 'Clear history…'));
    expect(bg.of('history/clear')).toHaveLength(1);
    expect(m.root.textContent).toContain('History cleared.');
  });

  it('lists corrections and undoes one', async () => {
    const bg = backgroundWith(DEFAULT_SETTINGS);
    const m = await mount(<Options send={bg.send} download={noop} confirm={() => true} />);
    unmount = m.unmount;
    expect(m.root.querySelector('ul[aria-labelledby=sec-corrections]')?.textContent).toContain('“Georgia”: not Q230, not an actor');
    await click(button(m.root, 'Undo the correction of “Georgia”'));
    expect(bg.of('correction/remove').map((c) => c.payload)).toEqual([{ key: 'k1' }]);
    expect(m.root.querySelector('ul[aria-labelledby=sec-corrections]')).toBeNull();
    expect(m.root.textContent).toContain('No corrections yet.');
  });

  it('labels every control', async () => {
    const bg = backgroundWith({ ...DEFAULT_SETTINGS, runOn: 'listed', disabledSites: ['x.example'] });
    const m = await mount(<Options send={bg.send} download={noop} confirm={() => true} />);
    unmount = m.unmount;
    const unlabelled = [...m.root.querySelectorAll('input, select, textarea')].filter((el) => {
      const id = el.getAttribute('id');
      return !el.closest('label') && !(id && m.root.querySelector(`label[for="${id}"]`)) && !el.getAttribute('aria-label');
    });
    expect(unlabelled.map((e) => e.outerHTML)).toEqual([]);
    expect(m.root.querySelectorAll('input, select, textarea').length).toBeGreaterThan(15);
  });
});
