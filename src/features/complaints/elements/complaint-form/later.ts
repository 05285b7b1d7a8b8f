/**
 * What <sq-complaint-form> needs only after its first paint (which says it is loading), in one
 * chunk loaded right after it (see `later` in complaint-form.ts): the field partials, the
 * community picker's levels, the receipt, the error summary, the error paths'
 * fields, photo downscaling, the fields' and photo picker's styles and the submission's sending
 * half. The input schema comes with the contract when the resident sends.
 */
export { LocationLevels } from '../../../core/elements/community-picker/location-levels.js';
export { codeReceipt } from '../../../../ui/fields/code-receipt.js';
export {
  choice,
  fieldError,
  phoneField,
  selectField,
  textField,
  textareaField,
} from '../../../../ui/fields/field.js';
export { photoPicker, photoStatusKey } from '../../../../ui/fields/photo-picker.js';
/** Adopted as this loads: the fields and the photo picker show only once it has. */
export { fieldStyles } from '../../../../ui/fields/fields.styles.js';
export { photoStyles } from '../../../../ui/fields/photo.styles.js';
export { pickerStyles } from '../../../core/elements/community-picker/community-picker.styles.js';
export { errorSummary } from '../../../../ui/fields/error-summary.js';
export { shrink } from './photos.js';
// The submission controller's sending half, in this chunk rather than one of its own.
export { adopt, dismiss, submit } from '../../../../ui/submission/submission-actions.js';
import zhCN from '../../locales/zh-CN/complaint-form.js';
import zhAfter from '../../locales/zh-CN/complaint-form-after.js';
import zhFields from '../../locales/zh-CN/complaint-fields.js';
import { i18n } from '../../../../ui/localize.js';

// What the form says after a check and the validation messages, needed once a check or the
// server has something to say (English has them in its one lazily loaded file).
i18n.addResourceBundle('zh-CN', 'complaint-form', { ...zhCN, ...zhAfter, ...zhFields }, true, true);
import type { CategoryQuestion, Location } from '../../../core/model.js';
import type { ComplaintInput } from '../../model.js';
import type { Values } from './complaint-form.js';

/** The submission, as the server's schema takes it. */
export function toInput(
  v: Values,
  community: string,
  questions: CategoryQuestion[],
  picked: Location | undefined,
): ComplaintInput {
  const answers: Record<string, string> = {};
  for (const q of questions) if (v.answers[q.id]?.trim()) answers[q.id] = v.answers[q.id]!;
  return {
    community,
    category: v.category,
    description: v.description,
    location: v.words ? { community, text: v.text } : { ...picked, community },
    answers,
    anonymous: v.anonymous,
    ...(v.anonymous ? {} : { contact: { name: v.name, phone: v.phone } }),
    consent: v.consent as true,
    publishConsent: v.publishConsent,
  };
}

/** The field (control id) a dotted error path belongs to. */
export function fieldOf(path: string): string {
  const [head, sub = ''] = path.split('.');
  if (head === 'contact') return sub === 'phone' ? 'phone' : 'name';
  if (head === 'location') return sub === 'text' ? 'text' : 'where';
  if (head === 'community') return 'where';
  if (head === 'answers') return `q-${sub}`;
  return head === 'photo' || head === 'upload' ? 'photos' : head!;
}

/** The answer's due date, in full: "2026年3月5日（星期四）", "Thursday, March 5, 2026". */
export const dueDate = (date: string, lang: string) => {
  const day = new Date(`${date}T00:00:00Z`);
  const format = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(lang, { ...o, timeZone: 'UTC' }).format(day);
  return lang.startsWith('zh')
    ? `${format({ dateStyle: 'long' })}（${format({ weekday: 'long' })}）`
    : format({ dateStyle: 'full' });
};
