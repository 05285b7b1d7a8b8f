/**
 * 居民说事 for this page: registers the feature with the SDK (side effect only; the complaint
 * elements and `shequ-kit/sdk` import it). Its schemas and services load on its first call.
 */
import { addFeature } from '../../sdk/operations.js';
import { complaintsFeature } from './feature.js';

addFeature(complaintsFeature);
