/**
 * 红黑榜 for this page: registers the feature with the SDK (side effect only; the board's
 * elements and `shequ-kit/sdk` import it). Its schemas and services load on its first call.
 */
import { addFeature } from '../../sdk/operations.js';
import { redblackFeature } from './feature.js';

addFeature(redblackFeature);
