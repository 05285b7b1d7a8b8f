import type zhCN from '../zh-CN/common.js';

/** Shared strings: error codes (`errors.*`), validation keys (`validation.*` and field keys). */
export default {
  loading: 'Loading…',
  retry: 'Try again',
  required: 'Required',
  optional: 'Optional',
  errors: {
    validation_failed: 'Some answers need fixing: see the fields marked in red.',
    unauthorized: 'Please sign in first.',
    forbidden: 'You do not have permission to do this.',
    not_found: 'Nothing was found.',
    conflict: 'Someone else changed this. Refresh and try again.',
    invalid_transition:
      'This step is not possible in the current status. Refresh to see the latest progress.',
    already_claimed:
      'Already claimed: someone else has just claimed this wish. Thank you for caring.',
    claim_expired:
      'The claim has passed its hold period and the wish is open again. If you fulfilled it, please contact the community.',
    slot_unavailable:
      'This time cannot be booked now (it has passed, is closed or is not open yet). Please choose another time.',
    booking_limit:
      'You have reached the limit of bookings for this service. Attend or cancel one you have first.',
    cutoff_passed:
      'It is too late to cancel online. If you cannot come, please call the community.',
    in_flight: 'Your previous submission is still being processed. Please wait.',
    idempotency_mismatch: 'This submission differs from the earlier one. Please submit again.',
    payload_too_large: 'This is too large. Please shorten it and submit again.',
    unsupported_media_type: 'This file type is not supported.',
    rate_limited: 'Too many requests. Please try again shortly.',
    headers_too_large: 'The request is too large. Please reload the page and try again.',
    request_timeout: 'The connection is too slow. Please try again.',
    internal: 'Something went wrong on our side. Please try again later.',
    unavailable: 'The service is unavailable right now. Please try again later.',
    network: 'No connection. Check your network and try again.',
  },
  validation: {
    invalid_type: 'This is not in the right format.',
    too_small: 'This is too short or too few.',
    too_big: 'This is too long or too many.',
    invalid_format: 'This is not in the right format.',
    invalid_value: 'Please choose one of the options.',
    unrecognized: 'This contains something unexpected.',
    invalid_json: 'The request is not valid JSON.',
    path_mismatch: 'This does not match the id in the address.',
    invalid_multipart: 'The upload is not in the right format.',
    required: 'This is required.',
    custom: 'This answer needs fixing.',
  },
  phone: {
    invalid: 'Enter a valid mobile or landline number, e.g. 13812345678 or 010-12345678.',
    mobileRequired: 'Enter an 11-digit mobile number, e.g. 13812345678.',
  },
  name: { required: 'Enter a name.' },
  id: { invalid: 'This id is not valid.' },
  timestamp: { invalid: 'This time is not valid.' },
  date: {
    invalid: 'This date is not valid.',
    range: 'The end date cannot be before the start date.',
    tooLong: 'A period covers at most five years: choose a shorter range.',
  },
  cursor: { invalid: 'This page link is not valid: load the list from its first page.' },
  limit: { invalid: 'The number must be a whole number.' },
  username: { required: 'Enter a username.' },
  password: { required: 'Enter a password.' },
  idempotencyKey: { invalid: 'The request id is not valid. Please submit again.' },
  upload: {
    required: 'Choose a file to upload.',
    tooMany: 'Too many files.',
    tooLarge: 'The file is too large.',
    type: 'Only JPEG, PNG or WebP images can be uploaded.',
    invalid: 'This image is incomplete or damaged. Take the photo again or choose another.',
    tooManyPixels: 'This image is too large in size. Make it smaller and upload again.',
  },
  /** Answers to a category's or a service's extra questions. */
  answers: {
    required: 'Please answer this question.',
    unknown: 'This question does not belong to the chosen category.',
  },
  consent: { required: 'Read and agree to how your personal information is handled.' },
  grid: { unknown: 'This grid is no longer on the community’s list. Please choose again.' },
  category: { unknown: 'Choose a type of concern from the list.' },
  location: {
    textTooShort: 'Describe the place in a little more detail.',
    otherCommunity: 'This place is not in this community.',
    gridRequired: 'Choose the grid first.',
    unknown: "This place is no longer on the community's list. Please choose again.",
    buildingRequired: 'Choose the building first.',
  },
} satisfies typeof zhCN;
