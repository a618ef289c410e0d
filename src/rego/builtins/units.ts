/**
 * units.parse and units.parse_bytes: "1.5Gi", "500m", "10KB" → numbers, with OPA's exact arithmetic:
 * units.parse works on exact rationals (OPA uses big.Rat), units.parse_bytes on 64-bit-mantissa
 * binary floats truncated to an integer (OPA uses big.Float), so results match OPA's digit for digit.
 */
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, operandError } from './builtin.js';
import type { Num, Value } from '../value.js';
import { normalizeInt } from '../value.js';

/** An exact rational; `den` is always positive. */
interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const KILO = 1000n;
const KIBI = 1024n;
const power = (base: bigint, n: number): bigint => base ** BigInt(n);

/** The float64 nearest 0.001, exactly: OPA multiplies by it (big.Rat.SetFloat64(0.001)), not by 1/1000. */
const MILLI: Rational = exactDouble(0.001);

/** units.parse multipliers; keys are the unit with everything after its first letter lower-cased. */
const UNIT_FACTORS: ReadonlyMap<string, Rational> = new Map<string, Rational>([
  ['', { num: 1n, den: 1n }],
  ['m', MILLI],
  ...siAndBinary(['k', 'K'], 1),
  ...siAndBinary(['M'], 2, ['mi', 'Mi']),
  ...siAndBinary(['g', 'G'], 3),
  ...siAndBinary(['t', 'T'], 4),
  ...siAndBinary(['p', 'P'], 5),
  ...siAndBinary(['e', 'E'], 6),
]);

function siAndBinary(siNames: string[], exponent: number, binaryNames?: string[]): [string, Rational][] {
  const binary = binaryNames ?? siNames.map((n) => n + 'i');
  return [
    ...siNames.map((n): [string, Rational] => [n, { num: power(KILO, exponent), den: 1n }]),
    ...binary.map((n): [string, Rational] => [n, { num: power(KIBI, exponent), den: 1n }]),
  ];
}

/** units.parse_bytes multipliers, keyed by the lower-cased unit. */
const BYTE_FACTORS: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['', 1n],
  ...['k', 'm', 'g', 't', 'p', 'e'].flatMap((letter, i): [string, bigint][] => [
    [letter, power(KILO, i + 1)],
    [letter + 'b', power(KILO, i + 1)],
    [letter + 'i', power(KIBI, i + 1)],
    [letter + 'ib', power(KIBI, i + 1)],
  ]),
]);

/** Exponents longer than this are refused before any arithmetic (as OPA does). */
const MAX_EXPONENT_DIGITS = 6;

class ExponentTooLarge extends Error {}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Splits "10.5e3Ki" into the amount "10.5e3" and the unit "Ki": the amount runs over digits, '.',
 * signs and an 'e' that is followed by a digit or sign; the first other character starts the unit.
 */
function splitAmountAndUnit(s: string): [string, string] {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const numeric = isDigit(c) || c === '.' || c === '+' || c === '-';
    if (c !== 'e' && c !== 'E') {
      if (!numeric) return [s.slice(0, i), s.slice(i)];
      continue;
    }
    const next = s[i + 1];
    if (!(isDigit(next) || next === '+' || next === '-')) return [s.slice(0, i), s.slice(i)];
    if (next === '+' || next === '-') i++;
    let end = i + 1;
    while (isDigit(s[end])) end++;
    if (end - (i + 1) > MAX_EXPONENT_DIGITS) throw new ExponentTooLarge();
  }
  return [s, ''];
}

/** A decimal literal as Go's big.Rat / big.Float read it ("1", "-1.5", ".5", "5.", "2e-3"). */
function parseDecimal(text: string): Rational | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const [, sign, whole, fraction = '', exponentText = '0'] = m;
  if (whole === '' && fraction === '') return undefined;
  const exponent = Number(exponentText) - fraction.length;
  let num = BigInt(whole + fraction);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return { num: sign === '-' ? -num : num, den };
}

function exactDouble(x: number): Rational {
  let mantissa = x;
  let exponent = 0;
  while (!Number.isInteger(mantissa)) {
    mantissa *= 2;
    exponent++;
  }
  return { num: BigInt(mantissa), den: 1n << BigInt(exponent) };
}

