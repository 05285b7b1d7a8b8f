import type { z } from 'zod/mini';
import { DomainError, type FieldError } from './errors.js';

/** Our own checks carry i18n keys as messages (`phone.invalid`); zod's defaults are prose. */
const I18N_KEY = /^[a-z][\w-]*(\.[\w-]+)+$/i;

type Issue = z.core.$ZodIssue;

export function toFieldErrors(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    // A union reports the issues of every branch; the first branch is the one people meant.
    if (issue.code === 'invalid_union' && issue.errors[0]?.length) {
      return toFieldErrors(
        issue.errors[0].map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
      );
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...issue.path, key].join('.'),
        key: 'validation.unrecognized',
      }));
    }
    const params: Record<string, string | number> = {};
    if ('minimum' in issue) params.min = Number(issue.minimum);
    if ('maximum' in issue) params.max = Number(issue.maximum);
    const field: FieldError = {
      path: issue.path.map(String).join('.'),
      key: I18N_KEY.test(issue.message) ? issue.message : `validation.${issue.code}`,
    };
    if (Object.keys(params).length) field.params = params;
    return [field];
  });
}

/** Parses or throws `validation_failed` with field errors: the one way input enters a service. */
export function parse<S extends z.core.$ZodType>(schema: S, data: unknown): z.output<S> {
  const result = (schema as unknown as z.ZodMiniType).safeParse(data);
  if (result.success) return result.data as z.output<S>;
  throw new DomainError('validation_failed', 'invalid input', toFieldErrors(result.error.issues));
}
