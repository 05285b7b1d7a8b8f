/**
 * What <sq-complaint-form> needs only after its first paint, in one chunk loaded right after
 * it (see `later` in complaint-form.ts): the server's input schema and error mapping, the
 * default catalogue, the community picker and the receipt.
 */
export { complaintInputSchema } from '../../domain/complaint.js';
export { toFieldErrors } from '../../domain/validation.js';
export { defaultCategories } from '../../domain/catalogues.js';
export { SqCommunityPicker } from '../community-picker/community-picker.js';
export { renderReceipt } from './receipt.js';
