import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn, parseJsonText } from './json-text.js';
import { fileURLToPath } from 'node:url';

const INPUT_FIXTURES = fileURLToPath(new URL('../../fixtures/input/', import.meta.url));
const REAL_PLANS = '/work/shared/fixtures/real-plans/';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":}', 5, 'expected a value, found "}"'],
    ['{"a":1', 6, 'unexpected end of input'],
    ['{"a":1\n\n', 6, 'unexpected end of input'],
    ['[1,2,]', 5, 'expected a value, found "]"'],
    ['{"a":1}x', 7, 'unexpected "x" after the end of the JSON value'],
    ['{"a" 1}', 5, 'expected ":" after an object key, found "1"'],
    ['{"a":1 "b":2}', 7, 'expected "," or "}", found """'],
    ['[1 2]', 3, 'expected "," or "]", found "2"'],
    ['{a:1}', 1, 'expected a string key, found "a"'],
    ['"abc\ndef"', 4, 'control character inside a string (unescaped newline or tab?)'],
    ['"\\x"', 1, 'invalid escape sequence "\\x" in a string'],
    ['"\\u12G4"', 1, 'invalid \\u escape in a string'],
    ['"\\u12', 5, 'unexpected end of input'],
    ['"abc', 4, 'unexpected end of input'],
    ['tru', 3, 'unexpected end of input'],
    ['nul x', 0, 'expected a value, found "n"'],
    ['01', 1, 'invalid number'],
    ['-', 1, 'unexpected end of input'],
    ['\u0001', 0, 'expected a value, found character U+0001'],
    ['', 0, 'unexpected end of input'],
  ])('%j → offset %i: %s', (text, offset, message) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ offset, message });
  });

  it.each(['{}', '[]', '0', '-1.5e+10', '"\\u00e9\\n"', ' {"a": [true, false, null, {"b": "c"}]} ', '[[[[[[]]]]]]'])('accepts %j', (text) => {
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it('accepts every valid fixture (it must never disagree with JSON.parse on valid input)', () => {
    const dirs = [INPUT_FIXTURES, ...(existsSync(REAL_PLANS) ? [REAL_PLANS] : [])];
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        const bytes = readFileSync(join(dir, name));
        const text = bytes[0] === 0xff ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
        expect(findJsonSyntaxError(text), name).toBeUndefined();
      }
    }
  });

  it('is iterative: deep nesting does not overflow the stack', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toEqual({ offset: 200_000, message: 'unexpected end of input' });
  });
});

describe('lineAndColumn', () => {
  it.each([
    [0, 1, 1],
    [3, 1, 4],
    [4, 2, 1],
    [7, 3, 1],
    [9, 3, 3],
  ])('offset %i → line %i, column %i', (offset, line, column) => {
    expect(lineAndColumn('abc\nde\nfgh', offset)).toEqual({ line, column });
  });
});

describe('parseJsonText', () => {
  it('parses valid text once and reports the position of invalid text', () => {
    expect(parseJsonText('{"a": [1]}', 'x.json')).toEqual({ a: [1] });
    expect(() => parseJsonText('{\n  "a": [1,\n', 'x.json')).toThrow('x.json: invalid JSON at line 2, column 11: unexpected end of input');
  });
});
