import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, toRegoString } from '../value.js';
import type { BuiltinContext } from './builtin.js';
import { builtins } from './typecheck.js';

const ctx: BuiltinContext = { nowNs: 0n, cache: new Map(), print: () => undefined };

function call(name: string, arg: Value): Value | undefined {
  const def = builtins.find((b) => b.name === name)!;
  expect(def.arity).toBe(1);
  return def.fn([arg], ctx);
}

const samples: [Value, string][] = [
  [null, 'null'],
  [false, 'boolean'],
  [1.5, 'number'],
  [2n ** 70n, 'number'],
  ['Hello', 'string'],
  [[1, 2], 'array'],
  [SetValue.of([1]), 'set'],
  [ObjectValue.fromEntries([['a', 1]]), 'object'],
];

describe('type predicates', () => {
  const predicates = ['null', 'boolean', 'number', 'string', 'array', 'set', 'object'];
  const cases = samples.flatMap(([value, type]) =>
    predicates.map((p) => [`is_${p}(${toRegoString(value)})`, `is_${p}`, value, p === type] as const),
  );
  it.each(cases)('%s', (_t, name, value, want) => {
    expect(call(name, value)).toBe(want);
  });
});

describe('type_name', () => {
  it.each(samples.map(([v, t]) => [toRegoString(v), v, t] as const))('type_name(%s)', (_t, value, want) => {
    expect(call('type_name', value)).toBe(want);
  });
});
