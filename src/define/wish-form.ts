import { SqWishForm } from '../features/wishes/elements/wish-form/index.js';

SqWishForm.define();

export { SqWishForm };
