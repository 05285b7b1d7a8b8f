/**
 * What <sq-redblack-score-sheet> loads with its first data (or its sign-in), right after its
 * first render: the sign-in form, the period choice, the ranking, each building's card with its
 * score fields, saving, and the fields' styles and messages (English has them in its one lazily
 * loaded file).
 */
import { html, nothing } from 'lit';
import type { ScoreSheet } from '../../model.js';
import { SCORE_MAX, periodAt, periodLabel } from '../../rules.js';
import { displayName } from '../../../../domain/names.js';
import zhScoreFields from '../../locales/zh-CN/redblack-score-fields.js';
import zhCN from '../../locales/zh-CN/redblack-score-sheet.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { fieldStyles } from '../../../../ui/fields/fields.styles.js';
import { field, selectField } from '../../../../ui/fields/field.js';
import { i18n } from '../../../../ui/localize.js';
import { renderDateTime } from '../../../../ui/time.js';
import { SqDraftSuggestedEvent, SqScoredEvent } from './events.js';
import type { SqRedblackScoreSheet } from './score-sheet.js';
import { scoreSheetStyles } from './score-sheet.styles.js';

// The score fields' messages join the sheet's strings (the period is chosen, never typed).
i18n.addResourceBundle('zh-CN', 'redblack-score-sheet', { ...zhScoreFields, ...zhCN }, true);

type Host = SqRedblackScoreSheet;

/**
 * Adds the fields' styles to the sheet (once, when this chunk loads), and its own after them
 * again: they narrow the fields (the period's, the items') and must win over the kit's.
 */
export function attach(host: Host): void {
  adoptLater(host, [fieldStyles, scoreSheetStyles]);
}

/** A period's name in the reader's language. */
const periodName = (host: Host, key: string) => periodLabel(key, host.t.lang);

