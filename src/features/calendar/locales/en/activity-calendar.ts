import type zhCN from '../zh-CN/activity-calendar.js';

/** <sq-activity-calendar> in English (typed against the zh-CN default). */
export default {
  title: 'Community calendar',
  views: { label: 'Show as', month: 'Month', week: 'Week', agenda: 'List' },
  prev: { month: 'Previous month', week: 'Previous week' },
  next: { month: 'Next month', week: 'Next week' },
  today: 'Today',
  weekOf: '{{from}} to {{to}}',
  lunar: 'lunar {{date}}',
  off: 'Off',
  offLong: 'Public holiday (day off)',
  work: 'Work',
  workLong: 'Make-up working day',
  todayLong: 'today',
  gridHelp:
    'Arrow keys change the day, Home and End go to the start and end of the week, Page Up and Page Down change the month.',
  agendaIntro: 'Festivals, solar terms and public holidays this month:',
  agendaEmpty: 'No festivals, solar terms or public holidays this month.',
  noSchedule:
    'The public holiday schedule for {{year}} has not been published yet, so no Off/Work marks are shown.',
  scheduleFailed: 'The public holiday schedule did not load, so no Off/Work marks are shown.',
  chosen: 'Chosen: {{date}}',
} satisfies typeof zhCN;
