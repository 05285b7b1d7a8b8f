import { SqComplaintQr } from '../elements/complaint-qr/index.js';

SqComplaintQr.define();

export { SqComplaintQr };
