import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { options } from './options.js';

/** What every field partial takes: its control's id, visible label, hint and error text. */
export interface FieldProps {
  id: string;
  label: unknown;
  hint?: string | undefined;
  /** The error message, already in the reader's language. */
  error?: string | undefined;
  /** Marks the field optional ("选填"). */
  optional?: string | undefined;
}

type Control = (describedBy: string | typeof nothing, invalid: 'true' | 'false') => unknown;

/** Ids its control is described by: hint, then counter, then error (`<id>-hint`…). */
const described = (p: FieldProps, extra = '') =>
  [p.hint && `${p.id}-hint`, extra, p.error && `${p.id}-error`].filter(Boolean).join(' ') ||
  nothing;

/** An error message, tied to its control by `aria-describedby`. */
export const fieldError = (id: string, error?: string) =>
  error ? html`<p id="${id}-error" class="error-text" part="error">${error}</p>` : nothing;

/** "选填" after a label, when the field is optional. */
const optional = (p: FieldProps) =>
  p.optional ? html` <span class="tag">${p.optional}</span>` : nothing;

/** The hint under a label, which the control is described by. */
const hint = (p: FieldProps) =>
  p.hint ? html`<p id="${p.id}-hint" class="hint-text" part="hint">${p.hint}</p>` : nothing;

/**
 * One field: label, hint, the control, what follows it (a counter) and the error, all in the
 * host's shadow root so `for`/`aria-describedby` reach the control. The kit's own controls
 * (text, text area, select) write the same markup with their control inline: one template
 * per field instead of two is a sixth of a form's template clones (bench:form).
 */
export function field(p: FieldProps, control: Control, after: unknown = nothing, extra = '') {
  return html`<div class="field" part="field">
    <label for=${p.id} part="label">${p.label}${optional(p)}</label
    >${hint(p)}${control(described(p, extra), p.error ? 'true' : 'false')}${after}${fieldError(
      p.id,
      p.error,
    )}
  </div>`;
}

/** A character counter under a control ("已写 5 / 1000 字"; `over`: past the limit). */
export interface Counted {
  max?: number | undefined;
  count?: string | undefined;
  over?: boolean | undefined;
}

const counter = (p: FieldProps & Counted) =>
  p.count
    ? html`<p id="${p.id}-count" class="hint-text counter ${p.over ? 'over' : ''}">${p.count}</p>`
    : nothing;

const counted = (p: FieldProps & Counted) => (p.count ? `${p.id}-count` : '');

export interface TextProps extends FieldProps, Counted {
  value: string;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
}

/** A one-line text field, with a counter when given `count`. */
export const textField = (p: TextProps): TemplateResult =>
  html`<div class="field" part="field">
    <label for=${p.id} part="label">${p.label}${optional(p)}</label>${hint(p)}<input
      id=${p.id}
      name=${p.id}
      type=${p.type ?? 'text'}
      autocomplete=${p.autocomplete ?? 'off'}
      inputmode=${p.inputmode ?? nothing}
      aria-describedby=${described(p, counted(p))}
      aria-invalid=${p.error ? 'true' : 'false'}
      .value=${live(p.value)}
    />${counter(p)}${fieldError(p.id, p.error)}
  </div>`;

/** A phone field: the phone keypad, the browser's saved number. */
export const phoneField = (p: Omit<TextProps, 'type'>): TemplateResult =>
  textField({ ...p, type: 'tel', inputmode: 'tel', autocomplete: 'tel' });

/** A text area with its counter. */
export const textareaField = (
  p: FieldProps & Counted & { value: string; max: number; count: string },
): TemplateResult =>
  html`<div class="field" part="field">
    <label for=${p.id} part="label">${p.label}${optional(p)}</label>${hint(p)}<textarea
      id=${p.id}
      name=${p.id}
      rows="5"
      maxlength=${p.max}
      aria-describedby=${described(p, counted(p))}
      aria-invalid=${p.error ? 'true' : 'false'}
      .value=${live(p.value)}
    ></textarea
    >${counter(p)}${fieldError(p.id, p.error)}
  </div>`;

/** A select with an empty first choice (`empty`: "请选择"). */
export const selectField = (
  p: FieldProps & { value: string; empty: string; options: { id: string; label: string }[] },
): TemplateResult =>
  html`<div class="field" part="field">
    <label for=${p.id} part="label">${p.label}${optional(p)}</label>${hint(p)}<select
      id=${p.id}
      name=${p.id}
      aria-describedby=${described(p)}
      aria-invalid=${p.error ? 'true' : 'false'}
    >
      <option value="">${p.empty}</option>
      ${options(
        p.options.map((o) => [o.id, o.label] as const),
        p.value,
      )}</select
    >${fieldError(p.id, p.error)}
  </div>`;

/** A checkbox or radio with its label beside it (one "choice" style), and its error. */
export const choice = (p: {
  id?: string;
  name: string;
  label: unknown;
  checked: boolean;
  type?: 'checkbox' | 'radio';
  value?: string;
  error?: string | undefined;
}) =>
  html`<label class="choice" part="choice"
      ><input
        type=${p.type ?? 'checkbox'}
        id=${p.id ?? nothing}
        name=${p.name}
        value=${p.value ?? nothing}
        aria-invalid=${p.error ? 'true' : 'false'}
        aria-describedby=${p.error ? `${p.id}-error` : nothing}
        .checked=${live(p.checked)}
      /><span>${p.label}</span></label
    >${p.id ? fieldError(p.id, p.error) : nothing}`;
