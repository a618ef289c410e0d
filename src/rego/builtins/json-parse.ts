/**
 * A JSON reader that behaves like Go's encoding/json as OPA uses it: numbers keep their exact value
 * (integers beyond 2^53 become bigint), and syntax errors carry Go's wording, e.g.
 * "invalid character 'x' looking for beginning of value".
 */
import type { Value } from '../value.js';
import { ObjectValue, parseNumber } from '../value.js';

export class JSONSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JSONSyntaxError';
  }
}

/** Thrown when the text ends in the middle of a value (Go's io.ErrUnexpectedEOF). */
class UnexpectedEnd extends JSONSyntaxError {}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Go's quoteChar: how a character is shown inside an "invalid character" message. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const code = c.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\x00' };
    return `'${named[c] ?? '\\x' + code.toString(16).padStart(2, '0')}'`;
  }
  return `'${c}'`;
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skipWhitespace(): void {
    while (this.pos < this.text.length && WHITESPACE.has(this.text[this.pos])) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    if (this.atEnd()) throw new UnexpectedEnd('unexpected end of JSON input');
    return this.text[this.pos];
  }

  invalid(context: string): JSONSyntaxError {
    const c = String.fromCodePoint(this.text.codePointAt(this.pos)!);
    return new JSONSyntaxError(`invalid character ${quoteChar(c)} ${context}`);
  }

  value(): Value {
    this.skipWhitespace();
    const c = this.peek();
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        throw this.invalid('looking for beginning of value');
    }
  }

  literal<T extends Value>(word: string, result: T): T {
    for (let i = 0; i < word.length; i++, this.pos++) {
      const c = this.peek();
      if (c !== word[i]) throw this.invalid(`in literal ${word} (expecting ${quoteChar(word[i])})`);
    }
    return result;
  }

  number(): Value {
    const start = this.pos;
    if (this.text[this.pos] === '-') {
      this.pos++;
      const c = this.peek();
      if (!(c >= '0' && c <= '9')) throw this.invalid('in numeric literal');
    }
    if (this.text[this.pos] === '0') this.pos++;
    else this.digits();
    if (this.text[this.pos] === '.') {
      this.pos++;
      const c = this.peek();
      if (!(c >= '0' && c <= '9')) throw this.invalid('after decimal point in numeric literal');
      this.digits();
    }
    if (this.text[this.pos] === 'e' || this.text[this.pos] === 'E') {
      this.pos++;
      if (this.peek() === '+' || this.peek() === '-') this.pos++;
      const c = this.peek();
      if (!(c >= '0' && c <= '9')) throw this.invalid('in exponent of numeric literal');
      this.digits();
    }
    const n = parseNumber(this.text.slice(start, this.pos));
    if (n === undefined) throw new JSONSyntaxError(`invalid number literal ${this.text.slice(start, this.pos)}`);
    return n;
  }

  digits(): void {
    while (this.pos < this.text.length && this.text[this.pos] >= '0' && this.text[this.pos] <= '9') this.pos++;
  }

  string(): string {
    this.pos++; // opening quote
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      const c = this.peek();
      if (c === '"') {
        out += this.text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c < ' ') throw this.invalid('in string literal');
      if (c !== '\\') {
        this.pos++;
        continue;
      }
      out += this.text.slice(chunkStart, this.pos);
      this.pos++;
      out += this.escape();
      chunkStart = this.pos;
    }
  }

  escape(): string {
    const c = this.peek();
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (c in simple) {
      this.pos++;
      return simple[c];
    }
    if (c !== 'u') throw this.invalid('in string escape code');
    this.pos++;
    let code = 0;
    for (let i = 0; i < 4; i++) {
      const h = this.peek();
      if (!/^[0-9a-fA-F]$/.test(h)) throw this.invalid('in \\u hexadecimal character escape');
      code = code * 16 + parseInt(h, 16);
      this.pos++;
    }
    return String.fromCharCode(code);
  }

  array(): Value[] {
    this.pos++;
    const out: Value[] = [];
    this.skipWhitespace();
    if (this.peek() === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipWhitespace();
      const c = this.peek();
      this.pos++;
      if (c === ']') return out;
      if (c !== ',') {
        this.pos--;
        throw this.invalid('after array element');
      }
    }
  }

  object(): ObjectValue {
    this.pos++;
    const out = new ObjectValue();
    this.skipWhitespace();
    if (this.peek() === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() !== '"') throw this.invalid('looking for beginning of object key string');
      const key = this.string();
      this.skipWhitespace();
      if (this.peek() !== ':') throw this.invalid('after object key');
      this.pos++;
      out.put(key, this.value());
      this.skipWhitespace();
      const c = this.peek();
      if (c === '}') {
        this.pos++;
        return out;
      }
      if (c !== ',') throw this.invalid('after object key:value pair');
      this.pos++;
    }
  }
}

/** Go's json.Valid: exactly one JSON value, surrounded by optional whitespace. */
export function isValidJSON(text: string): boolean {
  try {
    const r = new Reader(text);
    r.value();
    r.skipWhitespace();
    return r.atEnd();
  } catch (e) {
    if (e instanceof JSONSyntaxError) return false;
    throw e;
  }
}

/**
 * Decodes text the way OPA's json.unmarshal does (a Go json.Decoder followed by a check for a
 * trailing token). Throws JSONSyntaxError with Go's message.
 */
export function decodeJSON(text: string): Value {
  const r = new Reader(text);
  r.skipWhitespace();
  if (r.atEnd()) throw new JSONSyntaxError('EOF');
  let value: Value;
  try {
    value = r.value();
  } catch (e) {
    // A stream decoder reports a value cut short as io.ErrUnexpectedEOF.
    if (e instanceof UnexpectedEnd) throw new JSONSyntaxError('unexpected EOF');
    throw e;
  }
  r.skipWhitespace();
  if (!r.atEnd()) checkTrailingToken(r);
  return value;
}

/** Mirrors OPA's trailing-token check: a second value is an error, except (quirk) a `null`. */
function checkTrailingToken(r: Reader): void {
  const c = r.text[r.pos];
  if (c === '{' || c === '[') throw new JSONSyntaxError(`error: invalid character '${c}' after top-level value`);
  if (c === 'n' && r.text.startsWith('null', r.pos)) return;
  if (c !== '"' && c !== 't' && c !== 'f' && c !== '-' && !(c >= '0' && c <= '9')) {
    throw r.invalid('looking for beginning of value');
  }
  const start = r.pos;
  let token: Value;
  try {
    token = r.value();
  } catch (e) {
    if (e instanceof UnexpectedEnd) throw new JSONSyntaxError('unexpected EOF');
    throw e;
  }
  const shown = typeof token === 'string' ? token : r.text.slice(start, r.pos);
  throw new JSONSyntaxError(`error: invalid character '${shown}' after top-level value`);
}
