/**
 * JSON.parse once; when it fails, find where and why ourselves. V8's messages are inconsistent (some carry
 * a position, some quote the whole input, which is useless for a 200 MB file), so on failure we re-scan the
 * text with a small syntax checker that only runs on the error path.
 */
import { InputError } from './document.js';

export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const problem = findJsonSyntaxError(text) ?? { offset: 0, message: 'not valid JSON' };
    const { line, column } = lineAndColumn(text, problem.offset);
    throw new InputError(`invalid JSON at line ${line}, column ${column}: ${problem.message}`, path);
  }
}

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/** 1-based line and column (in UTF-16 code units, like editors) of an offset into the text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

type Container = 'object' | 'array';

/** What the scanner expects next; the states of an iterative (stack-safe) JSON grammar. */
type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/** Returns the first syntax error of the text, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Container[] = [];
  let expect: Expect = 'value';
  let i = skipWhitespace(text, 0);
  const fail = (offset: number, message: string): JsonSyntaxError => ({ offset, message });

  for (;;) {
    if (i >= text.length) return expect === 'end' ? undefined : endOfInput(text);
    const ch = text[i];
    const top = stack[stack.length - 1];
    switch (expect) {
      case 'end':
        return fail(i, `unexpected ${describeChar(ch)} after the end of the JSON value`);
      case 'colon':
        if (ch !== ':') return fail(i, `expected ":" after an object key, found ${describeChar(ch)}`);
        i++;
        expect = 'value';
        break;
      case 'comma-or-close':
        if (ch === ',') {
          i++;
          expect = top === 'object' ? 'key' : 'value';
        } else if ((ch === '}' && top === 'object') || (ch === ']' && top === 'array')) {
          i++;
          stack.pop();
          expect = stack.length === 0 ? 'end' : 'comma-or-close';
        } else {
          return fail(i, `expected "," or "${top === 'object' ? '}' : ']'}", found ${describeChar(ch)}`);
        }
        break;
      case 'key':
      case 'key-or-close':
        if (ch === '}' && expect === 'key-or-close') {
          i++;
          stack.pop();
          expect = stack.length === 0 ? 'end' : 'comma-or-close';
          break;
        }
        if (ch !== '"') return fail(i, `expected a string key, found ${describeChar(ch)}`);
        {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
        }
        expect = 'colon';
        break;
      case 'value':
      case 'value-or-close': {
        if (ch === ']' && expect === 'value-or-close') {
          i++;
          stack.pop();
          expect = stack.length === 0 ? 'end' : 'comma-or-close';
          break;
        }
        if (ch === '{' || ch === '[') {
          stack.push(ch === '{' ? 'object' : 'array');
          expect = ch === '{' ? 'key-or-close' : 'value-or-close';
          i++;
          break;
        }
        const end = scanScalar(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expect = stack.length === 0 ? 'end' : 'comma-or-close';
        break;
      }
    }
    i = skipWhitespace(text, i);
  }
}

/** Reported where the content stops, not after trailing newlines: that is the line a reader looks at. */
function endOfInput(text: string): JsonSyntaxError {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return { offset: end, message: 'unexpected end of input' };
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

function scanScalar(text: string, start: number): number | JsonSyntaxError {
  const ch = text[start];
  if (ch === '"') return scanString(text, start);
  if (ch === '-' || (ch >= '0' && ch <= '9')) return scanNumber(text, start);
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, start)) return start + word.length;
    if (word.startsWith(text.slice(start)) && text.length - start < word.length) {
      return endOfInput(text);
    }
  }
  return { offset: start, message: `expected a value, found ${describeChar(ch)}` };
}

function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, message: 'control character inside a string (unescaped newline or tab?)' };
    if (c === 0x5c) {
      const escape = text[i + 1];
      if (escape === undefined) break;
      if (escape === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (hex.length < 4 && i + 2 + hex.length === text.length && /^[0-9a-fA-F]*$/.test(hex)) break;
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { offset: i, message: 'invalid \\u escape in a string' };
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(escape)) return { offset: i, message: `invalid escape sequence "\\${escape}" in a string` };
      i += 2;
      continue;
    }
    i++;
  }
  return endOfInput(text);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scanNumber(text: string, start: number): number | JsonSyntaxError {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  if (!match) return start + 1 >= text.length ? endOfInput(text) : { offset: start, message: 'invalid number' };
  const end = start + match[0].length;
  const next = text[end];
  if (next !== undefined && /[\d.eE+-]/.test(next)) return { offset: end, message: 'invalid number' };
  return end;
}

function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f || code === 0xfffd) return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}
