import { defineFeature } from '../../services/feature.js';
import { complaintRoutes } from './routes.js';
import type { complaintOperations } from './contract.js';
import { complaintsResource, type ComplaintsResource } from './resource.js';

/** 居民说事: concerns with an answer for each (件件有回音), photos, 三率 metrics. */
export const complaintsFeature = defineFeature({
  name: 'complaints',
  routes: complaintRoutes,
  operations: (): Promise<typeof complaintOperations> =>
    import('./contract.js').then((m) => m.complaintOperations),
  services: () => import('./service.js'),
  // Photos: loaded on the first photo, not with the first call (parsing images is most of it).
  uploads: () => import('./uploads.js'),
  resource: complaintsResource,
});

// The feature's resource on every client (`client.complaints`), in the types too.
declare module '../../sdk/client.js' {
  interface Client {
    /** 居民说事 (see ComplaintsResource). */
    readonly complaints: ComplaintsResource;
  }
}
