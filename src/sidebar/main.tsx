// Entry of sidebar.html: wires the real messaging and the bundled map data into the Sidebar.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { makeSend } from '../shared/messaging';
import { uiLang } from '../shared/i18n';
import { Sidebar } from './Sidebar';
import countries110m from 'world-atlas/countries-110m.json';

const send = makeSend((m) => browser.runtime.sendMessage(m));
// Natural Earth 1:110m countries (world-atlas, ISC), ~105 KB: bundled, because parsing it as a literal costs about a
// millisecond, while turning it into shapes (the real work) only happens when a place card is first shown.
const loadAtlas = () => Promise.resolve(countries110m as unknown);

document.documentElement.lang = uiLang();
// Chrome and Firefox predefine @@bidi_dir for the UI language; the English fallback has no such key.
const dir = browser.i18n.getMessage('@@bidi_dir');
if (dir === 'rtl' || dir === 'ltr') document.documentElement.dir = dir;
const root = document.getElementById('app');
if (root) render(<Sidebar send={send} loadAtlas={loadAtlas} />, root);
