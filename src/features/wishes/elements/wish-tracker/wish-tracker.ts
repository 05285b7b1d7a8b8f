import {
  normalizeQueryCode,
  QUERY_CODE_INPUT_MAX,
  QUERY_CODE_LENGTH,
  THANKS_MAX,
} from '../../../../domain/input-rules.js';
import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { WishStatus, WishWisherView } from '../../model.js';
import { formatDateTime } from '../../../../domain/time.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/wish-tracker.js';
import { ActionController } from '../../../../ui/action.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { lookupShell, lookupStyles } from '../../../../ui/lookup.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { wishTrackerStyles } from './wish-tracker.styles.js';
import { wishTone } from '../tones.js';

export interface ThankedDetail {
  /** The wish's id (public: it is on the wall). Never the code. */
  id: string;
  message?: string;
  /** The wish as its wisher sees it now (已评价). */
  view: WishWisherView;
}

/** `sq-thanked`: the wisher thanked the claimer of a fulfilled wish (评单). */
export class SqThankedEvent extends CustomEvent<ThankedDetail> {
  static readonly type = 'sq-thanked';
  constructor(detail: ThankedDetail) {
    super(SqThankedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-thanked': SqThankedEvent;
  }
  interface HTMLElementTagNameMap {
    'sq-wish-tracker': SqWishTracker;
  }
}

type Outcome = 'thanked' | 'withdrawn';

/**
 * The wisher's own view of their wish (心愿进展): the 心愿码 given once by `<sq-wish-form>` →
 * the current status (待核实 / 待认领 / 已认领 / 已完成 / 已评价 / 已驳回 / 已撤回), the reason
 * when rejected (shown to the wisher only), the claimer's public thanks name, the fulfilment
 * note; then a thanks form once fulfilled (评单), or 撤回 with a confirm step while nobody has
 * claimed it. The code is kept in memory only: never in a URL, an attribute or storage.
 *
 * @summary Follow your wish with its code, then thank the claimer or withdraw it.
 *
 * @event {SqThankedEvent} sq-thanked - The wisher thanked the claimer: `detail` is `{ id, message?, view }`.
 *
 * @csspart form - The code form.
 * @csspart field - A label, hint, control and error.
 * @csspart input - The code input and the thanks text.
 * @csspart button - The primary buttons (查询, 送上感谢, 确定撤回).
 * @csspart error - Field errors and alerts.
 * @csspart result - The wish: title, status, claimer, fulfilment, actions.
 * @csspart status - The status line.
 * @csspart thanks - The thanks form, or the thanks given.
 * @csspart withdraw - The withdraw button and its confirm step.
 *
 * @cssprop --sq-color-primary - Primary buttons (党建红).
 * @cssprop --sq-wish-tracker-max-width - Widest the element grows (40rem).
 * @cssprop --sq-target-size - Height of inputs and buttons (44px; 60px in care mode).
 *
 * @cssstate loading - A check is under way.
 * @cssstate found - A wish is shown.
 */
export class SqWishTracker extends SqElement {
  static override tagName = 'sq-wish-tracker';
  static override styles = [
    baseStyles,
    badgeStyles,
    controlStyles,
    messageStyles,
    lookupStyles,
    wishTrackerStyles,
  ];

  @state() private view?: WishWisherView;
  @state() private busy = false;
  @state() private error?: string;
  @state() private failure?: ApiError;
  @state() private notFound = false;
  @state() private announce = '';
  @state() private actError?: string;
  @state() private confirming = false;
  @state() private outcome?: Outcome;

  @query('#code') private codeInput!: HTMLInputElement;

  private readonly localize = new LocalizeController(this, 'wish-tracker', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/wish-tracker.js'),
  });
  /** Thanks or withdraw: one Idempotency-Key per intent, reused on its retries only. */
  private readonly acting = new ActionController(this);
  /** The code that found the wish; it lives only here, in memory. */
  private code?: string;

  private get t() {
    return this.localize;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.customStates.set({ loading: this.busy, found: !!this.view });
  }

  private async focus$(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async onSubmit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.failure = undefined;
    this.notFound = false;
    this.acting.reset(); // Another wish: an answer about the old one must not show here.
    const code = normalizeQueryCode(this.codeInput.value);
    this.error = !code
      ? 'codeRequired'
      : code.length !== QUERY_CODE_LENGTH
        ? 'queryCode.invalid'
        : undefined;
    if (this.error) return this.focus$('#code');
    await this.look(code, false);
  }

