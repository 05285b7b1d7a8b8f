/**
 * Who registers for an occurrence: the fields, their order and the input they make, the same in
 * <sq-activity-calendar>'s registration form and <sq-activity-desk>'s 代报名 (each with its
 * own labels and hints). Loaded with the calendar's dialog and the desk's later chunk.
 */
import { html, nothing } from 'lit';
import type { FieldLayout } from '../../../ui/field-errors.js';
import { choice, field, phoneField, textField } from '../../../ui/fields/field.js';
import { options } from '../../../ui/fields/options.js';
import type { RegistrationInput } from '../model.js';

/** A field's label, hint and error by its id. */
type Props = (id: string) => { label: string; hint?: string | undefined; error?: string };

/** The fields in page order, and the field each error path belongs to. */
export const registrantLayout = (isEmpty: (field: string) => boolean): FieldLayout => ({
  order: ['name', 'phone', 'forWhom', 'elderName', 'elderRelation', 'party', 'consent'],
  fieldOf: (path) =>
    path === 'elder.relation' ? 'elderRelation' : path.startsWith('elder') ? 'elderName' : path,
  isEmpty,
});

/**
 * The registration from the form's values (`name`, `phone`, `forWhom`, `elderName`,
 * `elderRelation`, `party`, `consent`), its party at most `max`.
 */
export function registrationOf(
  v: Record<string, unknown>,
  activity: string,
  date: string,
  max: number,
): RegistrationInput {
  const elder = v['forWhom'] === 'elder';
  return {
    activity,
    date,
    name: v['name'] as string,
    phone: v['phone'] as string,
    forWhom: elder ? 'elder' : 'self',
    ...(elder
      ? { elder: { name: v['elderName'] as string, relation: v['elderRelation'] as string } }
      : {}),
    party: Math.min(Number(v['party']) || 1, max),
    consent: v['consent'] as true,
  };
}

/**
 * Name, phone, for whom (本人, or an elder: their name and relation, after `elderHint`) and,
 * when the activity takes more than one person, the party (`people(n)` each, `partyNote` after).
 */
export function registrantFields(
  p: Props,
  value: (id: string) => string,
  forWhom: readonly [legend: string, self: string, elder: string],
  elder: boolean,
  party: { max: number; value: number; people: (n: number) => string; note?: unknown },
  elderHint: unknown = nothing,
  nameAutocomplete?: string,
) {
  const text = (id: string) => textField({ id, ...p(id), value: value(id) });
  return html`${textField({ id: 'name', ...p('name'), value: value('name'), autocomplete: nameAutocomplete })}
    ${phoneField({ id: 'phone', ...p('phone'), value: value('phone') })}
    <fieldset class="field" part="field">
      <legend>${forWhom[0]}</legend>
      ${choice({ name: 'forWhom', type: 'radio', value: 'self', label: forWhom[1], checked: !elder })}
      ${choice({ name: 'forWhom', type: 'radio', value: 'elder', label: forWhom[2], checked: elder })}
      ${elder ? html`${elderHint} ${text('elderName')} ${text('elderRelation')}` : nothing}
    </fieldset>
    ${
      party.max > 1
        ? field(
            { id: 'party', ...p('party') },
            (d, invalid) =>
              html`<select id="party" name="party" aria-describedby=${d} aria-invalid=${invalid}>
                ${options(
                  Array.from({ length: party.max }, (_, i) => [String(i + 1), party.people(i + 1)]),
                  String(party.value),
                )}
              </select>`,
            party.note,
          )
        : nothing
    }`;
}