function focus$(host: Host, selector: string) {
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

type Row = ScoreSheet['rows'][number];

/** A score as typed: its field error's key, or the number. */
export function readScore(text: string): { score: number } | { key: string } {
  const value = text.trim().replace(',', '.');
  if (!value) return { key: 'score.required' };
  const n = Number(value);
  if (!Number.isFinite(n)) return { key: 'score.invalid' };
  if (n < 0 || n > SCORE_MAX) return { key: 'score.range' };
  if (!Number.isInteger(n * 2)) return { key: 'score.step' };
  return { score: n };
}

/** The period before `key` of the same kind (for the period choice). */
const quarterBefore = (key: string) => {
  const [y, q] = key.split('-Q').map(Number) as [number, number];
  return q > 1 ? `${y}-Q${q - 1}` : `${y - 1}-Q4`;
};

function draftOf(host: Host, row: Row) {
  let draft = host.drafts.get(row.building);
  if (!draft) {
    draft = Object.fromEntries(
      (host.sheet?.items ?? []).map((i) => [i.id, row.scores?.[i.id]?.toString() ?? '']),
    );
    host.drafts.set(row.building, draft);
  }
  return draft;
}

function nameOf(host: Host, row: Row) {
  return displayName(row, host.t.lang);
}

export async function save(host: Host, row: Row) {
  const t = host.t;
  const sheet = host.sheet;
  if (!sheet) return;
  const draft = draftOf(host, row);
  const errors: Record<string, string> = {};
  const scores: Record<string, number> = {};
  for (const item of sheet.items) {
    const read = readScore(draft[item.id] ?? '');
    if ('key' in read) errors[item.id] = read.key;
    else scores[item.id] = read.score;
  }
  host.errors.set(row.building, errors);
  const building = nameOf(host, row);
  const wrong = Object.keys(errors);
  if (wrong.length) {
    host.announce = t.t('fixErrors', { building, n: wrong.length });
    host.requestUpdate();
    await host.updateComplete;
    focus$(host, `#s-${row.building}-${wrong[0]}`);
    return;
  }
  host.announce = '';
  const input = { community: sheet.community, period: sheet.period, building: row.building };
  const outcome = await host.saving.run(row.building, { ...input, scores }, (client, key) =>
    client.redblack.putBuildingScores({ ...input, scores }, { idempotencyKey: key }),
  );
  if (!outcome) return;
  if ('error' in outcome) {
    const e = outcome.error;
    if (e.code === 'unauthorized') return host.session.expired();
    for (const f of e.fields) {
      const item = f.path.startsWith('scores.') ? f.path.slice('scores.'.length) : undefined;
      if (item) errors[item] = f.key;
    }
    host.errors.set(row.building, errors);
    host.requestUpdate();
    return;
  }
  host.drafts.delete(row.building);
  host.errors.delete(row.building);
  host.announce = t.t('saved', { building, total: outcome.value.total });
  host.notify(
    new SqScoredEvent({
      building: row.building,
      period: sheet.period,
      total: outcome.value.total,
    }),
  );
  await host.load();
}

export function renderPeriods(host: Host) {
  const t = host.t;
  const now = periodAt('quarter', new Date());
  const keys = [
    ...new Set([
      host.period,
      now,
      quarterBefore(now),
      ...(host.sheet?.periods.map((p) => p.key) ?? []),
    ]),
  ].sort((a, b) => (a < b ? 1 : -1));
  const label = (key: string) => periodName(host, key);
  return html`<div class="bar">
    <div
      @change=${(e: Event) => {
        host.period = (e.target as HTMLSelectElement).value || host.period;
      }}
    >
      ${selectField({
        id: 'period',
        label: t.t('periodPick'),
        value: host.period,
        empty: '—',
        options: keys.map((k) => ({ id: k, label: label(k) })),
      })}
    </div>
  </div>`;
}

function suggestion(host: Host, row: Row) {
  return row.suggestion
    ? html`<span class="badge badge-${row.suggestion}"
        >${host.t.t(`suggest.${row.suggestion}`)}</span
      >`
    : nothing;
}

export function renderRanking(host: Host, sheet: ScoreSheet) {
  const t = host.t;
  const ranked = sheet.rows
    .filter((r) => r.rank !== undefined)
    .sort((a, b) => a.rank! - b.rank!)
    .concat(sheet.rows.filter((r) => r.rank === undefined));
  return html`<table part="ranking">
    <caption>
      ${t.t('ranking', {
        period: periodName(host, sheet.period),
        scored: sheet.scored,
        all: sheet.rows.length,
      })}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t.t('rank')}</th>
        <th scope="col">${t.t('building')}</th>
        <th scope="col">${t.t('total')}</th>
        <th scope="col">${t.t('suggestion')}</th>
      </tr>
    </thead>
    <tbody>
      ${ranked.map(
        (r) =>
          html`<tr data-suggestion=${r.suggestion ?? nothing}>
            <td class="n">${r.rank ?? t.t('none')}</td>
            <th scope="row">${nameOf(host, r)}</th>
            <td class="n">${r.total ?? t.t('notScored')}</td>
            <td>${r.suggestion ? suggestion(host, r) : t.t('none')}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function renderBuilding(host: Host, sheet: ScoreSheet, row: Row) {
  const t = host.t;
  const draft = draftOf(host, row);
  const errors = host.errors.get(row.building) ?? {};
  const name = nameOf(host, row);
  const busy = host.saving.busy && host.saving.name === row.building;
  const failed = host.saving.is(row.building, 'failed') && !host.saving.fields.length;
  const heading = `h-${row.building}`;
  return html`<section
    part="building"
    data-building=${row.building}
    data-suggestion=${row.suggestion ?? nothing}
    aria-labelledby=${heading}
  >
    <h3 id=${heading}>${name}</h3>
    <p>
      ${
        row.total === undefined
          ? t.t('notScored')
          : t.t('status', { total: row.total, max: sheet.max, rank: row.rank })
      }
      ${suggestion(host, row)}
    </p>
    ${
      host.draftable && row.suggestion
        ? html`<button
            type="button"
            class="button-secondary"
            part="draft"
            @click=${() =>
              host.notify(
                new SqDraftSuggestedEvent({
                  building: row.building,
                  list: row.suggestion!,
                  period: sheet.period,
                }),
              )}
          >
            ${t.t(`draft.${row.suggestion}`)}<span class="visually-hidden"
              >${t.t('saveOf', { building: name })}</span
            >
          </button>`
        : nothing
    }
    ${
      row.scoredAt
        ? html`<p class="meta">
            ${t.t('scoredAt', { at: '' })}${renderDateTime(row.scoredAt, t.lang, 'short')}
            ${row.rescored ? html`· ${t.t('rescored', { n: row.rescored })}` : nothing}
          </p>`
        : nothing
    }
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void save(host, row);
      }}
    >
      <div class="items">
        ${sheet.items.map((item) => {
          const id = `s-${row.building}-${item.id}`;
          const error = errors[item.id];
          return field(
            {
              id,
              label: displayName(item, t.lang),
              hint: t.t('scoreHint'),
              error: error ? t.t(error) : undefined,
            },
            (d, invalid) =>
              html`<input
                id=${id}
                name=${item.id}
                type="number"
                inputmode="decimal"
                min="0"
                max=${SCORE_MAX}
                step="0.5"
                aria-describedby=${d}
                aria-invalid=${invalid}
                .value=${draft[item.id] ?? ''}
                @input=${(e: Event) => {
                  draft[item.id] = (e.target as HTMLInputElement).value;
                }}
              />`,
          );
        })}
      </div>
      ${
        failed
          ? html`<p class="alert" role="alert" part="error">
              ${t.t('failed')}${t.t(host.saving.message ?? 'errors.internal')}
            </p>`
          : nothing
      }
      <button type="submit" class="primary" part="save" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? t.t('saving') : t.t('save')}<span class="visually-hidden"
          >${t.t('saveOf', { building: name })}</span
        >
      </button>
    </form>
  </section>`;
}
