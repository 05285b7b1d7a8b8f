import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { categoriesFor } from '../../../core/catalogues.js';
import type { Category } from '../../../core/model.js';
import { displayName } from '../../../../domain/names.js';
import { formatDate } from '../../../../domain/time.js';
import type { ComplaintMetrics } from '../../views.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/complaint-metrics.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';

type Rates = Omit<ComplaintMetrics, 'community' | 'from' | 'to' | 'byCategory'>;

/** Today in Beijing as `YYYY-MM-DD` (the dates cases are counted by). */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 三率 of 居民说事 for a period: 响应率 (first response within 1 working day), 解决率, 满意率,
 * the overdue count, and the same by category, for the cases received between two dates.
 * Staff only: it needs a staff session (or an embedded client with an `actor`). Used by
 * `<sq-complaint-desk>`; works alone too.
 *
 * @summary 三率 (response, resolution, satisfaction) and overdue cases for a period.
 *
 * @csspart form - The period form.
 * @csspart figures - The key figures of the whole period.
 * @csspart categories - The figures by category.
 * @csspart error - The load-failure alert.
 *
 * @cssprop --sq-font-size-key - Size of the key figures (30px in care mode).
 * @cssprop --sq-color-primary - Colour of the button.
 * @cssprop --sq-color-danger - Colour of the overdue count when cases are past due.
 * @cssprop --sq-color-success - Colour of the overdue count when none is past due.
 */
