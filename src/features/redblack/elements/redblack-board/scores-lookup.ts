/**
 * <sq-redblack-board>'s 查我家楼栋: one building's 和谐楼道 scores — each rubric item, the total
 * and its rank among the buildings scored that period, and its past periods. Part of the board's
 * later chunk (loaded when the reader opens it, never for the board's first render).
 */
import { css, html, nothing } from 'lit';
import { ApiError } from '../../../../sdk/errors.js';
import { displayName } from '../../../../domain/names.js';
import { selectField } from '../../../../ui/fields/field.js';
import type { PublicBuildingScores } from '../../model.js';
import type { SqRedblackBoard } from './redblack-board.js';

type Host = SqRedblackBoard;

export const scoresStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
    margin: var(--sq-space-2) 0;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: var(--sq-space-1);
  }
  th,
  td {
    text-align: start;
    padding: var(--sq-space-1) var(--sq-space-2);
    border-bottom: var(--sq-border-width) solid var(--sq-color-border);
    overflow-wrap: anywhere;
  }
  .n {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /* A figure stays whole; its heading (得分（满分 10 分）) wraps at 320px with 200% text. */
  td.n {
    white-space: nowrap;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2) var(--sq-space-5);
    margin: var(--sq-space-2) 0;
  }
  .figures dt {
    font-weight: 600;
  }
  .figures dd {
    margin: 0;
    font-size: var(--sq-font-size-key);
    font-weight: 700;
  }
`;

/** Score look-ups in flight: an answer for an earlier choice never shows. */
let asked = 0;
let busy = false;
let failure: ApiError | undefined;
let error: string | undefined;

/** Looks the chosen building (and period) up. */
async function find(host: Host) {
  const t = host.t;
  const { building, period } = host.scores;
  failure = undefined;
  error = undefined;
  if (!building) {
    error = t.t('buildingScores.buildingRequired');
    host.scores = { building, period };
    host.requestUpdate();
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#score-building')?.focus();
    return;
  }
  const ask = ++asked;
  busy = true;
  host.announce = t.t('buildingScores.finding');
  host.requestUpdate();
  try {
    const found = await host.client.redblack.buildingScores(
      host.communityId ?? '',
      building,
      period || undefined,
    );
    if (ask !== asked) return;
    host.scores = { building, period, found };
    host.announce = found.period ? t.t('buildingScores.found') : t.t('buildingScores.notScored');
  } catch (e) {
    if (ask !== asked) return;
    const err = ApiError.from(e);
    host.scores = { building, period };
    if (err.code === 'not_found') error = t.t('buildingScores.notScoredIn');
    else failure = err;
    host.announce = '';
  } finally {
    if (ask === asked) busy = false;
    host.requestUpdate();
  }
}

/** The period's label in the reader's language (the server's is Chinese). */
const periodOf = (host: Host, key: string, label: string) => host.periodName(key, label);

export function renderScores(host: Host) {
  const t = host.t;
  const lang = t.lang;
  const community = host.client.communities.peek(host.communityId ?? '');
  const buildings = (community?.grids ?? []).flatMap((g) =>
    g.buildings.map((b) => ({
      id: b.id,
      label: `${displayName(b, lang)}（${displayName(g, lang)}）`,
    })),
  );
  const { building, period, found } = host.scores;
  const periods = found?.periods ?? [];
  const form = html`<form
    part="form"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      void find(host);
    }}
    @change=${(e: Event) => {
      const target = e.target as HTMLSelectElement;
      // A new building starts from its latest period.
      host.scores =
        target.id === 'score-building'
          ? { building: target.value, period: '' }
          : { ...host.scores, period: target.value };
      error = undefined;
      host.requestUpdate();
    }}
  >
    ${selectField({
      id: 'score-building',
      label: t.t('buildingScores.building'),
      hint: t.t('buildingScores.buildingHint'),
      value: building,
      empty: t.t('buildingScores.choose'),
      options: buildings,
      error: error && !found ? error : undefined,
    })}
    ${
      periods.length > 1
        ? selectField({
            id: 'score-period',
            label: t.t('buildingScores.period'),
            value: period,
            empty: t.t('buildingScores.latest'),
            options: periods.map((p) => ({ id: p.key, label: periodOf(host, p.key, p.label) })),
          })
        : nothing
    }
    <button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'}>
      ${busy ? t.t('buildingScores.finding') : t.t('buildingScores.show')}
    </button>
  </form>`;
  return html`<div class="view-head">
      <button type="button" class="button-secondary" @click=${() => host.close()}>
        ${t.t('back')}
      </button>
      <h2 id="view" tabindex="-1">${t.t('buildingScores.heading')}</h2>
    </div>
    <p class="hint-text">${t.t('buildingScores.intro')}</p>
    ${form}
    ${
      failure
        ? html`<div class="alert" role="alert" part="error">
            <p>${t.t('buildingScores.failed')}${t.t(failure.key)}</p>
            <button type="button" class="button-secondary" @click=${() => void find(host)}>
              ${t.t('common:retry')}
            </button>
          </div>`
        : nothing
    }
    <div aria-busy=${busy ? 'true' : 'false'}>${found ? renderFound(host, found) : nothing}</div>`;
}

function renderFound(host: Host, s: PublicBuildingScores) {
  const t = host.t;
  const lang = t.lang;
  const name = displayName(s, lang);
  if (!s.period) {
    return html`<section class="result" part="result">
      <h3>${name}</h3>
      <p role="status">${t.t('buildingScores.notScored')}</p>
    </section>`;
  }
  return html`<section class="result" part="result">
    <h3>${name} · ${periodOf(host, s.period, s.periodLabel ?? s.period)}</h3>
    <dl class="figures">
      <div>
        <dt>${t.t('buildingScores.total')}</dt>
        <dd>${t.t('buildingScores.totalOf', { total: s.total, max: s.max })}</dd>
      </div>
      <div>
        <dt>${t.t('buildingScores.rank')}</dt>
        <dd>${t.t('buildingScores.rankOf', { rank: s.rank, of: s.of })}</dd>
      </div>
    </dl>
    <table part="scores">
      <caption>
        ${t.t('buildingScores.items')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.t('buildingScores.item')}</th>
          <th scope="col" class="n">${t.t('buildingScores.score')}</th>
        </tr>
      </thead>
      <tbody>
        ${s.items.map(
          (i) =>
            html`<tr>
              <th scope="row">${displayName(i, lang)}</th>
              <td class="n">${i.score}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      s.periods.length > 1
        ? html`<h4>${t.t('buildingScores.history')}</h4>
            <ul>
              ${s.periods.map(
                (p) =>
                  html`<li>
                    ${t.t('buildingScores.historyLine', {
                      period: periodOf(host, p.key, p.label),
                      total: p.total,
                    })}
                  </li>`,
              )}
            </ul>`
        : nothing
    }
  </section>`;
}
