import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from './builtin.js';
import { BuiltinError, OperandError } from './builtin.js';
import type { Value } from '../value.js';
import { builtins } from './semver.js';

const context: BuiltinContext = { nowNs: 0n, cache: new Map(), print: () => undefined };

function call(name: string, ...args: Value[]): Value | undefined {
  const def = builtins.find((b) => b.name === name)!;
  return def.fn(args, context);
}

describe('semver.is_valid', () => {
  it.each<[Value, boolean]>([
    ['1.0.0', true],
    ['0.0.0', true],
    ['1.2.3-alpha.1', true],
    ['1.2.3-0', true],
    ['1.2.3-0a', true],
    ['1.2.3-alpha-beta.x-y', true],
    ['1.2.3+01', true],
    ['1.2.3-rc.1+build.5', true],
    ['99999999999999999999.0.0', true],
    ['01.2.3', false],
    ['1.02.3', false],
    ['1.2.03', false],
    ['1.2.3-01', false],
    ['1.2.3-alpha.01', false],
    ['1.2.3-', false],
    ['1.2.3+', false],
    ['1.2.3-a..b', false],
    ['1.2.3+a_b', false],
    ['1.2', false],
    ['1.2.3.4', false],
    ['v1.2.3', false],
    [' 1.2.3', false],
    ['', false],
    [1, false],
    [null, false],
  ])('%s → %s', (version, want) => {
    expect(call('semver.is_valid', version)).toBe(want);
  });
});

describe('semver.compare', () => {
  it.each<[string, string, number]>([
    ['1.0.0', '2.0.0', -1],
    ['2.0.0', '1.0.0', 1],
    ['1.2.3', '1.2.3', 0],
    ['1.10.0', '1.9.0', 1],
    ['1.2.10', '1.2.9', 1],
    ['1.2.3-0', '1.2.3-1', -1],
    ['1.2.3+01', '1.2.3+2', 0],
    ['1.0.0-alpha', '1.0.0', -1],
    ['1.0.0', '1.0.0-alpha', 1],
    // The precedence chain from the SemVer specification, item 11.
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-alpha.beta', '1.0.0-beta', -1],
    ['1.0.0-beta', '1.0.0-beta.2', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0-beta.11', '1.0.0-rc.1', -1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-rc.1', '1.0.0-RC.1', 1], // ASCII order: lower case sorts after upper case
    ['18446744073709551616.0.0', '18446744073709551615.0.0', 1],
  ])('%s vs %s → %d', (a, b, want) => {
    expect(call('semver.compare', a, b)).toBe(want);
  });

  it.each<[Value, Value, Error]>([
    ['1', '1.0.0', new BuiltinError('operand 1: string "1" is not a valid SemVer')],
    ['1.02.3', '1.2.3', new BuiltinError('operand 1: string "1.02.3" is not a valid SemVer')],
    ['1.2.3', '1.2.3-01', new BuiltinError('operand 2: string "1.2.3-01" is not a valid SemVer')],
    ['1.2.3-', '1.2.3', new BuiltinError('operand 1: string "1.2.3-" is not a valid SemVer')],
    ['a"\n', '1.2.3', new BuiltinError('operand 1: string "a\\"\\n" is not a valid SemVer')],
    [1, '1.2.3', new OperandError('operand 1 must be string but got number')],
    ['x', [], new OperandError('operand 2 must be string but got array')],
  ])('%s vs %s fails', (a, b, error) => {
    expect(() => call('semver.compare', a, b)).toThrow(error);
  });
});
