export {
  SubmissionController,
  type Phase,
  type SubmissionOptions,
} from './submission-controller.js';
