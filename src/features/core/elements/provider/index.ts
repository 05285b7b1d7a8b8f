export { SqProvider } from './provider.js';
