/**
 * 居民说事 for this page: registers the complaint operations with the SDK. Side effect only;
 * imported by the complaint elements and by `shequ-kit/sdk`. Schemas and services load on the
 * feature's first call.
 */
import { addFeature } from '../../sdk/operations.js';

addFeature('complaints', {
  contract: () => import('./contract.js').then((m) => m.complaintOperations),
  handlers: () => import('./handlers.js').then((m) => m.complaintHandlers),
  uploads: () => import('./handlers.js'),
});
