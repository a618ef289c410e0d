import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, fromJSON, toRegoString } from '../value.js';
import { OperandError } from './builtin.js';
import { builtins } from './objects.js';
import { builtinCaller, callTitle, testContext } from './test-support.js';

const ctx = testContext();
const set = (...xs: Value[]): SetValue => SetValue.of(xs);
/** Objects from JSON-like literals (string keys). */
const o = (json: object): Value => fromJSON(json);
const title = callTitle;

const call = builtinCaller(builtins, ctx);

const nonStringKeyed = ObjectValue.fromEntries([
  ['a', 1],
  [[[7]], 2],
]);

describe('objects', () => {
  const cases: [string, Value[], string][] = [
    ['object.get', [o({ a: { b: 'c' } }), 'a', true], '{"b": "c"}'],
    ['object.get', [o({ a: { b: 'c' } }), 'b', true], 'true'],
    ['object.get', [o({ a: { b: 'c' } }), ['a', 'b'], true], '"c"'],
    ['object.get', [o({ a: { b: 'c' } }), ['a', 'x'], 'dflt'], '"dflt"'],
    ['object.get', [o({ a: { b: 'c' } }), ['a', 'b', 'c'], 'dflt'], '"dflt"'],
    ['object.get', [o({ a: 1 }), [], 0], '{"a": 1}'],
    ['object.get', [o({ a: [10, 20] }), ['a', 1], 0], '20'],
    ['object.get', [o({ a: [10, 20] }), ['a', 2], 0], '0'],
    ['object.get', [o({ a: [10, 20] }), ['a', -1], 0], '0'],
    ['object.get', [o({ a: [10, 20] }), ['a', '1'], 0], '0'],
    ['object.get', [ObjectValue.fromEntries([['s', set('x', 'y')]]), ['s', 'x'], 0], '"x"'],
    ['object.get', [ObjectValue.fromEntries([['s', set('x')]]), ['s', 'z'], 0], '0'],
    ['object.get', [ObjectValue.fromEntries([[1, 'one']]), 1, 0], '"one"'],
    ['object.get', [o({ a: null }), 'a', 0], 'null'],
    ['object.keys', [o({ a: 1, b: 2 })], '{"a", "b"}'],
    ['object.keys', [o({})], 'set()'],
    ['object.remove', [o({ a: 1, b: { c: 3 } }), set('a')], '{"b": {"c": 3}}'],
    ['object.remove', [o({ a: 1, b: { c: 3 }, d: 4 }), set('b', 'd')], '{"a": 1}'],
    ['object.remove', [o({ a: 1, b: { c: 3 }, d: 4 }), o({ b: 1, d: '' })], '{"a": 1}'],
    ['object.remove', [o({ a: 1, b: 2 }), ['b']], '{"a": 1}'],
    ['object.remove', [o({}), set('a', 'b')], '{}'],
    ['object.remove', [o({ a: 1 }), set('z')], '{"a": 1}'],
    ['object.remove', [nonStringKeyed, set([[7]])], '{"a": 1}'],
    ['object.filter', [o({ a: { b: { c: 7, d: 8 } }, e: 9 }), set('a')], '{"a": {"b": {"c": 7, "d": 8}}}'],
    ['object.filter', [o({ a: 1, b: 2, c: 3, e: 9 }), set('a', 'e')], '{"a": 1, "e": 9}'],
    ['object.filter', [o({ a: 7 }), []], '{}'],
    ['object.filter', [o({ a: 7 }), o({})], '{}'],
    ['object.filter', [o({ a: 7, b: 8 }), ['b', 'z']], '{"b": 8}'],
    ['object.filter', [nonStringKeyed, set([[7]])], '{[[7]]: 2}'],
    ['object.union', [o({}), o({})], '{}'],
    ['object.union', [o({}), o({ a: 1 })], '{"a": 1}'],
    ['object.union', [o({ a: 1 }), o({ b: 2 })], '{"a": 1, "b": 2}'],
    ['object.union', [o({ b: 2 }), o({ a: { b: { c: 1 } } })], '{"a": {"b": {"c": 1}}, "b": 2}'],
    ['object.union', [o({ a: 1 }), o({ a: 2 })], '{"a": 2}'],
    ['object.union', [o({ a: 1 }), o({ a: { b: { c: 1 } }, d: 7 })], '{"a": {"b": {"c": 1}}, "d": 7}'],
    ['object.union', [o({ a: { b: 1, c: 2 } }), o({ a: { c: 3 } })], '{"a": {"b": 1, "c": 3}}'],
    ['object.union', [o({ a: { b: 1 } }), o({ a: 5 })], '{"a": 5}'],
    ['object.union_n', [[]], '{}'],
    ['object.union_n', [[o({})]], '{}'],
    ['object.union_n', [[o({ foo: 'bar' }), o({ x: 'y' })]], '{"foo": "bar", "x": "y"}'],
    ['object.union_n', [[o({ foo: 'bar' }), o({ foo: 'baz' })]], '{"foo": "baz"}'],
    [
      'object.union_n',
      [[o({ a: 1, b: 2, c: 3 }), o({ foo: 'baz', a: 'a', b: 2, d: 4 }), o({ a: 'final A!', e: 5 })]],
      '{"a": "final A!", "b": 2, "c": 3, "d": 4, "e": 5, "foo": "baz"}',
    ],
    ['object.union_n', [[o({ a: { b: 2 } }), o({ a: 4 }), o({ a: { c: 3 } })]], '{"a": {"c": 3}}'],
    ['object.union_n', [[o({ a: { b: 2 } }), o({ a: { c: 3 } })]], '{"a": {"b": 2, "c": 3}}'],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, want) => {
    expect(toRegoString(call(name, ...args)!)).toBe(want);
  });

  const errors: [string, Value[], string][] = [
    ['object.get', ['x', 'a', 1], 'operand 1 must be object but got string'],
    ['object.keys', [[1]], 'operand 1 must be object but got array'],
    ['object.remove', [123, set('a')], 'operand 1 must be object but got number'],
    ['object.remove', [null, set('a')], 'operand 1 must be object but got null'],
    ['object.remove', [o({ a: 1 }), 'foo'], 'operand 2 must be one of {object, set, array} but got string'],
    ['object.remove', [o({ a: 1 }), null], 'operand 2 must be one of {object, set, array} but got null'],
    ['object.filter', [['a'], set('a')], 'operand 1 must be object but got array'],
    ['object.filter', [o({ a: 1 }), null], 'operand 2 must be one of {object, set, array} but got null'],
    ['object.union', [o({ a: 1 }), [1, 2, 3]], 'operand 2 must be object but got array'],
    ['object.union', [1, o({})], 'operand 1 must be object but got number'],
    ['object.union_n', [o({})], 'operand 1 must be array but got object'],
    ['object.union_n', [[o({ foo: 1 }), o({ bar: 2 }), 'baz']], 'operand 1 must be array of objects but got array containing string'],
    ['object.subset', [o({}), set()], 'both arguments object.subset must be of the same type or array and set'],
    ['object.subset', [set(1), [1]], 'both arguments object.subset must be of the same type or array and set'],
    ['object.subset', [1, 1], 'both arguments object.subset must be of the same type or array and set'],
  ];
  it.each(errors.map((c) => [title(c[0], c[1]), ...c] as const))('%s throws', (_t, name, args, message) => {
    expect(() => call(name, ...args)).toThrow(OperandError);
    expect(() => call(name, ...args)).toThrow(message);
  });
});

