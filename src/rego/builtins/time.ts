/**
 * time.* builtins. Instants are integers of nanoseconds since the Unix epoch, limited as in OPA to
 * what fits an int64 (1677-09-21 … 2262-04-11). Layouts are Go's reference-time layouts.
 */
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, OperandError, operandError } from './builtin.js';
import type { Num, Value } from '../value.js';
import { isNumber, normalizeInt, typeName } from '../value.js';
import {
  LONG_DAY_NAMES,
  NANOS_PER_SECOND,
  SECONDS_PER_DAY,
  civilFromSeconds,
  daysIn,
  floorDiv,
  secondsFromCivil,
  weekdayFromDays,
} from './time-civil.js';
import type { ZonedTime } from './time-layout.js';
import { NAMED_LAYOUTS, RFC3339, RFC3339_NANO, TimeParseError, formatTime, offsetOfWallTime, parseTime, splitNanos } from './time-layout.js';
import { DurationError, parseDuration } from './time-duration.js';
import type { Zone } from './time-zone.js';
import { UTC, UnknownZoneError, loadLocation } from './time-zone.js';

const MIN_NANOS = -(1n << 63n);
const MAX_NANOS = (1n << 63n) - 1n;

const OUT_OF_RANGE_SECONDS = 1e11;

const TIME_ARGUMENT = 'either number (ns) or [number (ns), string (tz)]';

/** An instant's ns as a Rego number, or OPA's range error. */
function safeUnixNanos(nanos: bigint): Num {
  if (nanos < MIN_NANOS || nanos > MAX_NANOS) throw new BuiltinError('time outside of valid range');
  return normalizeInt(nanos);
}

/** Integer ns from a number operand; anything not an exact int64 is "timestamp too big", as in OPA. */
function nanosOf(n: Num): bigint {
  if (typeof n === 'number' && !Number.isInteger(n)) throw new BuiltinError('timestamp too big');
  const nanos = BigInt(n);
  if (nanos < MIN_NANOS || nanos > MAX_NANOS) throw new BuiltinError('timestamp too big');
  return nanos;
}

interface TimeArgument extends ZonedTime {
  /** Layout given as the third array element, or '' when absent. */
  readonly layout: string;
}

/** OPA's tzTime: `ns`, `[ns]`, `[ns, tz]` or `[ns, tz, layout]`. */
function timeArgument(arg: Value): TimeArgument {
  if (isNumber(arg)) return { unixNanos: nanosOf(arg), zone: UTC, layout: '' };
  if (!Array.isArray(arg) || arg.length === 0) {
    throw new OperandError(`operand 1 must be ${TIME_ARGUMENT} but got ${typeName(arg)}`);
  }
  const elements = arg as readonly Value[];
  const ns = elements[0];
  if (!isNumber(ns)) throw operandError(0, 'number', ns);
  let zone = UTC;
  if (elements.length > 1) {
    const tz = elements[1];
    if (typeof tz !== 'string') throw operandError(0, 'string', tz);
    zone = zoneNamed(tz);
  }
  let layout = '';
  if (elements.length > 2) {
    const given = elements[2];
    if (typeof given !== 'string') throw operandError(0, 'string', given);
    layout = given;
  }
  return { unixNanos: nanosOf(ns), zone, layout };
}

function zoneNamed(name: string): Zone {
  try {
    return loadLocation(name);
  } catch (e) {
    if (e instanceof UnknownZoneError) throw new BuiltinError(e.message);
    throw e;
  }
}

function stringArg(args: readonly Value[], index: number): string {
  const v = args[index];
  if (typeof v !== 'string') throw operandError(index, 'string', v);
  return v;
}

/** Go's IntOperand: a number that is an integer (within int64), else OPA's messages. */
function intArg(args: readonly Value[], index: number): number {
  const v = args[index];
  if (!isNumber(v)) throw operandError(index, 'number', v);
  const ok = typeof v === 'number' ? Number.isInteger(v) : v >= MIN_NANOS && v <= MAX_NANOS;
  if (!ok) throw new OperandError(`operand ${index + 1} must be integer number but got floating-point number`);
  return Number(v);
}

function parseWith(layout: string, text: string): Num {
  let nanos: bigint;
  try {
    nanos = parseTime(layout, text, loadLocation('Local'));
  } catch (e) {
    if (e instanceof TimeParseError) throw new BuiltinError(e.message);
    throw e;
  }
  return safeUnixNanos(nanos);
}

