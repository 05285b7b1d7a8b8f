import type { ComplaintStatus } from './machine.js';
import { isOpen } from './machine.js';
import { shanghaiDate, type CivilDate } from '../../domain/time.js';
import { addWorkingDays, workingDaysBetween, type WorkdayCalendar } from '../../domain/workdays.js';

// ---- Deadlines (working days, 法定节假日 and 调休 aware) ----

/** The due date: `slaDays` working days after the Shanghai date of receipt. */
export const dueDate = (receivedAt: string, slaDays: number, calendar?: WorkdayCalendar) =>
  addWorkingDays(shanghaiDate(receivedAt), slaDays, calendar);

/** First response (受理后首次回复) is due within 1 working day. */
export const FIRST_RESPONSE_DAYS = 1;

/** Open past its due date (by Shanghai calendar day). */
export const isOverdue = (status: ComplaintStatus, due: CivilDate, now: Date): boolean =>
  isOpen(status) && shanghaiDate(now) > due;

/** Whether the first public response came within FIRST_RESPONSE_DAYS working days. */
export function respondedInTime(
  receivedAt: string,
  firstResponseAt: string | undefined,
  calendar?: WorkdayCalendar,
): boolean {
  if (!firstResponseAt) return false;
  return (
    workingDaysBetween(shanghaiDate(receivedAt), shanghaiDate(firstResponseAt), calendar) <=
    FIRST_RESPONSE_DAYS
  );
}
