/**
 * Go's reference-time layouts ("2006-01-02T15:04:05Z07:00"): splitting a layout into elements,
 * formatting an instant with it, and parsing text with it, with Go's rules and error messages.
 */
import {
  LONG_DAY_NAMES,
  LONG_MONTH_NAMES,
  NANOS_PER_SECOND,
  civilFromSeconds,
  daysFromCivil,
  daysIn,
  floorDiv,
  isLeap,
  weekdayFromDays,
  yearDay,
  SECONDS_PER_DAY,
} from './time-civil.js';
import type { Zone } from './time-zone.js';
import { UTC } from './time-zone.js';

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

/** The layout constants OPA accepts by name in time.parse_ns and time.format. */
export const NAMED_LAYOUTS: Readonly<Record<string, string>> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339,
  RFC3339Nano: RFC3339_NANO,
};

type ElementKind =
  | 'longMonth' // January
  | 'month' // Jan
  | 'numMonth' // 1
  | 'zeroMonth' // 01
  | 'longWeekDay' // Monday
  | 'weekDay' // Mon
  | 'day' // 2
  | 'underDay' // _2
  | 'zeroDay' // 02
  | 'underYearDay' // __2
  | 'zeroYearDay' // 002
  | 'hour' // 15
  | 'hour12' // 3
  | 'zeroHour12' // 03
  | 'minute' // 4
  | 'zeroMinute' // 04
  | 'second' // 5
  | 'zeroSecond' // 05
  | 'longYear' // 2006
  | 'year' // 06
  | 'PM' // PM
  | 'pm' // pm
  | 'tzName' // MST
  | 'iso8601' // Z0700
  | 'iso8601Seconds' // Z070000
  | 'iso8601Short' // Z07
  | 'iso8601Colon' // Z07:00
  | 'iso8601ColonSeconds' // Z07:00:00
  | 'numTZ' // -0700
  | 'numSecondsTZ' // -070000
  | 'numShortTZ' // -07
  | 'numColonTZ' // -07:00
  | 'numColonSecondsTZ' // -07:00:00
  | 'fracSecond0' // .000 (fixed digits)
  | 'fracSecond9'; // .999 (trailing zeros dropped)

interface Element {
  readonly kind: ElementKind;
  /** Digits of a fractional second element. */
  readonly digits: number;
  /** '.' or ',' before a fractional second. */
  readonly separator: string;
}

interface Chunk {
  readonly prefix: string;
  readonly element: Element | undefined;
  readonly elementText: string;
  readonly suffix: string;
}

const ZERO_ELEMENTS: Readonly<Record<string, ElementKind>> = {
  '1': 'zeroMonth',
  '2': 'zeroDay',
  '3': 'zeroHour12',
  '4': 'zeroMinute',
  '5': 'zeroSecond',
  '6': 'year',
};

/** Zone elements in the order Go tries them: longer spellings first. */
const ZONE_ELEMENTS: readonly (readonly [string, ElementKind])[] = [
  ['-070000', 'numSecondsTZ'],
  ['-07:00:00', 'numColonSecondsTZ'],
  ['-0700', 'numTZ'],
  ['-07:00', 'numColonTZ'],
  ['-07', 'numShortTZ'],
  ['Z070000', 'iso8601Seconds'],
  ['Z07:00:00', 'iso8601ColonSeconds'],
  ['Z0700', 'iso8601'],
  ['Z07:00', 'iso8601Colon'],
  ['Z07', 'iso8601Short'],
];

const element = (kind: ElementKind): Element => ({ kind, digits: 0, separator: '.' });

const isAsciiDigit = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';
const startsWithLowerCase = (s: string): boolean => s.length > 0 && s[0] >= 'a' && s[0] <= 'z';

