import { defineFeature } from '../../services/feature.js';
import { wishRoutes } from './routes.js';
import type { wishOperations } from './contract.js';
import { wishesResource, type WishesResource } from './resource.js';

/** 微心愿: the wish wall, posting, claiming (认领), fulfilment and thanks. */
export const wishesFeature = defineFeature({
  name: 'wishes',
  routes: wishRoutes,
  operations: (): Promise<typeof wishOperations> =>
    import('./contract.js').then((m) => m.wishOperations),
  services: () => import('./service.js'),
  resource: wishesResource,
});

// The feature's resource on every client (`client.wishes`), in the types too.
declare module '../../sdk/client.js' {
  interface Client {
    /** 微心愿 (see WishesResource). */
    readonly wishes: WishesResource;
  }
}
