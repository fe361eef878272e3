// The sidebar app: one iframe inside the page's <backstory-host> (issue #2 item 6, issue #6). The content script
// picks what to show through the URL hash (`#entity=<id>` or `#view=article`); everything else comes from the
// background through `send`, passed in so DOM tests can use a fake.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Card } from '../core/card';
import type { ArticleState } from '../shared/protocol';
import type { Send } from '../shared/messaging';
import { t } from '../shared/i18n';
import { errorText } from '../ui/hooks';
import type { AtlasLoader } from '../ui/map/LocatorMap';
import { ArticlePanel } from './ArticlePanel';
import { CardView } from './CardView';

export interface SidebarProps {
  send: Send;
  loadAtlas: AtlasLoader;
  /** The window whose hash and keys drive the sidebar (the iframe's own window in the extension). */
  win?: Window;
}

export type Route = { entity: string } | { view: 'article' } | null;

/** `#entity=Q123` → { entity }, `#view=article` → { view }, anything else → null. */
export function parseHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const entity = params.get('entity');
  if (entity) return { entity };
  if (params.get('view') === 'article') return { view: 'article' };
  return null;
}

export function Sidebar({ send, loadAtlas, win = window }: SidebarProps) {
  const [state, setState] = useState<ArticleState | null | undefined>(undefined);
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [trail, setTrail] = useState<string[]>([]);
  const [route, setRoute] = useState<Route>(() => parseHash(win.location.hash));
  const request = useRef(0);

  const load = useCallback(async (id: string) => {
    const mine = ++request.current; // a later click wins over a slower earlier reply
    setError(null);
    try {
      const c = await send('entity/card', { id });
      if (mine !== request.current) return;
      setCard(c);
      setAnnounce(t('announceCard', c.name));
    } catch (e) {
      if (mine !== request.current) return;
      setError(t('errorCard', errorText(e)));
    }
  }, [send]);

  const open = useCallback((id: string) => {
    if (card && card.id !== id) setTrail((tr) => [...tr, card.id].slice(-20));
    void load(id);
  }, [card, load]);

  const back = () => {
    const prev = trail[trail.length - 1];
    if (!prev) return;
    setTrail(trail.slice(0, -1));
    void load(prev);
  };

  const close = useCallback(() => { void send('page/close-sidebar', {}).catch(() => undefined); }, [send]);

  useEffect(() => {
    send('sidebar/state', {}).then(setState, () => setState(null));
  }, [send]);

  useEffect(() => {
    const onHash = () => setRoute(parseHash(win.location.hash));
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // Esc in a filter with text clears the filter first (the browser does that); the next Esc closes.
      const el = e.target as HTMLInputElement | null;
      if (el?.tagName === 'INPUT' && el.value) return;
      e.preventDefault();
      close();
    };
    win.addEventListener('hashchange', onHash);
    win.document.addEventListener('keydown', onKey);
    return () => { win.removeEventListener('hashchange', onHash); win.document.removeEventListener('keydown', onKey); };
  }, [win, close]);

  // The route decides the card: an entity in the hash, else the page's last selection, unless the article view was asked.
  useEffect(() => {
    if (route && 'entity' in route) { void load(route.entity); return; }
    if (route && 'view' in route) { request.current++; setCard(null); return; }
    if (state?.selected) void load(state.selected);
  }, [route, state?.selected, load]);

  const names = useCallback((id: string) => {
    if (card?.id === id) return card.name;
    return state?.entities.find((e) => e.id === id)?.name
      ?? card?.relations.flatMap((g) => g.items).find((i) => i.id === id)?.name ?? '';
  }, [state, card]);

  return (
    <div class="app">
      <header class="topbar">
        {trail.length > 0 && (
          <button type="button" class="btn-icon" onClick={back} aria-label={t('back')} title={t('back')}>
            <span aria-hidden="true" class="flip-rtl">←</span>
          </button>
        )}
        <span class="brand">{t('extName')}</span>
        {card && (
          <button type="button" class="btn-link small" onClick={() => { request.current++; setCard(null); setTrail([]); }}>
            {t('showAllActors')}
          </button>
        )}
        <button type="button" class="btn-icon close" onClick={close} aria-label={t('closeSidebar')} title={t('closeSidebar')}>
          <span aria-hidden="true">✕</span>
        </button>
      </header>
      <main class="content">
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">{announce}</div>
        {error && <p role="alert" class="alert">{error}</p>}
        {card && (
          <CardView card={card} state={state ?? null} send={send} onOpen={open} loadAtlas={loadAtlas} names={names} />
        )}
        {state === undefined && !card && <p class="muted" role="status">{t('loading')}</p>}
        {state === null && !card && (
          <div class="empty">
            <h1>{t('emptyTitle')}</h1>
            <p class="muted">{t('emptyHint')}</p>
          </div>
        )}
        {state && (
          <>
            {card && <hr class="divider" />}
            <ArticlePanel state={state} current={card?.id ?? null} onOpen={open} names={names} level={card ? 2 : 1} />
          </>
        )}
      </main>
    </div>
  );
}
