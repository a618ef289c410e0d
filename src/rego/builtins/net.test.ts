import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { SetValue, fromJSON, toRegoString } from '../value.js';
import { BuiltinError } from './builtin.js';
import { builtins } from './net.js';
import { builtinCaller, testContext } from './test-support.js';
import { formatIP, parseIP } from './net-ip.js';

const ctx = testContext();

const call = builtinCaller(builtins, ctx);

const show = (v: Value | undefined): string => (v === undefined ? 'undefined' : toRegoString(v));

describe('IP parsing and printing (Go rules)', () => {
  it.each<[string, string | undefined]>([
    ['192.168.1.1', '192.168.1.1'],
    ['192.168.01.1', undefined],
    ['256.1.1.1', undefined],
    ['1.2.3', undefined],
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['1::2::3', undefined],
    ['1:2', undefined],
    ['12345::', undefined],
    ['fe80::1%eth0', undefined],
  ])('%s', (text, expected) => {
    const ip = parseIP(text);
    expect(ip === undefined ? undefined : formatIP(ip)).toBe(expected);
  });
});

describe('net.cidr_contains', () => {
  it.each<[string, string, boolean]>([
    ['10.0.0.0/8', '10.1.0.0/24', true],
    ['10.0.0.0/8', '10.1.2.3', true],
    ['10.0.0.0/8', '11.0.0.0/24', false],
    ['10.0.0.0/24', '10.0.0.0/8', false],
    ['2001:4860:4860::8888/32', '2001:4860:4860:1234::8888/40', true],
    ['2001:4860:4860::8888/32', '2001:4860:4860:1234:5678:1234:5678:8888/128', true],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['::/0', '10.1.2.3', false],
  ])('%s contains %s: %s', (a, b, expected) => {
    expect(call('net.cidr_contains', a, b)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['not-a-cidr', '192.168.1.67', 'invalid CIDR address: not-a-cidr'],
    ['192.168.1.0/28', 'not-a-cidr', 'not a valid textual representation of an IP address or CIDR: not-a-cidr'],
  ])('errors: (%s, %s)', (a, b, message) => {
    expect(() => call('net.cidr_contains', a, b)).toThrow(new BuiltinError(message));
  });
});

describe('net.cidr_intersects', () => {
  it.each<[string, string, boolean]>([
    ['fd1e:5bfe:8af3:9ddc::/64', 'fd1e:5bfe:8af3:9ddc:1111::/72', true],
    ['fd1e:5bfe:8af3:9ddc::/64', '2001:4860:4860::8888/32', false],
    ['10.0.0.0/8', '10.0.0.0/16', true],
    ['10.0.0.0/16', '10.1.0.0/16', false],
  ])('%s ∩ %s: %s', (a, b, expected) => {
    expect(call('net.cidr_intersects', a, b)).toBe(expected);
  });

  it('rejects a malformed CIDR', () => {
    expect(() => call('net.cidr_intersects', '192.168.1.0/28', 'not-a-cidr')).toThrow(new BuiltinError('invalid CIDR address: not-a-cidr'));
  });
});

describe('net.cidr_expand', () => {
  it.each<[string, string[]]>([
    ['192.168.1.1/30', ['192.168.1.0', '192.168.1.1', '192.168.1.2', '192.168.1.3']],
    ['1.1.0.0/32', ['1.1.0.0']],
    ['2002::1234:abcd:ffff:c0a8:101/127', ['2002::1234:abcd:ffff:c0a8:100', '2002::1234:abcd:ffff:c0a8:101']],
  ])('%s', (cidr, expected) => {
    expect(show(call('net.cidr_expand', cidr))).toBe(show(SetValue.of(expected)));
  });

  it('rejects an invalid mask', () => {
    expect(() => call('net.cidr_expand', '192.168.1.1/33')).toThrow(new BuiltinError('invalid CIDR address: 192.168.1.1/33'));
  });
});

describe('net.cidr_contains_matches', () => {
  it.each<[string, Value, Value, string]>([
    ['arrays', ['1.1.2.0/24', '1.1.1.0/24'], ['1.1.1.1', '1.1.2.1'], '{[0, 1], [1, 0]}'],
    ['arrays of tuples', [['1.1.2.0/24', 1], '1.1.1.0/24'], ['1.1.1.1', '1.1.2.1'], '{[0, 1], [1, 0]}'],
    [
      'sets of strings',
      SetValue.of(['1.1.1.0/24', '1.1.2.0/24']),
      SetValue.of(['1.1.1.1', '1.1.2.1']),
      '{["1.1.1.0/24", "1.1.1.1"], ["1.1.2.0/24", "1.1.2.1"]}',
    ],
    ['object', '1.1.0.0/16', fromJSON({ x: '1.1.1.128', y: ['1.1.254.254', 'bar'] }), '{["1.1.0.0/16", "x"], ["1.1.0.0/16", "y"]}'],
  ])('%s', (_name, a, b, expected) => {
    expect(show(call('net.cidr_contains_matches', a, b))).toBe(expected);
  });

  it('rejects a bad element', () => {
    expect(() =>
      call('net.cidr_contains_matches', SetValue.of([['1.1.1.0/24', 'bar']]), SetValue.of([1, ['1.1.2.1', 'qux']])),
    ).toThrow(new BuiltinError('operand 2: element must be string or non-empty array'));
  });
});

describe('net.cidr_merge', () => {
  it.each<[string, string[], string[]]>([
    ['adjacent', ['192.0.128.0/24', '192.0.129.0/24'], ['192.0.128.0/23']],
    ['contained', ['10.0.0.0/8', '10.0.1.0/24'], ['10.0.0.0/8']],
    ['disjoint stays as given', ['10.0.0.0/24', '10.0.2.0/24'], ['10.0.0.0/24', '10.0.2.0/24']],
    ['three into a non-aligned range', ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'], ['10.0.1.0/24', '10.0.2.0/23']],
    ['ipv6', ['1900::1/96', '1900::20/64'], ['1900::/64']],
    ['ipv6 same twice', ['2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128', '2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128'], ['2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128']],
    ['ipv6 two prefixes', ['2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64', '2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128'], ['2601:600:8a80:207e::/64']],
    ['bare IPv4 gets its classful mask', ['192.168.1.1'], ['192.168.1.1/24']],
    ['mixed families', ['10.0.0.0/8', '::/0'], ['::/0']],
    ['everything IPv4', ['0.0.0.0/1', '128.0.0.0/1'], ['0.0.0.0/0']],
  ])('%s', (_name, input, expected) => {
    expect(show(call('net.cidr_merge', input))).toBe(show(SetValue.of(expected)));
  });

  it.each<[Value, string]>([
    [['2601:600:8a80:207e:a57d:7567:e2c9:e7b3'], 'IPv6 invalid: needs prefix length'],
    [[1], 'element must be string'],
    [['10.0.0.0/40'], 'invalid CIDR address: 10.0.0.0/40'],
  ])('error for %j', (input, message) => {
    expect(() => call('net.cidr_merge', input)).toThrow(new BuiltinError(message));
  });
});

describe('net.cidr_is_valid', () => {
  it.each<[Value, boolean]>([
    ['192.168.0.0/30', true],
    ['192.168.0.500/30', false],
    ['::/0', true],
    ['10.0.0.0', false],
    ['10.0.0.0/024', true],
    [1, false],
  ])('%j → %s', (input, expected) => {
    expect(call('net.cidr_is_valid', input)).toBe(expected);
  });
});