  /** Asks the server; `again` = 再查一次 (keeps the shown wish on failure). */
  private async look(code: string, again: boolean) {
    const t = this.t;
    this.busy = true;
    this.announce = t.t('searching');
    try {
      const view = await this.client.wishes.status(code);
      this.code = code;
      this.show(view);
      this.announce = t.t(again ? 'refreshed' : 'found', { status: this.statusLabel(view.status) });
      if (!again) await this.focus$('#result-heading');
    } catch (error) {
      const apiError = ApiError.from(error);
      this.announce = '';
      if (apiError.code === 'not_found') {
        this.view = this.code = undefined;
        this.notFound = true;
        await this.focus$('#code');
      } else if (apiError.code === 'validation_failed' && apiError.fields.length) {
        this.error = apiError.fields[0]!.key;
        await this.focus$('#code');
      } else {
        this.failure = apiError;
      }
    } finally {
      this.busy = false;
    }
  }

  private show(view: WishWisherView) {
    this.view = view;
    this.error = this.failure = undefined;
    this.notFound = this.confirming = false;
  }

  private retry() {
    const code = this.code ?? normalizeQueryCode(this.codeInput.value);
    if (code.length === QUERY_CODE_LENGTH) void this.look(code, !!this.code);
  }

  private refresh() {
    if (this.busy || !this.code) return;
    this.outcome = this.actError = undefined;
    void this.look(this.code, true);
  }

  /** Thanks (`message` given, possibly empty) or withdraw; both answer with the new view. */
  private async act(message?: string) {
    const code = this.code;
    if (this.acting.busy || !code || !this.view) return;
    const t = this.t;
    const id = this.view.id;
    this.actError = undefined;
    const thanks = message === undefined ? undefined : { code, ...(message && { message }) };
    const outcome = await this.acting.run(
      thanks ? 'thank' : 'withdraw',
      thanks ?? code,
      (client, idempotencyKey) =>
        thanks
          ? client.wishes.thank(thanks, { idempotencyKey })
          : client.wishes.withdraw(code, { idempotencyKey }),
    );
    if (!outcome) return;
    if ('error' in outcome) {
      this.actError = this.acting.fields[0]?.key ?? this.acting.message;
    } else {
      const view = outcome.value;
      this.show(view);
      this.outcome = thanks ? 'thanked' : 'withdrawn';
      this.announce = t.t(this.outcome);
      if (thanks) this.emit(new SqThankedEvent({ id, ...(message && { message }), view }));
    }
    await this.focus$('#outcome, #act-error');
  }

  private thank(event: Event) {
    event.preventDefault();
    const text = this.renderRoot.querySelector<HTMLTextAreaElement>('#thanks')!.value.trim();
    if (text.length > THANKS_MAX) {
      this.actError = 'thanks.tooLong';
      void this.focus$('#thanks');
      return;
    }
    void this.act(text);
  }

  private confirm(on: boolean) {
    this.confirming = on;
    this.actError = undefined;
    void this.focus$(on ? '#withdraw-q' : '#withdraw');
  }

  /** An instant as a Beijing date. */
  private date(at: string) {
    return formatDateTime(at, this.t.lang, { dateStyle: 'long' });
  }

  private statusLabel(status: WishStatus) {
    return this.t.t(`statuses.${status}`);
  }

