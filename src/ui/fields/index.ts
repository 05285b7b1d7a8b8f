export {
  choice,
  field,
  fieldError,
  phoneField,
  selectField,
  textField,
  textareaField,
  type Counted,
  type FieldProps,
  type TextProps,
} from './field.js';
export { options, type OptionList } from './options.js';
export { errorSummary } from './error-summary.js';
export { statusBanner } from './status-banner.js';
export { photoPicker } from './photo-picker.js';
export { photoStyles } from './photo.styles.js';
export { codeReceipt, type CodeReceiptProps } from './code-receipt.js';
export { fieldStyles } from './fields.styles.js';
