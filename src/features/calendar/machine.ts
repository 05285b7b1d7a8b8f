// The activity calendar's state machines: plain data and functions, no schemas.
import { defineMachine, each, NEW, type Transitions } from '../../domain/machine.js';

/** An activity: 草稿 → 已发布 → 已取消 (with a reason); 已结束 is read, never written. */
export const activityStatuses = ['draft', 'published', 'cancelled', 'finished'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const activityActions = ['create', 'publish', 'cancel', 'finish'] as const;
export type ActivityActionName = (typeof activityActions)[number];

export const activityMachine = defineMachine({
  statuses: activityStatuses,
  transitions: {
    create: { [NEW]: 'draft' },
    publish: { draft: 'published' },
    cancel: each(['draft', 'published'] as const, 'cancelled'),
    finish: { published: 'finished' },
  } satisfies Transitions<ActivityStatus, ActivityActionName>,
  sets: { visible: ['published', 'cancelled', 'finished'] as const },
});

/** A registration (报名) of one occurrence, on the shared capacity primitive. */
export const registrationStatuses = [
  'confirmed', // 已报名 (holds its seats)
  'waitlisted', // 候补中
  'promoted', // 候补成功 (holds its seats)
  'cancelled', // 已取消 (by the resident or staff, with a reason)
  'attended', // 已签到
  'expired', // 候补未成功 (the occurrence started first: read, never written)
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const registrationActions = [
  'register',
  'waitlist',
  'promote',
  'cancel',
  'check_in',
  'expire',
] as const;
export type RegistrationAction = (typeof registrationActions)[number];

export const holdingRegistrationStatuses = ['confirmed', 'promoted'] as const;
export const activeRegistrationStatuses = ['confirmed', 'waitlisted', 'promoted'] as const;

export const registrationMachine = defineMachine({
  statuses: registrationStatuses,
  transitions: {
    register: { [NEW]: 'confirmed' },
    waitlist: { [NEW]: 'waitlisted' },
    promote: { waitlisted: 'promoted' },
    cancel: each(activeRegistrationStatuses, 'cancelled'),
    check_in: each(holdingRegistrationStatuses, 'attended'),
    expire: { waitlisted: 'expired' },
  } satisfies Transitions<RegistrationStatus, RegistrationAction>,
  sets: { holding: holdingRegistrationStatuses, active: activeRegistrationStatuses },
});

/** A waitlisted registration whose occurrence started reads as expired. */
export const registrationStatusAsOf = (status: RegistrationStatus, start: string, now: number) =>
  registrationMachine.can(status, 'expire') && Date.parse(start) <= now
    ? (registrationMachine.target(status, 'expire') ?? status)
    : status;
