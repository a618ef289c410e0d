import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from './builtin.js';
import { BuiltinError, OperandError } from './builtin.js';
import type { Value } from '../value.js';
import { normalizeInt } from '../value.js';
import { builtins } from './time.js';

const context = (): BuiltinContext => ({ nowNs: 1670006453141828752n, cache: new Map(), print: () => undefined });

function call(name: string, ...args: Value[]): Value | undefined {
  const def = builtins.find((b) => b.name === name);
  if (!def) throw new Error(`no builtin ${name}`);
  expect(args.length).toBe(def.arity);
  return def.fn(args, context());
}

/** Seconds → ns as a Rego number (bigint beyond the safe range). */
const secs = (s: number): Value => normalizeInt(BigInt(s * 1000) * 1_000_000n);
const TS = 1670006453141828752n; // 2022-12-02T18:40:53.141828752Z

describe('time.now_ns', () => {
  it('returns the query time and is nondeterministic', () => {
    expect(call('time.now_ns')).toBe(TS);
    expect(builtins.find((b) => b.name === 'time.now_ns')?.nondeterministic).toBe(true);
  });
});

describe('time.parse_rfc3339_ns', () => {
  it.each<[string, Value]>([
    ['1677-09-21T00:12:43.145224192-00:00', -9223372036854775808n],
    ['1970-01-01T00:00:00-00:00', 0],
    ['2017-06-02T19:00:00-07:00', 1496455200000000000n],
    ['2262-04-11T23:47:16.854775807-00:00', 9223372036854775807n],
    ['1970-01-01T00:00:01.5Z', secs(1.5)],
    ['1970-01-01T05:30:00+05:30', 0],
  ])('%s', (text, want) => {
    expect(call('time.parse_rfc3339_ns', text)).toBe(want);
  });

  it.each([
    ['1677-09-21T00:12:43.145224191-00:00', 'time outside of valid range'],
    ['2262-04-11T23:47:16.854775808-00:00', 'time outside of valid range'],
    ['foo', 'parsing time "foo" as "2006-01-02T15:04:05Z07:00": cannot parse "foo" as "2006"'],
    ['2017-06-02 19:00:00Z', 'parsing time "2017-06-02 19:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 19:00:00Z" as "T"'],
    ['2017-06-02T25:00:00Z', 'parsing time "2017-06-02T25:00:00Z": hour out of range'],
    ['2017-02-30T00:00:00Z', 'parsing time "2017-02-30T00:00:00Z": day out of range'],
    ['2017-13-01T00:00:00Z', 'parsing time "2017-13-01T00:00:00Z": month out of range'],
    ['2017-06-02T19:00:00Zjunk', 'parsing time "2017-06-02T19:00:00Zjunk": extra text: "junk"'],
    ['2017-06-02T19:00:00', 'parsing time "2017-06-02T19:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    ['é', 'parsing time "\\xc3\\xa9" as "2006-01-02T15:04:05Z07:00": cannot parse "\\xc3\\xa9" as "2006"'],
  ])('%s fails', (text, message) => {
    expect(() => call('time.parse_rfc3339_ns', text)).toThrow(new BuiltinError(message));
  });

  it('rejects a non-string', () => {
    expect(() => call('time.parse_rfc3339_ns', 1)).toThrow(new OperandError('operand 1 must be string but got number'));
  });
});

describe('time.parse_ns', () => {
  it.each<[string, string, Value]>([
    ['2006-01-02', '2020-02-02', secs(1580601600)],
    ['2006-01-02', '2004-02-29', secs(1078012800)],
    ['RFC822', '02 Jan 06 15:04 UTC', 1136214240000000000n],
    ['RFC822Z', '02 Jan 06 15:04 -0700', 1136239440000000000n],
    ['RFC1123Z', 'Mon, 02 Jan 2006 15:04:05 -0700', 1136239445000000000n],
    ['ANSIC', 'Thu Feb  4 21:00:57 2010', 1265317257000000000n],
    ['Mon Jan _2 15:04:05 2006', 'Thu Feb 14 21:00:57 2010', 1266181257000000000n],
    ['2006-01-02 15:04:05.000', '2021-01-01 00:00:00.123', 1609459200123000000n],
    ['2006-01-02 15:04:05,000', '2021-01-01 00:00:00,123', 1609459200123000000n],
    ['2006-01-02T15:04:05', '2021-01-01T00:00:00.5', 1609459200500000000n],
    ['2006-01-02T15:04:05.999', '2021-01-01T00:00:00', 1609459200000000000n],
    ['Jan 2 2006', 'jan 5 2021', secs(1609804800)],
    ['January 2, 2006', 'February 3, 2021', secs(1612310400)],
    ['2006-002', '2021-032', secs(1612137600)],
    ['2006 __2', '2020  60', secs(1582934400)],
    ['02/01/06 3:04PM', '05/03/21 12:30AM', secs(1614904200)],
    ['15:04 2006-01-02 -07', '12:00 2021-01-01 +02', secs(1609495200)],
    ['2006-01-02 -07:00:00', '2021-01-01 -00:00:30', secs(1609459230)],
    ['2006-01-02 Z070000', '2021-01-01 Z', secs(1609459200)],
    ['2006-01-02 MST', '2021-01-01 UTC', secs(1609459200)],
    ['2006-01-02 MST', '2021-01-01 GMT+2', secs(1609452000)],
    ['_2006', '_2021', secs(1609459200)],
  ])('%s %s', (layout, text, want) => {
    expect(call('time.parse_ns', layout, text)).toBe(want);
  });

  it.each([
    ['3:04PM', '3:04AM', 'time outside of valid range'], // year 0
    ['2006-01-02', '2021-1-02', 'parsing time "2021-1-02" as "2006-01-02": cannot parse "1-02" as "01"'],
    ['3:04PM', '13:04PM', 'parsing time "13:04PM": hour out of range'],
    ['Mon 2006', 'Mox 2006', 'parsing time "Mox 2006" as "Mon 2006": cannot parse "Mox 2006" as "Mon"'],
    ['2006-002', '2021-366', 'parsing time "2021-366": day-of-year out of range'],
    ['2006-01-002', '2021-03-032', 'parsing time "2021-03-032": day-of-year does not match month'],
    ['2006-01-02 -0700', '2021-01-01 +2500', 'parsing time "2021-01-01 +2500": time zone offset hour out of range'],
  ])('%s %s fails', (layout, text, message) => {
    expect(() => call('time.parse_ns', layout, text)).toThrow(new BuiltinError(message));
  });

  it('reports the operand that is not a string', () => {
    expect(() => call('time.parse_ns', '2006', 2006)).toThrow(new OperandError('operand 2 must be string but got number'));
  });
});

describe('time.parse_duration_ns', () => {
  it.each<[string, Value]>([
    ['100ms', 100_000_000],
    ['1h30m', secs(5400)],
    ['1.5s', secs(1.5)],
    ['-1.5h', secs(-5400)],
    ['+2h45m', secs(9900)],
    ['300µs', 300_000],
    ['300μs', 300_000],
    ['300us', 300_000],
    ['7ns', 7],
    ['.5h', secs(1800)],
    ['1.h', secs(3600)],
    ['0', 0],
    ['-0', 0],
    ['1.000000001s', 1_000_000_001],
    ['9223372036854775807ns', 9223372036854775807n],
    ['-9223372036854775808ns', -9223372036854775808n],
  ])('%s', (text, want) => {
    expect(call('time.parse_duration_ns', text)).toBe(want);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['1', 'time: missing unit in duration "1"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['.s', 'time: invalid duration ".s"'],
    ['h', 'time: invalid duration "h"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
  ])('%s fails', (text, message) => {
    expect(() => call('time.parse_duration_ns', text)).toThrow(new BuiltinError(message));
  });
});

describe('time.date, time.clock, time.weekday', () => {
  it.each<[Value, Value, Value, string]>([
    [secs(1517814000), [2018, 2, 5], [7, 0, 0], 'Monday'],
    [1582977600000000000n, [2020, 2, 29], [12, 0, 0], 'Saturday'],
    [1518177600000000000n, [2018, 2, 9], [12, 0, 0], 'Friday'],
    [-1, [1969, 12, 31], [23, 59, 59], 'Wednesday'],
    [[TS, 'Asia/Kolkata'], [2022, 12, 3], [0, 10, 53], 'Saturday'],
    [[TS, 'America/New_York'], [2022, 12, 2], [13, 40, 53], 'Friday'],
    [[TS, ''], [2022, 12, 2], [18, 40, 53], 'Friday'],
    [[TS], [2022, 12, 2], [18, 40, 53], 'Friday'],
    [[secs(1657000000), 'Europe/Berlin'], [2022, 7, 5], [7, 46, 40], 'Tuesday'],
  ])('%s', (arg, date, clock, weekday) => {
    expect(call('time.date', arg)).toEqual(date);
    expect(call('time.clock', arg)).toEqual(clock);
    expect(call('time.weekday', arg)).toBe(weekday);
  });

  it.each<[Value, Error]>([
    [1582977600 * 1e12, new BuiltinError('timestamp too big')],
    [9223372036854775808n, new BuiltinError('timestamp too big')],
    [1.5, new BuiltinError('timestamp too big')],
    [[0, 'Foo/Bar'], new BuiltinError('unknown time zone Foo/Bar')],
    [[0, 'asia/kolkata'], new BuiltinError('unknown time zone asia/kolkata')],
    [[0, '+05:30'], new BuiltinError('unknown time zone +05:30')],
    ['x', new OperandError('operand 1 must be either number (ns) or [number (ns), string (tz)] but got string')],
    [[], new OperandError('operand 1 must be either number (ns) or [number (ns), string (tz)] but got array')],
    [['x'], new OperandError('operand 1 must be number but got string')],
    [[0, 1], new OperandError('operand 1 must be string but got number')],
  ])('%s fails', (arg, error) => {
    expect(() => call('time.date', arg)).toThrow(error);
  });
});

describe('time zone "Local"', () => {
  it('is the host zone, as in OPA', () => {
    const epoch = new Date(0);
    expect(call('time.date', [0, 'Local'])).toEqual([epoch.getFullYear(), epoch.getMonth() + 1, epoch.getDate()]);
    expect(call('time.clock', [0, 'Local'])).toEqual([epoch.getHours(), epoch.getMinutes(), epoch.getSeconds()]);
  });
});

describe('time.add_date', () => {
  it.each<[Value, number, number, number, Value]>([
    [1585852421593912000n, 3, 9, 12, 1705257221593912000n],
    [secs(1612051200), 0, 1, 0, secs(1614729600)], // Jan 31 + 1 month = Mar 3
    [secs(1582934400), 1, 0, 0, secs(1614556800)], // Feb 29 2020 + 1 year = Mar 1 2021
    [0, 0, 0, -1, secs(-86400)],
    [[secs(1648292400), 'Europe/Berlin'], 0, 0, 1, secs(1648375200)], // across the spring DST change: 23h later
  ])('%s + %d years %d months %d days', (t, y, m, d, want) => {
    expect(call('time.add_date', t, y, m, d)).toBe(want);
  });

  it.each<[Value[], Error]>([
    [[0, 2262, 1, 1], new BuiltinError('time outside of valid range')],
    [[0, 1e300, 0, 0], new BuiltinError('time outside of valid range')],
    [[0, 1.5, 0, 0], new OperandError('operand 2 must be integer number but got floating-point number')],
    [[0, 0, 'x', 0], new OperandError('operand 3 must be number but got string')],
  ])('%s fails', (args, error) => {
    expect(() => call('time.add_date', ...args)).toThrow(error);
  });
});

describe('time.diff', () => {
  const day = (text: string): Value => call('time.parse_ns', '2006-01-02', text)!;
  it.each<[Value, Value, number[]]>([
    [TS + 61_000_000_000n, TS, [0, 0, 0, 0, 1, 1]],
    [[TS + 60_000_000_000n, 'UTC'], [TS, 'Asia/Shanghai'], [0, 0, 0, 0, 1, 0]],
    [day('2020-02-02'), day('2020-03-01'), [0, 0, 28, 0, 0, 0]],
    [day('2021-02-02'), day('2021-03-01'), [0, 0, 27, 0, 0, 0]],
    [day('2004-02-29'), day('2005-03-01'), [1, 0, 1, 0, 0, 0]],
    [day('2005-03-01'), day('2004-02-29'), [1, 0, 1, 0, 0, 0]],
    [0, -1, [0, 0, 0, 0, 0, 1]], // compares wall-clock seconds, so 1ns apart across a second is 1s
  ])('%s %s', (a, b, want) => {
    expect(call('time.diff', a, b)).toEqual(want);
  });
});

describe('time.format', () => {
  it.each<[Value, string]>([
    [TS, '2022-12-02T18:40:53.141828752Z'],
    [[TS, 'Asia/Kolkata'], '2022-12-03T00:10:53.141828752+05:30'],
    [[TS, 'Asia/Kolkata', 'Mon Jan 02 15:04:05 -0700 2006'], 'Sat Dec 03 00:10:53 +0530 2022'],
    [[TS, 'Asia/Kolkata', 'RFC1123Z'], 'Sat, 03 Dec 2022 00:10:53 +0530'],
    [[TS, 'Asia/Kolkata', 'RFC1123'], 'Sat, 03 Dec 2022 00:10:53 IST'],
    [[TS, 'America/New_York', 'RFC850'], 'Friday, 02-Dec-22 13:40:53 EST'],
    [[TS, 'Europe/Berlin', 'UnixDate'], 'Fri Dec  2 19:40:53 CET 2022'],
    [[TS, 'UTC', 'RFC822'], '02 Dec 22 18:40 UTC'],
    [[TS, 'UTC', 'RFC3339'], '2022-12-02T18:40:53Z'],
    [[TS, 'UTC', '3:04:05.000pm'], '6:40:53.141pm'],
    [[TS, 'UTC', '03 PM .99999 ,0000'], '06 PM .14182 ,1418'],
    [[TS, 'UTC', '002 __2 _2 2 1 January Monday'], '336 336  2 2 12 December Friday'],
    [[0, 'UTC', '2006-01-02T15:04:05.999999999Z07:00'], '1970-01-01T00:00:00Z'],
    [[500_000_000, 'UTC', 'RFC3339Nano'], '1970-01-01T00:00:00.5Z'],
    [[0, 'America/St_Johns', '-07 -0700 -07:00 -070000 -07:00:00 Z07'], '-03 -0330 -03:30 -033000 -03:30:00 -03'],
    [[-1, 'UTC', 'RFC3339Nano'], '1969-12-31T23:59:59.999999999Z'],
    [[0, 'UTC', 'Jan Janu'], 'Jan Janu'], // "Jan" before a lower-case letter is literal
  ])('%s', (arg, want) => {
    expect(call('time.format', arg)).toBe(want);
  });

  it('rejects a timestamp beyond int64', () => {
    expect(() => call('time.format', 1582977600 * 10e12)).toThrow(new BuiltinError('timestamp too big'));
  });
});
