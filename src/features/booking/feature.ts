import { defineFeature } from '../../services/feature.js';
import { bookingRoutes } from './routes.js';
import type { bookingOperations } from './contract.js';
import { bookingResource, type BookingResource } from './resource.js';

/** 志愿服务预约: volunteer services, their slots and seats, bookings with a waitlist, the desk. */
export const bookingFeature = defineFeature({
  name: 'booking',
  routes: bookingRoutes,
  operations: (): Promise<typeof bookingOperations> =>
    import('./contract.js').then((m) => m.bookingOperations),
  services: () => import('./service.js'),
  resource: bookingResource,
});

// The feature's resource on every client (`client.booking`), in the types too.
declare module '../../sdk/client.js' {
  interface Client {
    /** 志愿服务预约 (see BookingResource). */
    readonly booking: BookingResource;
  }
}
