import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, parseNumber, toRegoString } from '../value.js';
import type { BuiltinContext } from './builtin.js';
import { builtins } from './comparison.js';

const ctx: BuiltinContext = { nowNs: 0n, cache: new Map(), print: () => undefined };

function call(name: string, a: Value, b: Value): Value | undefined {
  const def = builtins.find((x) => x.name === name)!;
  expect(def.arity).toBe(2);
  return def.fn([a, b], ctx);
}

/** Pairs with their expected order: -1 when a < b, 0 when equal, 1 when a > b. */
const pairs: [Value, Value, -1 | 0 | 1][] = [
  [1, 1, 0],
  [1, 2, -1],
  [2.5, 2, 1],
  [parseNumber('28857836529306024611913')!, parseNumber('28857836529306024611912')!, 1],
  [2n ** 70n, 2 ** 70, 0],
  [parseNumber('1e30')!, 1e30, -1], // the double nearest 1e30 is slightly above it
  [null, false, -1],
  [true, 0, -1],
  [9, 'a', -1],
  ['b', 'a', 1],
  ['a', [], -1],
  [[1, 2], [1, 3], -1],
  [[1, 2], [1], 1],
  [[], ObjectValue.fromEntries([]), -1],
  [ObjectValue.fromEntries([['a', 1]]), ObjectValue.fromEntries([['a', 1]]), 0],
  [ObjectValue.fromEntries([['a', 1]]), SetValue.of([]), -1],
  [SetValue.of([1, 2]), SetValue.of([2, 1]), 0],
];

const operators: [string, (order: number) => boolean][] = [
  ['equal', (c) => c === 0],
  ['neq', (c) => c !== 0],
  ['lt', (c) => c < 0],
  ['lte', (c) => c <= 0],
  ['gt', (c) => c > 0],
  ['gte', (c) => c >= 0],
];

describe('comparison', () => {
  const cases = pairs.flatMap(([a, b, order]) =>
    operators.map(([name, holds]) => [`${name}(${toRegoString(a)}, ${toRegoString(b)})`, name, a, b, holds(order)] as const),
  );
  it.each(cases)('%s', (_t, name, a, b, want) => {
    expect(call(name, a, b)).toBe(want);
  });
});
