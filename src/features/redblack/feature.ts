import { defineFeature } from '../../services/feature.js';
import { redblackRoutes } from './routes.js';
import type { redblackOperations } from './contract.js';
import { redblackResource, type RedblackResource } from './resource.js';

/** 红黑榜: the praise-and-criticism board — places not people, second-person review, appeals. */
export const redblackFeature = defineFeature({
  name: 'redblack',
  routes: redblackRoutes,
  operations: (): Promise<typeof redblackOperations> =>
    import('./contract.js').then((m) => m.redblackOperations),
  services: () => import('./service.js'),
  // The embedded transport seeds the demo street's board (this quarter in 幸福里) on the
  // feature's first call, so a bare <sq-redblack-board> shows entries without a server.
  demo: () => import('./demo.js').then((m) => m.seedDemoRedblack),
  resource: redblackResource,
});

// The feature's resource on every client (`client.redblack`), in the types too.
declare module '../../sdk/client.js' {
  interface Client {
    /** 红黑榜 (see RedblackResource). */
    readonly redblack: RedblackResource;
  }
}
