/**
 * The activities of <sq-activity-calendar> (chips in the grid's cells, rows in the chosen day
 * and the agenda), their styles and strings: a chunk loaded with the first read of a range's
 * activities (in parallel with it), so the calendar's first render (the days, 农历, 休/班) does
 * not wait for them. The dialog (later.ts) imports it too.
 */
import { css, html, nothing } from 'lit';
import { shanghaiClock, type CivilDate } from '../../../../domain/time.js';
import { i18n } from '../../../../ui/localize.js';
import zhActivities from '../../locales/zh-CN/activity-calendar-activities.js';
import type { Occurrence } from '../../model.js';
import type { SqActivityCalendar } from './activity-calendar.js';

// The activities' strings join the element's own (English has them in its one lazy file).
i18n.addResourceBundle('zh-CN', 'activity-calendar', zhActivities, true, true);

type Host = SqActivityCalendar;

/** When an occurrence is: `19:00` (its start), or 全天. */
export function time(host: Host, o: Occurrence): string {
  return o.allDay ? host.t.t('allDay') : shanghaiClock(o.start);
}

/** Its seats and state: 余3位, 已满 可候补, 不限名额, 已取消… */
export function seats(host: Host, o: Occurrence): string {
  const t = host.t;
  return o.state !== 'open'
    ? t.t(`seats.${o.state}`)
    : o.capacity
      ? t.t('seats.left', { n: o.left ?? 0 })
      : t.t('seats.unlimited');
}

/** When it is, start to end (19:00–21:00), or 全天. */
export const timeOf = (host: Host, o: { allDay?: boolean; start: string; end: string }) =>
  o.allDay ? host.t.t('allDay') : `${shanghaiClock(o.start)}–${shanghaiClock(o.end)}`;

/**
 * Chips in a grid cell (plain spans: a month of 500 activities stays light): time, title and
 * seats, up to `max`, then 另 N 项; a narrow grid (a phone) has room for the count only (3项).
 * Hidden from screen readers: the cell's label counts them,
 * and the chosen day lists them as buttons.
 */
export function chips(host: Host, list: Occurrence[], max: number) {
  const rest = list.length - max;
  return html`${list.slice(0, max).map(
    (o) =>
      html`<span
        class="chip"
        part="chip"
        data-state=${o.state}
        data-key=${`${o.activity}@${o.date}`}
        aria-hidden="true"
        ><span class="time">${time(host, o)}</span>
        ${o.state === 'cancelled' ? html`<s>${o.title}</s>` : o.title}
        <span class="seats">${seats(host, o)}</span></span
      >`,
  )}${rest > 0 ? html`<span class="more" aria-hidden="true">${host.t.t(max ? 'more' : 'count', { n: rest })}</span>` : nothing}`;
}

/** A day's activities as buttons that open each one (the chosen day, the agenda). */
export function rows(host: Host, date: CivilDate, intro = false) {
  const t = host.t;
  const list = host.occurrences?.get(date);
  if (!list) {
    return intro && host.occurrences
      ? html`<p class="hint-text">${t.t('noActivities')}</p>`
      : nothing;
  }
  return html`<ul class="activities" part="activities">
    ${list.map((o) => {
      const cancelled = o.state === 'cancelled';
      return html`<li data-state=${o.state}>
        <button
          type="button"
          class="activity"
          part="activity"
          data-key=${`${o.activity}@${o.date}`}
          aria-haspopup="dialog"
          @click=${() => host.open(o)}
        >
          <span class="time">${timeOf(host, o)}</span>
          ${cancelled ? html`<s>${o.title}</s>` : html`<strong>${o.title}</strong>`}
        </button>
        <p class="facts">
          <span>${o.place}</span> <span class="category">${t.t(`categories.${o.category}`)}</span>
          <span class="seats" data-state=${o.state}>${seats(host, o)}</span>
          ${cancelled && o.reason ? html`<span class="reason">${t.t('reason', { reason: o.reason })}</span>` : nothing}
        </p>
      </li>`;
    })}
  </ul>`;
}

export const activityStyles = [
  css`
    /* Activities: chips in the cells (plain spans), rows in the chosen day and the agenda. */
    .day > .chip {
      display: block;
      margin-top: 2px;
      padding: 0 2px;
      border-radius: 0.25rem;
      background: var(--sq-activity-calendar-chip);
      font-size: var(--sq-font-size-small);
      line-height: 1.3;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .week .day > .chip {
      white-space: normal;
    }
    .chip .time,
    .chip .seats {
      font-weight: 600;
    }
    .chip[data-state='full'] .seats,
    .activities [data-state='full'] .seats {
      color: var(--sq-color-primary);
    }
    .chip[data-state='cancelled'],
    .chip[data-state='finished'] {
      background: var(--sq-color-surface-raised);
      color: var(--sq-color-text-muted);
    }
    .day > .more {
      font-size: var(--sq-font-size-small);
      color: var(--sq-color-text-muted);
    }
    /* A phone's grid: the count in a chip of its own (3项; English the number alone). */
    .narrow .day > .more {
      margin-top: 2px;
      border-radius: 0.25rem;
      background: var(--sq-activity-calendar-chip);
      text-align: center;
      font-weight: 700;
      color: var(--sq-color-primary);
    }
    .activities {
      margin: var(--sq-space-2) 0 0;
      padding: 0;
      list-style: none;
    }
    .activities li {
      padding: var(--sq-space-2) 0;
      border-top: var(--sq-border-width) solid var(--sq-color-border);
    }
    button.activity {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--sq-space-2);
      width: 100%;
      padding: var(--sq-space-2);
      text-align: start;
      color: var(--sq-color-text);
      background: var(--sq-color-surface);
      border: var(--sq-border-width) solid var(--sq-color-border);
      border-radius: var(--sq-radius);
    }
    button.activity:focus-visible {
      outline: var(--sq-focus-ring);
    }
    .activity .time {
      font-weight: 700;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--sq-space-3);
      margin: var(--sq-space-1) 0 0;
    }
    .facts .seats {
      font-weight: 600;
    }
    .category,
    .reason {
      color: var(--sq-color-text-muted);
    }
  `,
];
