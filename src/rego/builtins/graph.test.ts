import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, fromJSON, toRegoString } from '../value.js';
import { OperandError } from './builtin.js';
import { builtins } from './graph.js';
import { builtinCaller, testContext } from './test-support.js';

const ctx = testContext();

const call = builtinCaller(builtins, ctx);

const show = (v: Value | undefined): string => (v === undefined ? 'undefined' : toRegoString(v));
const sets = (x: Record<string, string[]>): ObjectValue => ObjectValue.fromEntries(Object.entries(x).map(([k, v]) => [k, SetValue.of(v)]));

describe('graph.reachable', () => {
  it.each<[string, Value, Value, string[]]>([
    ['cycle', fromJSON({ a: ['b'], b: ['c'], c: ['a'] }), ['a'], ['a', 'b', 'c']],
    ['null edges', fromJSON({ a: null }), ['a'], ['a']],
    ['unknown start', fromJSON({ a: ['b'] }), ['z'], []],
    ['neighbour missing from the graph', fromJSON({ a: ['b'] }), SetValue.of(['a']), ['a']],
  ])('%s', (_name, graph, initial, expected) => {
    expect(show(call('graph.reachable', graph, initial))).toBe(show(SetValue.of(expected)));
  });

  it('needs an array or set of start nodes', () => {
    expect(() => call('graph.reachable', fromJSON({ a: [] }), 'a')).toThrow(
      new OperandError('operand 2 must be {array, set} but got string'),
    );
  });
});

describe('graph.reachable_paths', () => {
  it.each<[string, Value, Value, string[][]]>([
    ['empty', fromJSON({}), SetValue.of(['a']), []],
    ['cycle', sets({ a: ['b'], b: ['c'], c: ['a'] }), SetValue.of(['a']), [['a', 'b', 'c']]],
    [
      'components',
      sets({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [], e: ['f'], f: ['e'], x: ['x'] }),
      SetValue.of(['b', 'e']),
      [['b', 'd'], ['e', 'f']],
    ],
    ['null edges', fromJSON({ a: null }), ['a'], [['a']]],
    ['multiple paths', fromJSON({ a: ['b', 'c'], b: ['c'], c: [] }), SetValue.of(['a']), [['a', 'b', 'c'], ['a', 'c']]],
    [
      'shared ancestor',
      fromJSON({ 1: [], 2: ['1'], 3: ['2'], 4: ['3', '2'], 5: ['4'] }),
      ['5'],
      [['5', '4', '2', '1'], ['5', '4', '3', '2', '1']],
    ],
    ['invalid end', fromJSON({ a: ['b'], b: ['nonexistent'] }), SetValue.of(['a', 'b']), [['a', 'b'], ['b']]],
    [
      'cycle 1022',
      fromJSON({ one: ['two', 'five'], two: ['four'], three: [''], four: ['three'], five: ['seven', 'six'], six: ['nine', 'seven'], seven: ['eight'], eight: ['three'], nine: [''] }),
      SetValue.of(['one']),
      [
        ['one', 'five', 'seven', 'eight', 'three'],
        ['one', 'five', 'six', 'nine'],
        ['one', 'five', 'six', 'seven', 'eight', 'three'],
        ['one', 'two', 'four', 'three'],
      ],
    ],
  ])('%s', (_name, graph, initial, expected) => {
    expect(show(call('graph.reachable_paths', graph, initial))).toBe(show(SetValue.of(expected)));
  });

  it('needs an object graph', () => {
    expect(() => call('graph.reachable_paths', 1, [1])).toThrow(new OperandError('operand 1 must be object but got number'));
  });
});
