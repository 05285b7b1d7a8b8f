import { SqComplaintForm } from '../features/complaints/elements/complaint-form/index.js';

SqComplaintForm.define();

export { SqComplaintForm };
