// The one adapter to the WebExtension APIs (issue #2, item 1). Every context imports `browser` from here,
// never from `chrome` or the polyfill directly, so tests and the core stay free of browser globals.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
