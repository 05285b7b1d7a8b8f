export { SqCommunityPicker } from './community-picker.js';
