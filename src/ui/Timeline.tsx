// Timeline drawing of related stories around the article's date (issue #6). The dated list next to it carries the
// same information for screen readers, so the drawing is decorative (aria-hidden) apart from its visual labels.
import type { RelatedStory } from '../core/types';
import { t } from '../shared/i18n';
import { dayNumber, formatDate } from './format';

const W = 320;
const H = 64;
const PAD = 14;

const anchor = (px: number) => (px > W * 0.8 ? 'end' : px < W * 0.2 ? 'start' : 'middle');
const yearMonth = (day: number) => formatDate(new Date(day * 86_400_000).toISOString().slice(0, 7));

/** Dots for stories on a time axis; the article's date as a marked line. Nothing when fewer than one dated story. */
export function Timeline({ stories, articleDate }: { stories: RelatedStory[]; articleDate: string | null }) {
  const days = stories.map((s) => dayNumber(s.published)).filter((d): d is number => d !== null);
  const article = dayNumber(articleDate);
  if (!days.length) return null;
  const all = article === null ? days : [...days, article];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 30) { lo -= 15; hi += 15; }
  const x = (d: number) => PAD + ((d - lo) / (hi - lo)) * (W - 2 * PAD);
  const mid = H / 2;
  return (
    <svg class="timeline" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" data-stories={days.length}>
      <line x1={PAD} x2={W - PAD} y1={mid} y2={mid} class="timeline-axis" />
      {/* Under the dots: stories close to the article stay visible on top of its line. */}
      {article !== null && (
        <g class="timeline-article">
          <line x1={x(article)} x2={x(article)} y1={16} y2={H - 14} />
          <text x={x(article)} y={10} text-anchor={anchor(x(article))}>{t('timelineThisArticle')}</text>
        </g>
      )}
      {stories.map((s, i) => {
        const d = dayNumber(s.published);
        if (d === null) return null;
        const cls = s.when === 'after' ? 'timeline-dot after' : 'timeline-dot';
        // Alternate above/below a little so stories a few days apart stay distinct.
        return <circle key={s.id} cx={x(d)} cy={mid + (i % 2 ? 5 : -5)} r={4.5} class={cls} />;
      })}
      <text x={PAD} y={H - 2} class="timeline-end">{yearMonth(lo)}</text>
      <text x={W - PAD} y={H - 2} class="timeline-end" text-anchor="end">{yearMonth(hi)}</text>
    </svg>
  );
}
