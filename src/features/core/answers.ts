// The answers to extra questions (a complaint category's, a volunteer service's), checked by one
// rule. A module of its own: the wishes feature, which reads the catalogues, does not carry it.
import type { FieldError } from '../../domain/errors.js';
import type { CategoryQuestion } from './model.js';

/**
 * The answers to a category's (or a service's) extra questions, checked: each required one
 * answered, none to a question it does not have. Field errors under `answers.<id>`.
 */
export function answerErrors(
  questions: readonly CategoryQuestion[],
  answers: Readonly<Record<string, string>>,
): FieldError[] {
  const fields: FieldError[] = [];
  for (const q of questions) {
    if (q.required && !answers[q.id]?.trim())
      fields.push({ path: `answers.${q.id}`, key: 'answers.required' });
  }
  for (const id of Object.keys(answers)) {
    if (!questions.some((q) => q.id === id))
      fields.push({ path: `answers.${id}`, key: 'answers.unknown' });
  }
  return fields;
}
