/** Arithmetic builtins (the infix operators + - * / %), rounding, numbers.range* and to_number. */
import type { Num, Value } from '../value.js';
import { SetValue, isNumber, isSet, normalizeInt, parseNumber } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, operandError } from './builtin.js';
import * as num from './num-ops.js';

function binary(name: string, op: (a: Num, b: Num) => Num): BuiltinDef {
  return { name, arity: 2, fn: ([a, b]) => op(num.numberOperand(a, 0), num.numberOperand(b, 1)) };
}

function unary(name: string, op: (a: Num) => Num): BuiltinDef {
  return { name, arity: 1, fn: ([a]) => op(num.numberOperand(a, 0)) };
}

/** `-` is number subtraction or set difference; the error wording follows OPA's case analysis. */
function minus(a: Value, b: Value): Value {
  if (isNumber(a) && isNumber(b)) return num.sub(a, b);
  if (isSet(a) && isSet(b)) return SetValue.of(a.values().filter((x) => !b.has(x)));
  if (!isNumber(a) && !isSet(a)) throw operandError(0, 'one of {number, set}', a);
  if (isNumber(b)) throw operandError(1, 'set', b);
  throw operandError(1, 'number', b);
}

/** Inclusive range from `from` to `to`, ascending or descending, in steps of `step` (> 0). */
function range(from: bigint, to: bigint, step: bigint): Num[] {
  const out: Num[] = [];
  if (from <= to) for (let i = from; i <= to; i += step) out.push(normalizeInt(i));
  else for (let i = from; i >= to; i -= step) out.push(normalizeInt(i));
  return out;
}

function numbersRangeStep(args: readonly Value[]): Value {
  const from = num.bigIntOperand(args[0], 0);
  const to = num.bigIntOperand(args[1], 1);
  const step = num.bigIntOperand(args[2], 2);
  if (step <= 0n) throw new BuiltinError('step must be a positive integer');
  return range(from, to, step);
}

/** Go's strconv.ParseFloat syntax for decimal numbers: optional sign, digits with an optional point, exponent. */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a numeric string as OPA's to_number accepts it, keeping integers exact. */
function parseNumberString(text: string): Num {
  const bare = text.replace(/^[+-]+/, '').toLowerCase();
  if (bare === 'inf' || bare === 'infinity' || bare === 'nan') throw operandError(0, 'valid number string', text);
  const m = DECIMAL.exec(text);
  const [, sign = '', intDigits = '', fracDigits = '', exponent] = m ?? [];
  if (!m || (intDigits === '' && fracDigits === '')) {
    throw new BuiltinError(`strconv.ParseFloat: parsing ${JSON.stringify(text)}: invalid syntax`);
  }
  // Rewrite into the JSON number syntax parseNumber understands (no '+', no bare '.', no leading zeros).
  const canonical =
    (sign === '-' ? '-' : '') +
    (intDigits.replace(/^0+(?=\d)/, '') || '0') +
    (fracDigits ? '.' + fracDigits : '') +
    (exponent !== undefined ? 'e' + exponent : '');
  // Go parses into a float64 first, so anything beyond its range is an error even if it is an integer.
  const parsed = Number.isFinite(Number(canonical)) ? parseNumber(canonical) : undefined;
  if (parsed === undefined) {
    throw new BuiltinError(`strconv.ParseFloat: parsing ${JSON.stringify(text)}: value out of range`);
  }
  return parsed === 0 ? 0 : parsed;
}

function toNumber(v: Value): Value {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isNumber(v)) return v;
  if (typeof v === 'string') return parseNumberString(v);
  throw operandError(0, 'one of {null, boolean, number, string}', v);
}

export const builtins: BuiltinDef[] = [
  binary('plus', num.add),
  { name: 'minus', arity: 2, fn: ([a, b]) => minus(a, b) },
  binary('mul', num.mul),
  binary('div', num.div),
  binary('rem', num.rem),
  unary('abs', num.abs),
  unary('round', num.round),
  unary('ceil', num.ceil),
  unary('floor', num.floor),
  {
    name: 'numbers.range',
    arity: 2,
    fn: ([a, b]) => range(num.bigIntOperand(a, 0), num.bigIntOperand(b, 1), 1n),
  },
  { name: 'numbers.range_step', arity: 3, fn: numbersRangeStep },
  { name: 'to_number', arity: 1, fn: ([v]) => toNumber(v) },
];
