// The toolbar popup (issue #6): on or off for this site, how many actors were found, open the sidebar.
import { useEffect, useState } from 'preact/hooks';
import type { SiteStatus } from '../shared/protocol';
import type { Send } from '../shared/messaging';
import { t } from '../shared/i18n';
import { errorText } from '../ui/hooks';

export interface PopupProps {
  send: Send;
  /** The active tab's id, or null (e.g. a browser page). Real: browser.tabs.query({active, currentWindow}). */
  getTabId: () => Promise<number | null>;
  /** Closes the popup after opening the sidebar (window.close in the extension). */
  done?: () => void;
  openOptions?: () => void;
}

export function Popup({ send, getTabId, done, openOptions }: PopupProps) {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    (async () => {
      const id = await getTabId().catch(() => null);
      setTabId(id);
      if (id === null) return;
      setStatus(await send('popup/status', { tabId: id }));
    })().catch((e) => setError(t('errorWithDetail', errorText(e))));
  }, [send, getTabId]);

  const toggle = async () => {
    if (tabId == null || !status) return;
    setBusy(true);
    setError(null);
    try {
      setStatus(await send('site/toggle', { tabId, enabled: !status.enabled }));
    } catch (e) {
      setError(t('errorWithDetail', errorText(e)));
    } finally {
      setBusy(false);
    }
  };
  const openSidebar = async () => {
    if (tabId == null) return;
    try {
      await send('page/open-sidebar', { tabId });
      done?.();
    } catch (e) {
      setError(t('errorWithDetail', errorText(e)));
    }
  };

  const usable = tabId != null && status && status.host;
  return (
    <main class="popup">
      <h1 class="popup-title">{t('extName')}</h1>
      {tabId === undefined && <p class="muted" role="status">{t('loading')}</p>}
      {tabId !== undefined && !usable && !error && <p class="muted">{t('popupNoPage')}</p>}
      {usable && status && (
        <>
          <div class="switch-row">
            <label class="switch" for="site-switch">
              <span class="switch-text">
                {t('popupOnForSite')}
                <span class="host">{status.host}</span>
              </span>
              <input id="site-switch" type="checkbox" role="switch" checked={status.enabled} disabled={busy}
                onChange={toggle} />
              <span class="switch-track" aria-hidden="true"><span class="switch-thumb" /></span>
            </label>
          </div>
          <p class="found" aria-live="polite">
            {!status.enabled
              ? t('popupOff')
              : status.actors === null
                ? t('popupNotAnalysed')
                : <>{t('popupActorsFound')} <strong class="found-count">{status.actors}</strong></>}
          </p>
          <button type="button" class="btn btn-primary open" onClick={openSidebar} disabled={!status.enabled}>
            {t('popupOpenSidebar')}
          </button>
        </>
      )}
      {error && <p role="alert" class="alert small">{error}</p>}
      {openOptions && (
        <p class="popup-foot"><button type="button" class="btn-link small" onClick={openOptions}>{t('popupSettings')}</button></p>
      )}
    </main>
  );
}
