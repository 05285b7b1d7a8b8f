import { html, nothing, type TemplateResult } from 'lit';
import {
  normalizeQueryCode,
  QUERY_CODE_INPUT_MAX,
  QUERY_CODE_LENGTH,
} from '../domain/input-rules.js';
import type { Client } from '../sdk/client.js';
import { ApiError } from '../sdk/errors.js';
import { ActionController } from './action.js';
import { field } from './fields/field.js';
import { lookupShell } from './lookup.js';

/** The look-up page's keys (lookupShell's) in the element's strings. */
const KEYS: Record<string, string> = {
  heading: 'mineHeading',
  intro: 'mineIntro',
  failed: 'mineFailed',
};

/** What a resident's booking or registration, found by its code, says of itself. */
export interface MineView {
  status: string;
  /** The place in line while waitlisted (1 is next). */
  position?: number | undefined;
  canCancel: boolean;
  /** Until when the resident may cancel (an instant). */
  cancelUntil: string;
  cancelledBy?: string | undefined;
  cancelReason?: string | undefined;
}

/** The element that shows it: its client, strings (the keys below) and shadow root. */
interface Host {
  readonly client: Client;
  readonly t: { t(key: string, options?: Record<string, unknown>): string };
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
}

export interface MineOptions<V extends MineView> {
  /** Reads the item by its code (`not_found` when there is none). */
  find(client: Client, code: string): Promise<V>;
  /** Cancels it, under the cancellation's Idempotency-Key. */
  cancel(client: Client, code: string, idempotencyKey: string): Promise<V>;
  /** A cancellation went through (tell the page, read the seats again). */
  cancelled(view: V): void;
  /** The result's heading: what was booked. */
  title(view: V): unknown;
  /** Its status (default: the status in words, in bold). */
  status?(view: V): unknown;
  /** The summary's rows after the status (`<dt>`/`<dd>`): when, where, who. */
  rows(view: V): TemplateResult;
  /** An instant as the element writes a date and time (the cancellation's deadline). */
  when(instant: string): string;
  /** The code as typed, normalised, or undefined when it is not one (default: `readCode`). */
  read?(typed: string): string | undefined;
}

/** A typed query code, forgiving (case, spaces, dashes), or undefined when it is not eight characters. */
const readCode = (typed: string) => {
  const code = normalizeQueryCode(typed);
  return code.length === QUERY_CODE_LENGTH ? code : undefined;
};

/**
 * 我的预约 / 我的报名: a resident's own booking or registration, found by its code, and its
 * cancellation (one Idempotency-Key per cancellation, reused on its retries). The code form,
 * the result and its notes; the page around them is `lookupShell`. The code is kept in memory
 * only, never in a URL or storage. Strings, in the element's namespace: `mineHeading`,
 * `mineIntro`, `mineFailed`, `codeLabel`, `codeHint`, `codeRequired`, `queryCode.invalid`,
 * `search`, `searching`, `notFound`, `found`, `status`, `statuses.<status>`, `position`,
 * `promotedNote`, `cancelledByStaff`, `cancelledByYou`, `cancelUntil`, `cancel`, `cancelling`,
 * `cancelled`, `cannotCancel`, `refresh`.
 */
export class Mine<V extends MineView> {
  busy = false;
  notFound = false;
  failure?: ApiError | undefined;
  /** The code field's error, an i18n key. */
  codeError?: string | undefined;
  /** What the code found. */
  view?: V | undefined;
  /** The code that found `view`. */
  found?: string | undefined;
  /** The live region's text (查询中 / 已找到…). */
  announce = '';
  readonly cancelling: ActionController;

  constructor(
    private readonly host: Host,
    private readonly o: MineOptions<V>,
  ) {
    this.cancelling = new ActionController(host);
  }

  /** A fresh look-up: no error or failure shown, no cancellation outcome. */
  reset() {
    this.cancelling.reset();
    this.set({ failure: undefined, codeError: undefined, notFound: false });
  }

  private set(state: Partial<Mine<V>>) {
    Object.assign(this, state);
    this.host.requestUpdate();
  }

  private async focus(id: string) {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(id)?.focus();
  }

  async lookUp(code: string, again = false) {
    const t = this.host.t;
    this.set({ busy: true, failure: undefined, announce: t.t('searching') });
    try {
      const view = await this.o.find(this.host.client, code);
      this.set({
        found: code,
        view,
        notFound: false,
        codeError: undefined,
        announce: t.t('found', { status: t.t(`statuses.${view.status}`) }),
      });
      if (!again) await this.focus('#result-heading');
    } catch (e) {
      const error = ApiError.from(e);
      this.set({ announce: '' });
      if (error.code === 'not_found')
        this.set({ view: undefined, found: undefined, notFound: true });
      else if (error.code === 'validation_failed' && error.fields.length) {
        this.set({ codeError: error.fields[0]!.key });
      } else this.set({ failure: error });
    } finally {
      this.set({ busy: false });
    }
  }

