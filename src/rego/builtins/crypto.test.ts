import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { OperandError } from './builtin.js';
import { builtins } from './crypto.js';
import { builtinCaller, testContext } from './test-support.js';

const ctx = testContext();

const call = builtinCaller(builtins, ctx);

describe('crypto', () => {
  it.each<[string, Value[], Value]>([
    ['crypto.md5', ['foo'], 'acbd18db4cc2f85cedef654fccc4a4d8'],
    ['crypto.sha1', ['foo'], '0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33'],
    ['crypto.sha256', ['foo'], '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae'],
    ['crypto.hmac.md5', ['foo', 'bar'], '31b6db9e5eb4addb42f1a6ca07367adc'],
    ['crypto.hmac.sha1', ['foo', 'bar'], '85d155c55ed286a300bd1cf124de08d87e914f3a'],
    ['crypto.hmac.sha256', ['foo', 'bar'], '147933218aaabc0b8b10a2b3a5c34684c8d94341bcf10a4736dc7270f7741851'],
    [
      'crypto.hmac.sha512',
      ['foo', 'bar'],
      '24257d7210582a65c731ec55159c8184cc24c02489453e58587f71f44c23a2d61b4b72154a89d17b2d49448a8452ea066f4fc56a2bcead45c088572ffccdb3d8',
    ],
    ['crypto.hmac.sha256', ['åäöçß\u{1F972}♙Ω', '秘密の'], 'eb90daeb76d4b2571fbdaf94bbb240809faa8fed93ec0c260dd38c3fdf8d963a'],
    ['crypto.hmac.equal', ['31b6db9e5eb4addb42f1a6ca07367adc', '31b6db9e5eb4addb42f1a6ca07367adc'], true],
    ['crypto.hmac.equal', ['31b6db9e5eb4addb42f1a6ca07367adc', '31b6db9e5eb4addb'], false],
    ['crypto.hmac.equal', ['abcd', 'abce'], false],
  ])('%s(%j)', (name, args, expected) => {
    expect(call(name, ...args)).toBe(expected);
  });

  it('checks operand types', () => {
    expect(() => call('crypto.hmac.sha256', 'foo', 1)).toThrow(new OperandError('operand 2 must be string but got number'));
  });
});