/** The element starting at `layout[i]`, with its length, if one starts there (Go's nextStdChunk rules). */
function elementAt(layout: string, i: number): [Element, number] | undefined {
  const rest = layout.slice(i);
  switch (layout[i]) {
    case 'J':
      if (rest.startsWith('January')) return [element('longMonth'), 7];
      if (rest.startsWith('Jan') && !startsWithLowerCase(rest.slice(3))) return [element('month'), 3];
      return undefined;
    case 'M':
      if (rest.startsWith('Monday')) return [element('longWeekDay'), 6];
      if (rest.startsWith('Mon') && !startsWithLowerCase(rest.slice(3))) return [element('weekDay'), 3];
      if (rest.startsWith('MST')) return [element('tzName'), 3];
      return undefined;
    case '0':
      if (rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6') return [element(ZERO_ELEMENTS[rest[1]]), 2];
      if (rest.startsWith('002')) return [element('zeroYearDay'), 3];
      return undefined;
    case '1':
      return rest.startsWith('15') ? [element('hour'), 2] : [element('numMonth'), 1];
    case '2':
      return rest.startsWith('2006') ? [element('longYear'), 4] : [element('day'), 1];
    case '_':
      if (rest.startsWith('_2')) return rest.startsWith('_2006') ? undefined : [element('underDay'), 2];
      if (rest.startsWith('__2')) return [element('underYearDay'), 3];
      return undefined;
    case '3':
      return [element('hour12'), 1];
    case '4':
      return [element('minute'), 1];
    case '5':
      return [element('second'), 1];
    case 'P':
      return rest.startsWith('PM') ? [element('PM'), 2] : undefined;
    case 'p':
      return rest.startsWith('pm') ? [element('pm'), 2] : undefined;
    case '-':
    case 'Z': {
      const zone = ZONE_ELEMENTS.find(([text]) => rest.startsWith(text));
      return zone ? [element(zone[1]), zone[0].length] : undefined;
    }
    case '.':
    case ',':
      return fractionAt(rest);
    default:
      return undefined;
  }
}

/** ".000" or ",999…": a fractional second only when the run of 0s or 9s is not followed by another digit. */
function fractionAt(rest: string): [Element, number] | undefined {
  const digit = rest[1];
  if (digit !== '0' && digit !== '9') return undefined;
  let end = 1;
  while (end < rest.length && rest[end] === digit) end++;
  if (isAsciiDigit(rest, end)) return undefined;
  return [{ kind: digit === '0' ? 'fracSecond0' : 'fracSecond9', digits: end - 1, separator: rest[0] }, end];
}

function nextChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    // "_2006" is a literal underscore followed by the long year.
    if (layout.startsWith('_2006', i)) {
      return { prefix: layout.slice(0, i + 1), element: element('longYear'), elementText: '2006', suffix: layout.slice(i + 5) };
    }
    const found = elementAt(layout, i);
    if (found) {
      const [el, length] = found;
      return { prefix: layout.slice(0, i), element: el, elementText: layout.slice(i, i + length), suffix: layout.slice(i + length) };
    }
  }
  return { prefix: layout, element: undefined, elementText: '', suffix: '' };
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** An instant (ns since the epoch) seen in a zone. */
export interface ZonedTime {
  readonly unixNanos: bigint;
  readonly zone: Zone;
}

/** Whole seconds since the epoch (floored) and the nanoseconds within that second. */
export function splitNanos(unixNanos: bigint): { seconds: number; nanos: number } {
  let seconds = unixNanos / NANOS_PER_SECOND;
  let nanos = unixNanos % NANOS_PER_SECOND;
  if (nanos < 0n) {
    nanos += NANOS_PER_SECOND;
    seconds -= 1n;
  }
  return { seconds: Number(seconds), nanos: Number(nanos) };
}

const pad = (n: number, width: number): string => {
  const digits = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + digits : digits;
};

export function formatTime(t: ZonedTime, layout: string): string {
  const { seconds, nanos } = splitNanos(t.unixNanos);
  const offset = t.zone.offsetAt(seconds);
  const local = civilFromSeconds(seconds + offset);
  const days = floorDiv(seconds + offset, SECONDS_PER_DAY);
  let out = '';
  let rest = layout;
  while (rest !== '') {
    const chunk = nextChunk(rest);
    out += chunk.prefix;
    if (chunk.element === undefined) break;
    rest = chunk.suffix;
    out += formatElement(chunk.element, { ...local, days, nanos, offset, zone: t.zone, seconds });
  }
  return out;
}

