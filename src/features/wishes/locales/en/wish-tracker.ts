import type zhCN from '../zh-CN/wish-tracker.js';
import wishFields from './wish-fields.js';

/** <sq-wish-tracker>: follow your wish with its code, then thank or withdraw. */
export default {
  ...wishFields,
  heading: 'My wish',
  intro:
    'Enter the wish code you were given when you posted your wish to see how it is going, say thank you or withdraw it.',
  codeLabel: 'Wish code',
  codeHint: '8 letters and digits, any case. Only you know it: do not share it.',
  codeRequired: 'Enter the wish code.',
  queryCode: { invalid: 'The wish code has 8 letters and digits.' },
  submit: 'Check',
  searching: 'Checking…',
  notFound: 'No wish was found with this code. Check it and try again.',
  failed: 'The check did not go through. ',
  status: 'Status',
  posted: 'Posted',
  claimer: 'Claimed by',
  found: 'Wish found. Status: {{status}}',
  refreshed: 'Updated: {{status}}',
  refresh: 'Check again',
  statuses: {
    pending_review: 'Being checked',
    open: 'Waiting for a helper',
    claimed: 'Claimed',
    fulfilled: 'Fulfilled',
    thanked: 'Thanked',
    rejected: 'Not accepted',
    withdrawn: 'Withdrawn',
  },
  notes: {
    pending_review: 'Community staff are checking it; then it will appear on the wish wall.',
    open: 'Your wish is on the wish wall, waiting for someone to claim it.',
    claimed: 'Someone has claimed your wish and is working on it.',
    fulfilled: 'Your wish has come true. You can thank the helper below.',
    thanked: 'Your wish has come true and you have thanked the helper.',
    rejected:
      'Your wish was not accepted; the reason is below. Contact the community with questions.',
    withdrawn: 'This wish has been withdrawn and is no longer on the wall.',
  },
  claimerTypes: {
    party_member: 'Party member',
    unit: 'Organisation',
    volunteer: 'Volunteer',
    resident: 'Resident',
  },
  rejectReason: 'Reason (only you can see it)',
  fulfilment: 'How it was done ({{date}})',
  thanksHeading: 'Thank the helper',
  thanksLabel: 'Your message',
  thanksHint:
    'Optional, up to 200 characters. It is shown on the wish wall: no phone numbers or addresses.',
  thanksSubmit: 'Send thanks',
  yourThanks: 'Your thanks',
  sending: 'Sending…',
  thanked: 'Thank you! Your thanks have been passed on.',
  withdraw: 'Withdraw wish',
  withdrawConfirm:
    'Once withdrawn, the wish is no longer shown and cannot be restored. Withdraw it?',
  withdrawYes: 'Yes, withdraw',
  withdrawNo: 'Keep it',
  withdrawn: 'Your wish has been withdrawn.',
} satisfies typeof zhCN;
