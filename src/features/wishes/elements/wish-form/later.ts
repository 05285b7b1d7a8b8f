/**
 * What <sq-wish-form> needs once its community is in (its first render says it is loading), in
 * one chunk loaded right after that render: the wish schemas and rules, the field partials, the
 * error summary, the receipt and the name masking of its hint.
 */
export * from '../../model.js';
export { maskName } from '../../../../domain/mask.js';
export {
  choice,
  phoneField,
  selectField,
  textField,
  textareaField,
} from '../../../../ui/fields/field.js';
export { errorSummary } from '../../../../ui/fields/error-summary.js';
export { codeReceipt } from '../../../../ui/fields/code-receipt.js';
// The submission controller's sending half, in this chunk rather than one of its own.
export { adopt, dismiss, submit } from '../../../../ui/submission/submission-actions.js';
