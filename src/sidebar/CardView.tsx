// The background card of one actor (issue #6): who or what it is, facts as of the article's date with changes
// since, connections, where it appears in this article, sources, the outside link, and stories around it.
import type { Card, CardFact } from '../core/card';
import type { ArticleState } from '../shared/protocol';
import type { Send } from '../shared/messaging';
import { t } from '../shared/i18n';
import { formatDate, typeLabel } from '../ui/format';
import { useFocusOn } from '../ui/hooks';
import { LocatorMap, type AtlasLoader } from '../ui/map/LocatorMap';
import { Timeline } from '../ui/Timeline';
import { StoryTimelineList } from '../ui/Stories';
import { Correction } from './Correction';

export interface CardViewProps {
  card: Card;
  state: ArticleState | null;
  send: Send;
  /** Opens another actor's card (relations, fact values). */
  onOpen: (id: string) => void;
  loadAtlas: AtlasLoader;
  /** Names of actors known to the sidebar, for shared-actor lines. */
  names: (id: string) => string;
}

function FactValue({ f, onOpen }: { f: CardFact; onOpen: (id: string) => void }) {
  const since = f.from && !f.until ? t('factSince', formatDate(f.from)) : '';
  const range = f.from && f.until ? t('factFromUntil', [formatDate(f.from), formatDate(f.until)]) : '';
  return (
    <dd>
      {f.ref ? <button type="button" class="btn-link" onClick={() => onOpen(f.ref!)}>{f.value}</button> : <span>{f.value}</span>}
      {(since || range) && <span class="small muted"> · {since || range}</span>}
      {f.changed && <> <span class="badge" data-changed="">{f.changed}</span></>}
      {f.beyond && <span class="small muted" data-beyond=""> ({f.beyond})</span>}
    </dd>
  );
}

function Mentions({ card, state, send }: { card: Card; state: ArticleState | null; send: Send }) {
  const idx = state ? state.mentions.flatMap((m, i) => (m.entityId === card.id ? [i] : [])) : [];
  if (!state) return null;
  if (!idx.length) return <p class="small muted">{t('cardNotInArticle')}</p>;
  const focus = (i: number) => { void send('page/focus-mention', { index: i }).catch(() => undefined); };
  return (
    <section class="card-section" aria-labelledby="card-mentions">
      <h2 id="card-mentions">{t('cardInThisArticle')}</h2>
      <p class="mentions-line">
        <span>{t('cardMentionCount', idx.length)}</span>{' '}
        <span class="mention-buttons">
          {idx.length === 1 && (
            <button type="button" class="btn mention-btn" onClick={() => focus(idx[0]!)}>{t('cardShowInArticle')}</button>
          )}
          {idx.length > 1 && idx.slice(0, 30).map((mi, k) => (
            <button key={mi} type="button" class="btn mention-btn" onClick={() => focus(mi)}
              aria-label={t('cardShowMention', [k + 1, idx.length])}>
              {k + 1}
            </button>
          ))}
        </span>
      </p>
    </section>
  );
}

export function CardView({ card, state, send, onOpen, loadAtlas, names }: CardViewProps) {
  const h1 = useFocusOn<HTMLHeadingElement>(card.id);
  const asOf = card.asOf ? formatDate(card.asOf) : t('cardToday');
  return (
    <article class="card fade-in" aria-labelledby="card-name" data-entity={card.id}>
      <header class="card-head">
        <p class="card-type small muted"><span class={`dot dot-${card.type}`} aria-hidden="true" /> {typeLabel(card.type)}</p>
        <h1 id="card-name" tabIndex={-1} ref={h1} dir="auto">{card.name}</h1>
        {card.desc && <p class="card-desc">{card.desc}</p>}
        {card.headline && <p class="card-headline">{card.headline}</p>}
      </header>

      <LocatorMap card={card} loadAtlas={loadAtlas} />

      {card.facts.length > 0 && (
        <section class="card-section" aria-labelledby="card-facts">
          <h2 id="card-facts">{t('cardKeyFacts')} <span class="small muted">{t('cardAsOf', asOf)}</span></h2>
          <dl class="facts">
            {card.facts.map((f, i) => (
              <div class="fact" key={`${f.label}-${i}`}>
                <dt>{f.label}</dt>
                <FactValue f={f} onOpen={onOpen} />
              </div>
            ))}
          </dl>
        </section>
      )}

      {card.relations.length > 0 && (
        <section class="card-section" aria-labelledby="card-relations">
          <h2 id="card-relations">{t('cardConnections')}</h2>
          {card.relations.map((g) => (
            <div class="relation" key={g.label}>
              <h3>{g.label}</h3>
              <ul class="chips" aria-label={g.label}>
                {g.items.map((it) => (
                  <li key={it.id}><button type="button" class="btn chip" onClick={() => onOpen(it.id)}>{it.name}</button></li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      <Mentions card={card} state={state} send={send} />
      <Correction card={card} state={state} send={send} names={names} />

      {card.related.length > 0 && (
        <section class="card-section" aria-labelledby="card-more">
          <h2 id="card-more">{t('cardMoreOnActor')}</h2>
          <Timeline stories={card.related} articleDate={card.asOf ?? state?.article.published ?? null} />
          <StoryTimelineList stories={card.related} articleDate={card.asOf ?? state?.article.published ?? null}
            names={(id) => (id === card.id ? '' : names(id))} />
        </section>
      )}

      <footer class="card-foot small">
        {card.sources.length > 0 && (
          <p class="sources muted">
            {t('cardSources')}{' '}
            {card.sources.map((s, i) => (
              <span key={s.id}>
                {i > 0 && '; '}
                {s.name}
                {s.asOf && ` (${t('cardDataAsOf', formatDate(s.asOf))})`}
                {s.licence && `, ${s.licence}`}
              </span>
            ))}
          </p>
        )}
        <p>
          <a href={card.link.href} target="_blank" rel="noopener noreferrer">{card.link.label}</a>
        </p>
      </footer>
    </article>
  );
}
