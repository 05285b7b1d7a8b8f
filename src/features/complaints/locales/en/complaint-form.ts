import type zhAfter from '../zh-CN/complaint-form-after.js';
import type zhCN from '../zh-CN/complaint-form.js';
import type zhFields from '../zh-CN/complaint-fields.js';
import complaintFields from './complaint-fields.js';

/** <sq-complaint-form>: report a concern. */
export default {
  ...complaintFields,
  /** What to do about an empty field (ui/field-errors.ts). */
  empty: {
    category: 'Choose the type of concern.',
    text: 'Say where it is, for example: the fire lane east of building 3.',
  },
  title: 'Report a concern',
  intro: 'Tell the community what is wrong; you will get an answer within the deadline.',
  field: {
    category: 'Type of concern',
    description: 'What happened',
    where: 'Where',
    place: 'Place',
    photos: 'Photos (optional, up to {{max}})',
    contact: 'Contact',
    name: 'Name',
    phone: 'Phone',
  },
  choose: 'Choose',
  categoryHint: 'Not sure? Choose “Other”.',
  descriptionHint: 'When, what and how it affects you: 10 to 1000 characters.',
  counter: '{{n}} of {{max}} characters',
  inList: 'Choose from the list',
  inWords: 'Describe it',
  textHint: 'For example: the fire lane east of building 3',
  photosHint: 'Photos are made smaller before upload.',
  photosPick: 'Add photos',
  photosNone: 'No photos chosen yet.',
  photosChosen: 'Photos chosen: {{count}}. You can add {{left}} more.',
  photosFull: 'All {{count}} photos chosen. To change one, remove one first.',
  photoAlt: 'Photo {{n}}',
  remove: 'Remove photo {{n}}',
  anonymous: 'Report anonymously (no name or phone)',
  anonymousHint: 'Staff cannot call you back; you read the answer with the query code.',
  phoneHint: 'Mobile or landline, only for staff to reach you; never published.',
  privacy: 'How we handle your personal information',
  privacyWho: 'Collected by: {{controller}}.',
  privacyWhat:
    'Purpose: to receive, handle and answer your concern. What: the description, place, photos and (unless anonymous) your name and phone.',
  privacyKeep:
    'Kept for {{days}} after the case is closed, returned or transferred; then your name, phone, description and photos are deleted and the query code stops working. Only statistics without personal details remain.',
  privacyRights: 'To see, correct or delete your information, contact: {{contact}}.',
  defaultController: 'the residents’ committee of this community',
  defaultContact: 'the community service station',
  consent: 'I have read and agree to the above',
  publish: 'The community may publish a summary without personal details (optional)',
  submit: 'Submit',
  sending: 'Sending…',
  queuedTitle: 'Saved on this phone',
  queued:
    'There is no network right now. Your report is not lost and you need not fill it in again: it will be sent to the community when the network is back, and your ticket and query code will then show here.',
  failed: 'Not sent: ',
  refused: 'The report saved earlier was not accepted: ',
  dismiss: 'OK, delete it',
  summary: 'Things to fix: {{n}}',
  receipt: {
    received: 'We have received your concern',
    ticket: 'Case number',
    code: 'Query code',
    copy: 'Copy query code',
    copied: 'Copied.',
    copyFailed: 'Could not copy; the code is selected, copy it by hand.',
    due: 'Answer due by',
    keep: 'Note the case number and query code: the code is shown only this once, and you need it to follow your case.',
    again: 'Report another concern',
  },
  loadFailed: 'Could not load community details. ',
} satisfies typeof zhCN & typeof zhAfter & typeof zhFields;
