/**
 * Shared number arithmetic over `Num` (JS double, or bigint for integers outside the safe range).
 *
 * Integers are exact at any size, as in OPA: integer operands go through bigint whenever a result
 * could leave the safe range, then come back through `normalizeInt`. Anything involving a
 * fraction is done in JS doubles (OPA uses big.Float; doubles are our documented approximation).
 */
import type { Num, Value } from '../value.js';
import { isNumber, normalizeInt, typeName } from '../value.js';
import { BuiltinError, OperandError, operandError } from './builtin.js';

export function isInteger(n: Num): boolean {
  return typeof n === 'bigint' || Number.isInteger(n);
}

/** The exact integer value of `n`; callers must check `isInteger` first. */
export function toBigInt(n: Num): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isInteger(n)) throw new RangeError(`${n} is not an integer`);
  return BigInt(n);
}

/** The nearest double to `n`. */
export function toFloat(n: Num): number {
  return typeof n === 'bigint' ? Number(n) : n;
}

/**
 * Turns a double result back into a canonical Num: integer values beyond the safe range become
 * exact bigints (so they print as digits, not `1e+21`), and -0 becomes 0. A non-finite result
 * cannot be represented as a Rego number, so it is a builtin error.
 */
export function fromFloat(x: number): Num {
  if (!Number.isFinite(x)) throw new BuiltinError('number too large');
  if (x === 0) return 0;
  if (Number.isInteger(x) && !Number.isSafeInteger(x)) return normalizeInt(BigInt(x));
  return x;
}

/** True when both are integers small enough that a double result of +, - is still exact. */
function bothSafe(a: Num, b: Num): a is number {
  return typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a) && Number.isSafeInteger(b);
}

function bothIntegers(a: Num, b: Num): boolean {
  return isInteger(a) && isInteger(b);
}

export function add(a: Num, b: Num): Num {
  if (bothSafe(a, b)) {
    const r = a + (b as number);
    if (Number.isSafeInteger(r)) return r;
  }
  if (bothIntegers(a, b)) return normalizeInt(toBigInt(a) + toBigInt(b));
  return fromFloat(toFloat(a) + toFloat(b));
}

export function sub(a: Num, b: Num): Num {
  if (bothSafe(a, b)) {
    const r = a - (b as number);
    if (Number.isSafeInteger(r)) return r;
  }
  if (bothIntegers(a, b)) return normalizeInt(toBigInt(a) - toBigInt(b));
  return fromFloat(toFloat(a) - toFloat(b));
}

export function mul(a: Num, b: Num): Num {
  if (bothSafe(a, b)) {
    const r = a * (b as number);
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  if (bothIntegers(a, b)) return normalizeInt(toBigInt(a) * toBigInt(b));
  return fromFloat(toFloat(a) * toFloat(b));
}

function isZero(n: Num): boolean {
  return typeof n === 'bigint' ? n === 0n : n === 0;
}

/** Division: exact when the divisor divides an integer dividend, a double quotient otherwise. */
export function div(a: Num, b: Num): Num {
  if (isZero(b)) throw new BuiltinError('divide by zero');
  if (bothIntegers(a, b)) {
    const x = toBigInt(a);
    const y = toBigInt(b);
    if (x % y === 0n) return normalizeInt(x / y);
  }
  return fromFloat(toFloat(a) / toFloat(b));
}

/** Remainder, integers only, with the sign of the dividend (Go's and JS's truncated remainder). */
export function rem(a: Num, b: Num): Num {
  if (!bothIntegers(a, b)) throw new BuiltinError('modulo on floating-point number');
  if (isZero(b)) throw new BuiltinError('modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') return (a % b) + 0; // `+ 0` turns -0 into 0
  return normalizeInt(toBigInt(a) % toBigInt(b));
}

export function neg(a: Num): Num {
  return typeof a === 'bigint' ? normalizeInt(-a) : a === 0 ? 0 : -a;
}

export function abs(a: Num): Num {
  if (typeof a === 'bigint') return a < 0n ? normalizeInt(-a) : a;
  return Math.abs(a);
}

/** Rounds half away from zero. `trunc` + exact fraction test avoids `x + 0.5` rounding errors. */
export function round(a: Num): Num {
  if (isInteger(a)) return a;
  const x = a as number;
  const whole = Math.trunc(x);
  const fraction = x - whole; // exact for doubles
  return fromFloat(Math.abs(fraction) >= 0.5 ? whole + Math.sign(x) : whole);
}

export function ceil(a: Num): Num {
  return isInteger(a) ? a : fromFloat(Math.ceil(a as number));
}

export function floor(a: Num): Num {
  return isInteger(a) ? a : fromFloat(Math.floor(a as number));
}

export function compareNum(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (bothIntegers(a, b)) {
    const x = toBigInt(a);
    const y = toBigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toFloat(a);
  const y = toFloat(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---- Operand checks, with OPA's wording -------------------------------------------------------

/** An operand error with free-form text after "operand N " (N is 1-based from `index`). */
export function operandMessage(index: number, text: string): OperandError {
  return new OperandError(`operand ${index + 1} ${text}`);
}

const NOT_INTEGER = 'must be integer number but got floating-point number';

/** A number operand ("operand N must be number but got T"). */
export function numberOperand(v: Value, index: number): Num {
  if (!isNumber(v)) throw operandError(index, 'number', v);
  return v;
}

/**
 * An integer of any size, as OPA's BigIntOperand: "must be integer but got T" for a non-number,
 * "must be integer number but got floating-point number" for a fraction.
 */
export function bigIntOperand(v: Value, index: number): bigint {
  if (!isNumber(v)) throw operandError(index, 'integer', v);
  if (!isInteger(v)) throw operandMessage(index, NOT_INTEGER);
  return toBigInt(v);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A machine-sized integer, as OPA's IntOperand: "must be number but got T" for a non-number, and
 * the floating-point message for fractions and for integers beyond int64 (Go cannot hold them).
 */
export function intOperand(v: Value, index: number): number {
  if (!isNumber(v)) throw operandError(index, 'number', v);
  if (!isInteger(v)) throw operandMessage(index, NOT_INTEGER);
  if (typeof v === 'bigint') {
    if (v < INT64_MIN || v > INT64_MAX) throw operandMessage(index, NOT_INTEGER);
    return Number(v);
  }
  return v;
}

/** "operand N must be array of numbers but got array containing string", OPA's element error. */
export function elementError(index: number, collection: Value, element: Value, expected: string): OperandError {
  const kind = typeName(collection);
  return operandMessage(index, `must be ${kind} of ${expected}s but got ${kind} containing ${typeName(element)}`);
}
