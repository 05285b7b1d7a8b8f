// A module of its own: the pages with a privacy notice (the forms, the wall's claim dialog) take
// it, not every page with a time (in the drop-in, a shared chunk holds all its users' exports).
/**
 * A retention period for people: whole years as years ("2 年", "2 years"), whole months as
 * months, else days — "保存 730 天" makes a resident do the sum.
 */
export function formatDays(days: number, lang: string): string {
  const [n, unit] =
    days % 365 === 0
      ? [days / 365, 'year']
      : days % 30 === 0 && days >= 60
        ? [days / 30, 'month']
        : [days, 'day'];
  if (lang.startsWith('zh'))
    return `${n} ${unit === 'year' ? '年' : unit === 'month' ? '个月' : '天'}`;
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}
