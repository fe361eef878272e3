// Imported corpora and knowledge packs, and the corrections the reader made. A bad file shows the background's
// error and changes nothing: the lists are reloaded from the background only after a successful import.
import { useEffect, useState } from 'preact/hooks';
import type { CorpusInfo, CorrectionInfo, PackInfo } from '../shared/protocol';
import type { Send } from '../shared/messaging';
import { t } from '../shared/i18n';
import { formatDate } from '../ui/format';
import { errorText, readFileText } from '../ui/hooks';
import { Section } from './Field';

type Msg = { ok: boolean; text: string } | null;
const Note = ({ msg }: { msg: Msg }) =>
  msg ? (msg.ok ? <p role="status" class="small status-ok">{msg.text}</p> : <p role="alert" class="alert small">{msg.text}</p>) : null;

function FileImport({ id, label, accept, onFile }: { id: string; label: string; accept: string; onFile: (f: File) => void }) {
  return (
    <span class="file-field">
      <label for={id}>{label}</label>
      <input id={id} type="file" accept={accept} onChange={(e) => {
        const input = e.currentTarget as HTMLInputElement;
        const f = input.files?.[0];
        if (f) onFile(f);
        input.value = '';
      }} />
    </span>
  );
}

export function DataSections({ send }: { send: Send }) {
  const [corpora, setCorpora] = useState<CorpusInfo[] | null>(null);
  const [packs, setPacks] = useState<PackInfo[]>([]);
  const [corrections, setCorrections] = useState<CorrectionInfo[] | null>(null);
  const [corpusMsg, setCorpusMsg] = useState<Msg>(null);
  const [packMsg, setPackMsg] = useState<Msg>(null);
  const [corrMsg, setCorrMsg] = useState<Msg>(null);
  const err = (e: unknown): Msg => ({ ok: false, text: t('errorWithDetail', errorText(e)) });

  const loadCorpora = () => send('corpus/list', {}).then(setCorpora, (e) => setCorpusMsg(err(e)));
  const loadCorrections = () => send('correction/list', {}).then(setCorrections, (e) => setCorrMsg(err(e)));
  const loadPacks = () => send('pack/list', {}).then(setPacks, (e) => setPackMsg(err(e)));
  useEffect(() => { void loadCorpora(); void loadPacks(); void loadCorrections(); }, [send]);

  const importCorpus = async (f: File) => {
    try {
      const info = await send('corpus/import', { name: f.name, text: await readFileText(f) });
      setCorpusMsg({ ok: true, text: t('optCorpusImported', [info.name, info.stories]) });
      await loadCorpora();
    } catch (e) { setCorpusMsg(err(e)); }
  };
  const removeCorpus = async (name: string) => {
    try {
      await send('corpus/remove', { name });
      setCorpusMsg({ ok: true, text: t('optRemoved', name) });
      await loadCorpora();
    } catch (e) { setCorpusMsg(err(e)); }
  };
  const importPack = async (f: File) => {
    try {
      const info = await send('pack/import', { name: f.name, text: await readFileText(f) });
      setPacks((p) => [...p.filter((x) => x.name !== info.name), info]);
      setPackMsg({ ok: true, text: t('optPackImported', [info.name, info.actors]) });
    } catch (e) { setPackMsg(err(e)); }
  };
  const removePack = async (name: string) => {
    try {
      await send('pack/remove', { name });
      setPacks((p) => p.filter((x) => x.name !== name));
      setPackMsg({ ok: true, text: t('optRemoved', name) });
    } catch (e) { setPackMsg(err(e)); }
  };
  const undo = async (c: CorrectionInfo) => {
    try {
      await send('correction/remove', { key: c.key });
      setCorrMsg({ ok: true, text: t('optCorrectionUndone', c.mentionText) });
      await loadCorrections();
    } catch (e) { setCorrMsg(err(e)); }
  };

  return (
    <>
      <Section id="sec-corpora" title={t('optCorporaHeading')}>
        <p class="small muted">{t('optCorporaIntro')}</p>
        {corpora && corpora.length > 0 && (
          <ul class="opt-list" aria-labelledby="sec-corpora">
            {corpora.map((c) => (
              <li key={c.name}>
                <span>
                  <strong>{c.name}</strong>{' '}
                  <span class="small muted">{t('optCorpusMeta', [c.stories, c.edition, formatDate(c.date), c.licence])}</span>
                  {c.bundled && <span class="small muted"> · {t('optBundled')}</span>}
                </span>
                {!c.bundled && (
                  <button type="button" class="btn" aria-label={t('optRemoveNamed', c.name)} onClick={() => removeCorpus(c.name)}>
                    {t('optRemove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {corpora && corpora.length === 0 && <p class="small muted">{t('optCorporaNone')}</p>}
        <FileImport id="corpus-import" label={t('optCorpusImport')} accept=".json,application/json" onFile={importCorpus} />
        <Note msg={corpusMsg} />
      </Section>

      <Section id="sec-packs" title={t('optPacksHeading')}>
        <p class="small muted">{t('optPacksIntro')}</p>
        {packs.length > 0 && (
          <ul class="opt-list" aria-labelledby="sec-packs">
            {packs.map((p) => (
              <li key={p.name}>
                <span><strong>{p.name}</strong> <span class="small muted">{t('optPackMeta', p.actors)}</span></span>
                <button type="button" class="btn" aria-label={t('optRemoveNamed', p.name)} onClick={() => removePack(p.name)}>
                  {t('optRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <FileImport id="pack-import" label={t('optPackImport')} accept=".json,application/json" onFile={importPack} />
        <Note msg={packMsg} />
      </Section>

      <Section id="sec-corrections" title={t('optCorrectionsHeading')}>
        {corrections && corrections.length === 0 && <p class="small muted">{t('optCorrectionsNone')}</p>}
        {corrections && corrections.length > 0 && (
          <ul class="opt-list" aria-labelledby="sec-corrections">
            {corrections.map((c) => (
              <li key={c.key}>
                <span>
                  {c.rightId
                    ? t('optCorrectionTo', [c.mentionText, c.wrongId, c.rightId])
                    : t('optCorrectionNone', [c.mentionText, c.wrongId])}
                  <span class="small muted"> · {c.site}</span>
                </span>
                <button type="button" class="btn" aria-label={t('optUndoNamed', c.mentionText)} onClick={() => undo(c)}>
                  {t('optUndo')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Note msg={corrMsg} />
      </Section>
    </>
  );
}
