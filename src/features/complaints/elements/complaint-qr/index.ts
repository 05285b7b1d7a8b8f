export { SqComplaintQr } from './complaint-qr.js';
export {
  prefillUrl,
  PrefillError,
  PREFILL_KEYS,
  type PrefillPlace,
  type PrefillKey,
} from './prefill.js';
export { encodeQr, QUIET_ZONE, type QrCode } from './qr.js';
