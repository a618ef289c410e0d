import { describe, expect, it } from 'vitest';
import type { Value } from '../value.js';
import { ObjectValue, SetValue, parseNumber } from '../value.js';
import { BuiltinError, OperandError } from './builtin.js';
import { builtins } from './strings.js';
import { builtinCaller, callTitle, testContext } from './test-support.js';

const ctx = testContext();
const n = (text: string): Value => parseNumber(text)!;
const obj = (entries: [Value, Value][]): ObjectValue => ObjectValue.fromEntries(entries);
const title = callTitle;

const call = builtinCaller(builtins, ctx);

describe('string builtins', () => {
  const cases: [string, Value[], Value][] = [
    ['concat', ['/', ['', 'foo', 'bar']], '/foo/bar'],
    ['concat', [',', SetValue.of(['b', 'a'])], 'a,b'],
    ['concat', [',', []], ''],
    ['contains', ['abcdefgh', 'defg'], true],
    ['contains', ['abc', ''], true],
    ['startswith', ['abcdefgh', 'abcd'], true],
    ['endswith', ['abcdefgh', 'fgx'], false],
    ['format_int', [15.5, 16], 'f'],
    ['format_int', [-15.9, 10], '-15'],
    ['format_int', [5, 2], '101'],
    ['format_int', [64, 8], '100'],
    ['format_int', [n('18446744073709551616'), 16], '10000000000000000'],
    ['indexof', ['μx', 'x'], 1],
    ['indexof', ['μ', 'μμ'], -1],
    ['indexof', ['skön var våren', 'vår'], 9],
    ['indexof', ['🍧🍨🧁🍰🍮', '🍮'], 4],
    ['indexof_n', ['dogcatdogcat', 'cat'], [3, 9]],
    ['indexof_n', ['aaa', 'aa'], [0, 1]],
    ['indexof_n', ['😇😀😇😀😇😀', '😀'], [1, 3, 5]],
    ['indexof_n', ['dogcat', 'rabbit'], []],
    ['lower', ['AbCdÉ'], 'abcdé'],
    ['upper', ['AbCdé'], 'ABCDÉ'],
    ['upper', ['straße'], 'STRAßE'],
    ['lower', ['İ'], 'i'],
    ['replace', ['foo...bar', '..', ',,'], 'foo,,.bar'],
    ['replace', ['ab', '', 'X'], 'XaXbX'],
    ['split', ['foo.bar.baz', '.'], ['foo', 'bar', 'baz']],
    ['split', ['', '.'], ['']],
    ['split', ['test', ''], ['t', 'e', 's', 't']],
    ['split', ['', ''], []],
    ['split', ['a😀b', ''], ['a', '😀', 'b']],
    ['substring', ['abcdefgh', 2, -1], 'cdefgh'],
    ['substring', ['aåäö', 2, -1], 'äö'],
    ['substring', ['abcdefgh', 2, 10000], 'cdefgh'],
    ['substring', ['abcdefgh', 2, 3], 'cde'],
    ['substring', ['abc', 5, 1], ''],
    ['substring', ['', 0, 1], ''],
    ['trim', ['...foo.bar...', '.o'], 'foo.bar'],
    ['trim', ['¡¡¡foo, bar!!!', 'i'], '¡¡¡foo, bar!!!'],
    ['trim', ['¡¡¡foo!¡', '!¡'], 'foo'],
    ['trim_left', ['!!!foo, bar¡¡¡', '¡'], '!!!foo, bar¡¡¡'],
    ['trim_left', ['..a.', '.'], 'a.'],
    ['trim_right', ['..a..', '.'], '..a'],
    ['trim_prefix', ['¡¡¡foo, bar!!!', '¡¡¡foo'], ', bar!!!'],
    ['trim_prefix', ['foo', 'x'], 'foo'],
    ['trim_suffix', ['¡¡¡foo, bar!!!', ', bar!!!'], '¡¡¡foo'],
    ['trim_space', ['\t\n foo bar \u00a0\u3000'], 'foo bar'],
    ['trim_space', ['\ufefffoo'], '\ufefffoo'],
    ['strings.reverse', ['a😀b'], 'b😀a'],
    ['strings.count', ['cheese', 'e'], 3],
    ['strings.count', ['11111', '11'], 2],
    ['strings.count', ['dummy', ''], 6],
    ['strings.count', ['', ''], 1],
    ['strings.any_prefix_match', [['a/b/c', 'e/f/g'], ['x/', 'e/f']], true],
    ['strings.any_prefix_match', ['a/b/c', SetValue.of(['b/'])], false],
    ['strings.any_prefix_match', [['', 'a'], ['']], true],
    ['strings.any_prefix_match', [[], ['']], false],
    ['strings.any_suffix_match', [SetValue.of(['a/b/c']), '/c'], true],
    ['strings.any_suffix_match', [['aa/bb/cc'], ['b/c']], false],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, want) => {
    expect(call(name, ...args)).toEqual(want);
  });
});

