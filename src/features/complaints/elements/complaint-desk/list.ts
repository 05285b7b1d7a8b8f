import { html, nothing } from 'lit';
import { categoriesOf } from '../../../core/elements/categories.js';
import { displayName } from '../../../../domain/names.js';
import type { ComplaintSummary } from '../../views.js';
import type { ComplaintStatus } from '../../machine.js';
import { shanghaiDate } from '../../../../domain/time.js';
import type { SqComplaintDesk as Desk } from './complaint-desk.js';
import { complaintTone } from '../tones.js';

export { listStyles } from './list.styles.js';
export { choiceStyles } from '../../../../ui/choice-styles.js';

/** Open cases first, the earliest due first; closed ones after, the latest due first. */
function sorted(d: Desk, items: ComplaintSummary[]) {
  return [...items].sort((a, b) => {
    const open = Number(d.isOpen(b.status)) - Number(d.isOpen(a.status));
    if (open) return open;
    const due = a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0;
    return d.isOpen(a.status) ? due : -due;
  });
}

/** "还剩 2 天", "今天到期", "超期 3 天" (calendar days, Beijing date) for an open case. */
function left_(d: Desk, c: ComplaintSummary) {
  if (!d.isOpen(c.status)) return '';
  const days = Math.round(
    (Date.parse(c.dueDate) - Date.parse(shanghaiDate(new Date()))) / 86_400_000,
  );
  const t = d.localize;
  if (days === 0) return t.t('list.today');
  return days > 0 ? t.t('list.left', { count: days }) : t.t('list.late', { count: -days });
}

function filter(d: Desk, e: Event) {
  const data = new FormData(e.currentTarget as HTMLFormElement);
  const get = (name: string) => (data.get(name) as string) || undefined;
  d.filters = {
    status: get('status') as ComplaintStatus | undefined,
    category: get('category'),
    grid: get('grid'),
    overdue: data.has('overdue') || undefined,
  };
  void d.load();
}

/** The filters and the list of cases. */
export function renderList(d: Desk) {
  const t = d.localize;
  const lang = t.lang;
  const all = t.t('filters.all');
  const items = d.items;
  return html`<form
      part="filters"
      class="filters"
      @change=${(e: Event) => filter(d, e)}
      @submit=${(e: Event) => e.preventDefault()}
    >
      ${d.renderSelect(
        'status',
        t.t('filters.status'),
        d.statuses.map((s) => [s, t.t(`status.${s}`)]),
        all,
      )}
      ${d.renderSelect(
        'category',
        t.t('filters.category'),
        (d.tree ? categoriesOf(d.tree, 'complaint') : []).map((c) => [c.id, displayName(c, lang)]),
        all,
      )}
      ${d.renderSelect(
        'grid',
        t.t('filters.grid'),
        (d.tree?.grids ?? []).map((g) => [g.id, displayName(g, lang)]),
        all,
      )}
      <label class="choice"
        ><input type="checkbox" name="overdue" /><span>${t.t('filters.overdue')}</span></label
      >
      <!-- Residents keep acting (rating, reopening): the list is as of its last load. -->
      <button type="button" class="button-secondary" @click=${() => void d.load()}>
        ${t.t('list.refresh')}
      </button>
    </form>
    ${d.renderAlert(d.error, 'list.failed', d.retry)}
    <h3 id="list" tabindex="-1">${t.t('tabs.list')}</h3>
    <p class="hint-text">${t.t('list.order')}</p>
    ${items?.length === 0 ? html`<p role="status">${t.t('list.empty')}</p>` : nothing}
    <ul part="list" class="list" aria-busy=${d.busy ? 'true' : 'false'}>
      ${sorted(d, items ?? []).map((c) => {
        const left = left_(d, c);
        const grid = d.tree?.grids.find((g) => g.id === c.grid);
        return html`<li>
          <button
            type="button"
            part="row"
            class="row"
            data-id=${c.id}
            aria-current=${d.current?.id === c.id ? 'true' : nothing}
            @click=${() => d.show(c.id)}
          >
            <span class="line">
              <strong class="nowrap">${c.ticket}</strong>
              <span class="badge" data-tone=${complaintTone[c.status]}
                >${t.t(`status.${c.status}`)}</span
              >
              ${c.overdue ? html`<strong class="badge" data-tone="overdue">${t.t('overdue')}</strong>` : nothing}
            </span>
            <span class="line">
              <span class="nowrap">${t.t('list.due', { date: d.day(c.dueDate) })}</span>
              ${left ? html`<strong class=${c.overdue ? 'nowrap late' : 'nowrap'}>${left}</strong>` : nothing}
            </span>
            <span class="line muted">
              <span>${d.category(c.category)}</span>
              ${grid ? html`<span>${displayName(grid, lang)}</span>` : nothing}
              <span
                >${c.handler ? t.t('list.handler', { name: c.handler.name }) : t.t('list.unassigned')}</span
              >
            </span>
            <span class="excerpt">${c.excerpt}</span>
          </button>
        </li>`;
      })}
    </ul>
    ${d.busy ? html`<p role="status">${t.t('common:loading')}</p>` : nothing}
    ${
      d.cursor && !d.busy
        ? html`<button type="button" class="button-secondary" @click=${() => d.load(true)}>
            ${t.t('list.more')}
          </button>`
        : nothing
    }`;
}
