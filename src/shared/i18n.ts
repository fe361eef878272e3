// UI strings (issue #6). `t` asks the browser's i18n API first, so the reader's browser language wins; outside an
// extension (DOM tests, the CLI) it falls back to the bundled English messages, with the same placeholder rules.
// It reads the global `browser`/`chrome` namespace instead of the polyfill, which throws outside an extension.
import en from '../../assets/_locales/en/messages.json';

interface Message { message: string; placeholders?: Record<string, { content: string }> }
type I18nApi = { getMessage(key: string, subs?: string | string[]): string; getUILanguage?(): string };

const EN = en as Record<string, Message>;

function api(): I18nApi | null {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

/** Substitutes like the browsers do: named placeholders first, then `$1`…`$9`, and `$$` for a dollar sign. */
export function format(msg: Message, subs: readonly string[]): string {
  let s = msg.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = msg.placeholders?.[name.toLowerCase()];
    return ph ? ph.content : whole;
  });
  s = s.replace(/\$(\$|[1-9])/g, (_w, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  return s;
}

/** The UI string `key`, with substitutions. Unknown keys come back as the key itself, so a gap is visible. */
export function t(key: string, subs?: string | number | readonly (string | number)[]): string {
  const list = subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);
  const browserApi = api();
  if (browserApi) {
    try {
      const got = browserApi.getMessage(key, list);
      if (got) return got;
    } catch {
      // Some contexts (a page torn down mid-call) throw; the bundled English still reads fine.
    }
  }
  const msg = EN[key];
  return msg ? format(msg, list) : key;
}

/** The language the UI is shown in ("en", "tr"), for date formatting. */
export function uiLang(): string {
  const browserApi = api();
  try {
    const l = browserApi?.getUILanguage?.();
    if (l) return l;
  } catch { /* fall through */ }
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en';
}

/** Every bundled English key, for tests that check the translations are complete. */
export const MESSAGE_KEYS: readonly string[] = Object.keys(EN);