describe('strings.replace_n', () => {
  const cases: [[string, string][], string, string][] = [
    [[['info', 'X'], ['anotherinfo', 'Y']], 'anotherinfo', 'Y'],
    [[['a', 'YY'], ['bba', 'bX']], 'bbab', 'bXb'],
    [[['ab', 'b'], ['b', 'Y']], 'baaabbbba', 'YaabYYYa'],
    [[['a', 'b'], ['b', 'a']], 'abba', 'baab'],
    [[['a', 'Xa'], ['ab', 'X'], ['ba', 'bYa'], ['aaa', 'X']], 'aaaaab', 'XaXaXaXaXab'],
    [[['aab', 'Y'], ['a', ''], ['b', '']], 'bbaab', ''],
    [[['', 'X']], '', 'X'],
    [[['', 'X']], 'ab', 'XaXbX'],
    [[['', 'X'], ['a', 'Y']], 'ab', 'XYXbX'],
    [[['', '-'], ['é', 'e']], 'aéb', '-a-e-b-'],
    [[['', '-']], '😀', '-😀-'],
    [[], 'abc', 'abc'],
  ];
  it.each(cases)('%j on %j', (pairs, input, want) => {
    expect(call('strings.replace_n', obj(pairs), input)).toBe(want);
  });
});

describe('string builtin errors', () => {
  const cases: [string, Value[], typeof OperandError | typeof BuiltinError, string][] = [
    ['concat', ['/', 'x'], OperandError, 'operand 2 must be one of {set, array} but got string'],
    ['concat', ['/', ['a', 1]], OperandError, 'operand 2 must be array of strings but got array containing number'],
    ['concat', ['/', SetValue.of([1])], OperandError, 'operand 2 must be set of strings but got set containing number'],
    ['contains', [1, 'a'], OperandError, 'operand 1 must be string but got number'],
    ['format_int', ['1', 10], OperandError, 'operand 1 must be number but got string'],
    ['format_int', [1, 3], OperandError, 'operand 2 must be one of {2, 8, 10, 16}'],
    ['indexof', ['abc', ''], BuiltinError, 'empty search character'],
    ['indexof_n', ['abc', ''], BuiltinError, 'empty search character'],
    ['substring', ['abc', -1, 1], BuiltinError, 'negative offset'],
    ['substring', ['abc', 1.5, 1], OperandError, 'operand 2 must be integer number but got floating-point number'],
    ['substring', ['abc', 1, 'x'], OperandError, 'operand 3 must be number but got string'],
    ['strings.replace_n', [obj([[2, 'x']]), 'foo'], OperandError, 'operand 1 non-string key found in pattern object'],
    ['strings.replace_n', [obj([['f', 100]]), 'foo'], OperandError, 'operand 1 non-string value found in pattern object'],
    ['strings.replace_n', [obj([['foo', 'baz']]), 100], OperandError, 'operand 2 must be string but got number'],
    ['strings.replace_n', [[], 'foo'], OperandError, 'operand 1 must be object but got array'],
    ['strings.any_prefix_match', [[1, 2], ['f/']], OperandError, 'operand 1 must be array of strings but got array containing number'],
    ['strings.any_prefix_match', [1, ['f/']], OperandError, 'operand 1 must be one of {string, set, array} but got number'],
    ['strings.any_suffix_match', [['a'], 1], OperandError, 'operand 2 must be one of {string, set, array} but got number'],
    ['strings.any_suffix_match', [['a'], [1]], OperandError, 'operand 2 must be array of strings but got array containing number'],
    ['strings.render_template', ['x', []], OperandError, 'operand 2 must be object but got array'],
  ];
  it.each(cases.map((c) => [title(c[0], c[1]), ...c] as const))('%s', (_t, name, args, errorClass, message) => {
    expect(() => call(name, ...args)).toThrow(new errorClass(message));
    expect(() => call(name, ...args)).toThrow(errorClass);
  });
});

