import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, parseNumber, toRegoString } from '../value.js';
import type { BuiltinContext } from './builtin.js';
import { OperandError } from './builtin.js';
import { builtins } from './sprintf.js';
import { formatFloat } from './sprintf-float.js';

const ctx: BuiltinContext = { nowNs: 0n, cache: new Map(), print: () => undefined };
const n = (text: string): Value => parseNumber(text)!;
const sprintf = (format: string, args: Value[]): Value | undefined => builtins[0].fn([format, args], ctx);

describe('sprintf', () => {
  // Expected outputs are Go's fmt.Sprintf results for the arguments OPA passes.
  const cases: [string, Value[], string][] = [
    // integers
    ['%d', [5], '5'],
    ['%5d|%-5d|', [42, 42], '   42|42   |'],
    ['%05d', [-42], '-0042'],
    ['%+d % d', [5, 5], '+5  5'],
    ['%x %X %#x %o %#o %O %b %#b', [255, 255, 255, 8, 8, 8, 5, 5], 'ff FF 0xff 10 010 0o10 101 0b101'],
    ['%.3d|%6.3d|%.0d|', [7, -7, 0], '007|  -007||'],
    ['%c%c %q %U %#U', [72, 105, 65, 0x1f600, 65], "Hi 'A' U+1F600 U+0041 'A'"],
    ['hi %02X.%02X', [127, 1], 'hi 7F.01'],
    // big integers are *big.Int
    ['%s', [n('123456789123456789123')], '123456789123456789123'],
    ['%v %d', [n('1208925819614629174706175'), n('-1208925819614629174706175')], '1208925819614629174706175 -1208925819614629174706175'],
    ['%x', [n('18446744073709551616')], '10000000000000000'],
    ['%25d|', [n('9223372036854775808')], '      9223372036854775808|'],
    ['%z', [n('9223372036854775808')], '%!z(big.Int=9223372036854775808)'],
    ['%v', [n('9223372036854775807')], '9223372036854775807'],
    // floats
    ['%.2f', [3.1415], '3.14'],
    ['%f %e %E', [1234.5678, 1234.5678, 1234.5678], '1234.567800 1.234568e+03 1.234568E+03'],
    ['%g %g %G', [1234.5678, 0.00001234, 1e-10], '1234.5678 1.234e-05 1E-10'],
    ['%v %v %v', [1.5, 0.30000000000000004, 1234567.5], '1.5 0.30000000000000004 1.2345675e+06'],
    ['%05.2f|%8.3f|%08.3f|%-7.2f|', [3.14159, -3.14159, -3.14159, 2.5], '03.14|  -3.142|-003.142|2.50   |'],
    ['%.0f %.1f %.2f', [2.5, 0.25, 0.125], '2 0.2 0.12'],
    ['%+.3e %#g %.3g', [1.5, 1.5, 1234.5678], '+1.500e+00 1.50000 1.23e+03'],
    ['%d', [3.5], '%!d(float64=3.5)'],
    // strings
    ['%s|%10s|%-10s|%.2s', ['foo', 'foo', 'foo', 'hello'], 'foo|       foo|foo       |he'],
    ['%q %#v %+q', ['a"b', 'x', 'é'], '"a\\"b" "x" "\\u00e9"'],
    ['%x|% x|%#x|%X', ['hi', 'hi', 'hi', 'hi'], '6869|68 69|0x6869|6869'],
    ['%d', ['foo'], '%!d(string=foo)'],
    ['%s', [5], '%!s(int=5)'],
    ['%T %T %T %T', [1, 'a', 1.5, n('99999999999999999999')], 'int string float64 *big.Int'],
    // other values print as Rego terms
    ['hi %v', [['there', 5, 3.14]], 'hi ["there", 5, 3.14]'],
    ['%v %v %v', [SetValue.of([2, 1]), SetValue.of([]), ObjectValue.fromEntries([['a', 1]])], '{1, 2} set() {"a": 1}'],
    ['%v %s %t', [null, true, true], 'null true %!t(string=true)'],
    // Go's notations for mistakes
    ['%v %v', [1], '1 %!v(MISSING)'],
    ['%v', [1, 'a'], '1%!(EXTRA string=a)'],
    ['x', [], 'x'],
    ['100%%', [], '100%'],
    ['%', [], '%!(NOVERB)'],
    ['%z', [1], '%!z(int=1)'],
    ['%[2]d %[1]d', [1, 2], '2 1'],
    ['%[3]d', [1, 2], '%!d(BADINDEX)'],
    ['%*d|%-*d|', [5, 42, 4, 1], '   42|1   |'],
    ['%.*f', [2, 3.14159], '3.14'],
    ['%*d', ['x', 1], '%!(BADWIDTH)1'],
  ];
  it.each(cases)('sprintf(%j, …)', (format, args, want) => {
    expect(sprintf(format, args)).toBe(want);
  });

  it('formats exact big integers from arithmetic', () => {
    expect(sprintf('%v', [n('1000000000000000000000000000001')])).toBe('1000000000000000000000000000001');
    expect(sprintf('%d', [n('-9223372036854775808')])).toBe('-9223372036854775808');
  });

  it('rejects a non-string format and a non-array argument list', () => {
    expect(() => builtins[0].fn([1, []], ctx)).toThrow(new OperandError('operand 1 must be string but got number'));
    expect(() => builtins[0].fn(['%v', ObjectValue.fromEntries([])], ctx)).toThrow(
      new OperandError('operand 2 must be array but got object'),
    );
  });

  it('prints composite arguments like OPA', () => {
    expect(sprintf('%v', [[ObjectValue.fromEntries([['k', [1]]])]])).toBe(toRegoString([ObjectValue.fromEntries([['k', [1]]])]));
  });
});

describe('formatFloat (strconv.FormatFloat)', () => {
  const cases: [number, 'e' | 'f' | 'g', number, string][] = [
    [0, 'g', -1, '0'],
    [0, 'e', 6, '0.000000e+00'],
    [100, 'g', -1, '100'],
    [1e6, 'g', -1, '1e+06'],
    [123456, 'g', -1, '123456'],
    [0.0001, 'g', -1, '0.0001'],
    [0.00001, 'g', -1, '1e-05'],
    [1e100, 'e', 3, '1.000e+100'],
    [-2.5, 'f', 0, '-2'],
    [3.5, 'f', 0, '4'],
    [0.05, 'f', 1, '0.1'],
    [9.999, 'f', 2, '10.00'],
    [5e-324, 'g', -1, '5e-324'],
    [1.7976931348623157e308, 'g', -1, '1.7976931348623157e+308'],
    [123.456, 'g', 2, '1.2e+02'],
    [123.456, 'g', 10, '123.456'],
  ];
  it.each(cases)('%s %s %s', (v, format, prec, want) => {
    expect(formatFloat(v, format, prec)).toBe(want);
  });
});
