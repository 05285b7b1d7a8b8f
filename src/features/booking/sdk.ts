/**
 * 志愿服务预约 for this page: registers the feature with the SDK (side effect only; the booking
 * elements and `shequ-kit/sdk` import it). Its schemas and services load on its first call.
 */
import { addFeature } from '../../sdk/operations.js';
import { bookingFeature } from './feature.js';

addFeature(bookingFeature);
