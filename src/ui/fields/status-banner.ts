import { html, nothing } from 'lit';

/**
 * Why a queued submission was refused, as a key in the element's strings. Its fields are no
 * longer in the form (nothing is marked red), so a validation refusal says to fill it in again
 * rather than "请检查标红的项目".
 */
export const refusalKey = (code: string | undefined): string =>
  code === 'validation_failed' ? 'common:refusedInvalid' : `common:errors.${code ?? 'internal'}`;

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