interface FormatFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly days: number;
  readonly nanos: number;
  readonly offset: number;
  readonly zone: Zone;
  readonly seconds: number;
}

function formatElement(el: Element, f: FormatFields): string {
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  switch (el.kind) {
    case 'year':
      return pad(Math.abs(f.year) % 100, 2);
    case 'longYear':
      return pad(f.year, 4);
    case 'month':
      return LONG_MONTH_NAMES[f.month - 1].slice(0, 3);
    case 'longMonth':
      return LONG_MONTH_NAMES[f.month - 1];
    case 'numMonth':
      return String(f.month);
    case 'zeroMonth':
      return pad(f.month, 2);
    case 'weekDay':
      return LONG_DAY_NAMES[weekdayFromDays(f.days)].slice(0, 3);
    case 'longWeekDay':
      return LONG_DAY_NAMES[weekdayFromDays(f.days)];
    case 'day':
      return String(f.day);
    case 'underDay':
      return (f.day < 10 ? ' ' : '') + String(f.day);
    case 'zeroDay':
      return pad(f.day, 2);
    case 'underYearDay':
      return String(yearDay(f)).padStart(3, ' ');
    case 'zeroYearDay':
      return pad(yearDay(f), 3);
    case 'hour':
      return pad(f.hour, 2);
    case 'hour12':
      return String(hour12);
    case 'zeroHour12':
      return pad(hour12, 2);
    case 'minute':
      return String(f.minute);
    case 'zeroMinute':
      return pad(f.minute, 2);
    case 'second':
      return String(f.second);
    case 'zeroSecond':
      return pad(f.second, 2);
    case 'PM':
      return f.hour >= 12 ? 'PM' : 'AM';
    case 'pm':
      return f.hour >= 12 ? 'pm' : 'am';
    case 'tzName':
      return f.zone.abbreviationAt(f.seconds);
    case 'fracSecond0':
    case 'fracSecond9':
      return formatFraction(el, f.nanos);
    default:
      return formatOffset(el.kind, f.offset);
  }
}

const WITH_SECONDS = new Set<ElementKind>(['iso8601Seconds', 'iso8601ColonSeconds', 'numSecondsTZ', 'numColonSecondsTZ']);

function formatOffset(kind: ElementKind, offset: number): string {
  if (offset === 0 && kind.startsWith('iso8601')) return 'Z';
  const abs = Math.abs(offset);
  const minutes = Math.floor(abs / 60);
  let out = (offset < 0 ? '-' : '+') + pad(Math.floor(minutes / 60), 2);
  const colon = kind.includes('Colon');
  if (kind !== 'numShortTZ' && kind !== 'iso8601Short') out += (colon ? ':' : '') + pad(minutes % 60, 2);
  if (WITH_SECONDS.has(kind)) out += (colon ? ':' : '') + pad(abs % 60, 2);
  return out;
}

function formatFraction(el: Element, nanos: number): string {
  const trim = el.kind === 'fracSecond9';
  if (trim && (el.digits === 0 || nanos === 0)) return '';
  let digits = pad(nanos, 9);
  if (el.digits < 9) digits = digits.slice(0, el.digits);
  if (trim) digits = digits.replace(/0+$/, '');
  return digits === '' ? '' : el.separator + digits;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Go's own quoting in time error messages: non-ASCII bytes and controls become \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) {
      for (const byte of new TextEncoder().encode(ch)) out += '\\x' + byte.toString(16).padStart(2, '0');
    } else {
      out += ch === '"' || ch === '\\' ? '\\' + ch : ch;
    }
  }
  return out + '"';
}

export class TimeParseError extends Error {}

