// Reader settings: versioned and migrated so an upgrade loses nothing (issues #6, #7).
// Storage holds whatever an earlier (or later, after a downgrade) build wrote, or garbage. `migrateSettings` walks
// the stored object through every migration from its version to the current one, then sanitises field by field:
// a bad field falls back to its default, the rest of the reader's choices survive. It never throws.
import type { ActorType } from '../core/types';
import { ACTOR_TYPES } from '../core/types';

export const SETTINGS_VERSION = 2;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** When Backstory runs: on every article page, only on listed sites, or only when asked (popup/command). */
  runOn: 'all' | 'listed' | 'ask';
  /** Hosts where the reader turned Backstory off. */
  disabledSites: string[];
  /** Hosts to run on when runOn is 'listed'. */
  listedSites: string[];
  /** Actor types to highlight. */
  types: ActorType[];
  /** Highlight every mention, or only the first of each actor. */
  firstOnly: boolean;
  /** Actor ids never highlighted. */
  muted: string[];
  palette: 'default' | 'okabe-ito' | 'mono';
  sidebarSide: 'right' | 'left';
  /** Sidebar width in CSS pixels. */
  sidebarWidth: number;
  /** Show "Background: NAME — click" when the pointer rests on a highlighted name (added in version 2). */
  hoverTooltip: boolean;
  history: { enabled: boolean; keepText: boolean; maxItems: number };
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  runOn: 'all',
  disabledSites: [],
  listedSites: [],
  types: [...ACTOR_TYPES],
  firstOnly: false,
  muted: [],
  palette: 'default',
  sidebarSide: 'right',
  sidebarWidth: 380,
  hoverTooltip: true,
  history: { enabled: true, keepText: false, maxItems: 5_000 },
};

export const SIDEBAR_WIDTH = { min: 280, max: 720 } as const;
export const HISTORY_MAX_ITEMS = { min: 100, max: 100_000 } as const;

type Raw = Record<string, unknown>;

/**
 * One step per stored version: MIGRATIONS[n] turns a version-n object into a version-(n+1) object.
 * Version 0 is an object stored without a version field (hand-edited or written by a broken build); its fields are
 * read under their version-1 names. Steps only move and rename; validity is checked once, after the last step.
 */
export const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => ({ ...raw, version: 1 }),
  // 1 -> 2: the hover tooltip became a setting; version 1 always showed it, so keep showing it.
  1: (raw) => ({ ...raw, version: 2, hoverTooltip: raw['hoverTooltip'] ?? true }),
};

const isObj = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

function storedVersion(raw: Raw): number {
  const v = raw['version'];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** Reads whatever storage holds into valid current settings. Never throws; unknown fields are dropped. */
export function migrateSettings(raw: unknown): Settings {
  let obj: Raw = isObj(raw) ? { ...raw } : {};
  for (let ver = storedVersion(obj); ver < SETTINGS_VERSION; ver++) {
    const step = MIGRATIONS[ver];
    if (!step) break;
    try {
      obj = step(obj);
    } catch {
      // A step that trips over a malformed object leaves what it had; sanitize below fixes the fields.
    }
  }
  return sanitize(obj);
}

/** Field by field: the stored value when valid, otherwise the default. */
export function sanitize(raw: unknown): Settings {
  const o: Raw = isObj(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  const h: Raw = isObj(o['history']) ? o['history'] : {};
  return {
    version: SETTINGS_VERSION,
    runOn: pick(o['runOn'], ['all', 'listed', 'ask'] as const, d.runOn),
    disabledSites: hosts(o['disabledSites'], d.disabledSites),
    listedSites: hosts(o['listedSites'], d.listedSites),
    types: types(o['types'], d.types),
    firstOnly: bool(o['firstOnly'], d.firstOnly),
    muted: strings(o['muted'], d.muted, 200),
    palette: pick(o['palette'], ['default', 'okabe-ito', 'mono'] as const, d.palette),
    sidebarSide: pick(o['sidebarSide'], ['right', 'left'] as const, d.sidebarSide),
    sidebarWidth: int(o['sidebarWidth'], SIDEBAR_WIDTH.min, SIDEBAR_WIDTH.max, d.sidebarWidth),
    hoverTooltip: bool(o['hoverTooltip'], d.hoverTooltip),
    history: {
      enabled: bool(h['enabled'], d.history.enabled),
      keepText: bool(h['keepText'], d.history.keepText),
      maxItems: int(h['maxItems'], HISTORY_MAX_ITEMS.min, HISTORY_MAX_ITEMS.max, d.history.maxItems),
    },
  };
}

function pick<T extends string>(x: unknown, allowed: readonly T[], dflt: T): T {
  return typeof x === 'string' && (allowed as readonly string[]).includes(x) ? (x as T) : dflt;
}
const bool = (x: unknown, dflt: boolean): boolean => (typeof x === 'boolean' ? x : dflt);
function int(x: unknown, min: number, max: number, dflt: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) return dflt;
  return Math.min(max, Math.max(min, Math.round(x)));
}
function strings(x: unknown, dflt: string[], maxLen: number): string[] {
  if (!Array.isArray(x)) return [...dflt];
  const out = x.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= maxLen);
  return [...new Set(out)];
}
function hosts(x: unknown, dflt: string[]): string[] {
  return strings(x, dflt, 253).map((s) => s.trim().toLowerCase()).filter((s) => /^[a-z0-9.:[\]-]+$/.test(s));
}
function types(x: unknown, dflt: ActorType[]): ActorType[] {
  if (!Array.isArray(x)) return [...dflt];
  return ACTOR_TYPES.filter((t) => x.includes(t));
}

/** The host a setting is keyed by ("www.example.com"), or null for non-http(s) URLs. */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Whether Backstory runs by itself on this URL under these settings. */
export function enabledFor(settings: Settings, url: string): boolean {
  const host = siteOf(url);
  if (!host) return false;
  if (settings.disabledSites.includes(host)) return false;
  if (settings.runOn === 'ask') return false;
  if (settings.runOn === 'listed') return settings.listedSites.includes(host);
  return true;
}
