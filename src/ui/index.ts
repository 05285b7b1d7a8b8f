export { SqElement } from './sq-element.js';
export { defineElement } from './define.js';
export { clientFor } from './clients.js';
export { careContext, clientContext, communityContext, localeContext } from './context.js';
export {
  LocalizeController,
  i18n,
  languageOf,
  resolveLanguage,
  DEFAULT_LANGUAGE,
} from './localize.js';
export {
  ensureDocumentTokens,
  referenceTokens,
  systemTokens,
  careTokens,
  tokensCss,
} from './tokens.js';
export { baseStyles } from './styles.js';
export { CustomStates } from './states.js';
export { ActionController, type ActionOutcome, type ActionPhase } from './action.js';
export {
  StaffSessionController,
  type Staff,
  type StaffNotice,
  type StaffPhase,
} from './staff-session.js';
export { renderChips, chipStyles, type ChipOption } from './chips.js';
export { choiceStyles } from './choice-styles.js';
export { renderDateTime } from './time.js';
export type { StatusTone } from './tokens.js';
