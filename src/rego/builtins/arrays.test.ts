import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, parseNumber, toRegoString } from '../value.js';
import { OperandError } from './builtin.js';
import { builtins } from './arrays.js';
import { builtinCaller, callTitle, testContext } from './test-support.js';

const ctx = testContext();
const obj = (entries: Record<string, Value>): ObjectValue => ObjectValue.fromEntries(Object.entries(entries));
const title = callTitle;

const call = builtinCaller(builtins, ctx);

describe('arrays', () => {
  const cases: [string, Value[], string][] = [
    ['array.concat', [[1, 2], [3, 4]], '[1, 2, 3, 4]'],
    ['array.concat', [[], []], '[]'],
    ['array.slice', [[1, 2, 3, 4, 5], 1, 3], '[2, 3]'],
    ['array.slice', [[1, 2, 3], 0, 0], '[]'],
    ['array.slice', [[1, 2, 3, 4, 5], -4, -1], '[]'],
    ['array.slice', [[1, 2, 3, 4, 5], -4, 2], '[1, 2]'],
    ['array.slice', [[1, 2, 3], 2, 1], '[]'],
    ['array.slice', [[1, 2, 3], 1, 100], '[2, 3]'],
    ['array.slice', [[1, 2, 3], 5, 100], '[]'],
    ['array.reverse', [[1, 'a', [2]]], '[[2], "a", 1]'],
    ['array.reverse', [[]], '[]'],
    ['array.flatten', [[]], '[]'],
    ['array.flatten', [[[1, 2], [3, 4], [5]]], '[1, 2, 3, 4, 5]'],
    ['array.flatten', [[[[1], [2, 3, []]], [[4, 5]]]], '[[1], [2, 3, []], [4, 5]]'],
    [
      'array.flatten',
      [[[1, 2], 'string', [3, obj({ a: 'b' })], 4.5, [6, [7, 8]]]],
      '[1, 2, "string", 3, {"a": "b"}, 4.5, 6, [7, 8]]',
    ],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, want) => {
    expect(toRegoString(call(name, ...args)!)).toBe(want);
  });

  const errors: [string, Value[], string][] = [
    ['array.concat', [obj({ v1: 'hello' }), [3, 4]], 'operand 1 must be array but got object'],
    ['array.concat', [[1, 2], obj({})], 'operand 2 must be array but got object'],
    ['array.slice', ['abc', 0, 1], 'operand 1 must be array but got string'],
    ['array.slice', [[1], '0', 1], 'operand 2 must be number but got string'],
    ['array.slice', [[1], 0, 1.5], 'operand 3 must be integer number but got floating-point number'],
    ['array.slice', [[1], 0, parseNumber('1e30')!], 'operand 3 must be integer number but got floating-point number'],
    ['array.reverse', [null], 'operand 1 must be array but got null'],
    ['array.flatten', [42], 'operand 1 must be array but got number'],
  ];
  it.each(errors.map((c) => [title(c[0], c[1]), ...c] as const))('%s throws', (_t, name, args, message) => {
    expect(() => call(name, ...args)).toThrow(OperandError);
    expect(() => call(name, ...args)).toThrow(message);
  });

  it('does not mutate its input', () => {
    const input = [1, 2, 3];
    call('array.reverse', input);
    expect(input).toEqual([1, 2, 3]);
  });
});
