// A preview of the three pages with a fake background, for looking at them in a plain browser page (screenshots,
// design review): `?page=sidebar#entity=Q227`, `?page=popup`, `?page=options`. Not part of the extension build.
import { render } from 'preact';
import { Sidebar } from '../../src/sidebar/Sidebar';
import { Popup } from '../../src/popup/Popup';
import { Options } from '../../src/options/Options';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import countries from 'world-atlas/countries-110m.json';
import { ALIYEV, ARTICLE, AZERBAIJAN, fakeSend } from './ui-fixtures';

const BAKU = {
  ...AZERBAIJAN, id: 'Q9248', qid: 'Q9248', name: 'Baku', type: 'city' as const,
  desc: 'Capital and largest city of Azerbaijan, on the Caspian Sea.', headline: 'Capital of Azerbaijan',
  facts: [{ label: 'Country', value: 'Azerbaijan', ref: 'Q227', src: 'fb' }, { label: 'Population', value: '2,300,000', src: 'fb' }],
  place: { iso2: 'AZ', lat: 40.41, lon: 49.87 },
};
const AZ = {
  ...AZERBAIJAN,
  headline: 'Republic; President Ilham Aliyev',
  facts: [
    { label: 'Head of state', value: 'Ilham Aliyev', ref: 'Q272945', from: '2003-10-31', src: 'fb' },
    { label: 'Head of government', value: 'Ali Asadov', from: '2019-10-08', src: 'fb', changed: 'no longer Prime Minister since 6 Feb 2026' },
    { label: 'Capital', value: 'Baku', ref: 'Q9248', src: 'fb' },
    { label: 'Population', value: '10,650,000', src: 'fb' },
  ],
  relations: [{ label: 'Member of', items: [{ id: 'Q8908', name: 'Council of Europe' }, { id: 'Q7825', name: 'OSCE' }, { id: 'Q7172', name: 'CIS' }] },
    { label: 'Neighbours', items: [{ id: 'Q399', name: 'Armenia' }, { id: 'Q230', name: 'Georgia' }, { id: 'Q794', name: 'Iran' }, { id: 'Q159', name: 'Russia' }] }],
  sources: [{ id: 'fb', name: 'CIA World Factbook', licence: 'public domain', asOf: '2024-01-01' }],
  related: ALIYEV.related,
};
const cards: Record<string, unknown> = { Q272945: ALIYEV, Q227: AZ, Q9248: BAKU };
const bg = fakeSend({
  'sidebar/state': () => (new URLSearchParams(location.search).get('empty') ? null : ARTICLE),
  'entity/card': ({ id }) => cards[id as string] ?? AZ,
  'page/close-sidebar': () => true,
  'page/focus-mention': () => true,
  'correction/set': () => true,
  'popup/status': () => ({ host: 'news.example', enabled: true, actors: 12, mentions: 31 }),
  'site/toggle': ({ enabled }) => ({ host: 'news.example', enabled, actors: 12, mentions: 31 }),
  'page/open-sidebar': () => true,
  'settings/get': () => ({ ...DEFAULT_SETTINGS, disabledSites: ['social.example'], muted: ['Q30'] }),
  'settings/set': ({ settings }) => settings,
  'corpus/list': () => [{ name: 'backstory-caucasus', stories: 67, edition: '2024.1', date: '2024-01-01', licence: 'CC BY 4.0', bundled: true }],
  'correction/list': () => [{ key: 'k', site: 'news.example', mentionText: 'Georgia', wrongId: 'Q230', rightId: null }],
});
const page = new URLSearchParams(location.search).get('page') ?? 'sidebar';
document.body.className = page;
// `&dir=rtl` previews the pages as a right-to-left UI language (Arabic, Hebrew) lays them out.
if (new URLSearchParams(location.search).get('dir') === 'rtl') document.documentElement.dir = 'rtl';
const root = document.getElementById('app')!;
if (page === 'popup') render(<Popup send={bg.send} getTabId={async () => 1} openOptions={() => {}} />, root);
else if (page === 'options') render(<Options send={bg.send} download={() => {}} confirm={() => true} />, root);
else render(<Sidebar send={bg.send} loadAtlas={() => Promise.resolve(countries)} />, root);
