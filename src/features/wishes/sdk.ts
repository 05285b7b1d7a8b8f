/**
 * 微心愿 for this page: registers the feature with the SDK (side effect only; the wish elements
 * and `shequ-kit/sdk` import it). Its schemas and services load on its first call.
 */
import { addFeature } from '../../sdk/operations.js';
import { wishesFeature } from './feature.js';

addFeature(wishesFeature);
