import { SqProvider } from '../features/core/elements/provider/index.js';

SqProvider.define();

export { SqProvider };
