import type zhCN from '../zh-CN/wish-fields.js';

/**
 * 微心愿: the wish fields' validation messages (keys from src/features/wishes/model.ts).
 * Spread into the namespaces of the elements that show them.
 */
export default {
  publishConsent: { required: 'Wishes are shown in public: tick to agree to that.' },
  title: { tooShort: 'The title is too short.', tooLong: 'Keep the title under 30 characters.' },
  story: { tooShort: 'Write at least 10 characters.', tooLong: 'Keep it under 300 characters.' },
  alias: { tooLong: 'Keep the display name under 20 characters.' },
  value: {
    negative: 'The amount cannot be negative.',
    tooHigh: "The amount cannot be more than {{max}} yuan (the community's limit).",
  },
  claimerType: { invalid: 'Choose who is claiming.' },
  claimer: {
    nameRequired: 'Enter a name or the unit’s name.',
    nameTooLong: 'The name is too long.',
  },
  rejectReason: { required: 'Give the reason for rejecting.' },
  fulfilNote: {
    required: 'Describe how the wish was fulfilled.',
    tooLong: 'Keep it under 300 characters.',
  },
  thanks: { tooLong: 'Keep your thanks under 200 characters.' },
} satisfies typeof zhCN;
