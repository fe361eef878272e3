// The per-browser manifests that `npm run build` writes from the one source manifest.json (issue #2 item 1, #7).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from './harness/paths';

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const chrome = read(DIST.chrome);
const firefox = read(DIST.firefox);
const SIDEBAR = ['sidebar.html', 'sidebar.js', 'sidebar.css'];

/** Every file a manifest names. */
function namedFiles(m: any): string[] {
  const files = [
    ...Object.values(m.icons ?? {}),
    ...Object.values(m.action?.default_icon ?? {}),
    m.action?.default_popup,
    m.options_ui?.page,
    m.background?.service_worker,
    ...(m.background?.scripts ?? []),
    ...m.content_scripts.flatMap((c: any) => [...(c.js ?? []), ...(c.css ?? [])]),
    ...m.web_accessible_resources.flatMap((w: any) => w.resources),
  ];
  return [...new Set(files.filter(Boolean) as string[])];
}

describe.each([
  ['chrome', DIST.chrome, chrome],
  ['firefox', DIST.firefox, firefox],
] as const)('%s manifest', (_name, dir, m) => {
  it('is MV3 with only the storage permission and no host permissions', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
  });

  it('names only files that are in the build', () => {
    expect(namedFiles(m).filter((f) => !existsSync(join(dir, f)))).toEqual([]);
  });

  it('runs the content script at document_idle on http(s) pages', () => {
    expect(m.content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['content.js'], css: ['content.css'], run_at: 'document_idle', all_frames: true },
    ]);
  });

  it('exposes only the sidebar to web pages', () => {
    expect(m.web_accessible_resources.flatMap((w: any) => w.resources).sort()).toEqual([...SIDEBAR].sort());
    for (const w of m.web_accessible_resources) expect(w.matches).toEqual(['http://*/*', 'https://*/*']);
  });

  it('keeps extension pages to their own scripts and no outside connection', () => {
    const csp: string = m.content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/connect-src 'self'/);
  });

  it('declares the three commands with localised descriptions that exist', () => {
    const messages = JSON.parse(readFileSync(join(dir, '_locales', 'en', 'messages.json'), 'utf8'));
    expect(Object.keys(m.commands).sort()).toEqual(['next-actor', 'prev-actor', 'toggle-sidebar']);
    expect(m.commands['toggle-sidebar'].suggested_key.default).toBe('Alt+Shift+B');
    expect(m.commands['next-actor'].suggested_key.default).toBe('Alt+Shift+N');
    expect(m.commands['prev-actor'].suggested_key.default).toBe('Alt+Shift+P');
    const keys = [m.name, m.description, ...Object.values(m.commands).map((c: any) => c.description)]
      .map((s: string) => /^__MSG_(\w+)__$/.exec(s)?.[1]);
    for (const k of keys) expect(messages[k!]?.message, `message ${k}`).toBeTruthy();
  });
});

describe('per-browser differences', () => {
  it('gives Chrome a service worker and dynamic web-accessible URLs, and no Firefox keys', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.web_accessible_resources.every((w: any) => w.use_dynamic_url === true)).toBe(true);
  });

  it('gives Firefox background scripts and its gecko settings, and no Chrome keys', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: expect.stringMatching(/^[\w.-]+@[\w.-]+$/),
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.web_accessible_resources.some((w: any) => 'use_dynamic_url' in w)).toBe(false);
  });

  it('differ in nothing but those keys, and both come from the one source', () => {
    const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
    const strip = (m: any) => {
      const c = structuredClone(m);
      delete c.background;
      delete c.browser_specific_settings;
      delete c.minimum_chrome_version;
      for (const w of c.web_accessible_resources) delete w.use_dynamic_url;
      return c;
    };
    expect(strip(chrome)).toEqual(strip(firefox));
    expect(strip(chrome)).toEqual(strip(source));
  });

  it('ship the same files apart from the manifest', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const list = (d: string, base = d): string[] =>
      readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? list(join(d, f), base) : [join(d, f).slice(base.length + 1)])).sort();
    expect(list(DIST.chrome)).toEqual(list(DIST.firefox));
    for (const f of list(DIST.chrome).filter((f) => f !== 'manifest.json')) {
      expect(readFileSync(join(DIST.chrome, f)).equals(readFileSync(join(DIST.firefox, f))), f).toBe(true);
    }
  });
});

describe.each([['chrome', DIST.chrome], ['firefox', DIST.firefox]] as const)('%s build ships its licences', (_n, dir) => {
  it('carries LICENSE, NOTICE.md with the CC BY-SA and CC BY credits, and the data sources', () => {
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const notice = readFileSync(join(dir, 'NOTICE.md'), 'utf8');
    expect(notice).toContain('SupraVerden');
    expect(notice).toContain('CC BY-SA 4.0');
    expect(notice).toContain('GeoNames');
    expect(readFileSync(join(dir, 'data', 'SOURCES.md'), 'utf8')).toContain('Our World in Data. Permission is hereby granted');
  });
});
