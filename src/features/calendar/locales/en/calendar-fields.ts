/**
 * The activity calendar's field messages (keys from features/calendar/model.ts): loading a
 * year's official holiday schedule. Not in `common`: no resident's page shows them.
 */
export default {
  holidays: {
    year: 'Enter the year as four digits between 2000 and 2100, for example 2027.',
    range:
      'Write each run of days off as [first day, last day], the first not after the last, at most 14 days.',
    workday: 'A make-up working day must be a Saturday or a Sunday: check the dates in the notice.',
    otherYear: 'A date is outside this year (or the few days around it): check the year.',
  },
};