function parseError(layout: string, value: string, layoutElem: string, valueElem: string): TimeParseError {
  return new TimeParseError(
    `parsing time ${goTimeQuote(value)} as ${goTimeQuote(layout)}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(layoutElem)}`,
  );
}

function parseMessageError(value: string, message: string): TimeParseError {
  return new TimeParseError(`parsing time ${goTimeQuote(value)}${message}`);
}

/** Thrown inside element parsers for input that does not fit; turned into a ParseError by the caller. */
class BadValue extends Error {}

/** Go's atoi: optional sign, then digits, all of the input. */
function atoi(s: string): number {
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) throw new BadValue();
  const n = Number(m[2]);
  return m[1] === '-' ? -n : n;
}

/** One or two digits (exactly two when fixed). */
function getNum(s: string, fixed: boolean): [number, string] {
  if (!isAsciiDigit(s, 0)) throw new BadValue();
  if (!isAsciiDigit(s, 1)) {
    if (fixed) throw new BadValue();
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** One to three digits (exactly three when fixed). */
function getNum3(s: string, fixed: boolean): [number, string] {
  let i = 0;
  while (i < 3 && isAsciiDigit(s, i)) i++;
  if (i === 0 || (fixed && i !== 3)) throw new BadValue();
  return [Number(s.slice(0, i)), s.slice(i)];
}

/** Matches a layout's literal text; any run of spaces matches any run of spaces. */
function skipLiteral(value: string, prefix: string): string | undefined {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') return undefined;
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return undefined;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

/** Case-insensitive prefix lookup in a name table (ASCII letters only, as Go). */
function lookupName(table: readonly string[], value: string): [number, string] {
  for (let i = 0; i < table.length; i++) {
    const name = table[i];
    if (value.length >= name.length && sameLettersIgnoringCase(value.slice(0, name.length), name)) {
      return [i, value.slice(name.length)];
    }
  }
  throw new BadValue();
}

function sameLettersIgnoringCase(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const ca = a.charCodeAt(i) | 0x20;
    const cb = b.charCodeAt(i) | 0x20;
    if (ca !== cb || ca < 0x61 || ca > 0x7a) return false;
  }
  return true;
}

const SHORT_MONTH_NAMES = LONG_MONTH_NAMES.map((m) => m.slice(0, 3));
const SHORT_DAY_NAMES = LONG_DAY_NAMES.map((d) => d.slice(0, 3));

/** Fractional seconds "<sep>digits" of `length` characters, scaled to nanoseconds. */
function parseNanoseconds(value: string, length: number): { nanos: number; rangeError?: string } {
  if (value[0] !== '.' && value[0] !== ',') throw new BadValue();
  const usable = Math.min(length, 10);
  const nanos = atoi(value.slice(1, usable));
  if (nanos < 0) return { nanos: 0, rangeError: 'fractional second' };
  return { nanos: nanos * 10 ** (10 - usable) };
}

/** A zone abbreviation's length at the start of value, or 0 (Go's parseTimeZone heuristics). */
function timeZoneNameLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return 3 + signedOffsetLength(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return signedOffsetLength(value);
  let upper = 0;
  while (upper < 6 && upper < value.length && value[upper] >= 'A' && value[upper] <= 'Z') upper++;
  switch (upper) {
    case 3:
      return 3;
    case 4:
      return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
    case 5:
      return value[4] === 'T' ? 5 : 0;
    default:
      return 0;
  }
}

/** "+3", "-11": a sign and an hour up to 23; 0 when absent. */
function signedOffsetLength(value: string): number {
  const m = /^[+-](\d+)/.exec(value);
  if (!m || Number(m[1]) > 23) return 0;
  return m[0].length;
}

interface ParseState {
  year: number;
  month: number;
  day: number;
  yearDay: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number;
  zone: Zone | undefined;
  zoneOffset: number | undefined;
  zoneName: string;
  am: boolean;
  pm: boolean;
}

/**
 * Go's `time.Parse`: the instant described by `value` per `layout`, in ns since the epoch. Text
 * without a zone is read as UTC; zone abbreviations are looked up in `local` (Go's Local).
 */
export function parseTime(layout: string, value: string, local: Zone): bigint {
  const state: ParseState = {
    year: 0,
    month: -1,
    day: -1,
    yearDay: -1,
    hour: 0,
    minute: 0,
    second: 0,
    nanos: 0,
    zone: undefined,
    zoneOffset: undefined,
    zoneName: '',
    am: false,
    pm: false,
  };
  let rest = layout;
  let input = value;
  for (;;) {
    const chunk = nextChunk(rest);
    const afterLiteral = skipLiteral(input, chunk.prefix);
    if (afterLiteral === undefined) throw parseError(layout, value, chunk.prefix, input);
    input = afterLiteral;
    if (chunk.element === undefined) {
      if (input.length !== 0) throw parseMessageError(value, `: extra text: ${goTimeQuote(input)}`);
      break;
    }
    rest = chunk.suffix;
    const before = input;
    let result: ElementResult;
    try {
      result = parseElement(chunk.element, input, rest, state);
    } catch (e) {
      if (e instanceof BadValue) throw parseError(layout, value, chunk.elementText, before);
      throw e;
    }
    input = result.rest;
    if (result.rangeError !== undefined) {
      throw parseMessageError(value, `: ${result.rangeError} out of range`);
    }
  }
  return resolveInstant(state, value, local);
}

interface ElementResult {
  readonly rest: string;
  readonly rangeError?: string;
}

function parseElement(el: Element, value: string, layoutRest: string, s: ParseState): ElementResult {
  switch (el.kind) {
    case 'year': {
      if (value.length < 2) throw new BadValue();
      const yy = atoi(value.slice(0, 2));
      s.year = yy >= 69 ? yy + 1900 : yy + 2000;
      return { rest: value.slice(2) };
    }
    case 'longYear':
      if (value.length < 4 || !isAsciiDigit(value, 0)) throw new BadValue();
      s.year = atoi(value.slice(0, 4));
      return { rest: value.slice(4) };
    case 'month':
    case 'longMonth': {
      const [index, rest] = lookupName(el.kind === 'month' ? SHORT_MONTH_NAMES : LONG_MONTH_NAMES, value);
      s.month = index + 1;
      return { rest };
    }
    case 'numMonth':
    case 'zeroMonth': {
      const [month, rest] = getNum(value, el.kind === 'zeroMonth');
      s.month = month;
      return { rest, rangeError: month <= 0 || month > 12 ? 'month' : undefined };
    }
    case 'weekDay':
    case 'longWeekDay':
      return { rest: lookupName(el.kind === 'weekDay' ? SHORT_DAY_NAMES : LONG_DAY_NAMES, value)[1] };
    case 'day':
    case 'underDay':
    case 'zeroDay': {
      const trimmed = el.kind === 'underDay' && value.startsWith(' ') ? value.slice(1) : value;
      const [day, rest] = getNum(trimmed, el.kind === 'zeroDay');
      s.day = day;
      return { rest };
    }
    case 'underYearDay':
    case 'zeroYearDay': {
      let trimmed = value;
      for (let i = 0; i < 2 && el.kind === 'underYearDay' && trimmed.startsWith(' '); i++) trimmed = trimmed.slice(1);
      const [yday, rest] = getNum3(trimmed, el.kind === 'zeroYearDay');
      s.yearDay = yday;
      return { rest };
    }
    case 'hour': {
      const [hour, rest] = getNum(value, false);
      s.hour = hour;
      return { rest, rangeError: hour >= 24 ? 'hour' : undefined };
    }
    case 'hour12':
    case 'zeroHour12': {
      const [hour, rest] = getNum(value, el.kind === 'zeroHour12');
      s.hour = hour;
      return { rest, rangeError: hour > 12 ? 'hour' : undefined };
    }
    case 'minute':
    case 'zeroMinute': {
      const [minute, rest] = getNum(value, el.kind === 'zeroMinute');
      s.minute = minute;
      return { rest, rangeError: minute >= 60 ? 'minute' : undefined };
    }
    case 'second':
    case 'zeroSecond':
      return parseSeconds(el, value, layoutRest, s);
    case 'PM':
    case 'pm':
      return parseMeridiem(el.kind, value, s);
    case 'tzName':
      return parseZoneName(value, s);
    case 'fracSecond0': {
      const length = 1 + el.digits;
      if (value.length < length) throw new BadValue();
      const { nanos, rangeError } = parseNanoseconds(value, length);
      s.nanos = nanos;
      return { rest: value.slice(length), rangeError };
    }
    case 'fracSecond9': {
      if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isAsciiDigit(value, 1)) return { rest: value };
      let end = 1;
      while (isAsciiDigit(value, end)) end++;
      const { nanos, rangeError } = parseNanoseconds(value, end);
      s.nanos = nanos;
      return { rest: value.slice(end), rangeError };
    }
    default:
      return parseOffset(el.kind, value, s);
  }
}

function parseSeconds(el: Element, value: string, layoutRest: string, s: ParseState): ElementResult {
  const [second, rest] = getNum(value, el.kind === 'zeroSecond');
  s.second = second;
  if (second >= 60) return { rest, rangeError: 'second' };
  // A fraction in the input that the layout does not mention is still accepted.
  if (rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && isAsciiDigit(rest, 1)) {
    const next = nextChunk(layoutRest).element;
    if (next?.kind === 'fracSecond0' || next?.kind === 'fracSecond9') return { rest };
    let end = 2;
    while (isAsciiDigit(rest, end)) end++;
    const { nanos, rangeError } = parseNanoseconds(rest, end);
    s.nanos = nanos;
    return { rest: rest.slice(end), rangeError };
  }
  return { rest };
}

function parseMeridiem(kind: 'PM' | 'pm', value: string, s: ParseState): ElementResult {
  if (value.length < 2) throw new BadValue();
  const text = value.slice(0, 2);
  const [am, pm] = kind === 'PM' ? ['AM', 'PM'] : ['am', 'pm'];
  if (text === pm) s.pm = true;
  else if (text === am) s.am = true;
  else throw new BadValue();
  return { rest: value.slice(2) };
}

function parseZoneName(value: string, s: ParseState): ElementResult {
  if (value.startsWith('UTC')) {
    s.zone = UTC;
    return { rest: value.slice(3) };
  }
  const length = timeZoneNameLength(value);
  if (length === 0) throw new BadValue();
  s.zoneName = value.slice(0, length);
  return { rest: value.slice(length) };
}

function parseOffset(kind: ElementKind, value: string, s: ParseState): ElementResult {
  if (kind.startsWith('iso8601') && value.startsWith('Z')) {
    s.zone = UTC;
    return { rest: value.slice(1) };
  }
  let sign: string, hh: string, mm: string, ss: string, rest: string;
  if (kind === 'iso8601Colon' || kind === 'numColonTZ') {
    if (value.length < 6 || value[3] !== ':') throw new BadValue();
    [sign, hh, mm, ss, rest] = [value[0], value.slice(1, 3), value.slice(4, 6), '00', value.slice(6)];
  } else if (kind === 'numShortTZ' || kind === 'iso8601Short') {
    if (value.length < 3) throw new BadValue();
    [sign, hh, mm, ss, rest] = [value[0], value.slice(1, 3), '00', '00', value.slice(3)];
  } else if (kind === 'iso8601ColonSeconds' || kind === 'numColonSecondsTZ') {
    if (value.length < 9 || value[3] !== ':' || value[6] !== ':') throw new BadValue();
    [sign, hh, mm, ss, rest] = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(7, 9), value.slice(9)];
  } else if (kind === 'iso8601Seconds' || kind === 'numSecondsTZ') {
    if (value.length < 7) throw new BadValue();
    [sign, hh, mm, ss, rest] = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5, 7), value.slice(7)];
  } else {
    if (value.length < 5) throw new BadValue();
    [sign, hh, mm, ss, rest] = [value[0], value.slice(1, 3), value.slice(3, 5), '00', value.slice(5)];
  }
  const hours = getNum(hh, true)[0];
  const minutes = getNum(mm, true)[0];
  const seconds = getNum(ss, true)[0];
  let rangeError: string | undefined;
  if (hours > 24) rangeError = 'time zone offset hour';
  if (minutes > 60) rangeError = 'time zone offset minute';
  if (seconds > 60) rangeError = 'time zone offset second';
  if (rangeError !== undefined) return { rest, rangeError }; // Go reports a range error before a bad sign
  const offset = (hours * 60 + minutes) * 60 + seconds;
  if (sign === '+') s.zoneOffset = offset;
  else if (sign === '-') s.zoneOffset = -offset;
  else throw new BadValue();
  return { rest };
}

