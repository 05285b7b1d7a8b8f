import type zhCN from '../zh-CN/redblack-fields.js';

/**
 * 红黑榜: the board's field validation messages (keys from src/features/redblack/model.ts and
 * service.ts). Spread into the namespaces of the elements that show them.
 */
export default {
  /** 403 `forbidden` on return or publish by the entry's author. */
  review: { ownEntry: 'You wrote this entry: another staff member must review and publish it.' },
  list: { invalid: 'Choose the red list (praise) or the black list (criticism).' },
  period: { invalid: 'Choose the period: a month, a quarter or a year.' },
  subject: {
    invalid:
      'Choose who or what the entry is about: a building, a unit, an area, an organisation or shop, a household, or a person.',
    notAPlace:
      'The black list names only buildings, units, areas, organisations or shops — never a person or a household.',
  },
  subjectName: {
    required: 'Enter the name (at least 2 characters).',
    tooLong: 'Keep the name under 60 characters.',
  },
  person: { nameRequired: 'Enter the name.', nameTooLong: 'The name is too long.' },
  personConsent: {
    required:
      'A person needs their own separate consent to be named: record when and how they gave it.',
  },
  rubric: { otherList: 'This category belongs to the other list. Choose another one.' },
  entryReason: {
    required: 'Say why (at least 5 characters).',
    tooLong: 'Keep the reason under 300 characters.',
  },
  evidence: {
    tooMany: 'At most 6 photos.',
    unknown: 'This photo was not uploaded. Upload it again.',
  },
  redblackNote: {
    required: 'Add a note: residents will see it.',
    tooLong: 'Keep the note under 200 characters.',
  },
  correction: {
    sameList: 'A published entry cannot change lists. Withdraw it and write a new one.',
    samePeriod: 'A published entry cannot change its period. Withdraw it and write a new one.',
    noteRequired:
      "A correction after publishing needs a public note: it appears in the board's change log.",
  },
  rectified: {
    future: 'The date it was put right cannot be later than today.',
    beforePeriod: 'The date it was put right cannot be before the period began.',
  },
  appellant: {
    roleRequired: 'Say who you are for this place, e.g. "building head" or "shop owner".',
    roleTooLong: 'Keep it under 20 characters.',
    nameRequired: 'Enter a contact name.',
    nameTooLong: 'The name is too long.',
  },
  appeal: {
    reasonRequired: 'Explain your appeal (at least 5 characters).',
    reasonTooLong: 'Keep the appeal under 500 characters.',
  },
} satisfies typeof zhCN;
