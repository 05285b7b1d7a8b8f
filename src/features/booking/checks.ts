// The rules a booking's details must meet for its service, before any seat or store is read:
// one place, run by the service (checkBooking) and by <sq-volunteer-booking> before it asks to
// confirm. Pure; no schemas, so the element's later chunk carries no zod for it.
import type { FieldError } from '../../domain/errors.js';
import { answerErrors } from '../core/answers.js';
import type { Location } from '../core/model.js';

/** What of a service the check reads. */
interface ServiceRules {
  community: string;
  place: { kind: 'station' | 'home' };
  eligibility?: string | undefined;
  questions: Parameters<typeof answerErrors>[0];
  limits: { partyMax: number };
}

/** What of a booking's input the check reads. */
interface DetailsInput {
  party: number;
  eligible?: boolean | undefined;
  answers: Readonly<Record<string, string>>;
  location?: Location | undefined;
}

/**
 * The largest party a slot takes: the service's limit, and never more than the slot's seats
 * (a larger party could only wait in line for ever).
 */
export const partyLimit = (service: ServiceRules, seats = Infinity): number =>
  Math.min(service.limits.partyMax, seats);

/**
 * A booking's details against its service and the slot's `seats` (when known): party within
 * both, its eligibility ticked, its questions answered, a home visit's place given in its
 * community. Field errors as i18n keys (booking-fields, complaint fields' `answers.*`, common's
 * `location.*`).
 */
export function bookingDetailErrors(
  service: ServiceRules,
  input: DetailsInput,
  seats?: number,
): FieldError[] {
  const fields: FieldError[] = [];
  const max = partyLimit(service, seats);
  if (input.party > max) fields.push({ path: 'party', key: 'party.tooMany', params: { max } });
  if (service.eligibility && input.eligible !== true) {
    fields.push({ path: 'eligible', key: 'eligible.required' });
  }
  fields.push(...answerErrors(service.questions, input.answers));
  if (service.place.kind === 'home') {
    if (!input.location) fields.push({ path: 'location', key: 'location.required' });
    else if (input.location.community !== service.community) {
      fields.push({ path: 'location', key: 'location.otherCommunity' });
    }
  }
  return fields;
}
