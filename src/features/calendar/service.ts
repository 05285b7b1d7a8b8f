import { DomainError } from '../../domain/errors.js';
import { officialSchedules } from '../../domain/workdays.js';
import type { ServiceContext } from '../../services/context.js';
import { schedulesIn } from './calendars.js';
import type { HolidaySchedule, HolidayScheduleInput, StoredHolidaySchedule } from './model.js';

/**
 * 法定节假日/调休: one service per operation of contract.ts. The schedules are the server's,
 * not a community's: any admin may load a year (audited in the record), as may the operator
 * with `shequ-kit-server holidays import`.
 */

/** Public: the years of [from, to] that have a schedule (a year missing has none). */
export async function holidayCalendar(
  ctx: ServiceContext,
  { from, to }: { from: number; to: number },
): Promise<{ years: HolidaySchedule[] }> {
  const loaded = new Map((await ctx.store.holidaySchedules.list()).map((s) => [s.year, s]));
  const all = await schedulesIn(ctx.store);
  const years = Object.keys(all)
    .map(Number)
    .filter((year) => year >= from && year <= to)
    .sort((a, b) => a - b)
    .map((year): HolidaySchedule => {
      const stored = loaded.get(year);
      const { off, work } = all[year]!;
      return stored
        ? { year, off, work, source: 'loaded', updatedAt: stored.updatedAt }
        : { year, off, work, source: 'shipped' };
    });
  return { years };
}

/** Stores a year's schedule (replacing a shipped or loaded one), as `by` at the clock's now. */
export async function storeHolidaySchedule(
  ctx: ServiceContext,
  input: HolidayScheduleInput,
  by: string,
): Promise<StoredHolidaySchedule> {
  const schedule: StoredHolidaySchedule = {
    year: input.year,
    // The schema checked each run has two dates.
    off: input.off
      .map(([from, to]) => [from!, to!] as [string, string])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    work: [...new Set(input.work)].sort(),
    updatedAt: ctx.clock.now().toISOString(),
    updatedBy: by,
  };
  await ctx.store.holidaySchedules.put(schedule);
  return schedule;
}

/** Admin: loads a year's schedule. */
export async function putHolidaySchedule(
  ctx: ServiceContext,
  input: HolidayScheduleInput,
): Promise<HolidaySchedule> {
  const { actor } = ctx;
  if (actor.kind !== 'staff') throw new DomainError('unauthorized');
  if (actor.role !== 'admin') throw new DomainError('forbidden', 'admins only');
  const stored = await storeHolidaySchedule(ctx, input, `staff:${actor.id}`);
  return {
    year: stored.year,
    off: stored.off,
    work: stored.work,
    source: 'loaded',
    updatedAt: stored.updatedAt,
  };
}

/** Whether the release ships the year (the CLI says so before replacing it). */
export const shipsYear = (year: number): boolean => year in officialSchedules;
