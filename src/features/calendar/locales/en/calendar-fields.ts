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
  activity: {
    timeInvalid: 'Write times as 24-hour hh:mm, e.g. 19:00.',
    titleRequired: 'Enter the activity’s name.',
    titleTooLong: 'The name can be at most 40 characters.',
    descriptionTooLong: 'The description can be at most 1000 characters; please shorten it.',
    category: 'Choose a category.',
    placeRequired: 'Enter where it takes place.',
    placeTooLong: 'The place can be at most 100 characters.',
    organiserRequired: 'Enter the organiser, or leave it empty.',
    organiserTooLong: 'The organiser can be at most 100 characters.',
    audienceRequired: 'Enter who it is for, or leave it empty.',
    audienceTooLong: 'The audience can be at most 100 characters.',
    capacity: 'Seats: a whole number from 0 to 10000; 0 means no limit.',
    partyMax: 'People per registration: 1 to 10.',
    times:
      'Give both a start and an end (neither for an all-day activity); the end must be after the start.',
  },
  recurrence: {
    weekday: 'Choose a weekday from Monday to Sunday.',
    weekdays: 'Choose at least one day.',
    interval: 'Every 1 to 4 weeks.',
    day: 'Choose a day from 1 to 31.',
    nth: 'Choose the first to fourth, or the last.',
    lunarMonth: 'Choose a lunar month from the first to the twelfth.',
    lunarDay: 'Choose a lunar day from 1 to 30, or the last.',
    count: 'Times: 1 to 500.',
    until: 'The end date cannot be before the first date.',
  },
  registrant: {
    nameRequired: 'Enter the name of the person registering.',
    nameTooLong: 'The name can be at most 30 characters.',
  },
};
