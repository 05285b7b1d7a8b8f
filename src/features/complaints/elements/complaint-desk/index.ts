export { SqComplaintDesk } from './complaint-desk.js';
