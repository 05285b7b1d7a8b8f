import wishFields from './wish-fields.js';
import type zhCN from '../zh-CN/wish-wall.js';

/** <sq-wish-wall>: the wish wall, its filters, a wish's dialog and the claim form. */
export default {
  ...wishFields,
  heading: 'Wish wall',
  filters: 'Filter wishes',
  category: 'Category',
  status: 'Status',
  grid: 'Grid',
  all: 'All',
  statusName: { open: 'Open', claimed: 'Claimed', fulfilled: 'Fulfilled', thanked: 'Thanked' },
  claimerTypes: {
    party_member: 'Party member',
    unit: 'Organisation',
    volunteer: 'Volunteer',
    resident: 'Resident',
  },
  wisher: 'Wish of {{name}}',
  valueAbout: 'About {{value}} yuan',
  thanksClaimer: 'Thanks to {{name}} ({{type}}) for claiming it',
  thanksMessage: 'The wisher says: {{message}}',
  count: 'Wishes shown: {{count}}.',
  more: 'Load more',
  loadFailed: 'The wishes could not be loaded. ',
  empty:
    'There are no wishes on the wall yet. New wishes show here once approved: please look again in a few days.',
  filteredEmpty: 'No wishes match these filters.',
  clearFilters: 'Clear filters',
  noCommunity: 'No community is set.',
  open: 'View and claim',
  view: 'View details',
  moreFilters: 'More filters (category, grid)',
  moreFiltersOn: 'More filters ({{count}} chosen)',
  close: 'Close',
  story: 'The story',
  claim: {
    heading: 'Claim this wish',
    type: 'I am claiming as',
    name: 'Name',
    unitName: 'Name of the organisation',
    nameHint: 'Thanked in public on the wall; a person’s name is partly hidden.',
    phone: 'Phone',
    phoneHint: 'Only for the community and the wisher to reach you. Never shown.',
    notice:
      '{{controller}} collects your name (or your organisation’s) and phone to arrange this wish with you, and keeps them for {{days}} after the wish is fulfilled, then deletes them. To see, correct or delete them, contact {{contact}}.',
    consent: 'I have read and agree to how my personal information is handled',
    submit: 'Claim it',
    sending: 'Sending…',
    failed: 'The claim did not go through. ',
    notOpen: 'This wish cannot be claimed now.',
  },
  errorsHeading: 'Things to fix: {{count}}',
  claimed: {
    heading: 'Claimed. Thank you!',
    code: 'Claim code',
    codeHint:
      'The claim code is shown only this once: write it down or copy it. You need it to report the wish fulfilled.',
    holdUntil: 'Please fulfil it by {{date}}; after that the wish opens for claims again.',
    copy: 'Copy the claim code',
    copied: 'Copied.',
  },
} satisfies typeof zhCN;
