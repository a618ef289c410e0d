import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { BuiltinError, OperandError } from './builtin.js';
import { builtins } from './regex.js';
import { builtinCaller, callTitle, testContext } from './test-support.js';

const ctx = testContext();
const title = callTitle;

const call = builtinCaller(builtins, ctx);

describe('regex builtins', () => {
  const cases: [string, Value[], Value][] = [
    ['regex.match', ['^[a-z]+\\[[0-9]+\\]$', 'foo[1]'], true],
    ['regex.match', ['', 'x'], true],
    ['regex.match', ['^$', 'something'], false],
    ['regex.match', ['b', 'abc'], true],
    ['regex.match', ['(?i)ABC', 'xabcx'], true],
    ['regex.match', ['^.$', '😀'], true],
    ['regex.match', ['a.c', 'a\nc'], false],
    ['re_match', ['^\\d+$', '123'], true],
    ['regex.is_valid', ['[a-z]+'], true],
    ['regex.is_valid', ['$^[[['], false],
    ['regex.is_valid', [1], false],
    ['regex.split', ['^[a-z]+\\[[0-9]+\\]$', ''], ['']],
    ['regex.split', ['^[a-z]+', 'foobar baz'], ['', ' baz']],
    ['regex.split', ['[a-z]+$', 'foobar baz'], ['foobar ', '']],
    ['regex.split', ['^[a-z ]+$', 'foobar baz'], ['', '']],
    ['regex.split', ['a', 'banana'], ['b', 'n', 'n', '']],
    ['regex.split', ['z+', 'pizza'], ['pi', 'a']],
    ['regex.split', ['', 'abc'], ['a', 'b', 'c']],
    ['regex.split', ['x*', 'axbc'], ['a', 'b', 'c']],
    ['regex.find_n', ['a.', 'paranormal', 2], ['ar', 'an']],
    ['regex.find_n', ['a.', 'paranormal', -1], ['ar', 'an', 'al']],
    ['regex.find_n', ['a.', 'paranormal', 0], []],
    ['regex.find_n', ['a*', 'baaac', -1], ['', 'aaa', '']],
    ['regex.find_all_string_submatch_n', ['a(x*)b', '-', -1], []],
    ['regex.find_all_string_submatch_n', ['a(x*)b', '-ab-axb-', -1], [['ab', ''], ['axb', 'x']]],
    ['regex.find_all_string_submatch_n', ['[^aouiye]([aouiye])([^aouiye])?', 'somestri', -1], [['som', 'o', 'm'], ['ri', 'i', '']]],
    ['regex.find_all_string_submatch_n', ['[^aouiye]([aouiye])([^aouiye])?', 'somestri', 1], [['som', 'o', 'm']]],
    ['regex.replace', ['-wy-wxxy-', 'w(x*)y', '0'], '-0-0-'],
    ['regex.replace', ['foo', '(foo)', '$1$1'], 'foofoo'],
    ['regex.replace', ['foo', '(?P<word>fo)', '[${word}]'], '[fo]o'],
    ['regex.replace', ['foo', '(fo)', '$1x|${1}x|$$|$'], '|fox|$|$o'],
    ['regex.replace', ['abc', 'x*', '-'], '-a-b-c-'],
    ['regex.replace', ['aaa', '^a', 'b'], 'baa'],
    ['regex.replace', ['abc', 'z', 'y'], 'abc'],
    ['regex.template_match', ['urn:foo:{.*}', 'urn:foo:bar:baz', '{', '}'], true],
    ['regex.template_match', ['urn:foo.bar.com:{.*}', 'urn:foo.bar.com:bar:baz', '{', '}'], true],
    ['regex.template_match', ['urn:foo.bar.com:{.*}', 'urn:foo.com:bar:baz', '{', '}'], false],
    ['regex.template_match', ['urn:foo.bar.com:{.*}', 'foobar', '{', '}'], false],
    ['regex.template_match', ['urn:foo.bar.com:{.{1,2}}', 'urn:foo.bar.com:aa', '{', '}'], true],
    ['regex.template_match', ['urn:foo.bar.com:<.{1,2}>', 'urn:foo.bar.com:aaa', '<', '>'], false],
    ['regex.globs_match', ['a.a.[0-9]+z', '.b.b2359825792*594823z'], true],
    ['regex.globs_match', ['[a-z]+', '[0-9]*'], false],
    ['regex.globs_match', ['b.*', 'bar'], true],
    ['regex.globs_match', ['[a-z]+\\[[0-9]+\\]', 'foo["bar"]'], false],
    ['regex.globs_match', ['[a-z]*', '[0-9]*'], true],
    ['regex.globs_match', ['a*b', 'a+'], false],
    ['regex.globs_match', ['a*b.*', '.*c'], true],
    ['regex.globs_match', ['a+b+', 'a*.b'], true],
    ['regex.globs_match', ['x\\.y', 'x.y'], true],
    ['regex.globs_match', ['x\\.y', 'xzy'], false],
    ['regex.globs_match', ['', '.*'], true],
    ['regex.globs_match', ['', '.'], false],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, want) => {
    expect(call(name, ...args)).toEqual(want);
  });
});

