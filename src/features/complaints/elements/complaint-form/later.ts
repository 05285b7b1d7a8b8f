/**
 * What <sq-complaint-form> needs only after its first paint, in one chunk loaded right after
 * it (see `later` in complaint-form.ts): the server's input schema and error mapping, the
 * default catalogue, the community picker, the receipt and photo downscaling.
 */
import type { FieldError } from '../../../../domain/errors.js';
import type { Client } from '../../../../sdk/client.js';

export { complaintInputSchema } from '../../model.js';
export { toFieldErrors } from '../../../../domain/validation.js';
export { defaultCategories } from '../../../core/catalogues.js';
export { SqCommunityPicker } from '../../../core/elements/community-picker/community-picker.js';
export { renderReceipt } from './receipt.js';
export { shrink } from './photos.js';

/** The key of the newest report still waiting in the client's outbox, if any. */
export async function queuedReport(client: Client): Promise<string | undefined> {
  const outbox = await client.outbox();
  const queued = (await outbox?.pending())?.filter(
    (e) => e.name === 'submitComplaint' && e.state === 'pending',
  );
  return queued?.[queued.length - 1]?.key;
}

/** Fields in page order: the error summary lists them so, and focus goes to the first. */
const ORDER = [
  'category',
  'description',
  'q',
  'where',
  'text',
  'photos',
  'name',
  'phone',
  'consent',
];
const rank = (id: string) => ORDER.indexOf(id.startsWith('q-') ? 'q' : id) >>> 0;

/** The field (control id) a dotted error path belongs to. */
function fieldOf(path: string): string {
  const [head, sub = ''] = path.split('.');
  if (head === 'contact') return sub === 'phone' ? 'phone' : 'name';
  if (head === 'location') return sub === 'text' ? 'text' : 'where';
  if (head === 'community') return 'where';
  if (head === 'answers') return `q-${sub}`;
  return head === 'photo' || head === 'upload' ? 'photos' : head!;
}

/** The first error of each field (by control id), fields in page order. */
export function errorsByField(fields: readonly FieldError[]): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const f of [...fields].sort((a, b) => rank(fieldOf(a.path)) - rank(fieldOf(b.path)))) {
    errors[fieldOf(f.path)] ??= f;
  }
  return errors;
}
