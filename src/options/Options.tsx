// The options page (issue #6). Every change is saved at once through `settings/set`; the background's reply is
// what is shown, so the page never drifts from what is stored. Errors are announced (role=alert).
import { useEffect, useState } from 'preact/hooks';
import { ACTOR_TYPES } from '../core/types';
import type { Send } from '../shared/messaging';
import { t } from '../shared/i18n';
import { typeLabel } from '../ui/format';
import { errorText } from '../ui/hooks';
import { Check, Radios, Section } from './Field';
import { DataSections } from './DataSections';
import { HistorySection } from './HistorySection';
import { PalettePreview } from './PalettePreview';
import { ID_PATTERN, WIDTH_MAX, WIDTH_MIN, parseHosts, withDefaults, type Settings } from './settings-form';

export interface OptionsProps {
  send: Send;
  /** Offers a text file for download (an <a download> in the extension). */
  download: (filename: string, text: string, mime: string) => void;
  /** Asks before destroying data (window.confirm in the extension). */
  confirm: (question: string) => boolean;
}

export function Options({ send, download, confirm }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    send('settings/get', {}).then((s) => setSettings(withDefaults(s)), (e) => setError(t('errorWithDetail', errorText(e))));
  }, [send]);

  const save = async (patch: Partial<Settings>) => {
    if (!settings) return;
    const before = settings;
    const next = { ...settings, ...patch };
    setSettings(next);
    setSaved('');
    try {
      const reply = await send('settings/set', { settings: next as unknown as Record<string, unknown> });
      setSettings(withDefaults(reply));
      setError(null);
      setSaved(t('optSaved'));
    } catch (e) {
      setSettings(before);
      setError(t('errorWithDetail', errorText(e)));
    }
  };

  return (
    <main class="options">
      <h1>{t('optTitle')}</h1>
      <p class="muted">{t('optIntro')}</p>
      <div class="opt-status" role="status" aria-live="polite">{saved}</div>
      {error && <p role="alert" class="alert">{error}</p>}
      {!settings && !error && <p class="muted">{t('loading')}</p>}
      {settings && <GeneralSections s={settings} save={save} />}
      {settings && <HistorySection s={settings} save={save} send={send} download={download} confirm={confirm} />}
      <DataSections send={send} />
    </main>
  );
}

