/**
 * shequ-kit: importing this module registers every element. For one element only, import
 * `shequ-kit/define/<name>`; for the classes without registering, `shequ-kit/elements/<name>`.
 */
import './define/provider.js';
import './define/community-picker.js';

export { SqProvider } from './elements/provider/index.js';
export { SqCommunityPicker } from './elements/community-picker/index.js';
export { SqElement, i18n, defineElement } from './elements/base/index.js';
export { createClient, ApiError } from './sdk/index.js';
export type { Client, ClientOptions } from './sdk/index.js';
