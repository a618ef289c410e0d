import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { SetValue, parseNumber, toRegoString } from '../value.js';
import { BuiltinError, OperandError } from './builtin.js';
import { builtins } from './numbers.js';
import { builtinCaller, callTitle, testContext } from './test-support.js';

const ctx = testContext();

const call = builtinCaller(builtins, ctx);

/** Exact number literal, as the parser would produce it. */
const n = (text: string): Value => parseNumber(text)!;
const set = (...xs: Value[]): SetValue => SetValue.of(xs);
/** A readable test title (`%j` cannot print bigints). */
const title = callTitle;

describe('arithmetic results', () => {
  const cases: [string, Value[], string][] = [
    ['plus', [1, 2], '3'],
    ['plus', [2147483647, 1], '2147483648'],
    ['plus', [n('9223372036854775807'), 1], '9223372036854775808'],
    ['plus', [n('1e30'), 1], '1000000000000000000000000000001'],
    ['plus', [n('10.00'), 5], '15'],
    ['plus', [0.5, 0.25], '0.75'],
    ['plus', [n('9007199254740991'), 1], '9007199254740992'],
    ['minus', [-2147483648, 1], '-2147483649'],
    ['minus', [n('9007199254740993'), 2], '9007199254740991'],
    ['minus', [1.5, 0.5], '1'],
    ['minus', [set(1, 2, 'c'), set('c', 1)], '{2}'],
    ['minus', [set(1), set(1)], 'set()'],
    ['mul', [2147483647, 2147483647], '4611686014132420609'],
    ['mul', [-2147483648, -2147483648], '4611686018427387904'],
    ['mul', [n('18446744073709551617'), 2], '36893488147419103234'],
    ['mul', [1.5, 2], '3'],
    ['mul', [0, -5], '0'],
    ['div', [6, 3], '2'],
    ['div', [-6, 3], '-2'],
    ['div', [1, 4], '0.25'],
    ['div', [0, 5], '0'],
    ['div', [0, -5], '0'],
    ['div', [n('1e30'), n('1e10')], '100000000000000000000'],
    ['div', [1, 3], String(1 / 3)],
    ['rem', [-17, 5], '-2'],
    ['rem', [17, -5], '2'],
    ['rem', [4, 3], '1'],
    ['rem', [n('10'), n('18446744073709551616')], '10'],
    ['rem', [n('18446744073709551617'), 2], '1'],
    ['abs', [-5], '5'],
    ['abs', [n('-9223372036854775808')], '9223372036854775808'],
    ['abs', [-2.5], '2.5'],
    ['round', [2.5], '3'],
    ['round', [-2.5], '-3'],
    ['round', [2.4], '2'],
    ['round', [-5], '-5'],
    ['round', [0.49999999999999994], '0'],
    ['round', [-0.4], '0'],
    ['ceil', [1.01], '2'],
    ['ceil', [-1.5], '-1'],
    ['ceil', [-0.5], '0'],
    ['floor', [1.5], '1'],
    ['floor', [99.99999], '99'],
    ['floor', [-1.001], '-2'],
    ['floor', [n('100000000000000000000000')], '100000000000000000000000'],
    ['numbers.range', [0, 0], '[0]'],
    ['numbers.range', [-2, 3], '[-2, -1, 0, 1, 2, 3]'],
    ['numbers.range', [2, -3], '[2, 1, 0, -1, -2, -3]'],
    ['numbers.range', [n('9007199254740992'), n('9007199254740993')], '[9007199254740992, 9007199254740993]'],
    ['numbers.range_step', [0, 10, 2], '[0, 2, 4, 6, 8, 10]'],
    ['numbers.range_step', [0, -10, 2], '[0, -2, -4, -6, -8, -10]'],
    ['numbers.range_step', [10, 3, 2], '[10, 8, 6, 4]'],
    ['numbers.range_step', [2, 5, 2], '[2, 4]'],
    ['numbers.range_step', [0, 10, n('99999999999999999999')], '[0]'],
    ['to_number', [null], '0'],
    ['to_number', [true], '1'],
    ['to_number', [false], '0'],
    ['to_number', [4.5], '4.5'],
    ['to_number', ['3'], '3'],
    ['to_number', ['-3.25'], '-3.25'],
    ['to_number', ['+7'], '7'],
    ['to_number', ['007'], '7'],
    ['to_number', ['.5'], '0.5'],
    ['to_number', ['5.'], '5'],
    ['to_number', ['1e3'], '1000'],
    ['to_number', ['-0'], '0'],
    ['to_number', ['123456789012345678901234567890'], '123456789012345678901234567890'],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, want) => {
    expect(toRegoString(call(name, ...args)!)).toBe(want);
  });

  it('keeps safe integers as numbers and big ones as bigint', () => {
    expect(call('plus', n('9007199254740992'), -1)).toBe(9007199254740991);
    expect(call('plus', n('9007199254740991'), 1)).toBe(9007199254740992n);
    expect(call('div', n('1e30'), n('1e10'))).toBe(10n ** 20n);
  });
});

describe('arithmetic errors', () => {
  const cases: [string, Value[], typeof OperandError | typeof BuiltinError, string][] = [
    ['plus', ['a', 1], OperandError, 'operand 1 must be number but got string'],
    ['mul', [1, [1]], OperandError, 'operand 2 must be number but got array'],
    ['minus', [set(1), 1], OperandError, 'operand 2 must be set but got number'],
    ['minus', [1, set(1)], OperandError, 'operand 2 must be number but got set'],
    ['minus', ['a', 1], OperandError, 'operand 1 must be one of {number, set} but got string'],
    ['minus', [set(1), 'a'], OperandError, 'operand 2 must be number but got string'],
    ['div', [1, 0], BuiltinError, 'divide by zero'],
    ['div', [1.5, 0], BuiltinError, 'divide by zero'],
    ['rem', [1, 0], BuiltinError, 'modulo by zero'],
    ['rem', [1.1, 1], BuiltinError, 'modulo on floating-point number'],
    ['rem', [1.1, 0], BuiltinError, 'modulo on floating-point number'],
    ['abs', ['x'], OperandError, 'operand 1 must be number but got string'],
    ['numbers.range', [1.5, 3], OperandError, 'operand 1 must be integer number but got floating-point number'],
    ['numbers.range', [1, 'a'], OperandError, 'operand 2 must be integer but got string'],
    ['numbers.range_step', [0, 10, -2], BuiltinError, 'step must be a positive integer'],
    ['numbers.range_step', [0, 10, 0], BuiltinError, 'step must be a positive integer'],
    ['numbers.range_step', [0, 10, 0.5], OperandError, 'operand 3 must be integer number but got floating-point number'],
    ['to_number', ['broken'], BuiltinError, 'strconv.ParseFloat: parsing "broken": invalid syntax'],
    ['to_number', [''], BuiltinError, 'invalid syntax'],
    ['to_number', ['1e400'], BuiltinError, 'value out of range'],
    ['to_number', ['nan'], OperandError, 'operand 1 must be valid number string but got string'],
    ['to_number', ['-Infinity'], OperandError, 'operand 1 must be valid number string but got string'],
    ['to_number', ['iNf'], OperandError, 'operand 1 must be valid number string but got string'],
    ['to_number', [[1]], OperandError, 'operand 1 must be one of {null, boolean, number, string} but got array'],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s throws', (_t, name, args, type, message) => {
    expect(() => call(name, ...args)).toThrow(type);
    expect(() => call(name, ...args)).toThrow(message);
  });
});
