import {
  COMMENT_MAX,
  normalizeQueryCode,
  QUERY_CODE_INPUT_MAX,
  QUERY_CODE_LENGTH,
  TICKET_PATTERN,
} from '../../../../domain/input-rules.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ComplaintPublicView } from '../../views.js';
import type { ComplaintStatus, Rating } from '../../machine.js';
import { formatDate } from '../../../../domain/time.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/complaint-tracker.js';
import { ActionController } from '../../../../ui/action.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { lookupShell, lookupStyles } from '../../../../ui/lookup.js';
import { renderDateTime } from '../../../../ui/time.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { choiceStyles } from '../../../../ui/choice-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { trackerStyles } from './complaint-tracker.styles.js';
import { complaintTone } from '../tones.js';

/** The fields' messages (see later.ts), loaded right after the first render. */
const fieldStrings = () => import('./later.js');

const RATINGS: readonly Rating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

export interface RatedDetail {
  ticket: string;
  rating: Rating;
  /** `queued`: kept while offline, sent exactly once when the network is back. */
  state: 'delivered' | 'queued';
  /** The first 不满意: the case went back to be handled again (重办). */
  reopened: boolean;
  /** The case as it is now (delivered only). */
  view?: ComplaintPublicView;
}

/** `sq-rated`: the resident rated a resolved case (满意 / 基本满意 / 不满意). */
export class SqRatedEvent extends CustomEvent<RatedDetail> {
  static readonly type = 'sq-rated';
  constructor(detail: RatedDetail) {
    super(SqRatedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-rated': SqRatedEvent;
  }
  interface HTMLElementTagNameMap {
    'sq-complaint-tracker': SqComplaintTracker;
  }
}

type Field = 'ticket' | 'code';
type Outcome = 'rated' | 'reopened' | 'queued';

/**
 * A resident follows a case (居民查询): ticket number + query code → the current status, the
 * deadline (overdue flagged), the public history with staff replies, and, once the case is
 * 已办结, a rating (满意 / 基本满意 / 不满意 + comment). The first 不满意 reopens the case
 * (重办). The query code is kept in memory only: never in a URL, an attribute or storage.
 *
 * @summary Follow a case with its ticket and query code, then rate the result.
 *
 * @event {SqRatedEvent} sq-rated - The resident rated the case: `detail` is `{ ticket, rating, state, reopened, view? }`.
 *
 * @csspart form - The ticket + query code form.
 * @csspart field - A label, hint, control and error.
 * @csspart input - The ticket and query code inputs.
 * @csspart button - The primary buttons (查询, 提交评价).
 * @csspart error - Field errors and alerts.
 * @csspart result - The case: status, deadline, history, rating.
 * @csspart status - The current status badge.
 * @csspart timeline - The ordered list of public steps.
 * @csspart rating - The rating form, or the rating given.
 *
 * @cssprop --sq-color-primary - Primary buttons (党建红).
 * @cssprop --sq-complaint-tracker-max-width - Widest the element grows (40rem).
 * @cssprop --sq-target-size - Height of inputs and buttons (44px; 60px in care mode).
 *
 * @cssstate loading - A check is under way.
 * @cssstate found - A case is shown.
 */
export class SqComplaintTracker extends SqElement {
  static override tagName = 'sq-complaint-tracker';
  static override styles = [
    baseStyles,
    badgeStyles,
    controlStyles,
    choiceStyles,
    messageStyles,
    lookupStyles,
    trackerStyles,
  ];

  /** Prefills the ticket number (e.g. from the success screen). The query code never is. */
  @property() ticket?: string;

  @state() private view?: ComplaintPublicView;
  @state() private busy = false;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private failure?: ApiError;
  /** No case with this ticket and code (the answer does not say which one is wrong). */
  @state() private notFound = false;
  @state() private announce = '';
  @state() private choice?: Rating;
  @state() private rateError?: string;
  @state() private outcome?: Outcome;

  @query('#ticket') private ticketInput!: HTMLInputElement;
  @query('#code') private codeInput!: HTMLInputElement;

  private readonly localize = new LocalizeController(this, 'complaint-tracker', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/complaint-tracker.js'),
  });
  /** 评价: one Idempotency-Key per rating (choice + comment), reused on its retries. */
  private readonly rating = new ActionController(this);
  /** The pair that found the case; the code lives only here, in memory. */
  private found?: { ticket: string; code: string };

