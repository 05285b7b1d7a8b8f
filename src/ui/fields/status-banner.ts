import { html, nothing } from 'lit';

/**
 * Where a submission is: a polite status (sending, saved offline) or an alert (failed, with
 * why), with one action (retry, dismiss). `[part=status]` either way.
 */
export function statusBanner(
  text: unknown,
  alert = false,
  action?: { label: string; run: () => unknown },
  more: unknown = nothing,
) {
  return html`<div
    class=${alert ? 'alert' : 'notice'}
    part="status"
    role=${alert ? 'alert' : 'status'}
  >
    <p>${text}</p>
    ${
      action
        ? html`<button type="button" class="button-secondary" @click=${action.run}>
            ${action.label}
          </button>`
        : nothing
    }
    ${more}
  </div>`;
}
