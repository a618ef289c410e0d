import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from './builtin.js';
import { BuiltinError, OperandError } from './builtin.js';
import type { Value } from '../value.js';
import { equal } from '../value.js';
import { builtins } from './units.js';

const context: BuiltinContext = { nowNs: 0n, cache: new Map(), print: () => undefined };

function call(name: string, arg: Value): Value | undefined {
  return builtins.find((b) => b.name === name)!.fn([arg], context);
}

describe('units.parse and units.parse_bytes: the OPA conformance cases', () => {
  it.each<[string, string, number | bigint]>([
    ['units.parse', '500m', 0.5],
    ['units.parse', '0.0005K', 0.5],
    ['units.parse', '0.0000005M', 0.5],
    ['units.parse_bytes', '"100TIB"', 109951162777600],
    ['units.parse_bytes', '0', 0],
    ['units.parse_bytes', '0.0', 0],
    ['units.parse_bytes', '.0', 0],
    ['units.parse_bytes', '12345', 12345],
    ['units.parse_bytes', '10KB', 10000],
    ['units.parse_bytes', '10KIB', 10240],
    ['units.parse_bytes', '10kb', 10000],
    ['units.parse_bytes', '10Kib', 10240],
    ['units.parse_bytes', '200mb', 200000000],
    ['units.parse_bytes', '300GiB', 322122547200],
    ['units.parse_bytes', '1.1KB', 1100],
    ['units.parse_bytes', '1.1KiB', 1126],
    ['units.parse_bytes', '.5KB', 500],
    ['units.parse_bytes', '100k', 100000],
    ['units.parse_bytes', '100kb', 100000],
    ['units.parse_bytes', '100ki', 102400],
    ['units.parse_bytes', '100kib', 102400],
    ['units.parse_bytes', '100m', 100000000],
    ['units.parse_bytes', '100mb', 100000000],
    ['units.parse_bytes', '100mi', 104857600],
    ['units.parse_bytes', '100mib', 104857600],
    ['units.parse_bytes', '100g', 100000000000],
    ['units.parse_bytes', '100gb', 100000000000],
    ['units.parse_bytes', '100gi', 107374182400],
    ['units.parse_bytes', '100gib', 107374182400],
    ['units.parse_bytes', '100t', 100000000000000],
    ['units.parse_bytes', '100tb', 100000000000000],
    ['units.parse_bytes', '100ti', 109951162777600],
    ['units.parse_bytes', '100tib', 109951162777600],
    ['units.parse_bytes', '100p', 100000000000000000n],
    ['units.parse_bytes', '100pb', 100000000000000000n],
    ['units.parse_bytes', '100pi', 112589990684262400n],
    ['units.parse_bytes', '100pib', 112589990684262400n],
    ['units.parse_bytes', '10e', 10000000000000000000n],
    ['units.parse_bytes', '10eb', 10000000000000000000n],
    ['units.parse_bytes', '10ei', 11529215046068469760n],
    ['units.parse_bytes', '10eib', 11529215046068469760n],
    ['units.parse_bytes', '1e3KB', 1000000],
    ['units.parse_bytes', '3.2E2MiB', 335544320],
    ['units.parse_bytes', '4.5e1GiB', 48318382080],
    ['units.parse_bytes', '5e6', 5000000],
    ['units.parse_bytes', '1e-2KB', 10],
    ['units.parse_bytes', '6.4E1GB', 64000000000],
    ['units.parse_bytes', '7.5e1TiB', 82463372083200],
    ['units.parse_bytes', '5e2MiB', 524288000],
    ['units.parse_bytes', '2e2GiB', 214748364800],
    ['units.parse', '"100TI"', 109951162777600],
    ['units.parse', '0', 0],
    ['units.parse', '0.0', 0],
    ['units.parse', '.0', 0],
    ['units.parse', '12345', 12345],
    ['units.parse', '10K', 10000],
    ['units.parse', '10KI', 10240],
    ['units.parse', '10k', 10000],
    ['units.parse', '10Ki', 10240],
    ['units.parse', '200M', 200000000],
    ['units.parse', '300Gi', 322122547200],
    ['units.parse', '1.1K', 1100],
    ['units.parse', '1.1Ki', 1126.4],
    ['units.parse', '.5K', 500],
    ['units.parse', '100k', 100000],
    ['units.parse', '100K', 100000],
    ['units.parse', '100ki', 102400],
    ['units.parse', '100Ki', 102400],
    ['units.parse', '100M', 100000000],
    ['units.parse', '100mi', 104857600],
    ['units.parse', '100Mi', 104857600],
    ['units.parse', '100g', 100000000000],
    ['units.parse', '100gi', 107374182400],
    ['units.parse', '100t', 100000000000000],
    ['units.parse', '100T', 100000000000000],
    ['units.parse', '100ti', 109951162777600],
    ['units.parse', '100Ti', 109951162777600],
    ['units.parse', '100p', 100000000000000000n],
    ['units.parse', '100P', 100000000000000000n],
    ['units.parse', '100pi', 112589990684262400n],
    ['units.parse', '100Pi', 112589990684262400n],
    ['units.parse', '10e', 10000000000000000000n],
    ['units.parse', '10E', 10000000000000000000n],
    ['units.parse', '10ei', 11529215046068469760n],
    ['units.parse', '10Ei', 11529215046068469760n],
    ['units.parse', '1e10', 10000000000],
    ['units.parse', '3.2E4', 32000],
    ['units.parse', '2.5e3K', 2500000],
    ['units.parse', '1e3M', 1000000000],
    ['units.parse', '4E2G', 400000000000],
    ['units.parse', '5e1Gi', 53687091200],
    ['units.parse', '1e-2', 0.01],
    ['units.parse', '7.8E-1', 0.78],
    ['units.parse', '6e3Mi', 6291456000],
    ['units.parse', '42', 42],
    ['units.parse', '-3.5E2m', -0.35],
  ])('%s(%s) == %s', (name, arg, want) => {
    expect(equal(call(name, arg)!, want)).toBe(true);
  });
});