  private get t() {
    return this.localize;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A check made before they are in shows them once they are.
    void fieldStrings().then(
      () => this.requestUpdate(),
      () => undefined,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.customStates.set({ loading: this.busy, found: !!this.view });
  }

  /** Checks the fields with the domain's rules; returns the normalised pair or undefined. */
  private validate(): { ticket: string; code: string } | undefined {
    const ticket = this.ticketInput.value.trim().toUpperCase();
    const code = normalizeQueryCode(this.codeInput.value);
    const errors: Partial<Record<Field, string>> = {};
    if (!ticket) errors.ticket = 'ticketRequired';
    else if (!TICKET_PATTERN.test(ticket)) errors.ticket = 'ticket.invalid';
    if (!code) errors.code = 'codeRequired';
    else if (code.length !== QUERY_CODE_LENGTH) errors.code = 'queryCode.invalid';
    this.errors = errors;
    return errors.ticket || errors.code ? undefined : { ticket, code };
  }

  private async onSubmit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.failure = undefined;
    this.notFound = false;
    this.rating.reset(); // Another case: an answer about the old one must not show here.
    const pair = this.validate();
    if (!pair) {
      await this.updateComplete;
      (this.errors.ticket ? this.ticketInput : this.codeInput).focus();
      return;
    }
    await this.track(pair, false);
  }