describe('object.subset', () => {
  const cases: [string, Value, Value, boolean][] = [
    ['object subset', o({ a: 1, b: 2 }), o({ a: 1 }), true],
    ['object superset', o({ a: 1 }), o({ a: 1, b: 2 }), false],
    ['object value differs', o({ a: 1 }), o({ a: 2 }), false],
    ['empty object', o({ a: 1 }), o({}), true],
    ['nested object', o({ a: { b: 1, c: 2 }, d: 3 }), o({ a: { c: 2 } }), true],
    ['nested object mismatch', o({ a: { b: 1 } }), o({ a: { c: 2 } }), false],
    ['nested kinds differ', o({ a: { b: 1 } }), o({ a: [1] }), false],
    ['sets', set(1, 2, 3), set(1, 3), true],
    ['sets not subset', set(1, 2), set(1, 4), false],
    ['nested sets', ObjectValue.fromEntries([['s', set(1, 2, 3)]]), ObjectValue.fromEntries([['s', set(2)]]), true],
    ['nested arrays', o({ a: [1, 2, 3, 4] }), o({ a: [2, 3] }), true],
    ['arrays contiguous run', [1, 2, 3, 4, 5, 6], [3, 4, 5], true],
    ['arrays not contiguous', [1, 2, 3, 4], [1, 3], false],
    ['arrays backtrack', [1, 1, 2], [1, 2], true],
    ['arrays longer sub', [1], [1, 2], false],
    ['arrays disjoint', [1, 2, 3, 4, 5, 6], [8, 9, 10], false],
    ['arrays empty sub', [1], [], true],
    ['arrays both empty', [], [], true],
    ['array and set', [1, 2, 3, 4, 5, 6], set(4, 3, 2), true],
    ['array and set missing', [1, 2, 3], set(3, 9), false],
    ['array and empty set', [1], set(), true],
    ['empty array and empty set (as OPA)', [], set(), false],
  ];
  it.each(cases)('%s', (_t, sup, sub, want) => {
    expect(call('object.subset', sup, sub)).toBe(want);
  });
});
