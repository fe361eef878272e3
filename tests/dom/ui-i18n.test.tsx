// UI strings: the English fallback, placeholder substitution, the browser API when present, and a complete `tr`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, format, t } from '../../src/shared/i18n';

const here = dirname(fileURLToPath(import.meta.url));
const localesDir = join(here, '../../assets/_locales/');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (lang: string) => JSON.parse(readFileSync(`${localesDir}${lang}/messages.json`, 'utf8')) as Messages;
const g = globalThis as { chrome?: unknown };

afterEach(() => { delete g.chrome; });

describe('t', () => {
  it('falls back to bundled English with substitutions', () => {
    expect(t('cardAsOf', '15 Jan 2024')).toBe('as of 15 Jan 2024');
    expect(t('cardShowMention', [2, 5])).toBe('Show mention 2 of 5 in the article');
    expect(t('no-such-key')).toBe('no-such-key');
  });

  it('substitutes like the browsers: named placeholders, $n, $$', () => {
    expect(format({ message: 'Cost: $$$AMOUNT$ ($1)', placeholders: { amount: { content: '$2' } } }, ['a', '5'])).toBe('Cost: $5 (a)');
  });

  it('asks browser.i18n first and uses its answer', () => {
    const asked: unknown[] = [];
    g.chrome = { i18n: { getMessage: (k: string, s: string[]) => { asked.push([k, s]); return k === 'extName' ? 'Arka Plan' : ''; } } };
    expect(t('extName')).toBe('Arka Plan');
    expect(t('cardAsOf', 'x')).toBe('as of x'); // an empty answer falls back to English
    expect(asked).toEqual([['extName', []], ['cardAsOf', ['x']]]);
  });
});

describe('locales', () => {
  const en = read('en');
  it('has the manifest keys', () => {
    for (const k of ['extName', 'extDescription', 'cmdToggleSidebar', 'cmdNextActor', 'cmdPrevActor']) expect(en[k]?.message).toBeTruthy();
  });

  it('every locale translates every key with the same placeholders', () => {
    const langs = readdirSync(localesDir);
    expect(langs).toEqual(expect.arrayContaining(['en', 'tr']));
    for (const lang of langs) {
      const m = read(lang);
      expect(Object.keys(m).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en)) {
        expect(Object.keys(m[k]!.placeholders ?? {}).sort(), `${lang}:${k}`).toEqual(Object.keys(v.placeholders ?? {}).sort());
        expect(m[k]!.message.trim(), `${lang}:${k}`).not.toBe('');
      }
    }
    expect(read('tr').popupOpenSidebar?.message).toBe('Kenar çubuğunu aç');
  });

  it('names every key the pages use', () => {
    const used = new Set<string>();
    const src = join(here, '../../src/');
    for (const dir of ['sidebar', 'popup', 'options', 'ui', 'ui/map']) {
      for (const f of readdirSync(src + dir).filter((x) => /\.tsx?$/.test(x))) {
        const text = readFileSync(`${src}${dir}/${f}`, 'utf8');
        for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !MESSAGE_KEYS.includes(k))).toEqual([]);
  });
});
