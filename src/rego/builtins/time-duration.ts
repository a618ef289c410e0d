/** Go's `time.ParseDuration`: "300ms", "-1.5h", "2h45m" → nanoseconds, with Go's arithmetic and messages. */
import { goTimeQuote } from './time-layout.js';

const UNIT_NANOS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const LIMIT = 1n << 63n;

export class DurationError extends Error {}

export function parseDuration(text: string): bigint {
  const invalid = (): DurationError => new DurationError(`time: invalid duration ${goTimeQuote(text)}`);
  let s = text;
  let negative = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();

  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) throw invalid();
    const whole = /^\d*/.exec(s)![0];
    s = s.slice(whole.length);
    let value = wholeValue(whole);
    if (value === undefined) throw invalid();

    let fractionDigits = '';
    let sawFraction = false;
    if (s.startsWith('.')) {
      fractionDigits = /^\d*/.exec(s.slice(1))![0];
      s = s.slice(1 + fractionDigits.length);
      sawFraction = fractionDigits.length > 0;
    }
    if (whole === '' && !sawFraction) throw invalid();

    const unitText = /^[^.0-9]*/.exec(s)![0];
    if (unitText === '') throw new DurationError(`time: missing unit in duration ${goTimeQuote(text)}`);
    s = s.slice(unitText.length);
    const unit = UNIT_NANOS[unitText];
    if (unit === undefined) {
      throw new DurationError(`time: unknown unit ${goTimeQuote(unitText)} in duration ${goTimeQuote(text)}`);
    }
    if (value > LIMIT / unit) throw invalid();
    value *= unit;
    const { numerator, scale } = leadingFraction(fractionDigits);
    if (numerator > 0n) {
      // Go computes the fractional part in float64 and truncates.
      value += BigInt(Math.trunc(Number(numerator) * (Number(unit) / scale)));
      if (value > LIMIT) throw invalid();
    }
    total += value;
    if (total > LIMIT) throw invalid();
  }
  if (negative) return -total;
  if (total > LIMIT - 1n) throw invalid();
  return total;
}

/** Go's leadingInt: the digits' value, or undefined past 2^63. */
function wholeValue(digits: string): bigint | undefined {
  if (digits === '') return 0n;
  const value = BigInt(digits);
  return value > LIMIT ? undefined : value;
}

/** Go's leadingFraction: digits accumulate until they would pass 2^63-1, later ones are dropped. */
function leadingFraction(digits: string): { numerator: bigint; scale: number } {
  let numerator = 0n;
  let scale = 1;
  for (const d of digits) {
    if (numerator > (LIMIT - 1n) / 10n) break;
    const next = numerator * 10n + BigInt(d);
    if (next > LIMIT) break;
    numerator = next;
    scale *= 10;
  }
  return { numerator, scale };
}
