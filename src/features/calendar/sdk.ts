/**
 * The activity calendar for this page: registers the feature with the SDK (side effect only;
 * `shequ-kit/sdk` imports it with every feature). Its schemas and services load on its first call.
 */
import { addFeature } from '../../sdk/operations.js';
import { calendarFeature } from './feature.js';

addFeature(calendarFeature);
