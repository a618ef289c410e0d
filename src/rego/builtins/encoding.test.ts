import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, fromJSON, toRegoString } from '../value.js';
import { BuiltinError, OperandError } from './builtin.js';
import { builtins } from './encoding.js';
import { builtinCaller, testContext } from './test-support.js';

const ctx = testContext();

const call = builtinCaller(builtins, ctx);

describe('results', () => {
  it.each<[string, Value, Value]>([
    ['base64.encode', 'there', 'dGhlcmU='],
    ['base64.encode', 'subjects?_d', 'c3ViamVjdHM/X2Q='],
    ['base64.encode', 'é', 'w6k='],
    ['base64.decode', 'c3ViamVjdHM/X2Q=', 'subjects?_d'],
    ['base64.decode', 'aGVs\nbG8=', 'hello'],
    ['base64.decode', '', ''],
    ['base64.is_valid', 'aGVsbG8=', true],
    ['base64.is_valid', 'aGVsbG8', false],
    ['base64.is_valid', 'aGVsbG8=x', false],
    ['base64.is_valid', 1, false],
    ['base64url.encode', 'hello', 'aGVsbG8='],
    ['base64url.encode', 'subjects?_d', 'c3ViamVjdHM_X2Q='],
    ['base64url.encode_no_pad', 'hello', 'aGVsbG8'],
    ['base64url.encode_no_pad', 'there', 'dGhlcmU'],
    ['base64url.decode', 'aGVsbG8=', 'hello'],
    ['base64url.decode', 'aGVsbG8', 'hello'],
    ['base64url.decode', 'c3ViamVjdHM_X2Q', 'subjects?_d'],
    ['hex.encode', 'hello', '68656c6c6f'],
    ['hex.decode', '68656C6c6f', 'hello'],
    ['urlquery.encode', 'a=b+1', 'a%3Db%2B1'],
    ['urlquery.encode', 'a b~c/é', 'a+b~c%2F%C3%A9'],
    ['urlquery.encode', '', ''],
    ['urlquery.decode', 'a%3Db%2B1+c', 'a=b+1 c'],
    ['urlquery.decode', '%C3%A9', 'é'],
  ])('%s(%j) = %j', (name, input, expected) => {
    expect(call(name, input)).toBe(expected);
  });
});

describe('errors', () => {
  it.each<[string, string, string]>([
    ['base64.decode', 'aGVsbG8', 'illegal base64 data at input byte 4'],
    ['base64.decode', 'a$', 'illegal base64 data at input byte 1'],
    ['base64.decode', 'aGVsbG8=x', 'illegal base64 data at input byte 8'],
    ['base64.decode', 'aG=', 'illegal base64 data at input byte 3'],
    ['base64.decode', 'a===', 'illegal base64 data at input byte 1'],
    ['base64url.decode', 'aGVsb', 'illegal base64url string: aGVsb'],
    ['hex.decode', 'fghijkl', "encoding/hex: invalid byte: U+0067 'g'"],
    ['hex.decode', 'abc', 'encoding/hex: odd length hex string'],
    ['hex.decode', 'ab\n', 'encoding/hex: invalid byte: U+000A'],
    ['urlquery.decode', '%zz', 'invalid URL escape "%zz"'],
    ['urlquery.decode', 'abc%4', 'invalid URL escape "%4"'],
  ])('%s(%j)', (name, input, message) => {
    expect(() => call(name, input)).toThrow(new BuiltinError(message));
  });

  it('wrong operand type', () => {
    expect(() => call('base64.encode', 1)).toThrow(new OperandError('operand 1 must be string but got number'));
  });
});

describe('urlquery objects', () => {
  it.each<[Value, string]>([
    [fromJSON({ a: 'b', c: 'd' }), 'a=b&c=d'],
    [fromJSON({ a: ['b+1', 'c+2'] }), 'a=b%2B1&a=c%2B2'],
    [ObjectValue.fromEntries([['a', SetValue.of(['b+1'])]]), 'a=b%2B1'],
    [fromJSON({ 'z z': 'x', a: [] }), 'z+z=x'],
  ])('encode_object(%j)', (input, expected) => {
    expect(call('urlquery.encode_object', input)).toBe(expected);
  });

  it('encode_object rejects other values', () => {
    expect(() => call('urlquery.encode_object', fromJSON({ a: 1 }))).toThrow(
      new OperandError('operand 1 values must be string, array[string], or set[string]'),
    );
  });

  it.each<[string, string]>([
    ['a=value_a1&b=value_b&a=value_a2', '{"a": ["value_a1", "value_a2"], "b": ["value_b"]}'],
    ['a=value_a1&b', '{"a": ["value_a1"], "b": [""]}'],
    ['', '{}'],
    ['x+y=%20z&&', '{"x y": [" z"]}'],
  ])('decode_object(%j)', (input, expected) => {
    expect(toRegoString(call('urlquery.decode_object', input)!)).toBe(expected);
  });

  it.each<[string, string]>([
    ['a=1;b=2', 'invalid semicolon separator in query'],
    ['a=%zz&b=1', 'invalid URL escape "%zz"'],
  ])('decode_object(%j) fails', (input, message) => {
    expect(() => call('urlquery.decode_object', input)).toThrow(new BuiltinError(message));
  });
});
