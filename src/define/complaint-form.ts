import { SqComplaintForm } from '../elements/complaint-form/index.js';

SqComplaintForm.define();

export { SqComplaintForm };