/** Go's Rat.FloatString(10): ten decimals, the last rounded half away from zero. */
function roundToTenDecimals(r: Rational): number {
  const scale = 10n ** 10n;
  const magnitude = r.num < 0n ? -r.num : r.num;
  let scaled = (magnitude * scale) / r.den;
  const remainder = (magnitude * scale) % r.den;
  if (remainder * 2n >= r.den) scaled += 1n;
  const digits = scaled.toString().padStart(11, '0');
  const text = `${r.num < 0n ? '-' : ''}${digits.slice(0, -10)}.${digits.slice(-10)}`;
  return Number(text);
}

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/** |num/den| rounded to `precision` significant bits, ties to even, as mantissa × 2^exponent. */
function roundBinary(num: bigint, den: bigint, precision: number): { mantissa: bigint; exponent: number } {
  if (num === 0n) return { mantissa: 0n, exponent: 0 };
  // Scale so the integer quotient has precision + 2 bits at least; the remainder is the sticky bit.
  const shift = Math.max(0, precision + 2 + bitLength(den) - bitLength(num));
  const quotient = (num << BigInt(shift)) / den;
  const sticky = (num << BigInt(shift)) % den !== 0n;
  const excess = bitLength(quotient) - precision;
  let mantissa = quotient >> BigInt(excess);
  const dropped = quotient & ((1n << BigInt(excess)) - 1n);
  const half = 1n << BigInt(excess - 1);
  if (dropped > half || (dropped === half && (sticky || (mantissa & 1n) === 1n))) mantissa += 1n;
  return { mantissa, exponent: excess - shift };
}

/** Rounds |value| to a 64-bit binary float, multiplies by `factor` (rounding again), and truncates. */
function binaryFloatBytes(value: Rational, factor: bigint): bigint {
  const negative = value.num < 0n;
  const magnitude = negative ? -value.num : value.num;
  const amount = roundBinary(magnitude, value.den, 64);
  const product = roundBinary(amount.mantissa * factor, 1n, 64);
  const exponent = amount.exponent + product.exponent;
  const whole = exponent >= 0 ? product.mantissa << BigInt(exponent) : product.mantissa >> BigInt(-exponent);
  return negative ? -whole : whole;
}

function stringOperand(args: readonly Value[]): string {
  const s = args[0];
  if (typeof s !== 'string') throw operandError(0, 'string', s);
  return s;
}

/** OPA's messages for these builtins carry the builtin's name themselves, so the evaluator's prefix doubles it, as in OPA. */
function unitsError(builtin: string, message: string): BuiltinError {
  return new BuiltinError(`${builtin}: ${message}`);
}

/** The amount and unit of a units string, with OPA's errors for spaces, a huge exponent or no amount. */
function amountAndUnit(builtin: string, s: string, noAmount: string): [string, string] {
  if (s.includes(' ')) throw unitsError(builtin, 'spaces not allowed in resource strings');
  let parts: [string, string];
  try {
    parts = splitAmountAndUnit(s);
  } catch (e) {
    if (e instanceof ExponentTooLarge) throw unitsError(builtin, 'exponent too large');
    throw e;
  }
  if (parts[0] === '') throw unitsError(builtin, noAmount);
  return parts;
}

function parseUnits(raw: string): Num {
  const name = 'units.parse';
  const [amount, unit] = amountAndUnit(name, raw.replaceAll('"', ''), 'no amount provided');
  // Only the tail is lower-cased, so "m" (milli) and "M" (mega) stay apart.
  const key = unit.length > 1 ? unit[0] + unit.slice(1).toLowerCase() : unit;
  const factor = UNIT_FACTORS.get(key);
  if (factor === undefined) throw unitsError(name, `unit ${key} not recognized`);
  const value = parseDecimal(amount);
  if (value === undefined) throw unitsError(name, 'could not parse amount to a number');
  const product = { num: value.num * factor.num, den: value.den * factor.den };
  if (product.num % product.den === 0n) return normalizeInt(product.num / product.den);
  return roundToTenDecimals(product);
}

function parseBytes(raw: string): Num {
  const name = 'units.parse_bytes';
  const [amount, unit] = amountAndUnit(name, raw.toLowerCase().replaceAll('"', ''), 'no byte amount provided');
  const factor = BYTE_FACTORS.get(unit);
  if (factor === undefined) throw unitsError(name, `byte unit ${unit} not recognized`);
  const value = parseDecimal(amount);
  if (value === undefined) throw unitsError(name, 'could not parse byte amount to a number');
  return normalizeInt(binaryFloatBytes(value, factor));
}

export const builtins: BuiltinDef[] = [
  { name: 'units.parse', arity: 1, fn: (args) => parseUnits(stringOperand(args)) },
  { name: 'units.parse_bytes', arity: 1, fn: (args) => parseBytes(stringOperand(args)) },
];
