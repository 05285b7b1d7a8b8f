import { SqWishForm } from '../elements/wish-form/index.js';

SqWishForm.define();

export { SqWishForm };
