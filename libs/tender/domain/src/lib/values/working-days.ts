// Working days in England and Wales, for the standstill period: weekends and bank holidays do not count,
// and a period of working days ends at midnight, UK time, at the end of its last working day. Pure: the
// instant to start from comes in with the command.

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC calendar day given as milliseconds at its midnight. */
const isoDay = (utcMidnightMs: number): string => new Date(utcMidnightMs).toISOString().slice(0, 10);

const lastSundayOf = (year: number, monthIndex: number): number => {
  const lastDay = Date.UTC(year, monthIndex + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
};

/** Whether UK clocks show British Summer Time at this instant (last Sunday of March to last Sunday of October, 01:00 UTC). */
export const isBritishSummerTime = (ms: number): boolean => {
  const year = new Date(ms).getUTCFullYear();
  const starts = lastSundayOf(year, 2) + 3_600_000;
  const ends = lastSundayOf(year, 9) + 3_600_000;
  return ms >= starts && ms < ends;
};

const ukOffsetMs = (ms: number): number => (isBritishSummerTime(ms) ? 3_600_000 : 0);

/** Easter Sunday (anonymous Gregorian algorithm), as UTC midnight. */
const easterSunday = (year: number): number => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
};

const firstMondayOf = (year: number, monthIndex: number): number => {
  const first = Date.UTC(year, monthIndex, 1);
  return first + ((8 - new Date(first).getUTCDay()) % 7) * DAY_MS;
};

const lastMondayOf = (year: number, monthIndex: number): number => {
  const last = Date.UTC(year, monthIndex + 1, 0);
  return last - ((new Date(last).getUTCDay() + 6) % 7) * DAY_MS;
};

/** Days proclaimed instead of, or on top of, the usual pattern. */
const PROCLAIMED: Readonly<Record<number, { readonly moved?: Readonly<Record<string, string>>; readonly extra?: readonly string[] }>> = {
  2020: { moved: { '2020-05-04': '2020-05-08' } },
  2022: { moved: { '2022-05-30': '2022-06-02' }, extra: ['2022-06-03', '2022-09-19'] },
  2023: { extra: ['2023-05-08'] },
};

/** The bank holidays of England and Wales in a year, as `YYYY-MM-DD`, in date order. */
export const englandAndWalesBankHolidays = (year: number): readonly string[] => {
  const weekday = (ms: number) => new Date(ms).getUTCDay();
  // New Year's Day moves to the Monday when it falls at a weekend.
  const newYear = Date.UTC(year, 0, 1);
  const newYearObserved = weekday(newYear) === 6 ? newYear + 2 * DAY_MS : weekday(newYear) === 0 ? newYear + DAY_MS : newYear;
  const easter = easterSunday(year);
  // Christmas and Boxing Day at a weekend are substituted by the next free weekdays.
  const christmas = Date.UTC(year, 11, 25);
  const christmasDays: number[] = [];
  for (const day of [christmas, christmas + DAY_MS]) {
    let observed = day;
    while (weekday(observed) === 0 || weekday(observed) === 6 || christmasDays.includes(observed)) observed += DAY_MS;
    christmasDays.push(observed);
  }
  const proclaimed = PROCLAIMED[year] ?? {};
  const usual = [newYearObserved, easter - 2 * DAY_MS, easter + DAY_MS, firstMondayOf(year, 4), lastMondayOf(year, 4), lastMondayOf(year, 7), ...christmasDays].map(
    (ms) => isoDay(ms),
  );
  return [...usual.map((day) => proclaimed.moved?.[day] ?? day), ...(proclaimed.extra ?? [])].sort();
};

/** Whether a UK calendar day (`YYYY-MM-DD`) is a working day in England and Wales. */
export const isWorkingDay = (day: string): boolean => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !englandAndWalesBankHolidays(Number(day.slice(0, 4))).includes(day);
};

/**
 * The instant a period of `days` working days starting after `fromMs` ends: midnight UK time at the end of
 * the last working day. The day the period starts on does not count.
 */
export const endOfWorkingDays = (fromMs: number, days: number): number => {
  const ukDay = new Date(fromMs + ukOffsetMs(fromMs));
  let day = Date.UTC(ukDay.getUTCFullYear(), ukDay.getUTCMonth(), ukDay.getUTCDate());
  let counted = 0;
  while (counted < days) {
    day += DAY_MS;
    if (isWorkingDay(isoDay(day))) counted += 1;
  }
  // Midnight UK time at the end of that day; a clock change never falls at midnight.
  const nextMidnight = day + DAY_MS;
  return nextMidnight - ukOffsetMs(nextMidnight);
};
