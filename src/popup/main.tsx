// Entry of popup.html.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { makeSend } from '../shared/messaging';
import { uiLang } from '../shared/i18n';
import { Popup } from './Popup';

const send = makeSend((m) => browser.runtime.sendMessage(m));
// The active tab's id needs no `tabs` permission; its URL is read by the background under activeTab.
const getTabId = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;

document.documentElement.lang = uiLang();
const root = document.getElementById('app');
if (root) {
  render(
    <Popup send={send} getTabId={getTabId} done={() => window.close()}
      openOptions={() => { void browser.runtime.openOptionsPage(); window.close(); }} />,
    root,
  );
}
