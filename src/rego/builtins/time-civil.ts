/**
 * Proleptic Gregorian calendar arithmetic on plain integers, the way Go's `time` package counts:
 * days since the Unix epoch, months 1–12, weekdays 0 (Sunday) – 6.
 */

export const SECONDS_PER_DAY = 86400;
export const NANOS_PER_SECOND = 1_000_000_000n;

export const LONG_DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const LONG_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface CivilTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Floor division, so negative instants fall on the right day. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function floorMod(a: number, b: number): number {
  return a - Math.floor(a / b) * b;
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a valid date (Hinnant's days_from_civil). */
function daysFromValidCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = floorDiv(153 * (month + (month > 2 ? -3 : 9)) + 2, 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + floorDiv(yearOfEra, 4) - floorDiv(yearOfEra, 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days since the epoch of a possibly denormalised date: month 13 is next January, day 0 the last of the previous month (Go's Date rules). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const monthIndex = month - 1;
  const normalisedYear = year + floorDiv(monthIndex, 12);
  const normalisedMonth = floorMod(monthIndex, 12) + 1;
  return daysFromValidCivil(normalisedYear, normalisedMonth, 1) + day - 1;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = floorDiv(dayOfEra - floorDiv(dayOfEra, 1460) + floorDiv(dayOfEra, 36524) - floorDiv(dayOfEra, 146096), 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + floorDiv(yearOfEra, 4) - floorDiv(yearOfEra, 100));
  const mp = floorDiv(5 * dayOfYear + 2, 153);
  const day = dayOfYear - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Civil fields of a count of seconds since the epoch in some local reckoning. */
export function civilFromSeconds(localSeconds: number): CivilTime {
  const days = floorDiv(localSeconds, SECONDS_PER_DAY);
  const secondOfDay = localSeconds - days * SECONDS_PER_DAY;
  return {
    ...civilFromDays(days),
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor((secondOfDay % 3600) / 60),
    second: secondOfDay % 60,
  };
}

/** Seconds since the epoch of possibly denormalised civil fields, read as UTC. */
export function secondsFromCivil(t: CivilTime): number {
  return daysFromCivil(t.year, t.month, t.day) * SECONDS_PER_DAY + t.hour * 3600 + t.minute * 60 + t.second;
}

/** 0 = Sunday. */
export function weekdayFromDays(days: number): number {
  return floorMod(days + 4, 7); // 1970-01-01 was a Thursday
}

/** Day of the year, 1-based. */
export function yearDay(date: CivilDate): number {
  return daysFromCivil(date.year, date.month, date.day) - daysFromCivil(date.year, 1, 1) + 1;
}