/** Checks the collected fields and turns them into an instant, as the end of Go's parse does. */
function resolveInstant(s: ParseState, value: string, local: Zone): bigint {
  if (s.pm && s.hour < 12) s.hour += 12;
  else if (s.am && s.hour === 12) s.hour = 0;

  if (s.yearDay >= 0) resolveYearDay(s, value);
  else {
    if (s.month < 0) s.month = 1;
    if (s.day < 0) s.day = 1;
  }
  if (s.day < 1 || s.day > daysIn(s.month, s.year)) throw parseMessageError(value, ': day out of range');

  const wallSeconds =
    daysFromCivil(s.year, s.month, s.day) * SECONDS_PER_DAY + s.hour * 3600 + s.minute * 60 + s.second;
  const offset = zoneOffsetFor(s, wallSeconds, local);
  return BigInt(wallSeconds - offset) * NANOS_PER_SECOND + BigInt(s.nanos);
}

function zoneOffsetFor(s: ParseState, wallSeconds: number, local: Zone): number {
  if (s.zone !== undefined) return 0; // "Z" or "UTC"
  if (s.zoneOffset !== undefined) return s.zoneOffset;
  if (s.zoneName !== '') {
    // A name the local zone uses at that time takes its offset; otherwise Go records a zero
    // offset, or the hours of a "GMT+3"-style name.
    const localOffset = offsetOfWallTime(local, wallSeconds);
    if (local.abbreviationAt(wallSeconds - localOffset) === s.zoneName) return localOffset;
    if (s.zoneName.length > 3 && s.zoneName.startsWith('GMT')) return atoi(s.zoneName.slice(3)) * 3600;
    return 0;
  }
  return 0;
}

