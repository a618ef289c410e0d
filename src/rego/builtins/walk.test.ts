import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { SetValue, fromJSON, toRegoString } from '../value.js';
import { builtins, walkValue } from './walk.js';

describe('walk', () => {
  it.each<[string, Value, string]>([
    ['scalar', 1, '[[[], 1]]'],
    ['array', [1, 2], '[[[], [1, 2]], [[0], 1], [[1], 2]]'],
    ['object keys sorted', fromJSON({ v2: 'goodbye', v1: 'hello' }), '[[[], {"v1": "hello", "v2": "goodbye"}], [["v1"], "hello"], [["v2"], "goodbye"]]'],
    [
      'set elements are their own keys',
      SetValue.of([SetValue.of([1, 2])]),
      '[[[], {{1, 2}}], [[{1, 2}], {1, 2}], [[{1, 2}, 1], 1], [[{1, 2}, 2], 2]]',
    ],
    ['pre-order, depth first', fromJSON({ a: [{ b: 1 }], c: 2 }), '[[[], {"a": [{"b": 1}], "c": 2}], [["a"], [{"b": 1}]], [["a", 0], {"b": 1}], [["a", 0, "b"], 1], [["c"], 2]]'],
  ])('%s', (_name, input, expected) => {
    expect(toRegoString(walkValue(input))).toBe(expected);
  });

  it('is a relation of arity 1', () => {
    const def = builtins.find((b) => b.name === 'walk');
    expect(def?.relation).toBe(true);
    expect(def?.arity).toBe(1);
  });

  it('handles deep documents without recursion', () => {
    let deep: Value = 0;
    for (let i = 0; i < 3000; i++) deep = [deep];
    expect(walkValue(deep)).toHaveLength(3001);
  });
});
