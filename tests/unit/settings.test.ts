import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS, MIGRATIONS, SETTINGS_VERSION, enabledFor, migrateSettings, sanitize, siteOf,
} from '../../src/shared/settings';

describe('migrateSettings', () => {
  it('falls back to the defaults for anything that is not an object', () => {
    for (const raw of [undefined, null, 42, 'settings', [], [1, 2], true]) {
      expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('has a migration from every earlier version', () => {
    for (let v = 0; v < SETTINGS_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });

  it('migrates an unversioned object (version 0), keeping its fields', () => {
    const out = migrateSettings({ runOn: 'listed', listedSites: ['news.example'], firstOnly: true });
    expect(out.version).toBe(2);
    expect(out.runOn).toBe('listed');
    expect(out.listedSites).toEqual(['news.example']);
    expect(out.firstOnly).toBe(true);
    expect(out.hoverTooltip).toBe(true);
  });

  it('migrates version 1 to 2: every choice kept, the hover tooltip stays on', () => {
    const v1 = {
      version: 1, runOn: 'ask', disabledSites: ['a.example'], listedSites: [], types: ['person', 'country'],
      firstOnly: true, muted: ['Q42'], palette: 'mono', sidebarSide: 'left', sidebarWidth: 420,
      history: { enabled: false, keepText: true, maxItems: 200 },
    };
    expect(migrateSettings(v1)).toEqual({
      version: 2, runOn: 'ask', disabledSites: ['a.example'], listedSites: [], types: ['country', 'person'],
      firstOnly: true, muted: ['Q42'], palette: 'mono', sidebarSide: 'left', sidebarWidth: 420, hoverTooltip: true,
      history: { enabled: false, keepText: true, maxItems: 200 },
    });
  });

  it('keeps a version 2 choice to hide the tooltip', () => {
    expect(migrateSettings({ version: 2, hoverTooltip: false }).hoverTooltip).toBe(false);
  });

  it('replaces bad fields one by one and keeps the good ones', () => {
    const out = migrateSettings({
      version: 2, runOn: 'sometimes', firstOnly: 'yes', sidebarWidth: 99_999, types: ['person', 'alien'],
      muted: [1, 'Q1', 'Q1', ''], disabledSites: ['News.Example', 'bad host/'], palette: 'okabe-ito',
      history: { enabled: 'no', maxItems: -5 },
    });
    expect(out.runOn).toBe('all');
    expect(out.firstOnly).toBe(false);
    expect(out.sidebarWidth).toBe(720);
    expect(out.types).toEqual(['person']);
    expect(out.muted).toEqual(['Q1']);
    expect(out.disabledSites).toEqual(['news.example']);
    expect(out.palette).toBe('okabe-ito');
    expect(out.history).toEqual({ enabled: true, keepText: false, maxItems: 100 });
  });

  it('reads settings written by a newer version (after a downgrade) without throwing', () => {
    const out = migrateSettings({ version: 99, runOn: 'listed', somethingNew: { deep: 1 } });
    expect(out.version).toBe(2);
    expect(out.runOn).toBe('listed');
    expect(out).not.toHaveProperty('somethingNew');
  });

  it('never throws and always yields valid settings (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.object(), fc.record({ version: fc.integer(), history: fc.anything() })), (raw) => {
        const out = migrateSettings(raw);
        expect(out.version).toBe(SETTINGS_VERSION);
        expect(sanitize(out)).toEqual(out);
      }),
      { numRuns: 300 },
    );
  });
});

describe('siteOf / enabledFor', () => {
  it('keys sites by lower-case host, only for http(s)', () => {
    expect(siteOf('https://WWW.Example.com/a?b#c')).toBe('www.example.com');
    expect(siteOf('file:///tmp/x.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('follows runOn and the disabled list', () => {
    const s = { ...DEFAULT_SETTINGS };
    expect(enabledFor(s, 'https://a.example/x')).toBe(true);
    expect(enabledFor({ ...s, disabledSites: ['a.example'] }, 'https://a.example/x')).toBe(false);
    expect(enabledFor({ ...s, runOn: 'ask' }, 'https://a.example/x')).toBe(false);
    expect(enabledFor({ ...s, runOn: 'listed', listedSites: ['b.example'] }, 'https://a.example/x')).toBe(false);
    expect(enabledFor({ ...s, runOn: 'listed', listedSites: ['a.example'] }, 'https://a.example/x')).toBe(true);
    expect(enabledFor(s, 'chrome://extensions')).toBe(false);
  });
});
