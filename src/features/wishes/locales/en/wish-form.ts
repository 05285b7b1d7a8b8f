import wishFields from './wish-fields.js';
import type zhCN from '../zh-CN/wish-form.js';

/** <sq-wish-form>: post a small wish. */
export default {
  ...wishFields,
  /** What to do about an empty field (ui/field-errors.ts). */
  empty: {
    category: 'Choose a category.',
    title: 'Say what you would like, for example: a radio.',
  },
  contact: { nameRequired: 'Enter your name.', nameTooLong: 'Keep your name under 30 characters.' },
  label: {
    title: 'Your wish in a few words',
    story: 'Your story',
    category: 'Category',
    grid: 'Your grid',
    wisherName: 'Your name',
    alias: 'Name to show on the wall',
    phone: 'Phone',
    value: 'Rough value (yuan)',
    consent: 'I have read and agree to how my personal information is handled',
    publishConsent: 'I agree that this wish is shown on the wish wall (without my phone)',
  },
  hint: {
    title: 'Say what you would like, e.g. “A radio to listen to”.',
    story: 'Why you need it, 10 to 300 characters.',
    wisherName: 'The wall never shows your full name, only “{{masked}}”.',
    wisherNameEmpty:
      'The wall never shows your full name, only a partly hidden one (王秀英 → 王*英).',
    alias: 'E.g. “Grandma Wang”; left empty, your partly hidden name is shown.',
    phone: 'Never shown: only for community staff and the claimer to reach you.',
    value: 'At most {{max}} yuan.',
  },
  heading: 'Make a small wish',
  intro:
    'Write down one small wish. Once the community has checked it, it is shown on the wish wall, where party members, volunteers and local organisations can claim it.',
  counter: '{{count}} / {{max}} characters',
  choose: 'Choose',
  gridNone: 'Not sure',
  shownAs: 'Shown on the wall as: {{name}}',
  valueInvalid: 'Enter a number.',
  privacy: 'How we handle your personal information',
  privacyWho: 'Collected by: {{controller}}.',
  privacyWhat:
    'Purpose: to check and fulfil your wish. What: your name and phone. Your phone is never shown; the wall shows only the wish and your partly hidden name (or the name you chose).',
  privacyKeep:
    'Kept for {{days}} after the wish is fulfilled or closed, then deleted. Only statistics without personal details remain.',
  privacyRights: 'To see, correct or delete your information, contact: {{contact}}.',
  defaultController: 'the residents’ committee of this community',
  defaultContact: 'the community service station',
  submit: 'Send my wish',
  sending: 'Sending…',
  refused: 'The wish saved earlier was not accepted: ',
  dismiss: 'OK, delete it',
  errorsHeading: 'Things to fix: {{count}}',
  draftRestored: 'What you wrote last time is back (your name and phone are never kept).',
  clearDraft: 'Start again',
  queuedTitle: 'Saved on this phone',
  queued:
    'There is no network right now. Your wish is not lost and you need not fill it in again: it will be sent to the community when the network is back, and your wish code will then show here.',
  failed: 'Your wish was not sent. ',
  delivered: {
    heading: 'Your wish was sent. Thank you!',
    review: 'Once community staff have checked it, it will appear on the wish wall.',
    code: 'Wish code',
    codeHint:
      'The wish code is shown only this once: write it down or copy it. You need it to follow your wish, withdraw it or say thanks.',
    copy: 'Copy the wish code',
    copied: 'Copied.',
    again: 'Make another wish',
  },
  noCommunity: 'No community is set.',
  loadFailed: 'The community’s details could not be loaded. ',
} satisfies typeof zhCN;
