// "Not this one?" (issue #4): the reader says a highlighted name means another actor, or no actor at all, on
// this site. The background stores it and applies it from then on.
import { useState } from 'preact/hooks';
import type { Card } from '../core/card';
import type { ArticleState } from '../shared/protocol';
import type { Send } from '../shared/messaging';
import { t } from '../shared/i18n';
import { errorText } from '../ui/hooks';

const NONE = '__none__';

export function Correction({ card, state, send, names }: {
  card: Card; state: ArticleState | null; send: Send; names: (id: string) => string;
}) {
  const mine = state?.mentions.filter((m) => m.entityId === card.id) ?? [];
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string>(NONE);
  const [altNames, setAltNames] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const first = mine[0];
  if (!first) return null;
  const alts = [...new Set(mine.flatMap((m) => m.alt ?? []))].filter((id) => id !== card.id).slice(0, 5);
  const nameOf = (id: string) => altNames[id] || names(id) || id;

  const toggle = () => {
    const next = !open;
    setOpen(next);
    setStatus(null);
    if (next) {
      // Names of alternatives not in this article come from their cards.
      for (const id of alts) {
        if (names(id) || altNames[id]) continue;
        send('entity/card', { id }).then((c) => setAltNames((n) => ({ ...n, [id]: c.name })), () => undefined);
      }
    }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await send('correction/set', { mentionText: first.text, wrongId: card.id, rightId: choice === NONE ? null : choice });
      setStatus({ ok: true, text: t('correctionSaved') });
      setOpen(false);
    } catch (err) {
      setStatus({ ok: false, text: t('errorWithDetail', errorText(err)) });
    }
  };

  return (
    <section class="card-section correction" aria-labelledby="card-correction">
      <h2 id="card-correction" class="visually-hidden">{t('correctionHeading')}</h2>
      <button type="button" class="btn-link small" aria-expanded={open} aria-controls="correction-form" onClick={toggle}>
        {t('correctionToggle')}
      </button>
      {open && (
        <form id="correction-form" class="correction-form" onSubmit={submit}>
          <fieldset>
            <legend>{t('correctionLegend', first.text)}</legend>
            {alts.map((id) => (
              <label key={id} class="radio">
                <input type="radio" name="correction" value={id} checked={choice === id} onChange={() => setChoice(id)} />
                {nameOf(id)}
              </label>
            ))}
            <label class="radio">
              <input type="radio" name="correction" value={NONE} checked={choice === NONE} onChange={() => setChoice(NONE)} />
              {t('correctionNotAnActor')}
            </label>
          </fieldset>
          <button type="submit" class="btn btn-primary">{t('correctionApply')}</button>
        </form>
      )}
      {status && (status.ok
        ? <p role="status" class="small status-ok">{status.text}</p>
        : <p role="alert" class="small alert">{status.text}</p>)}
    </section>
  );
}
