import type { ComplaintStatus } from './machine.js';
import { complaintMachine, isOpen, satisfiedRatings, type Rating } from './machine.js';
import { shanghaiDate, type CivilDate } from '../../domain/time.js';
import { addWorkingDays, type WorkdayCalendar } from '../../domain/workdays.js';

// ---- Deadlines (working days, 法定节假日 and 调休 aware) ----

/** The due date: `slaDays` working days after the Shanghai date of receipt. */
export const dueDate = (receivedAt: string, slaDays: number, calendar?: WorkdayCalendar) =>
  addWorkingDays(shanghaiDate(receivedAt), slaDays, calendar);

/** First response (受理后首次回复) is due within 1 working day. */
export const FIRST_RESPONSE_DAYS = 1;

/** Open past its due date on the Shanghai date `today` (SQL: the overdue filter, the 三率). */
export const isOverdueOn = (status: ComplaintStatus, due: CivilDate, today: CivilDate): boolean =>
  isOpen(status) && today > due;

/** Open past its due date (by Shanghai calendar day). */
export const isOverdue = (status: ComplaintStatus, due: CivilDate, now: Date): boolean =>
  isOverdueOn(status, due, shanghaiDate(now));

/**
 * The first Shanghai date on which a first response to a case received on `received` is late:
 * the day on which more than FIRST_RESPONSE_DAYS working days have passed since receipt. The
 * one rule of 响应及时: `respondedInTime` here, and the 三率 in the stores (given these dates
 * for the period's days, so SQL compares dates and knows no calendar).
 */
export const firstResponseLateFrom = (received: CivilDate, calendar?: WorkdayCalendar) =>
  addWorkingDays(received, FIRST_RESPONSE_DAYS + 1, calendar);

/** Whether the first public response came within FIRST_RESPONSE_DAYS working days. */
export function respondedInTime(
  receivedAt: string,
  firstResponseAt: string | undefined,
  calendar?: WorkdayCalendar,
): boolean {
  if (!firstResponseAt) return false;
  return shanghaiDate(firstResponseAt) < firstResponseLateFrom(shanghaiDate(receivedAt), calendar);
}

// ---- 三率: what one case counts for ----

/** What of a case the 三率 read. */
export interface TalliedCase {
  status: ComplaintStatus;
  receivedAt: string;
  dueDate: CivilDate;
  firstResponseAt?: string | undefined;
  rating?: { value: Rating } | undefined;
}

/** The counts of one case (0 or 1 each); the SQL store counts the same with FILTERs (repos/sql.ts). */
export function tallyCase(
  c: TalliedCase,
  today: CivilDate,
  lateFrom: (received: CivilDate) => CivilDate | undefined,
) {
  const late = lateFrom(shanghaiDate(c.receivedAt));
  const rated = complaintMachine.is('rated', c.status) && !!c.rating;
  return {
    respondedInTime: !!c.firstResponseAt && !!late && shanghaiDate(c.firstResponseAt) < late,
    resolved: complaintMachine.is('done', c.status),
    rated,
    satisfied: rated && (satisfiedRatings as readonly string[]).includes(c.rating!.value),
    overdue: isOverdueOn(c.status, c.dueDate, today),
  };
}
