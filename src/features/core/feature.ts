import { defineFeature } from '../../services/feature.js';
import type { coreOperations } from './contract.js';
import { coreRoutes } from './routes.js';

/**
 * Communities (社区) and staff sessions: what every page needs, so its routes are in every
 * bundle (the rest of the client reaches them as `client.communities` and `client.auth`).
 */
export const coreFeature = defineFeature({
  name: 'core',
  routes: coreRoutes,
  operations: (): Promise<typeof coreOperations> =>
    import('./contract.js').then((m) => m.coreOperations),
  services: () => import('./service.js'),
});
