import type zhCN from '../zh-CN/complaint-qr.js';

/** <sq-complaint-qr>: a report QR code for a building or unit, and its printable poster. */
export default {
  caption: 'Scan to report',
  qrLabel: 'QR code to report a concern: {{place}}',
  loadingPlace: 'Loading the place…',
  title: 'Tell your community',
  lead: 'Something wrong where you live? Scan with your phone and tell the community.',
  steps: {
    scan: 'Open your camera or WeChat “Scan” and point it at the code.',
    write: 'Choose a category, say what happened, add a photo if you like.',
    track: 'Keep the case number and query code to check on progress.',
  },
  promise: 'Every report gets an answer, within the set number of working days.',
  link: 'Link: ',
  print: 'Print poster',
  invalid: {
    base: 'The form page address must start with http:// or https://.',
    community: 'Set a community id.',
    grid: 'The grid id is not valid: use only letters, digits, - and _.',
    building: 'The building id is not valid: use only letters, digits, - and _.',
    unit: 'The unit id is not valid: use only letters, digits, - and _.',
    category: 'The category id is not valid: use only letters, digits, - and _.',
  },
  parentMissing: {
    building: 'Set the grid before the building.',
    unit: 'Set the building before the unit.',
  },
  stale: 'This {{level}} is not in the community’s list. Check the id before making a code.',
  staleCategory: 'This category is not one of the community’s.',
  levels: { community: 'community', grid: 'grid', building: 'building', unit: 'unit' },
  loadFailed: 'Could not load the community. ',
} satisfies typeof zhCN;
