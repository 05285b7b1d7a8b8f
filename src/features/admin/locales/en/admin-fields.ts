import type zhCN from '../zh-CN/admin-fields.js';

/** Community set-up and staff accounts: their field messages in English. */
export default {
  username: {
    invalid: 'Use only letters, digits, dots, dashes and underscores.',
    taken: 'This username is taken.',
  },
  password: {
    tooShort: 'The password is too short: use at least 10 characters.',
    tooLong: 'The password is too long: use at most 200 characters.',
    wrong: 'The current password is not right. Please enter it again.',
  },
  staff: { self: 'You cannot disable your own account.' },
} satisfies typeof zhCN;
