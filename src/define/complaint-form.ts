// The class only: the photo helper (index.ts) comes with the form's later chunk.
import { SqComplaintForm } from '../features/complaints/elements/complaint-form/complaint-form.js';

SqComplaintForm.define();

export { SqComplaintForm };