export class SqComplaintMetrics extends SqElement {
  static override tagName = 'sq-complaint-metrics';
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      form,
      dl,
      ul {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--sq-space-3);
        margin: 0 0 var(--sq-space-3);
        padding: 0;
      }
      label,
      dt {
        display: block;
        font-weight: 600;
      }
      form > div {
        flex: 0 1 12em;
        min-width: 0;
      }
      input {
        display: block;
        width: 100%;
        font: inherit;
        min-height: var(--sq-target-size);
        padding: 0 var(--sq-space-2);
        border: var(--sq-border-width) solid var(--sq-color-border);
        border-radius: var(--sq-radius);
      }
      button {
        color: var(--sq-color-on-primary);
        background: var(--sq-color-primary);
        border: 0;
      }
      dl div {
        min-width: 6.5em;
      }
      dd {
        margin: 0;
        font-size: var(--sq-font-size-key);
        font-weight: 700;
      }
      /* Figures by their meaning: counts and rates in the text colour; red only where
         something needs doing (cases past their due date), green when nothing is overdue. */
      .bad dd {
        color: var(--sq-color-danger);
      }
      .good dd {
        color: var(--sq-color-success);
      }
      li {
        list-style: none;
        flex: 1 1 16rem;
        padding: var(--sq-space-3);
        border: var(--sq-border-width) solid var(--sq-color-border);
        border-radius: var(--sq-radius);
      }
      /* In a category's card the figure, not its name, stands out. */
      li dt {
        font-weight: 400;
      }
      li dd {
        font-size: var(--sq-font-size-body);
      }
      .alert {
        padding: var(--sq-space-3);
        border-inline-start: 4px solid var(--sq-color-danger);
        background: var(--sq-color-surface-raised);
      }
      h3,
      h4 {
        margin: var(--sq-space-3) 0;
        font-size: var(--sq-font-size-heading);
      }
      h4 {
        font-size: inherit;
        margin: 0 0 var(--sq-space-2);
      }
    `,
  ];

  /** First day of the period (`YYYY-MM-DD`, Beijing date); default: the 1st of this month. */
  @property() from = today().slice(0, 8) + '01';
  /** Last day of the period, included; default: today. */
  @property() to = today();

  @state() private data?: ComplaintMetrics;
  @state() private categories: Category[] = [];
  @state() private error?: ApiError;
  @state() private invalid = '';
  @state() private busy = false;

  /** Bumped by every load: an answer for an earlier period or client never shows. */
  private loads = 0;

  private readonly localize = new LocalizeController(this, 'complaint-metrics', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/complaint-metrics.js'),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('from') || changed.has('to') || changed.has('community')) void this.load();
  }

  /** Loads the figures of `from`–`to`. */
  async load() {
    const community = this.communityId;
    if (!community) return;
    const load = ++this.loads;
    const client = this.client;
    this.busy = true;
    this.error = undefined;
    try {
      const [data, tree] = await Promise.all([
        client.complaints.metrics({ community, from: this.from, to: this.to }),
        client.communities.get(community),
      ]);
      if (load !== this.loads) return;
      this.data = data;
      this.categories = categoriesFor(tree, 'complaint');
    } catch (e) {
      if (load !== this.loads) return;
      this.error = ApiError.from(e);
    }
    this.busy = false;
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const from = String(data.get('from'));
    const to = String(data.get('to'));
    this.invalid = !from || !to ? 'date.invalid' : to < from ? 'date.range' : '';
    if (this.invalid) {
      void this.updateComplete.then(() => this.renderRoot.querySelector('input')?.focus());
      return;
    }
    // A new period loads through willUpdate; the same one again is a refresh.
    if (from === this.from && to === this.to) void this.load();
    this.from = from;
    this.to = to;
  }

  private figures(r: Rates, part?: string) {
    const t = this.localize;
    const rate = (v: number | null) =>
      v === null ? t.t('none') : t.number(v, { style: 'percent', maximumFractionDigits: 1 });
    const item = (key: string, value: string, tone?: 'bad' | 'good') =>
      html`<div class=${tone ?? nothing}>
        <dt>${t.t(key)}</dt>
        <dd>${value}</dd>
      </div>`;
    return html`<dl part=${part ?? nothing}>
      ${item('total', t.number(r.total))} ${item('responseRate', rate(r.responseRate))}
      ${item('resolutionRate', rate(r.resolutionRate))}
      ${item('satisfactionRate', rate(r.satisfactionRate))}
      ${item('overdue', t.number(r.overdue), r.overdue > 0 ? 'bad' : 'good')}
    </dl>`;
  }

  /**
   * "2026年12月1日 至 2026年12月7日 受理的诉求": the dates as the desk writes them, each kept on
   * one line (not "2026-" / "12-07"), the last with the words after it.
   */
  private period(from: string, to: string) {
    const day = (date: string) =>
      html`<span class="nowrap"
        >${formatDate(date, this.localize.lang, { dateStyle: 'medium' })}</span
      >`;
    const [before, between, after] = this.localize
      .t('period', { from: '\n', to: '\n' })
      .split('\n');
    // The words after the last date go with it ("受理的诉" / "求" at 375px before).
    return html`${before}${day(from)}${between}<span class="nowrap">${day(to)}${after}</span>`;
  }

  protected override render() {
    const t = this.localize;
    const d = this.data;
    const invalid = this.invalid ? 'true' : 'false';
    const name = (id: string) => {
      const c = this.categories.find((c) => c.id === id);
      return c ? displayName(c, t.lang) : id;
    };
    const date = (key: 'from' | 'to') =>
      html`<div>
        <label for=${key}>${t.t(key)}</label>
        <input
          id=${key}
          name=${key}
          type="date"
          .value=${this[key]}
          aria-invalid=${invalid}
          aria-describedby=${this.invalid ? 'invalid' : nothing}
        />
      </div>`;
    return html`<h3>${t.t('title')}</h3>
      <form part="form" @submit=${this.submit} novalidate>
        ${date('from')} ${date('to')}
        <button>${t.t('show')}</button>
      </form>
      ${
        this.invalid
          ? html`<p id="invalid" class="error-text" role="alert">
              ${t.t(`common:${this.invalid}`)}
            </p>`
          : nothing
      }
      ${
        this.error
          ? html`<div class="alert" role="alert" part="error">
              <p>${t.t('failed')}${t.t(`common:${this.error.key}`)}</p>
              <button type="button" @click=${() => void this.load()}>${t.t('common:retry')}</button>
            </div>`
          : nothing
      }
      <div aria-busy=${this.busy ? 'true' : 'false'}>
        <p role="status">
          ${
            this.busy
              ? t.t('common:loading')
              : d
                ? d.total
                  ? this.period(d.from, d.to)
                  : t.t('empty')
                : ''
          }
        </p>
        ${
          d?.total
            ? html`${this.figures(d, 'figures')}
                <p class="hint-text">${t.t('help')}</p>
                <h4>${t.t('byCategory')}</h4>
                <ul part="categories">
                  ${d.byCategory
                    .filter((c) => c.total || c.overdue)
                    .map(
                      (c) =>
                        html`<li>
                          <h4>${name(c.category)}</h4>
                          ${this.figures(c)}
                        </li>`,
                    )}
                </ul>`
            : nothing
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-complaint-metrics': SqComplaintMetrics;
  }
}
