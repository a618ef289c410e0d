import { describe, expect, it } from 'vitest';
import { ObjectValue, SetValue, compare, equal, fromJSON, hashKey, numberToString, parseNumber, stringify, toRegoString, type Value } from './value.js';

describe('parseNumber keeps integers exact', () => {
  it.each([
    ['1', 1],
    ['-0', -0],
    ['1.5', 1.5],
    ['1e3', 1000],
    ['9007199254740993', 9007199254740993n],
    ['1e30', 10n ** 30n],
    ['-1.0e20', -100000000000000000000n],
    ['0.1', 0.1],
  ] as [string, number | bigint][])('%s', (text, want) => {
    expect(parseNumber(text)).toEqual(want);
  });
  it('rejects what is not a number', () => {
    expect(parseNumber('01')).toBeUndefined();
    expect(parseNumber('1.')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
  });
});

describe('compare follows OPA order', () => {
  const s = (...xs: Value[]) => SetValue.of(xs);
  const o = (x: Record<string, unknown>) => fromJSON(x);
  it.each([
    [null, false],
    [true, 0],
    [1, 'a'],
    ['a', []],
    [[1], o({})],
    [o({ a: 1 }), s()],
    [1, 2n ** 60n],
    [-(2n ** 60n), -5.5],
    ['a', 'b'],
    ['\uffff', '\u{1F600}'],
    [[1, 2], [1, 3]],
    [[1], [1, 0]],
    [o({ a: 1 }), o({ a: 2 })],
    [o({ a: 1 }), o({ b: 0 })],
    [s(1, 2), s(1, 3)],
  ] as [Value, Value][])('case %#', (a, b) => {
    expect(compare(a, b)).toBeLessThan(0);
    expect(compare(b, a)).toBeGreaterThan(0);
  });
  it('treats 1 and 1.0 as equal, and big integers by value', () => {
    expect(equal(1, 1.0)).toBe(true);
    expect(equal(2n ** 60n, 2n ** 60n)).toBe(true);
    expect(hashKey(fromJSON([1, 'a']))).toBe(hashKey(fromJSON([1, 'a'])));
  });
});

describe('objects and sets', () => {
  it('keys of any type, iterated in sorted order', () => {
    const obj = ObjectValue.fromEntries([
      ['b', 1],
      [[1], 2],
      ['a', 3],
      [1, 4],
    ]);
    expect(obj.keys()).toEqual([1, 'a', 'b', [1]]);
    expect(obj.get([1])).toBe(2);
    expect(obj.get('1')).toBeUndefined();
  });
  it('a string key that looks like an encoded key stays distinct', () => {
    const obj = ObjectValue.fromEntries([['\u0001d1', 'string'], [1, 'number']]);
    expect(obj.size).toBe(2);
    expect(obj.get(1)).toBe('number');
  });
  it('sets drop duplicates by value', () => {
    expect(SetValue.of([1, 1.0, 'a', fromJSON({ x: 1 }), fromJSON({ x: 1 })]).size).toBe(3);
  });
});

describe('printing', () => {
  it.each([
    [fromJSON({ b: [1, 'x'], a: null }), '{"a": null, "b": [1, "x"]}'],
    [SetValue.of([]), 'set()'],
    [SetValue.of([2, 1]), '{1, 2}'],
    [10n ** 30n + 1n, '1000000000000000000000000000001'],
  ] as [Value, string][])('toRegoString %#', (v, want) => expect(toRegoString(v)).toBe(want));
  it('stringify writes big integers exactly and sets as arrays', () => {
    expect(stringify(fromJSON({ n: 10n ** 20n, s: SetValue.of(['b', 'a']) }))).toBe('{"n":100000000000000000000,"s":["a","b"]}');
    expect(numberToString(1e21)).toBe('1e+21');
  });
});