describe('regex errors', () => {
  const cases: [string, Value[], typeof OperandError | typeof BuiltinError, string][] = [
    ['regex.match', ['(', 'x'], BuiltinError, 'error parsing regexp: missing closing ): `(`'],
    ['regex.match', ['$^[[[', 'x'], BuiltinError, 'error parsing regexp: missing closing ]: `[[[`'],
    ['regex.replace', ['foo', '[', '$1'], BuiltinError, 'error parsing regexp: missing closing ]: `[`'],
    ['regex.split', ['a**', 'x'], BuiltinError, 'error parsing regexp: invalid nested repetition operator: `**`'],
    ['regex.match', [1, 'x'], OperandError, 'operand 1 must be string but got number'],
    ['regex.find_n', ['a', 'a', 1.5], OperandError, 'operand 3 must be integer number but got floating-point number'],
    ['regex.template_match', ['x', 'x', '{{', '}'], BuiltinError, 'start delimiter has to be exactly one character long but is 2 long'],
    ['regex.template_match', ['x', 'x', '{', '}}'], BuiltinError, 'end delimiter has to be exactly one character long but is 1 long'],
    ['regex.template_match', ['a{b', 'x', '{', '}'], BuiltinError, 'unbalanced braces in "a{b"'],
    ['regex.template_match', ['a{(}', 'x', '{', '}'], BuiltinError, 'error parsing regexp: missing closing ): `^($`'],
    ['regex.globs_match', ['a[b', 'x'], BuiltinError, 'input:a[b, pos:3, found [ without matching ]: the input provided is invalid'],
    ['regex.globs_match', ['*a', 'x'], BuiltinError, "input:*a, pos:1, flag '*' must be preceded by a non-flag: the input provided is invalid"],
    ['regex.globs_match', ['a]', 'x'], BuiltinError, "input:a], pos:2, set-close ']' with no preceding '[': the input provided is invalid"],
    ['regex.globs_match', ['x', '[b-a]'], BuiltinError, "input:[b-a], pos:4, range is out of order: 'a' comes before 'b' in Unicode: the input provided is invalid"],
    ['regex.globs_match', ['x', 'a\\'], BuiltinError, 'input:a\\, pos:1, input ends with a \\ (escape) character: the input provided is invalid'],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, errorClass, message) => {
    expect(() => call(name, ...args)).toThrow(new errorClass(message));
    expect(() => call(name, ...args)).toThrow(errorClass);
  });

  it('handles adversarial patterns in linear time', () => {
    const start = performance.now();
    expect(call('regex.match', '^(a+)+$', 'a'.repeat(5000) + 'b')).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
