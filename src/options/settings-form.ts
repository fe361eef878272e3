// The options page edits a whole Settings object. Whatever the background replies goes through the shared
// `migrateSettings`, so a reply from an older version (missing fields, wrong types) still renders and saves whole.
import type { ActorType } from '../core/types';
import { HISTORY_MAX_ITEMS, SIDEBAR_WIDTH, migrateSettings, type Settings } from '../shared/settings';

export const WIDTH_MIN = SIDEBAR_WIDTH.min;
export const WIDTH_MAX = SIDEBAR_WIDTH.max;
export const HISTORY_MIN = HISTORY_MAX_ITEMS.min;
export const HISTORY_MAX = HISTORY_MAX_ITEMS.max;

/** A complete, valid, current Settings from anything the background (or an old build) replies. */
export const withDefaults = (raw: unknown): Settings => migrateSettings(raw);

/** Hosts typed one a line (or pasted as URLs) → clean, unique host names. */
export function parseHosts(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split(/[\s,]+/)) {
    const s = line.trim();
    if (!s) continue;
    try {
      out.add(new URL(s.includes('://') ? s : `https://${s}`).host.toLowerCase());
    } catch {
      // Not a host; dropped rather than stored as garbage.
    }
  }
  return [...out];
}

export const ID_PATTERN = /^(Q[1-9]\d*|bs:[a-z0-9][a-z0-9-]*|pack:[a-z0-9-]+:[A-Za-z0-9_-]+)$/;

export type { ActorType, Settings };