describe('units.parse', () => {
  it.each<[string, Value]>([
    ['5E', 5000000000000000000n], // a trailing "E" is the exa unit, not an exponent
    ['1e+3', 1000],
    ['5.', 5],
    ['+2k', 2000],
    ['-3.5E2m', -0.35],
    ['1000m', 1], // OPA multiplies by the float64 0.001 and rounds to ten decimals
    ['1m', 0.001],
    ['123456789m', 123456.789],
    ['1.5Gi', 1610612736],
    ['1eKi', 'error'],
    ['100MI', 104857600],
    ['1e-20', 0],
    ['123456789012345678901234567890', 123456789012345678901234567890n],
    ['1.1Ki', 1126.4],
  ])('%s', (arg, want) => {
    if (want === 'error') expect(() => call('units.parse', arg)).toThrow(BuiltinError);
    else expect(equal(call('units.parse', arg)!, want)).toBe(true);
  });

  it.each([
    ['', 'units.parse: no amount provided'],
    ['G', 'units.parse: no amount provided'],
    ['foo', 'units.parse: no amount provided'],
    ['0.0.0', 'units.parse: could not parse amount to a number'],
    ['.5.2', 'units.parse: could not parse amount to a number'],
    ['1-2', 'units.parse: could not parse amount to a number'],
    ['1e+', 'units.parse: could not parse amount to a number'],
    ['100 k', 'units.parse: spaces not allowed in resource strings'],
    [' 327Mi ', 'units.parse: spaces not allowed in resource strings'],
    ['10e10000000Ei', 'units.parse: exponent too large'],
    ['10MB', 'units.parse: unit Mb not recognized'],
    ['1eKi', 'units.parse: unit eki not recognized'],
  ])('%s fails', (arg, message) => {
    expect(() => call('units.parse', arg)).toThrow(new BuiltinError(message));
  });

  it('rejects a non-string', () => {
    expect(() => call('units.parse', 1)).toThrow(new OperandError('operand 1 must be string but got number'));
  });
});

describe('units.parse_bytes', () => {
  it.each<[string, Value]>([
    ['5E', 5000000000000000000n],
    ['5EB', 5000000000000000000n],
    ['-1kb', -1000],
    ['0.3kb', 300],
    ['1.9', 1],
    ['-1.9', -1],
    ['0.1kib', 102], // 102.4 truncated
    ['1e-2KB', 10],
    ['16EiB', 18446744073709551616n],
    ['123456789012345678901234567890', 123456789012345678899921813504n], // rounded to a 64-bit mantissa, as big.Float
  ])('%s', (arg, want) => {
    expect(equal(call('units.parse_bytes', arg)!, want)).toBe(true);
  });

  it.each([
    ['', 'units.parse_bytes: no byte amount provided'],
    ['kb', 'units.parse_bytes: no byte amount provided'],
    ['1.2.3', 'units.parse_bytes: could not parse byte amount to a number'],
    ['1 kb', 'units.parse_bytes: spaces not allowed in resource strings'],
    ['1e1234567', 'units.parse_bytes: exponent too large'],
    ['12kbs', 'units.parse_bytes: byte unit kbs not recognized'],
  ])('%s fails', (arg, message) => {
    expect(() => call('units.parse_bytes', arg)).toThrow(new BuiltinError(message));
  });
});
