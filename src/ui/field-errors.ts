import type { FieldError } from '../domain/errors.js';

/** How a form lays out its fields, for the errors it shows. */
export interface FieldLayout {
  /** Field (control) ids in page order: the summary lists errors so, focus goes to the first. */
  order: readonly string[];
  /** The field a dotted error path belongs to (default: the path itself). */
  fieldOf?: ((path: string) => string) | undefined;
  /** Whether a field is empty now: its error then says what to do (`empty.<field>`). */
  isEmpty?: ((field: string) => boolean) | undefined;
}

/** Keys that already say what to do about an empty field (`contact.nameRequired`). */
const REQUIRED = /required$/i;

/**
 * The errors a form shows, by field: the first error of each field, fields in page order,
 * from the feature schema's client-side check (`toFieldErrors`) or the server's problem+json
 * (`ApiError.fields`) alike. A field left empty says what to do ("请选择问题类型。", key
 * `empty.<field>`, in the form's strings in both languages) rather than what
 * its format is ("编号格式不正确。").
 */
export function fieldErrors(
  fields: readonly FieldError[],
  { order, fieldOf = (path) => path, isEmpty }: FieldLayout,
): Record<string, FieldError> {
  const rank = (e: FieldError) => order.indexOf(fieldOf(e.path)) >>> 0;
  const errors: Record<string, FieldError> = {};
  for (const e of [...fields].sort((a, b) => rank(a) - rank(b))) {
    const field = fieldOf(e.path);
    errors[field] ??=
      !REQUIRED.test(e.key) && isEmpty?.(field) ? { path: e.path, key: `empty.${field}` } : e;
  }
  return errors;
}
