import { describe, expect, it } from 'vitest';
import { RegoErrors } from './errors.js';
import { lex } from './lexer.js';

const kinds = (src: string): string[] => lex(src, 't.rego').tokens.map((t) => t.kind);
const texts = (src: string): string[] => lex(src, 't.rego').tokens.map((t) => t.text);

describe('lex: token kinds', () => {
  it.each([
    ['x := 1', ['identifier', 'assign', 'number', 'eof']],
    ['a = b == c != d', ['identifier', 'eq', 'identifier', 'equal', 'identifier', 'neq', 'identifier', 'eof']],
    ['< <= > >=', ['lt', 'lte', 'gt', 'gte', 'eof']],
    ['+ - * / % & |', ['plus', 'minus', 'mul', 'div', 'rem', 'and', 'or', 'eof']],
    ['[]{}(),:;.', ['[', ']', '{', '}', '(', ')', ',', ':', ';', '.', 'eof']],
    ['package import as default else not some with', ['package', 'import', 'as', 'default', 'else', 'not', 'some', 'with', 'eof']],
    ['null true false every contains if in', ['null', 'true', 'false', 'every', 'contains', 'if', 'in', 'eof']],
    ['_x1 x_ X9', ['identifier', 'identifier', 'identifier', 'eof']],
    ['"s" `raw`', ['string', 'string', 'eof']],
    ['', ['eof']],
  ])('%j', (src, want) => {
    expect(kinds(src)).toEqual(want);
  });
});

describe('lex: literals', () => {
  it.each([
    ['0 12 1.5 1e10 2.5E-3 7e+2', ['0', '12', '1.5', '1e10', '2.5E-3', '7e+2', '']],
    ['"a\\"b\\\\c\\/\\n\\t\\u00e9"', ['a"b\\c/\n\té', '']],
    ['"\\ud83d\\ude00"', ['😀', '']],
    ['`a\\n\nb`', ['a\\n\nb', '']],
    ['"tab\there"', ['tab\there', '']],
  ])('%j', (src, want) => {
    expect(texts(src)).toEqual(want);
  });
});

describe('lex: positions and spacing', () => {
  it('tracks 1-based rows and columns', () => {
    const { tokens } = lex('a\n  bb.c\n\tx', 't.rego');
    expect(tokens.map((t) => [t.text, t.row, t.col])).toEqual([
      ['a', 1, 1],
      ['bb', 2, 3],
      ['.', 2, 5],
      ['c', 2, 6],
      ['x', 3, 2],
      ['', 3, 3],
    ]);
  });

  it('marks whitespace and newlines before tokens', () => {
    const { tokens } = lex('a.b [c]\nd # note\ne', 't.rego');
    expect(tokens.map((t) => [t.text, t.spaceBefore, t.newlineBefore])).toEqual([
      ['a', false, false],
      ['.', false, false],
      ['b', false, false],
      ['[', true, false],
      ['c', false, false],
      [']', false, false],
      ['d', true, true],
      ['e', true, true],
      ['', false, false],
    ]);
  });

  it('keeps rows right after multi-line raw strings', () => {
    const { tokens } = lex('`a\nb`\nx', 't.rego');
    expect(tokens[1]).toMatchObject({ text: 'x', row: 3, col: 1 });
  });

  it('collects comments with their positions, without a trailing CR', () => {
    const { comments } = lex('# METADATA\r\n# title: x\np := 1 # trailing', 't.rego');
    expect(comments).toEqual([
      { text: ' METADATA', row: 1, col: 1 },
      { text: ' title: x', row: 2, col: 1 },
      { text: ' trailing', row: 3, col: 8 },
    ]);
  });

  it('skips a leading byte-order mark', () => {
    expect(lex('\ufeffpackage a', 't.rego').tokens[0]).toMatchObject({ kind: 'package', row: 1, col: 1 });
  });
});

describe('lex: template strings', () => {
  it.each([
    ['$""', [['template-string-end', '']]],
    ['$"a {x} b"', [['template-string-part', 'a '], ['identifier', 'x'], ['}', '}'], ['template-string-end', ' b']]],
    ['$"\\{x} \\n"', [['template-string-end', '{x} \n']]],
    ['$`a\n{x}`', [['template-string-part', 'a\n'], ['identifier', 'x'], ['}', '}'], ['template-string-end', '']]],
    ['$`\\{ \\n`', [['template-string-end', '{ \\n']]],
    [
      '$"{ {1} }"',
      [['template-string-part', ''], ['{', '{'], ['number', '1'], ['}', '}'], ['}', '}'], ['template-string-end', '']],
    ],
    [
      '$"{$"{y}"}"',
      [
        ['template-string-part', ''],
        ['template-string-part', ''],
        ['identifier', 'y'],
        ['}', '}'],
        ['template-string-end', ''],
        ['}', '}'],
        ['template-string-end', ''],
      ],
    ],
  ])('%j', (src, want) => {
    const { tokens } = lex(src, 't.rego');
    expect(tokens.slice(0, -1).map((t) => [t.kind, t.text])).toEqual(want);
  });
});

describe('lex: errors', () => {
  it.each([
    ['"abc', 'non-terminated string', 1, 1],
    ['x := "a\nb"', 'non-terminated string', 1, 6],
    ['`abc', 'non-terminated string', 1, 1],
    ['"\\q"', 'illegal escape sequence', 1, 2],
    ['"\\u12"', 'illegal escape sequence', 1, 2],
    ['a ! b', 'illegal ! character', 1, 3],
    ['1.', 'expected fraction', 1, 3],
    ['1e', 'expected exponent', 1, 3],
    ['12ab', 'illegal number format', 1, 3],
    ['x\n  @', 'illegal character "@"', 2, 3],
    ['$x', 'illegal $ character', 1, 1],
    ['$"abc', 'non-terminated string', 1, 1],
  ])('%j → %s', (src, message, row, col) => {
    let caught: unknown;
    try {
      lex(src, 't.rego');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RegoErrors);
    const error = (caught as RegoErrors).errors[0];
    expect(error.code).toBe('rego_parse_error');
    expect(error.detail).toBe(message);
    expect(error.location).toEqual({ file: 't.rego', row, col });
  });
});