describe('strings.render_template', () => {
  const vars = obj([
    ['test', 'hello world'],
    ['n', 2023],
    ['zero', 0],
    ['names', ['rohan', 'john doe']],
    ['empty', []],
    ['m', obj([['b', 2], ['a', 'x']])],
    ['flag', false],
  ]);
  const cases: [string, string][] = [
    ['{{.test}}', 'hello world'],
    ['{{.n}}', '2023'],
    ['{{range $i, $name := .names}}{{if $i}},{{end}}hello {{$name}}{{end}}', 'hello rohan,hello john doe'],
    ['{{.testvarnotprovided}}', '<undefined>'],
    ['test {{.foo}} {{.bar}} {{.n}}', 'test <undefined> <undefined> 2023'],
    ['{{range .names}}[{{.}}]{{end}}', '[rohan][john doe]'],
    ['{{range .empty}}x{{else}}none{{end}}', 'none'],
    ['{{if .flag}}yes{{else if .zero}}zero is truthy{{else}}no{{end}}', 'zero is truthy'],
    ['{{with .m}}{{.a}}-{{.b}}{{end}}', 'x-2'],
    ['{{.m}} {{.names}}', 'map[a:x b:2] [rohan john doe]'],
    ['a  {{- .n -}}  b', 'a2023b'],
    ['{{/* a comment */}}ok', 'ok'],
    ['{{$x := .test}}{{$x}}', 'hello world'],
    ['{{len .names}} {{index .names 1}} {{index .m "a"}}', '2 john doe x'],
    ['{{.test | printf "%q"}}', '"hello world"'],
    ['{{printf "%s-%d" .test 5}}', 'hello world-5'],
    ['{{if and .test (not .flag)}}both{{end}}', 'both'],
    ['{{if eq .test "hello world"}}eq{{end}}', 'eq'],
    ['{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}', 'a=x;b=2;'],
    ['{{range .names}}{{if eq . "rohan"}}{{continue}}{{end}}{{.}}{{end}}', 'john doe'],
    ['{{range .names}}{{.}}{{break}}{{end}}', 'rohan'],
    ['{{print "a" 1 2 "b"}}', 'a1 2b'],
    ['{{"}}"}}', '}}'],
    ['{{$.test}}', 'hello world'],
  ];
  it.each(cases)('%j', (template, want) => {
    expect(call('strings.render_template', template, vars)).toBe(want);
  });

  it('reports template errors as builtin errors', () => {
    expect(() => call('strings.render_template', '{{.test', vars)).toThrow(BuiltinError);
    expect(() => call('strings.render_template', '{{if .test}}x', vars)).toThrow(BuiltinError);
    expect(() => call('strings.render_template', '{{nofunc 1}}', vars)).toThrow('function "nofunc" not defined');
    expect(() => call('strings.render_template', '{{.test.x}}', vars)).toThrow("can't evaluate field x in type string");
  });
});
