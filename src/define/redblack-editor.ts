import { SqRedblackEditor } from '../features/redblack/elements/redblack-editor/index.js';

SqRedblackEditor.define();

export { SqRedblackEditor };
