// Entry of options.html.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { makeSend } from '../shared/messaging';
import { uiLang } from '../shared/i18n';
import { Options } from './Options';

const send = makeSend((m) => browser.runtime.sendMessage(m));

/** Offers text as a file: a temporary object URL on an <a download>, revoked right after. */
function download(filename: string, text: string, mime: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

document.documentElement.lang = uiLang();
const root = document.getElementById('app');
if (root) render(<Options send={send} download={download} confirm={(q) => window.confirm(q)} />, root);
