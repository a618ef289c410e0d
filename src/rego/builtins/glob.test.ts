import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { toRegoString } from '../value.js';
import type { BuiltinContext } from './builtin.js';
import { BuiltinError, OperandError } from './builtin.js';
import { builtins } from './glob.js';

const ctx: BuiltinContext = { nowNs: 0n, cache: new Map(), print: () => undefined };
const title = (args: Value[]): string => args.map(toRegoString).join(', ');
const match = (pattern: Value, delimiters: Value, value: Value): Value | undefined =>
  builtins.find((b) => b.name === 'glob.match')!.fn([pattern, delimiters, value], ctx);

describe('glob.match', () => {
  const cases: [string, Value, string, boolean][] = [
    ['*:github:com', [':'], 'api:github:com', true],
    ['*.github.com', ['.'], 'api.not-github.com', false],
    ['*.github.com', [], 'api.github.com', true],
    ['*.github.com', [], 'api.cdn.github.com', false],
    ['**.github.com', [], 'api.cdn.github.com', true],
    ['[abc]at', [], 'fat', false],
    ['[abc]at', [], 'bat', true],
    ['[!a-c]at', [], 'bat', false],
    ['[!a-c]at', [], 'fat', true],
    ['[a-c]at', [], 'cat', true],
    ['[!abc]', [], '.', true],
    ['?at', ['f'], 'fat', false],
    ['?at', [], 'fat', true],
    ['{cat,bat,[fr]at}', [], 'bat', true],
    ['{cat,bat,[fr]at}', [], 'rat', true],
    ['{cat,bat,[fr]at}', [], 'at', false],
    ['{a,{b,c}d}', [], 'cd', true],
    ['{a,b', [], 'b', true],
    ['a,b}', [], 'a,b}', true],
    ['*', [], 'foo.bar', false],
    ['*', null, 'foo.bar', true],
    ['foo*', null, 'foo.bar', true],
    ['?', null, '', false],
    ['?', null, '😀', true],
    ['[!0-9]', null, '', false],
    ['a/*/b', null, 'a/b', false],
    ['a/*/b', null, 'a/x/b', true],
    ['a/**/b', null, 'a/b', false],
    ['a/**/b', null, 'a//b', true],
    ['**/x', null, 'x', false],
    ['{**/,}x', null, 'x', true],
    ['***', ['.'], '', true],
    ['*?*', ['.', '/'], 'api.github.com', false],
    ['*?*', ['.', '/'], 'abc', true],
    ['*', ['.', '/'], 'a/b', false],
    ['\\*', null, '*', true],
    ['\\*', null, 'a', false],
    ['a\\{b\\}', null, 'a{b}', true],
    ['[\\]]', null, ']', true],
    ['*', null, 'line\nbreak', true],
    ['a.b', null, 'aXb', false],
    ['(a|b)+', null, '(a|b)+', true],
    ['', null, '', true],
  ];
  it.each(cases.map((c) => [title(c), ...c] as const))('glob.match(%s)', (_t, pattern, delimiters, value, want) => {
    expect(match(pattern, delimiters, value)).toBe(want);
  });

  const errors: [Value[], typeof OperandError | typeof BuiltinError, string][] = [
    [['[abc', null, 'a'], BuiltinError, 'unexpected end of input'],
    [['[a-', null, 'a'], BuiltinError, 'unexpected end of input'],
    [['[a-cd]', null, 'a'], BuiltinError, 'expected close range character'],
    [['[]', null, 'a'], BuiltinError, 'could not parse range'],
    [['[z-a]', null, 'a'], BuiltinError, "hi character 'a' should be greater than lo 'z'"],
    [[1, null, 'a'], OperandError, 'operand 1 must be string but got number'],
    [['*', 'x', 'a'], OperandError, 'operand 2 must be one of {array, null} but got string'],
    [['*', [1], 'a'], OperandError, 'operand 2 must be array of strings but got array containing number'],
    [['*', ['ab'], 'a'], OperandError, 'operand 2 must be array of runes but got array containing string'],
    [['*', null, 1], OperandError, 'operand 3 must be string but got number'],
  ];
  it.each(errors.map((c) => [title(c[0]), ...c] as const))('glob.match(%s) fails', (_t, args, errorClass, message) => {
    expect(() => match(args[0], args[1], args[2])).toThrow(new errorClass(message));
    expect(() => match(args[0], args[1], args[2])).toThrow(errorClass);
  });
});

describe('glob.quote_meta', () => {
  const quote = (s: Value): Value | undefined => builtins.find((b) => b.name === 'glob.quote_meta')!.fn([s], ctx);
  it.each([
    ['*.github.com', '\\*.github.com'],
    ['[a]{b,c}?\\', '\\[a\\]\\{b,c\\}\\?\\\\'],
    ['plain', 'plain'],
  ])('%j', (input, want) => {
    expect(quote(input)).toBe(want);
    expect(match(want, null, input)).toBe(true);
  });
});
