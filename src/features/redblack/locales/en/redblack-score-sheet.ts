import type zhCN from '../zh-CN/redblack-score-sheet.js';
import type zhScoreFields from '../zh-CN/redblack-score-fields.js';
import scoreFields from './redblack-score-fields.js';
import signIn from '../../../../ui/locales/en/sign-in.js';

/** <sq-redblack-score-sheet>: staff score each building per period (和谐楼道). */
export default {
  ...scoreFields,
  heading: 'Harmonious hallway scores (和谐楼道)',
  intro:
    'Score every item of each building from 0 to 10, in whole or half points (such as 7.5): the better, the higher. Saving again replaces the scores; the old ones are kept on record.',
  suggestHint:
    'The top {{top}} are suggested for the red list, those averaging under {{below}} per item for the black list. Only a suggestion: the editor decides.',
  signedIn: 'Signed in as {{name}}',
  logout: 'Sign out',
  login: signIn,
  periodPick: 'Period',
  loading: 'Loading the score sheet…',
  loadFailed: 'Could not load the score sheet. ',
  ranking: '{{period}}: ranking and suggestions ({{scored}} of {{all}} buildings scored)',
  rank: 'Rank',
  building: 'Building',
  total: 'Total',
  suggestion: 'Suggestion',
  suggest: { red: '★ Red list candidate', black: '▲ Black list candidate' },
  draft: { red: 'Draft a red entry', black: 'Draft a black entry' },
  notScored: 'Not scored',
  none: '—',
  status: 'Total {{total}} of {{max}}, rank {{rank}}',
  rescored: 'Scored again {{n}} time(s) (old scores kept)',
  scoredAt: 'Scored {{at}}',
  scoreHint: '0–10',
  save: 'Save scores',
  saveOf: ': {{building}}',
  saving: 'Saving…',
  saved: 'Saved the scores of {{building}}: total {{total}}.',
  fixErrors: '{{building}}: {{n}} score(s) to correct.',
  failed: 'Not saved. ',
} satisfies typeof zhCN & typeof zhScoreFields;
