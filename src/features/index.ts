/**
 * Every feature, once: the one list a new feature is added to (docs/contributing.md). The
 * server serves every operation of these; `shequ-kit/sdk` registers them all. Pages register
 * only the features their elements use (`<feature>/sdk.ts`).
 */
import { adminFeature } from './admin/feature.js';
import { complaintsFeature } from './complaints/feature.js';
import { coreFeature } from './core/feature.js';
import { wishesFeature } from './wishes/feature.js';
import { bookingFeature } from './booking/feature.js';
import { calendarFeature } from './calendar/feature.js';
import { redblackFeature } from './redblack/feature.js';

export const features = [
  coreFeature,
  adminFeature,
  complaintsFeature,
  wishesFeature,
  bookingFeature,
  calendarFeature,
  redblackFeature,
] as const;
