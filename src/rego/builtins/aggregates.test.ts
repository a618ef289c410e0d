import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, parseNumber, toRegoString } from '../value.js';
import { OperandError } from './builtin.js';
import { builtins } from './aggregates.js';
import { builtinCaller, callTitle, testContext } from './test-support.js';

const ctx = testContext();
const n = (text: string): Value => parseNumber(text)!;
const set = (...xs: Value[]): SetValue => SetValue.of(xs);
const obj = (entries: Record<string, Value>): ObjectValue => ObjectValue.fromEntries(Object.entries(entries));
const title = callTitle;

const call = builtinCaller(builtins, ctx);

describe('aggregates', () => {
  const cases: [string, Value[], string | undefined][] = [
    ['count', [[1, 2, 3, 4]], '4'],
    ['count', [obj({ a: 1, b: 2 })], '2'],
    ['count', [set(1, 2, 3)], '3'],
    ['count', ['héllo😀'], '6'],
    ['count', [''], '0'],
    ['sum', [set(1, 2, 3, 4)], '10'],
    ['sum', [[]], '0'],
    ['sum', [[n('18446744073709551617'), 1]], '18446744073709551618'],
    ['sum', [set(n('9223372036854775807'), 1, 2)], '9223372036854775810'],
    ['sum', [[n('-9223372036854775808'), -1]], '-9223372036854775809'],
    ['sum', [[n('9007199254740991'), 1]], '9007199254740992'],
    ['sum', [[1.5, 2.5]], '4'],
    ['sum', [[1, 2.5]], '3.5'],
    ['product', [[2, 3, 4]], '24'],
    ['product', [[]], '1'],
    ['product', [[n('18446744073709551617'), 2]], '36893488147419103234'],
    ['product', [[1.5, 2]], '3'],
    ['product', [set(0, -1)], '0'],
    ['max', [[1, 2, 3, 4]], '4'],
    ['max', [[1, 'a', null]], '"a"'],
    ['max', [set(3, 1)], '3'],
    ['max', [[]], undefined],
    ['max', [set()], undefined],
    ['min', [[3, 2, 1, 4, 6, -7, 10]], '-7'],
    ['min', [[1, 'a', null]], 'null'],
    ['min', [[]], undefined],
    ['sort', [[4, 3, 2, 1]], '[1, 2, 3, 4]'],
    ['sort', [set('b', 1, null)], '[null, 1, "b"]'],
    ['sort', [[[2], [1, 5], 'x']], '["x", [1, 5], [2]]'],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, want) => {
    const got = call(name, ...args);
    expect(got === undefined ? undefined : toRegoString(got)).toBe(want);
  });

  const errors: [string, Value[], string][] = [
    ['count', [1], 'operand 1 must be one of {array, object, set, string} but got number'],
    ['sum', ['abc'], 'operand 1 must be one of {set, array} but got string'],
    ['sum', [[1, 'a']], 'operand 1 must be array of numbers but got array containing string'],
    ['product', [set(1, null)], 'operand 1 must be set of numbers but got set containing null'],
    ['max', [obj({})], 'operand 1 must be one of {set, array} but got object'],
    ['min', [null], 'operand 1 must be one of {set, array} but got null'],
    ['sort', [obj({ a: 1 })], 'operand 1 must be one of {set, array} but got object'],
  ];
  it.each(errors.map((c) => [title(c[0], c[1]), ...c] as const))('%s throws', (_t, name, args, message) => {
    expect(() => call(name, ...args)).toThrow(OperandError);
    expect(() => call(name, ...args)).toThrow(message);
  });

  it('does not mutate the array it sorts', () => {
    const input = [3, 1, 2];
    call('sort', input);
    expect(input).toEqual([3, 1, 2]);
  });
});
