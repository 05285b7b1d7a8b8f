import { SqProvider } from '../elements/provider/index.js';

SqProvider.define();

export { SqProvider };
