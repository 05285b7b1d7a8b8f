import { defineFeature } from '../../services/feature.js';
import { adminRoutes } from './routes.js';
import type { adminOperations } from './contract.js';
import { adminResource, type AdminResource } from './resource.js';

/** Community set-up and staff accounts (admins), and a staff member's own password. */
export const adminFeature = defineFeature({
  name: 'admin',
  routes: adminRoutes,
  operations: (): Promise<typeof adminOperations> =>
    import('./contract.js').then((m) => m.adminOperations),
  services: () => import('./service.js'),
  resource: adminResource,
});

// The feature's resource on every client (`client.admin`), in the types too.
declare module '../../sdk/client.js' {
  interface Client {
    /** Community set-up and staff accounts (see AdminResource). */
    readonly admin: AdminResource;
  }
}
