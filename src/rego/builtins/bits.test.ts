import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { parseNumber, toRegoString } from '../value.js';
import { BuiltinError, OperandError } from './builtin.js';
import { builtins } from './bits.js';
import { builtinCaller, callTitle, testContext } from './test-support.js';

const ctx = testContext();
const n = (text: string): Value => parseNumber(text)!;
const title = callTitle;

const call = builtinCaller(builtins, ctx);

describe('bits', () => {
  const cases: [string, Value[], string][] = [
    ['bits.or', [12, 10], '14'],
    ['bits.and', [50, 0], '0'],
    ['bits.and', [12, 10], '8'],
    ['bits.and', [-1, 255], '255'],
    ['bits.xor', [42, 3], '41'],
    ['bits.negate', [0], '-1'],
    ['bits.negate', [-43], '42'],
    ['bits.lsh', [2147483647, 1], '4294967294'],
    ['bits.lsh', [n('9223372036854775807'), 1], '18446744073709551614'],
    ['bits.rsh', [n('18446744073709551614'), 1], '9223372036854775807'],
    ['bits.rsh', [-5, 1], '-3'],
    ['bits.rsh', [1, n('1000000000000')], '0'],
    ['bits.or', [n('18446744073709551616'), 1], '18446744073709551617'],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, want) => {
    expect(toRegoString(call(name, ...args)!)).toBe(want);
  });

  it('returns safe results as plain numbers', () => {
    expect(call('bits.rsh', n('18446744073709551616'), 20)).toBe(17592186044416);
  });

  const errors: [string, Value[], typeof OperandError | typeof BuiltinError, string][] = [
    ['bits.and', [7.2, 42], OperandError, 'operand 1 must be integer number but got floating-point number'],
    ['bits.or', [7, 4.2], OperandError, 'operand 2 must be integer number but got floating-point number'],
    ['bits.xor', ['a', 1], OperandError, 'operand 1 must be integer but got string'],
    ['bits.negate', [null], OperandError, 'operand 1 must be integer but got null'],
    ['bits.lsh', [1, -1], OperandError, 'operand 2 must be an unsigned integer number but got a negative integer'],
    ['bits.rsh', [1, -1], OperandError, 'operand 2 must be an unsigned integer number but got a negative integer'],
    ['bits.lsh', [1, n('10000000000000')], BuiltinError, 'result too large'],
  ];
  it.each(errors.map((c) => [title(c[0], c[1]), ...c] as const))('%s throws', (_t, name, args, type, message) => {
    expect(() => call(name, ...args)).toThrow(type);
    expect(() => call(name, ...args)).toThrow(message);
  });
});
