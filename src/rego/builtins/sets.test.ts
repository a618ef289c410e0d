import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { SetValue, toRegoString } from '../value.js';
import { OperandError } from './builtin.js';
import { builtins } from './sets.js';
import { builtinCaller, callTitle, testContext } from './test-support.js';

const ctx = testContext();
const set = (...xs: Value[]): SetValue => SetValue.of(xs);
const title = callTitle;

const call = builtinCaller(builtins, ctx);

describe('sets', () => {
  const cases: [string, Value[], string][] = [
    ['and', [set(1, 2, 3), set(2, 3, 4)], '{2, 3}'],
    ['and', [set(1), set(2)], 'set()'],
    ['or', [set(3, 2), set(3, 4)], '{2, 3, 4}'],
    ['or', [set(), set()], 'set()'],
    ['intersection', [set()], 'set()'],
    ['intersection', [set(set(), set(1, 2))], 'set()'],
    ['intersection', [set(set(1, 2, 3), set(2, 3, 4), set(4, 5, 6))], 'set()'],
    ['intersection', [set(set('a', 'b', 'c', 'd'), set('b', 'c', 'd'), set('c', 'd'), set('d'))], '{"d"}'],
    ['intersection', [set(set(1, [2]))], '{1, [2]}'],
    ['union', [set()], 'set()'],
    ['union', [set(set(1, 2), set(2, 3), set())], '{1, 2, 3}'],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, want) => {
    expect(toRegoString(call(name, ...args)!)).toBe(want);
  });

  const errors: [string, Value[], string][] = [
    ['and', [[1], set()], 'operand 1 must be set but got array'],
    ['and', [set(), 1], 'operand 2 must be set but got number'],
    ['or', [set(), 'x'], 'operand 2 must be set but got string'],
    ['intersection', [[set()]], 'operand 1 must be set but got array'],
    ['intersection', [set(set(1), 1)], 'operand 1 must be set but got number'],
    ['union', [set([1])], 'operand 1 must be set but got array'],
  ];
  it.each(errors.map((c) => [title(c[0], c[1]), ...c] as const))('%s throws', (_t, name, args, message) => {
    expect(() => call(name, ...args)).toThrow(OperandError);
    expect(() => call(name, ...args)).toThrow(message);
  });
});
