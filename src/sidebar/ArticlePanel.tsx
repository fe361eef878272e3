// "In this article" (issue #6): every actor found, grouped by type with counts and filterable; each a button that
// opens the card. This is the keyboard and screen-reader route to everything highlighted in the page.
// Below it: possible mentions (under the highlight threshold), related stories, and what the reader read before.
import { useState } from 'preact/hooks';
import { ACTOR_TYPES } from '../core/types';
import type { ArticleState } from '../shared/protocol';
import { t } from '../shared/i18n';
import { foldForSearch, typeLabel } from '../ui/format';
import { StoryList } from '../ui/Stories';

export interface ArticlePanelProps {
  state: ArticleState;
  /** The actor whose card is open, marked as current in the list. */
  current: string | null;
  onOpen: (id: string) => void;
  names: (id: string) => string;
  /** 1 when no card is shown, so the page still has one h1. */
  level: 1 | 2;
}

export function ArticlePanel({ state, current, onOpen, names, level }: ArticlePanelProps) {
  const [filter, setFilter] = useState('');
  const q = foldForSearch(filter.trim());
  const shown = q ? state.entities.filter((e) => foldForSearch(e.name).includes(q)) : state.entities;
  const groups = ACTOR_TYPES.map((type) => ({
    type,
    items: shown.filter((e) => e.type === type).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  })).filter((g) => g.items.length);
  const H = level === 1 ? 'h1' : 'h2';
  const G = level === 1 ? 'h2' : 'h3'; // type groups sit one level below, so no level is skipped
  const possible = dedupePossible(state);
  const corpus = state.related.filter((r) => r.origin === 'corpus');
  const history = state.related.filter((r) => r.origin === 'history');

  return (
    <div class="article-panel">
      <section class="panel-section" aria-labelledby="in-article">
        <H id="in-article" tabIndex={-1}>{t('inArticleHeading')}</H>
        {state.article.title && <p class="small muted article-title" dir="auto">{state.article.title}</p>}
        {state.entities.length === 0 ? (
          <p class="muted">{t('inArticleNone')}</p>
        ) : (
          <>
            <p class="small muted">{t('inArticleSummary', [state.entities.length, state.mentions.length])}</p>
            <div class="filter">
              <label for="actor-filter">{t('inArticleFilter')}</label>
              <input id="actor-filter" type="search" value={filter} autoComplete="off"
                onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
            </div>
            {groups.length === 0 && <p class="muted" role="status">{t('inArticleNoMatch', filter.trim())}</p>}
            {groups.map((g) => (
              <div class="type-group" key={g.type} data-type={g.type}>
                <G id={`group-${g.type}`} class="group-heading">
                  {typeLabel(g.type, true)} <span class="count" aria-hidden="true">{g.items.length}</span>
                </G>
                <ul class="actor-list" aria-labelledby={`group-${g.type}`}>
                  {g.items.map((e) => (
                    <li key={e.id}>
                      <button type="button" class="actor-btn" data-id={e.id} aria-current={e.id === current ? 'true' : undefined}
                        onClick={() => onOpen(e.id)}>
                        <span class={`dot dot-${e.type}`} aria-hidden="true" />
                        <span class="actor-name" dir="auto">{e.name}</span>
                        <span class="count" aria-hidden="true">{e.count}</span>
                        <span class="visually-hidden">{`, ${t('mentionsCount', e.count)}`}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        )}
      </section>

      {possible.length > 0 && (
        <section class="panel-section possible" aria-labelledby="possible">
          <hr />
          <h2 id="possible">{t('possibleHeading')}</h2>
          <p class="small muted">{t('possibleHint')}</p>
          <ul class="chips">
            {possible.map((m) => (
              <li key={`${m.entityId}|${m.text}`}>
                <button type="button" class="btn chip" onClick={() => onOpen(m.entityId)}>
                  {names(m.entityId) ? t('possibleItem', [m.text, names(m.entityId)]) : `“${m.text}”`}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {corpus.length > 0 && (
        <section class="panel-section" aria-labelledby="related">
          <h2 id="related">{t('relatedHeading')}</h2>
          <StoryList stories={corpus} names={names} label={t('relatedHeading')} />
        </section>
      )}
      {history.length > 0 && (
        <section class="panel-section" aria-labelledby="you-read">
          <h2 id="you-read">{t('youReadHeading')}</h2>
          <StoryList stories={history} names={names} label={t('youReadHeading')} />
        </section>
      )}
    </div>
  );
}

function dedupePossible(state: ArticleState) {
  const seen = new Set<string>();
  return state.possible.filter((m) => {
    const k = `${m.entityId}|${m.text.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, 20);
}
