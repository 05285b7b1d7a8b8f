/**
 * What <sq-booking-desk> shows only on demand, in a chunk of its own: the chosen booking with
 * its actions, booking by phone, and the period's counts.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { BookingStaffView } from '../../model.js';
import type { SqBookingDesk } from './booking-desk.js';

import zhFields from '../../locales/zh-CN/booking-fields.js';
import zhPanels from '../../locales/zh-CN/booking-desk-panels.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { choiceStyles } from '../../../../ui/choice-styles.js';
import { i18n } from '../../../../ui/localize.js';

// What the panels say, and the booking messages (codes, fields) an action may be answered
// with, join the desk's strings (English has them in its one file).
i18n.addResourceBundle('zh-CN', 'booking-desk', { ...zhFields, ...zhPanels }, true);

type Host = SqBookingDesk;

/** Adds the panels' styles to the desk (once, when this chunk loads). */
export function attach(host: Host): void {
  adoptLater(host, [choiceStyles, panelStyles]);
}

/** The panels' look: the booking beside the list on wide screens, label/value lists. */
const panelStyles = css`
  @media (min-width: 56rem) {
    .layout.open {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
    .detail {
      position: sticky;
      top: var(--sq-space-3);
    }
  }
  /* Label above value on a phone; side by side once there is room. */
  dl {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--sq-space-1) var(--sq-space-3);
    margin: 0 0 var(--sq-space-3);
    overflow-wrap: anywhere;
  }
  @media (min-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    }
  }
  /* The phone: a tel: link (digits only in its href), a whole target to tap. */
  .tel {
    display: inline-flex;
    align-items: center;
    min-height: var(--sq-target-size);
    color: var(--sq-color-primary);
  }
`;

export async function bookingAction(
  host: Host,
  e: Event,
  action: 'check_in' | 'no_show' | 'cancel',
) {
  const b = host.current!;
  const reason = action === 'cancel' ? String(host.form(e).get('reason') ?? '') : '';
  const input = action === 'cancel' ? { action, reason } : { action };
  await host.act(
    `${action}:${b.id}`,
    input,
    (key) => host.client.booking.act(b.id, input, { idempotencyKey: key }),
    () => host.t.t('done'),
  );
}

async function bookByPhone(host: Host, e: Event) {
  const form = e.currentTarget as HTMLFormElement;
  const data = host.form(e);
  const get = (n: string) => String(data.get(n) ?? '');
  const [service = '', start = ''] = get('slot').split('|');
  const input = {
    service,
    start,
    name: get('name'),
    phone: get('phone'),
    consent: (data.has('consent') || undefined) as true,
    eligible: true,
  };
  const r = await host.act(
    'bookFor',
    input,
    (key) => host.client.booking.bookFor(input, { idempotencyKey: key }),
    (v) => host.t.t('booked', { status: host.t.t(`statuses.${v.status}`), code: v.code }),
  );
  if (r) form.reset();
}

async function count(host: Host, e: Event) {
  const data = host.form(e);
  try {
    host.counts = await host.client.booking.counts({
      community: host.staffCommunity,
      from: String(data.get('from')),
      to: String(data.get('to')),
    });
  } catch (err) {
    host.fail(err);
  }
}

