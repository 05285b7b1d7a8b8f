import { SqComplaintQr } from '../features/complaints/elements/complaint-qr/index.js';

SqComplaintQr.define();

export { SqComplaintQr };