/** Local wall-clock fields of a zoned instant. */
function wallClock(t: ZonedTime) {
  const { seconds, nanos } = splitNanos(t.unixNanos);
  const local = seconds + t.zone.offsetAt(seconds);
  return { ...civilFromSeconds(local), nanos, days: floorDiv(local, SECONDS_PER_DAY) };
}

/** Go's Time.AddDate: add to the wall-clock fields, let Date normalise overflow, keep the zone. */
function addDate(t: ZonedTime, years: number, months: number, days: number): bigint {
  const wall = wallClock(t);
  const wallSeconds = secondsFromCivil({
    year: wall.year + years,
    month: wall.month + months,
    day: wall.day + days,
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
  });
  // Far outside the int64 range: no zone lookup needed (nor possible) to know the result is invalid.
  if (!(Math.abs(wallSeconds) < OUT_OF_RANGE_SECONDS)) throw new BuiltinError('time outside of valid range');
  const seconds = wallSeconds - offsetOfWallTime(t.zone, wallSeconds);
  return BigInt(seconds) * NANOS_PER_SECOND + BigInt(wall.nanos);
}

/** Calendar difference [years, months, days, hours, minutes, seconds] between two instants (OPA's time.diff). */
function diff(a: ZonedTime, b: ZonedTime): number[] {
  // Both are read in the first argument's zone; the earlier one goes first.
  let [early, late] = [a, { unixNanos: b.unixNanos, zone: a.zone }];
  if (early.unixNanos > late.unixNanos) [early, late] = [late, early];
  const t1 = wallClock(early);
  const t2 = wallClock(late);
  let years = t2.year - t1.year;
  let months = t2.month - t1.month;
  let days = t2.day - t1.day;
  let hours = t2.hour - t1.hour;
  let minutes = t2.minute - t1.minute;
  let seconds = t2.second - t1.second;
  if (seconds < 0) {
    seconds += 60;
    minutes--;
  }
  if (minutes < 0) {
    minutes += 60;
    hours--;
  }
  if (hours < 0) {
    hours += 24;
    days--;
  }
  if (days < 0) {
    days += daysIn(t1.month, t1.year);
    months--;
  }
  if (months < 0) {
    months += 12;
    years--;
  }
  return [years, months, days, hours, minutes, seconds];
}

export const builtins: BuiltinDef[] = [
  {
    name: 'time.now_ns',
    arity: 0,
    nondeterministic: true,
    fn: (_args, ctx) => normalizeInt(ctx.nowNs),
  },
  {
    name: 'time.parse_ns',
    arity: 2,
    fn: (args) => {
      const layout = stringArg(args, 0);
      const text = stringArg(args, 1);
      return parseWith(NAMED_LAYOUTS[layout] ?? layout, text);
    },
  },
  {
    name: 'time.parse_rfc3339_ns',
    arity: 1,
    fn: (args) => parseWith(RFC3339, stringArg(args, 0)),
  },
  {
    name: 'time.parse_duration_ns',
    arity: 1,
    fn: (args) => {
      const text = stringArg(args, 0);
      try {
        return normalizeInt(parseDuration(text));
      } catch (e) {
        if (e instanceof DurationError) throw new BuiltinError(e.message);
        throw e;
      }
    },
  },
  {
    name: 'time.date',
    arity: 1,
    fn: (args) => {
      const { year, month, day } = wallClock(timeArgument(args[0]));
      return [year, month, day];
    },
  },
  {
    name: 'time.clock',
    arity: 1,
    fn: (args) => {
      const { hour, minute, second } = wallClock(timeArgument(args[0]));
      return [hour, minute, second];
    },
  },
  {
    name: 'time.weekday',
    arity: 1,
    fn: (args) => LONG_DAY_NAMES[weekdayFromDays(wallClock(timeArgument(args[0])).days)],
  },
  {
    name: 'time.add_date',
    arity: 4,
    fn: (args) => {
      const t = timeArgument(args[0]);
      return safeUnixNanos(addDate(t, intArg(args, 1), intArg(args, 2), intArg(args, 3)));
    },
  },
  {
    name: 'time.diff',
    arity: 2,
    fn: (args) => diff(timeArgument(args[0]), timeArgument(args[1])),
  },
  {
    name: 'time.format',
    arity: 1,
    fn: (args) => {
      const t = timeArgument(args[0]);
      const layout = t.layout === '' ? RFC3339_NANO : (NAMED_LAYOUTS[t.layout] ?? t.layout);
      return formatTime(t, layout);
    },
  },
];
