import { defineFeature } from '../../services/feature.js';
import { calendarRoutes } from './routes.js';
import type { calendarOperations } from './contract.js';
import { calendarResource, type CalendarResource } from './resource.js';

/** 社区活动日历: so far the 法定节假日/调休 schedules (operator data) every feature's calendar reads. */
export const calendarFeature = defineFeature({
  name: 'calendar',
  routes: calendarRoutes,
  operations: (): Promise<typeof calendarOperations> =>
    import('./contract.js').then((m) => m.calendarOperations),
  services: () => import('./service.js'),
  resource: calendarResource,
});

// The feature's resource on every client (`client.calendar`), in the types too.
declare module '../../sdk/client.js' {
  interface Client {
    /** The activity calendar (see CalendarResource). */
    readonly calendar: CalendarResource;
  }
}
