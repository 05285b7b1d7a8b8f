import type zhCN from '../zh-CN/complaint-fields.js';

/**
 * 居民说事: the complaint fields' validation messages (keys from src/features/complaints/model.ts).
 * Spread into the namespaces of the elements that show them.
 */
export default {
  answers: {
    required: 'Please answer this question.',
    unknown: 'This question does not belong to the chosen category.',
  },
  ticket: { invalid: 'A case number looks like SQ‑2026‑000123.' },
  queryCode: { invalid: 'The query code has 8 letters and digits.' },
  description: {
    tooShort: 'Write at least 10 characters about what happened.',
    tooLong: 'Keep it under 1000 characters.',
  },
  contact: {
    required: 'Leave a name and phone number, or choose to report anonymously.',
    nameRequired: 'Enter your name.',
    nameTooLong: 'The name is too long.',
  },
  photos: {
    tooMany: 'Add at most 6 photos.',
    unknown: 'A photo did not upload. Please add it again.',
  },
  rating: { required: 'Choose how satisfied you are.' },
  comment: { tooLong: 'Keep the comment under 500 characters.' },
  reply: { required: 'Write something.', tooLong: 'Keep it under 2000 characters.' },
  returnReason: { required: 'Choose why the case is returned.' },
  transferTo: { required: 'Enter where the case is transferred to.' },
  extend: { days: 'Extend by 1 to 30 working days.' },
  photo: { unknown: 'The photo did not upload. Please add it again.' },
  handler: { unknown: 'Choose a staff member of this community.' },
} satisfies typeof zhCN;