export function renderDetail(host: Host, b: BookingStaffView) {
  const t = host.t;
  const holding = b.status === 'confirmed' || b.status === 'promoted';
  const active = holding || b.status === 'waitlisted';
  return html`<section class="detail" part="detail" aria-labelledby="detail">
    <h3 id="detail" tabindex="-1">${t.t('detail', { name: b.name })}</h3>
    <dl>
      <dt>${t.t('service')}</dt>
      <dd>${host.serviceName(b.service)}</dd>
      <dt>${t.t('slotLabel')}</dt>
      <dd class="nowrap">${host.clock(b.start)}–${host.clock(b.end)}</dd>
      <dt>${t.t('phone')}</dt>
      <dd>
        ${/^\d{3,15}$/.test(b.phone) ? html`<a class="nowrap tel" href="tel:${b.phone}">${b.phone}</a>` : b.phone}
      </dd>
      <dt>${t.t(`statuses.${b.status}`)}</dt>
      <dd>${t.t(`bookedBy.${b.bookedBy}`)} · ${t.t('people', { n: b.party })}</dd>
      ${
        b.elder
          ? html`<dt>${t.t('elderLabel')}</dt>
              <dd>${b.elder.name}（${b.elder.relation}）</dd>`
          : nothing
      }
      ${Object.entries(b.answers).map(
        ([q, a]) =>
          html`<dt>${q}</dt>
            <dd>${a}</dd>`,
      )}
      ${
        b.cancel?.reason
          ? html`<dt>${t.t('reasonLabel')}</dt>
              <dd>${b.cancel.reason}</dd>`
          : nothing
      }
    </dl>
    <div class="bar">
      ${
        holding
          ? html`<button
                type="button"
                class="primary"
                @click=${(e: Event) => bookingAction(host, e, 'check_in')}
              >
                ${t.t('actions.check_in')}
              </button>
              <button
                type="button"
                class="button-secondary"
                @click=${(e: Event) => bookingAction(host, e, 'no_show')}
              >
                ${t.t('actions.no_show')}
              </button>`
          : nothing
      }
      <button type="button" class="button-secondary" @click=${() => (host.current = undefined)}>
        ${t.t('close')}
      </button>
    </div>
    ${
      active
        ? html`<form class="box" @submit=${(e: Event) => bookingAction(host, e, 'cancel')}>
            ${host.input('reason', t.t('reasonLabel'))}
            <button class="button-secondary">${t.t('actions.cancel')}</button>
          </form>`
        : nothing
    }
  </section>`;
}

export function renderByPhone(host: Host): TemplateResult {
  const t = host.t;
  const options = (host.day?.services ?? []).flatMap(({ service, slots }) =>
    slots
      .filter((s) => !s.cancelled)
      .map(
        (s) =>
          html`<option value="${service.id}|${s.start}">
            ${service.name} ${host.clock(s.start)} (${s.taken}/${s.seats})
          </option>`,
      ),
  );
  return html`<form
    class="box"
    @submit=${(e: Event) => bookByPhone(host, e)}
    aria-labelledby="by-phone"
  >
    <h3 id="by-phone">${t.t('byPhone')}</h3>
    <p class="hint-text">${t.t('byPhoneHint')}</p>
    <div class="field">
      <label for="f-slot">${t.t('slotLabel')}</label>
      <select id="f-slot" name="slot">
        ${options}
      </select>
    </div>
    ${host.input('name', t.t('name'))} ${host.input('phone', t.t('phoneField'), { type: 'tel' })}
    <label class="choice"
      ><input type="checkbox" name="consent" /><span>${t.t('consentByPhone')}</span></label
    >
    <button class="primary">${t.t('book')}</button>
  </form>`;
}

export function renderCounts(host: Host): TemplateResult {
  const t = host.t;
  const c = host.counts;
  const pct = (v: number | null) =>
    v === null ? '—' : host.t.number(v, { style: 'percent', maximumFractionDigits: 1 });
  return html`<section class="box" part="counts" aria-labelledby="counts">
    <h3 id="counts">${t.t('counts')}</h3>
    <form class="bar" @submit=${(e: Event) => count(host, e)}>
      ${host.input('from', t.t('from'), { type: 'date', value: host.date.slice(0, 8) + '01' })}
      ${host.input('to', t.t('to'), { type: 'date', value: host.date })}
      <button class="primary">${t.t('count')}</button>
    </form>
    ${
      c
        ? html`<dl>
            <dt>${t.t('total')}</dt>
            <dd>${c.bookings}</dd>
            <dt>${t.t('attendance')}</dt>
            <dd>${pct(c.attendanceRate)}</dd>
            <dt>${t.t('noShowRate')}</dt>
            <dd>${pct(c.noShowRate)}</dd>
            <dt>${t.t('promotions')}</dt>
            <dd>${c.promotions}</dd>
            <dt>${t.t('volunteers')}</dt>
            <dd>
              ${c.volunteerHours.map((h) => html`<span class="nowrap">${t.t('teamHours', h)}</span> `)}
            </dd>
          </dl>`
        : nothing
    }
  </section>`;
}