  private again = () => this.found && void this.lookUp(this.found, true);

  private submit = (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('#code')!;
    const code = (this.o.read ?? readCode)(input.value);
    this.cancelling.reset();
    const codeError = code
      ? undefined
      : normalizeQueryCode(input.value)
        ? 'queryCode.invalid'
        : 'codeRequired';
    this.set({ notFound: false, codeError });
    if (code) void this.lookUp(code);
    else input.focus();
  };

  private async cancel() {
    const code = this.found;
    if (!code) return;
    const outcome = await this.cancelling.run('cancel', code, (client, key) =>
      this.o.cancel(client, code, key),
    );
    if (!outcome) return;
    if ('value' in outcome) {
      this.set({ view: outcome.value, announce: this.host.t.t('cancelled') });
      this.o.cancelled(outcome.value);
    }
    await this.focus('#cancel-outcome');
  }

  /** The look-up's page: heading, intro, the code form, a failure with 重试, the result. */
  render(): TemplateResult {
    const t = this.host.t;
    const form = html`<form part="form" novalidate @submit=${this.submit}>
      ${
        this.notFound
          ? html`<div id="not-found" class="alert" role="alert" part="error">
              <p>${t.t('notFound')}</p>
            </div>`
          : nothing
      }
      ${field(
        {
          id: 'code',
          label: t.t('codeLabel'),
          hint: t.t('codeHint'),
          error: this.codeError && t.t(this.codeError),
        },
        (d, invalid) =>
          html`<input
            id="code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength=${QUERY_CODE_INPUT_MAX}
            aria-invalid=${this.notFound ? 'true' : invalid}
            aria-describedby=${d}
          />`,
        nothing,
        this.notFound ? 'not-found' : '',
      )}
      <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.busy && !this.view ? t.t('searching') : t.t('search')}
      </button>
    </form>`;
    return lookupShell(
      { t: (key, o) => t.t(KEYS[key] ?? key, o) },
      {
        form,
        failure: this.failure,
        retry: this.again,
        announce: this.announce,
        busy: this.busy,
        result: this.view ? this.result(this.view) : nothing,
      },
    );
  }

  private result(v: V) {
    const t = this.host.t;
    const o = this.o;
    const action = this.cancelling;
    return html`<section class="result" part="result" aria-labelledby="result-heading">
      <h3 id="result-heading" tabindex="-1">${o.title(v)}</h3>
      <dl class="summary-list">
        <dt>${t.t('status')}</dt>
        <dd class="status-line">
          ${o.status ? o.status(v) : html`<strong>${t.t(`statuses.${v.status}`)}</strong>`}
          ${v.status === 'waitlisted' && v.position ? html`<strong class="key">${t.t('position', { n: v.position })}</strong>` : nothing}
        </dd>
        ${o.rows(v)}
      </dl>
      ${v.status === 'promoted' ? html`<p class="success"><span>${t.t('promotedNote')}</span></p>` : nothing}
      ${
        v.status === 'cancelled'
          ? html`<p class="notice">
              <span
                >${
                  v.cancelledBy === 'staff'
                    ? t.t('cancelledByStaff', { reason: v.cancelReason ?? '' })
                    : t.t('cancelledByYou')
                }</span
              >
            </p>`
          : nothing
      }
      ${
        action.phase === 'failed'
          ? html`<p id="cancel-outcome" class="alert" role="alert" part="error" tabindex="-1">
              <span>${t.t(action.message!)}</span>
            </p>`
          : action.phase === 'done'
            ? html`<p id="cancel-outcome" class="success" tabindex="-1">
                <span>${t.t('cancelled')}</span>
              </p>`
            : nothing
      }
      ${
        v.canCancel
          ? html`<p class="hint-text">${t.t('cancelUntil', { until: o.when(v.cancelUntil) })}</p>
              <button
                type="button"
                class="button-secondary"
                aria-disabled=${action.busy ? 'true' : 'false'}
                @click=${() => void this.cancel()}
              >
                ${action.busy ? t.t('cancelling') : t.t('cancel')}
              </button>`
          : // Still to happen: the booking's and the calendar's machines call these statuses
            // active (activeBookingStatuses, activeRegistrationStatuses). Passed in, the calendar
            // pays 25 B its own-code ceiling does not have.
            ['confirmed', 'waitlisted', 'promoted'].includes(v.status)
            ? html`<p class="hint-text">${t.t('cannotCancel')}</p>`
            : nothing
      }
      <button type="button" class="button-secondary" @click=${this.again}>
        ${this.busy ? t.t('searching') : t.t('refresh')}
      </button>
    </section>`;
  }
}
