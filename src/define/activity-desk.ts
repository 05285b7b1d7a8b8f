import { SqActivityDesk } from '../features/calendar/elements/activity-desk/index.js';

SqActivityDesk.define();

export { SqActivityDesk };
