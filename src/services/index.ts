export * from './store.js';
export * from './context.js';
export * from './contract.js';
export * from './handlers.js';
export * from './run.js';
export * from './communities.js';
export * from './demo.js';
