/**
 * Aggregates over collections: count, sum, product, max, min, sort.
 * (`any` and `all` are deprecated and rejected in Rego v1, so they are not provided.)
 */
import type { Num, Value } from '../value.js';
import { compare, isArray, isNumber, isObject, isSet, normalizeInt } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { operandError } from './builtin.js';
import { elementError, fromFloat, isInteger, toBigInt, toFloat } from './num-ops.js';

function count(v: Value): Num {
  if (typeof v === 'string') {
    let n = 0;
    for (const _ of v) n++; // string iteration yields code points, as Go counts runes
    return n;
  }
  if (isArray(v)) return v.length;
  if (isObject(v) || isSet(v)) return v.size;
  throw operandError(0, 'one of {array, object, set, string}', v);
}

/** The elements of an array or set operand (sets in Rego order), or OPA's "set or array" error. */
function elements(v: Value): readonly Value[] {
  if (isArray(v)) return v;
  if (isSet(v)) return v.values();
  throw operandError(0, 'one of {set, array}', v);
}

function numberElements(collection: Value): Num[] {
  return elements(collection).map((x) => {
    if (!isNumber(x)) throw elementError(0, collection, x, 'number');
    return x;
  });
}

/**
 * Folds numbers with an exact integer operation when every element is an integer, else with the
 * double operation (as OPA falls back to floats as soon as one element has a fraction).
 */
function fold(
  collection: Value,
  init: bigint,
  exact: (a: bigint, b: bigint) => bigint,
  float: (a: number, b: number) => number,
): Num {
  const numbers = numberElements(collection);
  const small = foldSafe(numbers, Number(init), float);
  if (small !== undefined) return small;
  if (numbers.every(isInteger)) return normalizeInt(numbers.reduce<bigint>((acc, n) => exact(acc, toBigInt(n)), init));
  return fromFloat(numbers.reduce<number>((acc, n) => float(acc, toFloat(n)), Number(init)));
}

/** The fold in plain doubles when every element and partial result is a safe integer, else undefined. */
function foldSafe(numbers: readonly Num[], init: number, op: (a: number, b: number) => number): number | undefined {
  let acc = init;
  for (const n of numbers) {
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) return undefined;
    acc = op(acc, n);
    if (!Number.isSafeInteger(acc)) return undefined;
  }
  return acc === 0 ? 0 : acc;
}

/** Largest (or, with `sign` -1, smallest) element; undefined for an empty collection. */
function extreme(collection: Value, sign: 1 | -1): Value | undefined {
  const xs = elements(collection);
  if (xs.length === 0) return undefined;
  return xs.reduce((best, x) => (sign * compare(x, best) > 0 ? x : best));
}

export const builtins: BuiltinDef[] = [
  { name: 'count', arity: 1, fn: ([v]) => count(v) },
  {
    name: 'sum',
    arity: 1,
    fn: ([v]) =>
      fold(
        v,
        0n,
        (a, b) => a + b,
        (a, b) => a + b,
      ),
  },
  {
    name: 'product',
    arity: 1,
    fn: ([v]) =>
      fold(
        v,
        1n,
        (a, b) => a * b,
        (a, b) => a * b,
      ),
  },
  { name: 'max', arity: 1, fn: ([v]) => extreme(v, 1) },
  { name: 'min', arity: 1, fn: ([v]) => extreme(v, -1) },
  { name: 'sort', arity: 1, fn: ([v]) => [...elements(v)].sort(compare) },
];
