export { SqWishForm } from './wish-form.js';
