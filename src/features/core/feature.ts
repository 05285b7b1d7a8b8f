import { defineFeature } from '../../services/feature.js';
import { coreOperations } from './contract.js';

/**
 * Communities (社区) and staff sessions: what every page needs, so its operations are in every
 * bundle (the rest of the client reaches them as `client.communities` and `client.auth`).
 */
export const coreFeature = defineFeature({
  name: 'core',
  operations: coreOperations,
  services: () => import('./service.js'),
});