/** The offset that applies to a wall-clock time in a zone, resolving transitions as Go's Date does. */
export function offsetOfWallTime(zone: Zone, wallSeconds: number): number {
  const guess = zone.offsetAt(wallSeconds);
  if (guess === 0) return 0;
  const actual = zone.offsetAt(wallSeconds - guess);
  return actual === guess ? guess : actual;
}

function resolveYearDay(s: ParseState, value: string): void {
  let yday = s.yearDay;
  let month = 0;
  let day = 0;
  if (isLeap(s.year)) {
    if (yday === 31 + 29) {
      month = 2;
      day = 29;
    } else if (yday > 31 + 29) yday--;
  }
  if (yday < 1 || yday > 365) throw parseMessageError(value, ': day-of-year out of range');
  if (month === 0) {
    const firstOfMonth = (m: number): number => daysFromCivil(2001, m, 1) - daysFromCivil(2001, 1, 1);
    month = Math.floor((yday - 1) / 31) + 1;
    if (firstOfMonth(month + 1) < yday) month++;
    day = yday - firstOfMonth(month);
  }
  if (s.month >= 0 && s.month !== month) throw parseMessageError(value, ': day-of-year does not match month');
  s.month = month;
  if (s.day >= 0 && s.day !== day) throw parseMessageError(value, ': day-of-year does not match day');
  s.day = day;
}
