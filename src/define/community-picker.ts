import { SqCommunityPicker } from '../elements/community-picker/index.js';

SqCommunityPicker.define();

export { SqCommunityPicker };
