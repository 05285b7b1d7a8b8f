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
 * A booking's details against its service: party within the service's limit, its eligibility
 * ticked, its questions answered, a home visit's place given in its community. Field errors as
 * i18n keys (booking-fields, complaint fields' `answers.*`, common's `location.*`).
 */
export function bookingDetailErrors(service: ServiceRules, input: DetailsInput): FieldError[] {
  const fields: FieldError[] = [];
  if (input.party > service.limits.partyMax) {
    fields.push({ path: 'party', key: 'party.tooMany', params: { max: service.limits.partyMax } });
  }
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
