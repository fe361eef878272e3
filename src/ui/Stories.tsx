// Lists of related stories: the card's "More on this actor" (split at the article's date) and the article's
// "Related" / "You read" lists. Links open only when clicked, in a new tab, without an opener.
import type { RelatedStory } from '../core/types';
import { t } from '../shared/i18n';
import { dayNumber, formatDate } from './format';

function StoryItem({ s, names }: { s: RelatedStory; names?: (id: string) => string }) {
  const shared = names ? s.shared.map(names).filter(Boolean) : [];
  return (
    <li class="story">
      {s.url ? (
        <a class="story-title" dir="auto" href={s.url} target="_blank" rel="noopener noreferrer">{s.title}</a>
      ) : (
        <span class="story-title" dir="auto">{s.title}</span>
      )}
      <span class="story-meta small muted">
        {s.source}
        {s.published && <> · <time dateTime={s.published}>{formatDate(s.published)}</time></>}
      </span>
      {shared.length > 0 && <span class="story-shared small muted">{t('storySharedActors', shared.join(', '))}</span>}
    </li>
  );
}

/** A plain dated list, newest first. */
export function StoryList({ stories, names, label }: { stories: RelatedStory[]; names?: (id: string) => string; label: string }) {
  const sorted = [...stories].sort((a, b) => (dayNumber(b.published) ?? 0) - (dayNumber(a.published) ?? 0));
  return (
    <ul class="stories" aria-label={label}>
      {sorted.map((s) => <StoryItem key={s.id} s={s} names={names} />)}
    </ul>
  );
}

/** Stories in date order with "This article" between those before and those after it. */
export function StoryTimelineList({ stories, articleDate, names }: {
  stories: RelatedStory[]; articleDate: string | null; names?: (id: string) => string;
}) {
  const sorted = [...stories].sort((a, b) => (dayNumber(a.published) ?? 0) - (dayNumber(b.published) ?? 0));
  const art = dayNumber(articleDate);
  const before = sorted.filter((s) => s.when === 'before' || (s.when === 'unknown' && (art === null || (dayNumber(s.published) ?? 0) <= art)));
  const after = sorted.filter((s) => !before.includes(s));
  return (
    <ol class="stories stories-timeline">
      {before.map((s) => <StoryItem key={s.id} s={s} names={names} />)}
      <li class="story story-here" aria-current="date">
        <span class="story-title">{t('timelineThisArticle')}</span>
        {articleDate && <span class="story-meta small muted"><time dateTime={articleDate}>{formatDate(articleDate)}</time></span>}
      </li>
      {after.map((s) => <StoryItem key={s.id} s={s} names={names} />)}
    </ol>
  );
}
