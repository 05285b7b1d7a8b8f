export { SqComplaintForm } from './complaint-form.js';
export { shrink } from './photos.js';