  /** Asks the server; `again` = the 再查一次 button (keeps the shown case on failure). */
  private async track(pair: { ticket: string; code: string }, again: boolean) {
    const t = this.t;
    this.busy = true;
    this.announce = t.t('searching');
    try {
      const view = await this.client.complaints.track(pair.ticket, pair.code);
      this.found = pair;
      this.showView(view);
      this.announce = t.t(again ? 'refreshed' : 'found', { status: this.statusLabel(view.status) });
      if (!again) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
      }
    } catch (error) {
      const apiError = ApiError.from(error);
      this.announce = '';
      if (apiError.code === 'not_found') {
        this.view = undefined;
        this.found = undefined;
        this.notFound = true;
        await this.updateComplete;
        this.ticketInput.focus();
      } else if (apiError.code === 'validation_failed' && apiError.fields.length) {
        const errors: Partial<Record<Field, string>> = {};
        for (const f of apiError.fields) errors[f.path === 'ticket' ? 'ticket' : 'code'] = f.key;
        this.errors = errors;
        await this.updateComplete;
        (errors.ticket ? this.ticketInput : this.codeInput).focus();
      } else {
        this.failure = apiError;
      }
    } finally {
      this.busy = false;
    }
  }

  private showView(view: ComplaintPublicView) {
    this.view = view;
    this.errors = {};
    this.notFound = false;
    this.failure = undefined;
    if (!view.canRate) this.choice = undefined;
  }

  private retry() {
    const pair = this.found ?? this.validate();
    if (pair) void this.track(pair, !!this.found);
  }

  private refresh() {
    if (this.busy || !this.found) return;
    this.outcome = undefined;
    void this.track(this.found, true);
  }

  private async rate(event: Event) {
    event.preventDefault();
    const found = this.found;
    if (this.rating.busy || !found || !this.view) return;
    const t = this.t;
    const rating = this.choice;
    if (!rating) {
      this.rateError = 'rating.required';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name=rating]')?.focus();
      return;
    }
    const comment = (
      this.renderRoot.querySelector<HTMLTextAreaElement>('#comment')?.value ?? ''
    ).trim();
    const wasReopened = this.view.reopened;
    this.rateError = undefined;
    const input = {
      ticket: found.ticket,
      queryCode: found.code,
      rating,
      ...(comment ? { comment } : {}),
    };
    const outcome = await this.rating.run('rate', input, (client, idempotencyKey) =>
      client.complaints.rate(input, { idempotencyKey }),
    );
    if (!outcome) return;
    if ('error' in outcome) {
      this.rateError = this.rating.fields[0]?.key ?? this.rating.message;
    } else {
      const delivery = outcome.value;
      if (delivery.state === 'queued') {
        this.outcome = 'queued';
        this.announce = t.t('queued');
        this.emit(
          new SqRatedEvent({ ticket: found.ticket, rating, state: 'queued', reopened: false }),
        );
        return;
      }
      const view = delivery.value;
      const reopened = view.reopened > wasReopened;
      this.showView(view);
      this.outcome = reopened ? 'reopened' : 'rated';
      this.announce = this.outcomeText(view);
      this.emit(
        new SqRatedEvent({ ticket: found.ticket, rating, state: 'delivered', reopened, view }),
      );
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#rate-outcome, #rate-error')?.focus();
  }

  private statusLabel(status: ComplaintStatus) {
    return this.t.t(`statuses.${status}`);
  }

  private date(date: string) {
    return formatDate(date, this.t.lang);
  }

  private outcomeText(view: ComplaintPublicView) {
    const t = this.t;
    if (this.outcome === 'queued') return t.t('queued');
    if (this.outcome === 'reopened') return t.t('reopened', { date: this.date(view.dueDate) });
    const rating = view.rating?.value;
    return rating ? t.t('rated', { rating: t.t(`ratings.${rating}`) }) : '';
  }

  private renderField(id: Field, label: string, hint: string, value?: string) {
    const t = this.t;
    const error = this.errors[id];
    const describedBy = [`${id}-hint`, error && `${id}-error`, this.notFound && 'not-found'];
    return html`<div class="field" part="field">
      <label for=${id}>${t.t(label)}</label>
      <p id="${id}-hint" class="hint-text">${t.t(hint)}</p>
      <input
        id=${id}
        part="input"
        type="text"
        .value=${value ?? ''}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        required
        maxlength=${id === 'code' ? QUERY_CODE_INPUT_MAX : 24}
        aria-invalid=${error || this.notFound ? 'true' : 'false'}
        aria-describedby=${describedBy.filter(Boolean).join(' ')}
      />
      ${
        error
          ? html`<p id="${id}-error" class="error-text" part="error">${t.t(error)}</p>`
          : nothing
      }
    </div>`;
  }

  private renderForm() {
    const t = this.t;
    const errors = (['ticket', 'code'] as const).filter((f) => this.errors[f]);
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${
        errors.length > 1
          ? html`<div class="alert" role="alert" part="error">
              <p>${t.t('summaryTitle')}</p>
              <ul>
                ${errors.map((f) => html`<li>${t.t(this.errors[f]!)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${
        this.notFound
          ? html`<div id="not-found" class="alert" role="alert" part="error">
              <p>${t.t('notFound')}</p>
            </div>`
          : nothing
      }
      ${this.renderField('ticket', 'ticketLabel', 'ticketHint', this.ticket)}
      ${this.renderField('code', 'codeLabel', 'codeHint')}
      <button class="primary" part="button" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.busy && !this.view ? t.t('searching') : t.t('submit')}
      </button>
    </form>`;
  }

  private renderTimeline(view: ComplaintPublicView) {
    const t = this.t;
    return html`<h4>${t.t('timeline')}</h4>
      <ol class="timeline" part="timeline">
        ${view.timeline.map((entry, i) => {
          const what =
            entry.action === 'assign' && !entry.handlerName
              ? t.t('actions.assignNoName')
              : t.t(`actions.${entry.action}`, {
                  name: entry.handlerName ?? '',
                  reason: entry.reason ? t.t(`reasons.${entry.reason}`) : '',
                  to: entry.text ?? '',
                  date: entry.dueDate ? this.date(entry.dueDate) : '',
                  rating: entry.rating ? t.t(`ratings.${entry.rating}`) : '',
                });
          const showText = entry.text && entry.action !== 'transfer';
          return html`<li class=${i === view.timeline.length - 1 ? 'latest' : ''}>
            ${renderDateTime(entry.at, t.lang)}
            <strong>${what}</strong>
            ${showText ? html`<p class="text">${entry.text}</p>` : nothing}
          </li>`;
        })}
      </ol>`;
  }

  private renderRating(view: ComplaintPublicView) {
    const t = this.t;
    if (this.outcome) {
      return html`<div
        id="rate-outcome"
        class=${this.outcome === 'rated' ? 'success' : 'notice'}
        part="rating"
        tabindex="-1"
      >
        <p>${this.outcomeText(view)}</p>
      </div>`;
    }
    if (view.rating && !view.canRate) {
      return html`<p class="given" part="rating">
        ${t.t('yourRating')}：<strong>${t.t(`ratings.${view.rating.value}`)}</strong>
        ${view.rating.comment ? html`<span class="text">${view.rating.comment}</span>` : nothing}
      </p>`;
    }
    if (!view.canRate) return nothing;
    const error = this.rateError;
    return html`<form class="rate" part="rating" novalidate @submit=${this.rate}>
      <fieldset aria-describedby=${error ? 'rate-hint rate-error' : 'rate-hint'}>
        <legend>${t.t('rateLegend')}</legend>
        <p id="rate-hint" class="hint-text">
          ${t.t('rateHint')}${t.t(view.reopened ? 'finalHint' : 'reopenHint')}
        </p>
        <div class="choices">
          ${RATINGS.map(
            (r) =>
              html`<label class="choice">
                <input
                  type="radio"
                  name="rating"
                  value=${r}
                  .checked=${this.choice === r}
                  aria-invalid=${error === 'rating.required' ? 'true' : 'false'}
                  @change=${() => {
                    this.choice = r;
                    this.rateError = undefined;
                  }}
                /><span>${t.t(`ratings.${r}`)}</span>
              </label>`,
          )}
        </div>
        ${
          this.choice === 'unsatisfied' && !view.reopened
            ? html`<p class="notice" role="status"><span>${t.t('reopenHint')}</span></p>`
            : nothing
        }
      </fieldset>
      <div class="field" part="field">
        <label for="comment">${t.t('commentLabel')}</label>
        <p id="comment-hint" class="hint-text">${t.t('commentHint')}</p>
        <textarea
          id="comment"
          maxlength=${COMMENT_MAX}
          rows="3"
          aria-describedby="comment-hint"
        ></textarea>
      </div>
      ${
        error
          ? html`<p id="rate-error" class="error-text" part="error" role="alert" tabindex="-1">
              ${t.t(error)}
            </p>`
          : nothing
      }
      <button class="primary" part="button" aria-disabled=${this.rating.busy ? 'true' : 'false'}>
        ${this.rating.busy ? t.t('sending') : t.t('rateSubmit')}
      </button>
    </form>`;
  }

  private renderResult(view: ComplaintPublicView) {
    const t = this.t;
    return html`<section class="result" part="result" aria-labelledby="result-heading">
      <h3 id="result-heading" tabindex="-1">
        ${this.heading(t.t('result', { ticket: '\u0001' }), view.ticket)}
      </h3>
      <dl>
        <div>
          <dt>${t.t('status')}</dt>
          <dd>
            <span class="status" data-tone=${complaintTone[view.status]} part="status"
              >${this.statusLabel(view.status)}</span
            >
          </dd>
        </div>
        <div>
          <dt>${t.t('due')}</dt>
          <dd class="key">
            ${this.date(view.dueDate)}
            ${view.overdue ? html`<span class="badge" data-tone="overdue">${t.t('overdue')}</span>` : nothing}
          </dd>
        </div>
        <div>
          <dt>${t.t('received')}</dt>
          <dd>${renderDateTime(view.receivedAt, t.lang)}</dd>
        </div>
        ${
          view.handlerName
            ? html`<div>
                <dt>${t.t('handler')}</dt>
                <dd>${view.handlerName}</dd>
              </div>`
            : nothing
        }
      </dl>
      ${
        view.reopened && view.status !== 'rated' && this.outcome !== 'reopened'
          ? html`<p class="notice"><span>${t.t('reopenedNote')}</span></p>`
          : nothing
      }
      <h4>${t.t('description')}</h4>
      <p class="text">${view.description}</p>
      ${view.photoCount ? html`<p class="hint-text">${t.t('photos', { count: view.photoCount })}</p>` : nothing}
      ${this.renderTimeline(view)} ${this.renderRating(view)}
      <button
        class="button-secondary"
        @click=${this.refresh}
        aria-disabled=${this.busy ? 'true' : 'false'}
      >
        ${this.busy ? t.t('searching') : t.t('refresh')}
      </button>
    </section>`;
  }

  /** A heading around the ticket, the ticket one unit ("SQ-2026-" / "000003" never split). */
  private heading(text: string, ticket: string) {
    const [before = '', after = ''] = text.split('\u0001');
    return html`${before}<span class="nowrap">${ticket}</span>${after}`;
  }

  protected override render() {
    return lookupShell(this.t, {
      form: this.renderForm(),
      failure: this.failure,
      retry: () => this.retry(),
      announce: this.announce,
      busy: this.busy,
      result: this.view ? this.renderResult(this.view) : nothing,
    });
  }
}
