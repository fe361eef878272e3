// History settings and the reader's own data: export (JSONL), import, clear with confirmation.
import { useState } from 'preact/hooks';
import type { Send } from '../shared/messaging';
import { t } from '../shared/i18n';
import { errorText, readFileText } from '../ui/hooks';
import { Check, Section } from './Field';
import { HISTORY_MAX, HISTORY_MIN, type Settings } from './settings-form';

export function HistorySection({ s, save, send, download, confirm }: {
  s: Settings; save: (p: Partial<Settings>) => Promise<void>; send: Send;
  download: (filename: string, text: string, mime: string) => void; confirm: (q: string) => boolean;
}) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = (e: unknown) => setMsg({ ok: false, text: t('errorWithDetail', errorText(e)) });
  const h = s.history;

  const exportAll = async () => {
    try {
      const jsonl = await send('history/export', {});
      download(`backstory-history-${new Date().toISOString().slice(0, 10)}.jsonl`, jsonl, 'application/x-ndjson');
      setMsg({ ok: true, text: t('optHistoryExported') });
    } catch (e) { fail(e); }
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const { imported } = await send('history/import', { jsonl: await readFileText(file) });
      setMsg({ ok: true, text: t('optHistoryImported', imported) });
    } catch (e) { fail(e); }
    input.value = '';
  };
  const clear = async () => {
    if (!confirm(t('optHistoryClearConfirm'))) return;
    try {
      await send('history/clear', {});
      setMsg({ ok: true, text: t('optHistoryCleared') });
    } catch (e) { fail(e); }
  };

  return (
    <Section id="sec-history" title={t('optHistoryHeading')}>
      <p class="small muted">{t('optHistoryIntro')}</p>
      <Check label={t('optHistoryEnabled')} checked={h.enabled} onChange={(enabled) => save({ history: { ...h, enabled } })} />
      <Check label={t('optHistoryKeepText')} hint={t('optHistoryKeepTextHint')} checked={h.keepText}
        onChange={(keepText) => save({ history: { ...h, keepText } })} />
      <div class="opt-field opt-inline">
        <label for="history-max">{t('optHistoryMax')}</label>
        <input id="history-max" type="number" min={HISTORY_MIN} max={HISTORY_MAX} step={100} value={h.maxItems}
          onChange={(e) => {
            const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
            if (Number.isFinite(n)) void save({ history: { ...h, maxItems: Math.min(HISTORY_MAX, Math.max(HISTORY_MIN, n)) } });
          }} />
      </div>
      <div class="opt-actions">
        <button type="button" class="btn" onClick={exportAll}>{t('optHistoryExport')}</button>
        <span class="file-field">
          <label for="history-import" class="small">{t('optHistoryImport')}</label>
          <input id="history-import" type="file" accept=".jsonl,.json,application/x-ndjson,application/json"
            onChange={(e) => importFile(e.currentTarget as HTMLInputElement)} />
        </span>
        <button type="button" class="btn danger" onClick={clear}>{t('optHistoryClear')}</button>
      </div>
      {msg && (msg.ok ? <p role="status" class="small status-ok">{msg.text}</p> : <p role="alert" class="alert small">{msg.text}</p>)}
    </Section>
  );
}