function GeneralSections({ s, save }: { s: Settings; save: (p: Partial<Settings>) => Promise<void> }) {
  const [listed, setListed] = useState(s.listedSites.join('\n'));
  const [muteInput, setMuteInput] = useState('');
  const [muteError, setMuteError] = useState('');
  useEffect(() => setListed(s.listedSites.join('\n')), [s.listedSites.join('\n')]);

  const addMuted = (e: Event) => {
    e.preventDefault();
    const id = muteInput.trim();
    if (!ID_PATTERN.test(id)) { setMuteError(t('optMutedInvalid', id)); return; }
    setMuteError('');
    setMuteInput('');
    if (!s.muted.includes(id)) void save({ muted: [...s.muted, id] });
  };

  return (
    <>
      <Section id="sec-run" title={t('optRunHeading')}>
        <Radios name="runOn" legend={t('optRunLegend')} value={s.runOn} onChange={(runOn) => save({ runOn })} options={[
          { value: 'all', label: t('optRunAll') },
          { value: 'listed', label: t('optRunListed') },
          { value: 'ask', label: t('optRunAsk'), hint: t('optRunAskHint') },
        ]} />
        {s.runOn === 'listed' && (
          <div class="opt-field">
            <label for="listed-sites">{t('optListedSites')}</label>
            <textarea id="listed-sites" rows={4} value={listed} aria-describedby="listed-hint"
              onInput={(e) => setListed((e.currentTarget as HTMLTextAreaElement).value)}
              onChange={() => save({ listedSites: parseHosts(listed) })} />
            <span id="listed-hint" class="small muted">{t('optListedHint')}</span>
          </div>
        )}
        {s.disabledSites.length > 0 && (
          <div class="opt-field">
            <h3 id="disabled-sites">{t('optDisabledSites')}</h3>
            <ul class="opt-list" aria-labelledby="disabled-sites">
              {s.disabledSites.map((h) => (
                <li key={h}>
                  <span>{h}</span>
                  <button type="button" class="btn" aria-label={t('optTurnBackOnFor', h)}
                    onClick={() => save({ disabledSites: s.disabledSites.filter((x) => x !== h) })}>{t('optTurnBackOn')}</button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Section>

      <Section id="sec-highlight" title={t('optHighlightHeading')}>
        <fieldset class="opt-fieldset opt-types">
          <legend>{t('optTypesLegend')}</legend>
          {ACTOR_TYPES.map((tp) => (
            <Check key={tp} label={typeLabel(tp, true)} checked={s.types.includes(tp)}
              onChange={(on) => save({ types: ACTOR_TYPES.filter((x) => (x === tp ? on : s.types.includes(x))) })} />
          ))}
        </fieldset>
        <Radios name="firstOnly" legend={t('optMentionsLegend')} value={s.firstOnly ? 'first' : 'every'}
          onChange={(v) => save({ firstOnly: v === 'first' })} options={[
            { value: 'every', label: t('optMentionsEvery') },
            { value: 'first', label: t('optMentionsFirst') },
          ]} />
        <div class="opt-fieldset">
          <Check label={t('optHoverTooltip')} checked={s.hoverTooltip} onChange={(hoverTooltip) => save({ hoverTooltip })} />
        </div>
        <Radios name="palette" legend={t('optPaletteLegend')} value={s.palette} onChange={(palette) => save({ palette })} options={[
          { value: 'default', label: t('optPaletteDefault') },
          { value: 'okabe-ito', label: t('optPaletteOkabeIto'), hint: t('optPaletteOkabeItoHint') },
          { value: 'mono', label: t('optPaletteMono'), hint: t('optPaletteMonoHint') },
        ]} />
        <PalettePreview palette={s.palette} />
        <div class="opt-field">
          <h3 id="muted-heading">{t('optMutedHeading')}</h3>
          {s.muted.length === 0 ? <p class="small muted">{t('optMutedNone')}</p> : (
            <ul class="opt-list" aria-labelledby="muted-heading">
              {s.muted.map((id) => (
                <li key={id}>
                  <code>{id}</code>
                  <button type="button" class="btn" aria-label={t('optUnmuteId', id)}
                    onClick={() => save({ muted: s.muted.filter((x) => x !== id) })}>{t('optUnmute')}</button>
                </li>
              ))}
            </ul>
          )}
          <form class="opt-inline" onSubmit={addMuted}>
            <label for="mute-id">{t('optMuteLabel')}</label>
            <input id="mute-id" type="text" value={muteInput} placeholder="Q227" spellcheck={false}
              aria-invalid={muteError ? 'true' : undefined} aria-describedby={muteError ? 'mute-error' : undefined}
              onInput={(e) => setMuteInput((e.currentTarget as HTMLInputElement).value)} />
            <button type="submit" class="btn">{t('optMuteAdd')}</button>
          </form>
          {muteError && <p id="mute-error" role="alert" class="alert small">{muteError}</p>}
        </div>
      </Section>

      <Section id="sec-sidebar" title={t('optSidebarHeading')}>
        <div class="opt-field opt-inline">
          <label for="sidebar-side">{t('optSidebarSide')}</label>
          <select id="sidebar-side" value={s.sidebarSide}
            onChange={(e) => save({ sidebarSide: (e.currentTarget as HTMLSelectElement).value === 'left' ? 'left' : 'right' })}>
            <option value="right">{t('optSideRight')}</option>
            <option value="left">{t('optSideLeft')}</option>
          </select>
        </div>
        <div class="opt-field opt-inline">
          <label for="sidebar-width">{t('optSidebarWidth')}</label>
          <input id="sidebar-width" type="number" min={WIDTH_MIN} max={WIDTH_MAX} step={10} value={s.sidebarWidth}
            onChange={(e) => {
              const n = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isFinite(n)) void save({ sidebarWidth: Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, Math.round(n))) });
            }} />
          <span class="small muted">{t('optPixels')}</span>
        </div>
      </Section>
    </>
  );
}
