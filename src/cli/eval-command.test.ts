import { describe, expect, it } from 'vitest';
import type { Bindings, EvalOptions, Policy } from '../rego/index.js';
import type { Value } from '../rego/value.js';
import { ObjectValue, SetValue, fromJSON } from '../rego/value.js';
import { evalOutputJSON, evalOutputPretty, evaluateQuery, isValueQuery, jsonText } from './eval-command.js';

describe('isValueQuery', () => {
  it.each([
    ['data.demo.deny', true],
    ['  data  ', true],
    ['input.resource_changes[0].type', true],
    ['[1, {"a": data.x}]', true],
    ['[x | x := input.a[_]]', true],
    ['data.demo.deny[x]', false],
    ['data.demo.deny[_]', false],
    ['x := data.demo', false],
    ['count(data.x)', false],
    ['data.a; data.b', false],
    ['data.a[', false],
  ])('%j → %s', (query, expected) => expect(isValueQuery(query)).toBe(expected));
});

function fakePolicy(): Policy & { evaluated: string[]; queried: { query: string; options?: EvalOptions }[] } {
  const evaluated: string[] = [];
  const queried: { query: string; options?: EvalOptions }[] = [];
  return {
    evaluated,
    queried,
    modules: [],
    evaluate(path) {
      evaluated.push(path);
      return path === 'data.demo.deny' ? SetValue.of(['b', 'a']) : undefined;
    },
    query(query, options): Bindings[] {
      queried.push({ query, options });
      return [new Map<string, Value>([['x', 1]])];
    },
    tests: () => [],
    evaluateAll: () => [],
  };
}

describe('evaluateQuery', () => {
  const input = fromJSON({ a: { b: [1, 2] } });

  it('evaluates a value query as a document', () => {
    const policy = fakePolicy();
    expect(evaluateQuery(policy, { query: 'data.demo.deny', strictBuiltinErrors: false }, undefined, new ObjectValue())).toEqual({
      kind: 'expression',
      value: SetValue.of(['a', 'b']),
    });
    expect(evaluateQuery(policy, { query: 'input.nope', strictBuiltinErrors: false }, input, new ObjectValue())).toEqual({
      kind: 'expression',
      value: undefined,
    });
    expect(policy.evaluated).toEqual(['data.demo.deny', 'input.nope']);
  });

  it('runs any other query for its bindings, passing options through', () => {
    const policy = fakePolicy();
    const data = new ObjectValue();
    const result = evaluateQuery(policy, { query: 'x := 1', strictBuiltinErrors: true }, input, data);
    expect(result.kind).toBe('bindings');
    expect(policy.queried[0].options).toEqual({ input, data, strictBuiltinErrors: true });
  });
});

describe('output', () => {
  const deny = { kind: 'expression' as const, value: SetValue.of(['b', 'a']) };

  it('prints an expression like opa eval', () => {
    expect(evalOutputJSON(deny, 'data.demo.deny')).toEqual({
      result: [{ expressions: [{ value: ['a', 'b'], text: 'data.demo.deny', location: { row: 1, col: 1 } }] }],
    });
    expect(evalOutputJSON({ kind: 'expression', value: undefined }, 'data.x')).toEqual({});
  });

  it('prints bindings, and {} when undefined', () => {
    const rows = [new Map<string, Value>([['x', SetValue.of([1])]])];
    expect(evalOutputJSON({ kind: 'bindings', rows }, 'x := {1}')).toEqual({ result: [{ bindings: { x: [1] } }] });
    expect(evalOutputJSON({ kind: 'bindings', rows: [] }, 'false')).toEqual({});
  });

  it('keeps big integers exact in JSON', () => {
    expect(jsonText({ n: 10n ** 30n, m: [1.5] })).toBe('{"n":1000000000000000000000000000000,"m":[1.5]}');
  });

  it('renders pretty output', () => {
    expect(evalOutputPretty(deny)).toBe('[\n  "a",\n  "b"\n]');
    expect(evalOutputPretty({ kind: 'expression', value: undefined })).toBe('undefined');
    expect(evalOutputPretty({ kind: 'bindings', rows: [new Map<string, Value>()] })).toBe('true');
    const rows = [new Map<string, Value>([['x', 1], ['name', 'web']]), new Map<string, Value>([['x', 22], ['name', 'db']])];
    expect(evalOutputPretty({ kind: 'bindings', rows })).toBe(
      ['+----+-------+', '| x  | name  |', '+----+-------+', '| 1  | "web" |', '| 22 | "db"  |', '+----+-------+'].join('\n'),
    );
  });
});
