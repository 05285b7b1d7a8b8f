/**
 * `dist/cdn/sdk.js`: the SDK for pages that use the drop-in (`import { createClient } from
 * '…/dist/cdn/sdk.js'`), sharing its chunks with the elements the loader brings in, so a
 * client made here is the one a `<sq-provider>` hands to them. Also `loadSdk()` of the loader.
 */
export * from '../sdk/index.js';
export { i18n } from '../ui/localize.js';
