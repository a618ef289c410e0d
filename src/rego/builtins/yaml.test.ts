import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, toRegoString } from '../value.js';
import { BuiltinError } from './builtin.js';
import { builtins } from './yaml.js';
import { builtinCaller, testContext } from './test-support.js';

const ctx = testContext();

const call = builtinCaller(builtins, ctx);

describe('yaml.is_valid', () => {
  it.each<[Value, boolean]>([
    ['foo:\n   - qux: bar\n   - baz: 2', true],
    ['foo:\n   - qux: bar\n   - baz: {', false],
    ['{"json": "ok"}', true],
    ['  test:\ntest1: hello\n', false],
    ['a: 1\n---\n\tb: 2\n', false],
    ['a: 1\n---\nb: 2\n', true],
    ['a: 1\na: 2\n', false],
    [1, false],
  ])('%j → %s', (text, expected) => {
    expect(call('yaml.is_valid', text)).toBe(expected);
  });
});

describe('yaml.unmarshal', () => {
  it.each<[string, string]>([
    ['foo:\n- qux: bar\n- baz: 2\n', '{"foo": [{"qux": "bar"}, {"baz": 2}]}'],
    ['a: 123456789012345678901234567890\nb: 1.5\n', '{"a": 123456789012345678901234567890, "b": 1.5}'],
    ['1: one\ntrue: yes\nnull: x\n', '{"1": "one", "null": "x", "true": "yes"}'],
    ['a: &x [1, 2]\nb: *x\n', '{"a": [1, 2], "b": [1, 2]}'],
    ['', 'null'],
    ['a: 1\n---\nb: 2\n', '{"a": 1}'],
  ])('%j', (text, expected) => {
    expect(toRegoString(call('yaml.unmarshal', text)!)).toBe(expected);
  });

  it('reports syntax errors with their line', () => {
    expect(() => call('yaml.unmarshal', 'a: 1\na: 2')).toThrow(new BuiltinError('yaml: line 2: Map keys must be unique'));
  });

  it('rejects values JSON cannot hold', () => {
    expect(() => call('yaml.unmarshal', 'a: .inf')).toThrow(BuiltinError);
  });
});

describe('yaml.marshal', () => {
  it.each<[string, Value, string]>([
    ['sets as sequences, flush under their key', [ObjectValue.fromEntries([['foo', SetValue.of([3, 1, 2])]])], '- foo:\n  - 1\n  - 2\n  - 3\n'],
    ['keys sorted', ObjectValue.fromEntries([['b', 1], ['a', 'x']]), 'a: x\nb: 1\n'],
    ['strings that look like other types are quoted', ObjectValue.fromEntries([['a', 'true'], ['b', '12']]), 'a: "true"\nb: "12"\n'],
    ['__proto__ is an ordinary key', ObjectValue.fromEntries([['__proto__', 1]]), '__proto__: 1\n'],
  ])('%s', (_name, value, expected) => {
    expect(call('yaml.marshal', value)).toBe(expected);
  });

  it('round-trips', () => {
    const value = ObjectValue.fromEntries([['foo', [1, 'two', null, true, ObjectValue.fromEntries([['x', 1.5]])]]]);
    const text = call('yaml.marshal', value) as string;
    expect(toRegoString(call('yaml.unmarshal', text)!)).toBe(toRegoString(value));
  });
});
