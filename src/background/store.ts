// Storage behind the background: settings, corrections, per-tab article state, imported corpora and packs.
// Areas are passed in (browser.storage.local / .session in the extension, in-memory fakes in tests).
import type { Correction } from '../core/types';
import type { ArticleState, CorrectionInfo } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { migrateSettings } from '../shared/settings';

/** The part of `storage.StorageArea` we use. */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** An in-memory area: the fallback where `storage.session` is missing, and the fake in tests. */
export function memoryArea(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  // Values are copied in and out, as real storage serialises them.
  const copy = <T>(x: T): T => (x === undefined ? x : structuredClone(x));
  return {
    data,
    async get(keys) {
      const list = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of list) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

/** Turns a storage failure into a message a reader can act on. */
export function storageError(e: unknown, what: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/quota|QUOTA_BYTES|exceed|space/i.test(msg)) {
    return `Not enough storage space to save ${what}. Remove an imported corpus or pack, or clear the history, and try again.`;
  }
  return `Could not save ${what}: ${msg}`;
}

// ---------- settings ----------

export async function loadSettings(local: StorageArea): Promise<Settings> {
  try {
    const got = await local.get('settings');
    return migrateSettings(got['settings']);
  } catch {
    return migrateSettings(undefined);
  }
}

/** Merges a partial update into the stored settings; the result is migrated/sanitised before it is written. */
export async function saveSettings(local: StorageArea, patch: Record<string, unknown>): Promise<Settings> {
  const current = await loadSettings(local);
  const next = migrateSettings({ ...current, ...patch, version: current.version });
  await local.set({ settings: next });
  return next;
}

// ---------- corrections ----------

const normText = (s: string): string => s.normalize('NFC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();

export const correctionKey = (c: Pick<Correction, 'site' | 'mentionText' | 'wrongId'>): string =>
  `${c.site}|${normText(c.mentionText)}|${c.wrongId}`;

export async function listCorrections(local: StorageArea): Promise<CorrectionInfo[]> {
  const got = await local.get('corrections');
  const raw = got['corrections'];
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (c): c is CorrectionInfo =>
      typeof c === 'object' && c !== null && typeof c.key === 'string' && typeof c.site === 'string' &&
      typeof c.mentionText === 'string' && typeof c.wrongId === 'string' &&
      (c.rightId === null || typeof c.rightId === 'string'),
  );
}

export async function correctionsFor(local: StorageArea, site: string | null): Promise<Correction[]> {
  if (!site) return [];
  return (await listCorrections(local))
    .filter((c) => c.site === site)
    .map(({ site: s, mentionText, wrongId, rightId }) => ({ site: s, mentionText, wrongId, rightId }));
}

export async function setCorrection(local: StorageArea, c: Correction): Promise<void> {
  const key = correctionKey(c);
  const list = (await listCorrections(local)).filter((x) => x.key !== key);
  list.push({ key, ...c });
  await local.set({ corrections: list });
}

export async function removeCorrection(local: StorageArea, key: string): Promise<boolean> {
  const list = await listCorrections(local);
  const next = list.filter((x) => x.key !== key);
  if (next.length === list.length) return false;
  await local.set({ corrections: next });
  return true;
}

// ---------- per-tab state ----------
// MV3 service workers stop after ~30 s idle; `storage.session` keeps the tab's article state across restarts
// (memory fallback where it is missing) so a sidebar opened later still gets `sidebar/state`.

export interface TabInfo {
  url: string;
  host: string | null;
  /** The frame whose content script holds the tab's article, when not the top one (an article in an iframe). */
  frameId?: number;
}

export class TabStore {
  constructor(private readonly area: StorageArea) {}

  async getState(tabId: number): Promise<ArticleState | null> {
    const got = await this.area.get(`state:${tabId}`);
    return (got[`state:${tabId}`] as ArticleState | undefined) ?? null;
  }

  async setState(tabId: number, state: ArticleState | null): Promise<void> {
    if (state === null) await this.area.remove(`state:${tabId}`);
    else await this.area.set({ [`state:${tabId}`]: state });
  }

  async getInfo(tabId: number): Promise<TabInfo | null> {
    const got = await this.area.get(`tab:${tabId}`);
    return (got[`tab:${tabId}`] as TabInfo | undefined) ?? null;
  }

  async setInfo(tabId: number, info: TabInfo): Promise<void> {
    await this.area.set({ [`tab:${tabId}`]: info });
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove([`state:${tabId}`, `tab:${tabId}`]);
  }
}
