import { SqCommunityPicker } from '../features/core/elements/community-picker/index.js';

SqCommunityPicker.define();

export { SqCommunityPicker };
