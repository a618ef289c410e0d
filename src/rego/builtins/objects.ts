/**
 * Object builtins: object.get, object.keys, object.remove, object.filter, object.union,
 * object.union_n and object.subset.
 */
import type { Value } from '../value.js';
import { ObjectValue, SetValue, compare, equal, isArray, isNumber, isObject, isSet } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { OperandError, operandError } from './builtin.js';
import { elementError, isInteger } from './num-ops.js';

function objectOperand(v: Value, index: number): ObjectValue {
  if (!isObject(v)) throw operandError(index, 'object', v);
  return v;
}

/** The key collection of object.remove / object.filter: an array, set or object (its keys). */
function keysOperand(v: Value): SetValue {
  if (isArray(v)) return SetValue.of(v);
  if (isSet(v)) return v;
  if (isObject(v)) return SetValue.of(v.keys());
  throw operandError(1, 'one of {object, set, array}', v);
}

function filterEntries(obj: ObjectValue, keep: (key: Value) => boolean): ObjectValue {
  return ObjectValue.fromEntries(obj.entries().filter(([k]) => keep(k)));
}

/** One step of a path lookup: object key, array index (an integer in range) or set member. */
function step(container: Value, key: Value): Value | undefined {
  if (isObject(container)) return container.get(key);
  if (isArray(container)) {
    if (!isNumber(key) || !isInteger(key)) return undefined;
    const i = Number(key);
    return i >= 0 && i < container.length ? container[i] : undefined;
  }
  if (isSet(container)) return container.has(key) ? key : undefined;
  return undefined;
}

function objectGet(obj: ObjectValue, key: Value, fallback: Value): Value {
  if (!isArray(key)) {
    const value = obj.get(key);
    return value === undefined ? fallback : value; // not `??`: a null value is a found value
  }
  let current: Value | undefined = obj;
  for (const k of key) {
    current = step(current, k);
    if (current === undefined) return fallback;
  }
  return current;
}

/** Recursive merge: keys of `b` win, except that two objects under the same key are merged. */
function merge(a: ObjectValue, b: ObjectValue): ObjectValue {
  const out = ObjectValue.fromEntries(a.entries());
  for (const [k, bv] of b.entries()) {
    const av = a.get(k);
    out.put(k, av !== undefined && isObject(av) && isObject(bv) ? merge(av, bv) : bv);
  }
  return out;
}

function unionN(v: Value): ObjectValue {
  if (!isArray(v)) throw operandError(0, 'array', v);
  // OPA walks the array from the end, so the last non-object is the one reported.
  for (let i = v.length - 1; i >= 0; i--) if (!isObject(v[i])) throw elementError(0, v, v[i], 'object');
  return (v as readonly ObjectValue[]).reduce(merge, new ObjectValue());
}

// ---- object.subset ----------------------------------------------------------------------------

/** Every key of `sub` is in `sup` with an equal value, or a value that is recursively a subset. */
function objectSubset(sup: ObjectValue, sub: ObjectValue): boolean {
  return sub.entries().every(([k, subValue]) => {
    const supValue = sup.get(k);
    if (supValue === undefined) return false;
    if (equal(supValue, subValue)) return true;
    return sameKindSubset(supValue, subValue) ?? false;
  });
}

/** Subset for two objects, two sets or two arrays; undefined for any other pair. */
function sameKindSubset(sup: Value, sub: Value): boolean | undefined {
  if (isObject(sup) && isObject(sub)) return objectSubset(sup, sub);
  if (isSet(sup) && isSet(sub)) return sub.values().every((x) => sup.has(x));
  if (isArray(sup) && isArray(sub)) return containsRun(sup, sub);
  return undefined;
}

/** Whether `sub` occurs in `sup` as a contiguous run. */
function containsRun(sup: readonly Value[], sub: readonly Value[]): boolean {
  for (let start = 0; start + sub.length <= sup.length; start++) {
    if (sub.every((x, i) => compare(sup[start + i], x) === 0)) return true;
  }
  return false;
}

/**
 * A set is a subset of an array when the array holds all its members. This follows OPA exactly,
 * including its corner cases: it counts matching array elements (duplicates included), and an
 * empty array never answers true.
 */
function arraySetSubset(sup: readonly Value[], sub: SetValue): boolean {
  let unmatched = sub.size;
  for (const x of sup) {
    if (sub.has(x)) unmatched--;
    if (unmatched <= 0) return true;
  }
  return false;
}

function subset(sup: Value, sub: Value): boolean {
  const result = sameKindSubset(sup, sub);
  if (result !== undefined) return result;
  if (isArray(sup) && isSet(sub)) return arraySetSubset(sup, sub);
  throw new OperandError('both arguments object.subset must be of the same type or array and set');
}

export const builtins: BuiltinDef[] = [
  {
    name: 'object.get',
    arity: 3,
    fn: ([o, key, fallback]) => objectGet(objectOperand(o, 0), key, fallback),
  },
  { name: 'object.keys', arity: 1, fn: ([o]) => SetValue.of(objectOperand(o, 0).keys()) },
  {
    name: 'object.remove',
    arity: 2,
    fn: ([o, keys]) => {
      const obj = objectOperand(o, 0);
      const remove = keysOperand(keys);
      return filterEntries(obj, (k) => !remove.has(k));
    },
  },
  {
    name: 'object.filter',
    arity: 2,
    fn: ([o, keys]) => {
      const obj = objectOperand(o, 0);
      const keep = keysOperand(keys);
      return filterEntries(obj, (k) => keep.has(k));
    },
  },
  {
    name: 'object.union',
    arity: 2,
    fn: ([a, b]) => {
      const left = objectOperand(a, 0);
      return merge(left, objectOperand(b, 1));
    },
  },
  { name: 'object.union_n', arity: 1, fn: ([v]) => unionN(v) },
  { name: 'object.subset', arity: 2, fn: ([sup, sub]) => subset(sup, sub) },
];
