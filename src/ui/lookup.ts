import { css, html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../sdk/errors.js';

/** The strings a look-up element has: its `heading`, `intro`, `failed`, and common ones. */
interface Strings {
  t(key: string, options?: Record<string, unknown>): string;
}

export interface LookupShell {
  /** The code form (查询). */
  form: TemplateResult;
  /** A check that failed for a reason other than "not found" or a field (offline, 5xx…). */
  failure?: ApiError | undefined;
  /** 重试 after a failure. */
  retry: () => void;
  /** The live region's text (查询中 / 已找到…). */
  announce: string;
  busy: boolean;
  /** What was found, or nothing. */
  result: TemplateResult | typeof nothing;
}

/**
 * The page of an element that finds a resident's own item by a code (the complaint tracker,
 * the wish tracker; the booking's 我的预约 next): heading, intro, the form, a failure with 重试,
 * a live region, and the result under `aria-busy`. The element keeps its own form and result.
 */
export function lookupShell(t: Strings, shell: LookupShell): TemplateResult {
  const failure = shell.failure;
  return html`<h2>${t.t('heading')}</h2>
    <p class="hint-text">${t.t('intro')}</p>
    ${shell.form}
    ${
      failure
        ? html`<div class="alert" role="alert" part="error">
            <p>${t.t('failed')}${t.t(failure.key)}</p>
            <button type="button" class="button-secondary" @click=${shell.retry}>
              ${t.t('common:retry')}
            </button>
          </div>`
        : nothing
    }
    <p class="visually-hidden" role="status">${shell.announce}</p>
    <div aria-busy=${shell.busy ? 'true' : 'false'}>${shell.result}</div>`;
}

/** The look-up page's layout; listed after controlStyles, before the element's own styles. */
export const lookupStyles = css`
  h4 {
    margin: var(--sq-space-4) 0 var(--sq-space-2);
    font-size: 1em;
  }
  p,
  dd {
    margin: 0;
  }
  form {
    display: grid;
    gap: var(--sq-space-4);
    margin-top: var(--sq-space-4);
  }
  /* A status and its place in line: the place moves to the next line whole, without an indent. */
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: var(--sq-space-2);
  }
  .result {
    margin-top: var(--sq-space-4);
    padding-top: var(--sq-space-4);
    border-top: var(--sq-border-width) solid var(--sq-color-border);
  }
  .field {
    display: grid;
    gap: var(--sq-space-1);
  }
  label,
  dt {
    font-weight: 600;
  }
  .primary {
    justify-self: start;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