  private renderForm() {
    const t = this.t;
    const error = this.error;
    const describedBy = ['code-hint', error && 'code-error', this.notFound && 'not-found'];
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${
        this.notFound
          ? html`<div id="not-found" class="alert" role="alert" part="error">
              <p>${t.t('notFound')}</p>
            </div>`
          : nothing
      }
      <div class="field" part="field">
        <label for="code">${t.t('codeLabel')}</label>
        <p id="code-hint" class="hint-text">${t.t('codeHint')}</p>
        <input
          id="code"
          part="input"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          required
          maxlength=${QUERY_CODE_INPUT_MAX}
          aria-invalid=${error || this.notFound ? 'true' : 'false'}
          aria-describedby=${describedBy.filter(Boolean).join(' ')}
        />
        ${
          error
            ? html`<p id="code-error" class="error-text" part="error">${t.t(error)}</p>`
            : nothing
        }
      </div>
      <button class="primary" part="button" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.busy && !this.view ? t.t('searching') : t.t('submit')}
      </button>
    </form>`;
  }

  private renderActError() {
    const error = this.actError;
    return error
      ? html`<p id="act-error" class="error-text" part="error" role="alert" tabindex="-1">
          ${this.t.t(error)}
        </p>`
      : nothing;
  }

  private renderThanks(view: WishWisherView) {
    const t = this.t;
    if (view.thanks) {
      return html`<div class="box" part="thanks">
        <h4>${t.t('yourThanks')}</h4>
        <p class="text">${view.thanks}</p>
      </div>`;
    }
    if (!view.canThank) return nothing;
    const invalid = this.actError === 'thanks.tooLong';
    return html`<form class="box" part="thanks" novalidate @submit=${this.thank}>
      <h4>${t.t('thanksHeading')}</h4>
      <div class="field" part="field">
        <label for="thanks">${t.t('thanksLabel')}</label>
        <p id="thanks-hint" class="hint-text">${t.t('thanksHint')}</p>
        <textarea
          id="thanks"
          part="input"
          rows="3"
          maxlength=${THANKS_MAX}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${this.actError ? 'thanks-hint act-error' : 'thanks-hint'}
        ></textarea>
      </div>
      ${this.renderActError()}
      <button class="primary" part="button" aria-disabled=${this.acting.busy ? 'true' : 'false'}>
        ${this.acting.busy ? t.t('sending') : t.t('thanksSubmit')}
      </button>
    </form>`;
  }

  private renderWithdraw(view: WishWisherView) {
    const t = this.t;
    if (!view.canWithdraw) return nothing;
    if (!this.confirming) {
      return html`<div class="actions" part="withdraw">
        <button
          id="withdraw"
          type="button"
          class="button-secondary"
          @click=${() => this.confirm(true)}
        >
          ${t.t('withdraw')}
        </button>
      </div>`;
    }
    return html`<div class="box" part="withdraw">
      <p id="withdraw-q" tabindex="-1"><strong>${t.t('withdrawConfirm')}</strong></p>
      ${this.renderActError()}
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="button"
          aria-describedby="withdraw-q"
          aria-disabled=${this.acting.busy ? 'true' : 'false'}
          @click=${() => void this.act()}
        >
          ${this.acting.busy ? t.t('sending') : t.t('withdrawYes')}
        </button>
        <button type="button" class="button-secondary" @click=${() => this.confirm(false)}>
          ${t.t('withdrawNo')}
        </button>
      </div>
    </div>`;
  }

  private renderResult(view: WishWisherView) {
    const t = this.t;
    const claimer = view.claimer;
    return html`<section class="result" part="result" aria-labelledby="result-heading">
      <h3 id="result-heading" tabindex="-1">${view.title}</h3>
      <dl>
        <div>
          <dt>${t.t('status')}</dt>
          <dd>
            <span class="status" data-tone=${wishTone[view.status]} part="status"
              >${this.statusLabel(view.status)}</span
            >
          </dd>
        </div>
        <div>
          <dt>${t.t('posted')}</dt>
          <dd>${this.date(view.createdAt)}</dd>
        </div>
        ${
          claimer
            ? html`<div>
                <dt>${t.t('claimer')}</dt>
                <dd>${claimer.name}（${t.t(`claimerTypes.${claimer.type}`)}）</dd>
              </div>`
            : nothing
        }
      </dl>
      ${
        this.outcome
          ? html`<div id="outcome" class="success" tabindex="-1"><p>${t.t(this.outcome)}</p></div>`
          : html`<p class="hint-text">${t.t(`notes.${view.status}`)}</p>`
      }
      ${
        view.status === 'rejected' && view.rejectReason
          ? html`<h4>${t.t('rejectReason')}</h4>
              <p class="text">${view.rejectReason}</p>`
          : nothing
      }
      ${
        view.fulfilment
          ? html`<h4>${t.t('fulfilment', { date: this.date(view.fulfilment.at) })}</h4>
              <p class="text">${view.fulfilment.note}</p>`
          : nothing
      }
      ${this.renderThanks(view)} ${this.renderWithdraw(view)}
      <div class="actions">
        <button
          type="button"
          class="button-secondary"
          @click=${this.refresh}
          aria-disabled=${this.busy ? 'true' : 'false'}
        >
          ${this.busy ? t.t('searching') : t.t('refresh')}
        </button>
      </div>
    </section>`;
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
