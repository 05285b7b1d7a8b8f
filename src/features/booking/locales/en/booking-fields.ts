import type zhCN from '../zh-CN/booking-fields.js';

/**
 * 志愿服务预约: the booking fields' validation messages (keys from src/features/booking/model.ts
 * and service.ts). Spread into the namespaces of the elements that show them.
 */
export default {
  /** The feature's error codes (src/domain/errors.ts): its elements merge them into `common`. */
  errors: {
    slot_unavailable:
      'This time cannot be booked now (it has passed, is closed or is not open yet). Please choose another time.',
    booking_limit:
      'You have reached the limit of bookings for this service. Attend or cancel one you have first.',
    cutoff_passed:
      'It is too late to cancel online. If you cannot come, please call the community.',
  },
  serviceName: {
    required: 'Enter the service name (at least 2 characters).',
    tooLong: 'Keep the service name under 40 characters.',
  },
  team: {
    required: 'Enter the volunteer team, for example “党建红”.',
    tooLong: 'Keep the team name under 20 characters.',
  },
  serviceDescription: { tooLong: 'Keep the description under 500 characters.' },
  address: {
    required: 'Enter the service station’s address.',
    tooLong: 'Keep the address under 100 characters.',
  },
  notice: { tooLong: 'Keep the notes under 300 characters.' },
  eligibility: { tooLong: 'Keep the eligibility sentence under 100 characters.' },
  questions: { duplicate: 'Two questions have the same id: change one.' },
  schedule: {
    timeInvalid: 'Write times as hours:minutes, for example 08:30.',
    timeRange: 'The end must be later than the start.',
    weekdaysRequired: 'Choose at least one day.',
  },
  reason: {
    required: 'Give the reason: residents will see it.',
    tooLong: 'Keep the reason under 100 characters.',
  },
  booker: { nameRequired: 'Enter your name.', nameTooLong: 'The name is too long.' },
  forWhom: { invalid: 'Choose whether you book for yourself or for an elder.' },
  elder: {
    required: 'When booking for an elder, give their name and how you are related.',
    nameRequired: 'Enter the elder’s name.',
    nameTooLong: 'The name is too long.',
    relationRequired: 'Say how you are related, for example “daughter”.',
    relationTooLong: 'Keep the relation under 20 characters.',
  },
  party: {
    invalid: 'From 1 to 10 people.',
    tooMany: 'At most {{max}} people per booking for this service.',
    notSmaller: 'The party can only get smaller (at most {{max}}).',
  },
  slot: {
    invalid: 'Choose a time.',
    unknown: 'This time is not one of the service’s. Please choose again.',
  },
  eligible: { required: 'Confirm that you (or the elder) can use this service.' },
  location: { required: 'For a home visit, choose your building and unit.' },
  volunteer: {
    nameRequired: 'Enter the volunteer’s name.',
    nameTooLong: 'The name is too long.',
    hours: 'Hours served are from 0.5 to 24.',
  },
} satisfies typeof zhCN;
