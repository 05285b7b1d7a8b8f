/**
 * 微心愿 for this page: registers the wish operations with the SDK. Side effect only; imported
 * by the wish elements and by `shequ-kit/sdk`. Schemas and services load on the feature's first
 * call.
 */
import { addFeature } from '../../sdk/operations.js';

addFeature('wishes', {
  contract: () => import('./contract.js').then((m) => m.wishOperations),
  handlers: () => import('./handlers.js').then((m) => m.wishHandlers),
});
