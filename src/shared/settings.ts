// Reader settings: versioned and migrated so an upgrade loses nothing (issues #6, #7).
import type { ActorType } from '../core/types';
import { ACTOR_TYPES } from '../core/types';

export const SETTINGS_VERSION = 1;

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
  history: { enabled: true, keepText: false, maxItems: 5_000 },
};
