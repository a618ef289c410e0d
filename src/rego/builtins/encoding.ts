/**
 * base64, base64url, hex and URL query encodings, with Go's strictness and error wording
 * (Node's own decoders silently skip bad input, so decoding is done here).
 */
import type { Value } from '../value.js';
import { ObjectValue, compareStrings, isArray, isObject, isSet } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, OperandError, operandError } from './builtin.js';
import { objectKeyText } from './json-encode.js';

function stringArg(args: readonly Value[], i: number): string {
  const v = args[i];
  if (typeof v !== 'string') throw operandError(i, 'string', v);
  return v;
}

const bytesOf = (s: string): Buffer => Buffer.from(s, 'utf8');
const textOf = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;
const PAD = 0x3d; // '='

/**
 * Go's padded base64 decoding: newlines are ignored, padding is required, anything after the
 * padding is an error. Throws "illegal base64 data at input byte N".
 */
export function decodeBase64(input: string, alphabet: string): Uint8Array {
  const src = bytesOf(input);
  const table = new Map<number, number>([...alphabet].map((c, i) => [c.charCodeAt(0), i]));
  const out: number[] = [];
  const corrupt = (at: number): BuiltinError => new BuiltinError(`illegal base64 data at input byte ${at}`);
  let si = 0;
  for (;;) {
    const quantum: number[] = [];
    let padded = false;
    while (quantum.length < 4 && !padded) {
      if (si === src.length) {
        if (quantum.length === 0) return Uint8Array.from(out);
        throw corrupt(si - quantum.length);
      }
      const c = src[si++];
      const d = table.get(c);
      if (d !== undefined) quantum.push(d);
      else if (isNewline(c)) continue;
      else if (c !== PAD || quantum.length < 2) throw corrupt(si - 1);
      else {
        if (quantum.length === 2) {
          // "==" is expected: the first "=" is consumed, find the second one.
          while (isNewline(src[si])) si++;
          if (si === src.length) throw corrupt(src.length);
          if (src[si] !== PAD) throw corrupt(si - 1);
          si++;
        }
        while (isNewline(src[si])) si++;
        if (si < src.length) throw corrupt(si);
        padded = true;
      }
    }
    const [a, b, c = 0, d = 0] = quantum;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out.push((n >> 16) & 0xff);
    if (quantum.length >= 3) out.push((n >> 8) & 0xff);
    if (quantum.length === 4) out.push(n & 0xff);
    if (padded) return Uint8Array.from(out);
  }
}

function base64urlDecode(args: readonly Value[]): Value {
  let s = stringArg(args, 0);
  // Unpadded input is accepted (RFC 7515 appendix C): restore the padding first.
  if (!s.endsWith('=')) {
    const rem = bytesOf(s).length % 4;
    if (rem === 1) throw new BuiltinError(`illegal base64url string: ${s}`);
    s += rem === 2 ? '==' : rem === 3 ? '=' : '';
  }
  return textOf(decodeBase64(s, URL_ALPHABET));
}

function hexDecode(args: readonly Value[]): Value {
  const src = bytesOf(stringArg(args, 0));
  const digit = (b: number): number => {
    const c = String.fromCharCode(b);
    return /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1;
  };
  const invalid = (b: number): BuiltinError => new BuiltinError(`encoding/hex: invalid byte: ${goUnicodeVerb(b)}`);
  const out: number[] = [];
  let j = 1;
  for (; j < src.length; j += 2) {
    const hi = digit(src[j - 1]);
    const lo = digit(src[j]);
    if (hi < 0) throw invalid(src[j - 1]);
    if (lo < 0) throw invalid(src[j]);
    out.push((hi << 4) | lo);
  }
  if (src.length % 2 === 1) {
    if (digit(src[j - 1]) < 0) throw invalid(src[j - 1]);
    throw new BuiltinError('encoding/hex: odd length hex string');
  }
  return textOf(Uint8Array.from(out));
}

/** Go's %#U: "U+0067 'g'" (the character is shown only when printable). */
function goUnicodeVerb(code: number): string {
  const hex = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
  const c = String.fromCodePoint(code);
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c) ? `${hex} '${c}'` : hex;
}

/** Go's url.QueryEscape: unreserved bytes stay, space becomes '+', everything else is %XX. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of bytesOf(s)) {
    const c = String.fromCharCode(b);
    if (/^[A-Za-z0-9\-_.~]$/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Go's url.QueryUnescape: '+' is a space; a bad escape is `invalid URL escape "%zz"`. */
export function queryUnescape(s: string): string {
  const src = bytesOf(s);
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const b = src[i];
    if (b === 0x25) {
      const pair = String.fromCharCode(src[i + 1] ?? 0, src[i + 2] ?? 0);
      if (i + 2 >= src.length || !/^[0-9a-fA-F]{2}$/.test(pair)) {
        const bad = textOf(src.subarray(i, Math.min(i + 3, src.length)));
        throw new BuiltinError(`invalid URL escape ${JSON.stringify(bad)}`);
      }
      out.push(parseInt(pair, 16));
      i += 2;
    } else out.push(b === 0x2b ? 0x20 : b);
  }
  return textOf(Uint8Array.from(out));
}

const ENCODE_OBJECT_ERROR = 'operand 1 values must be string, array[string], or set[string]';

function encodeObject(args: readonly Value[]): Value {
  const obj = args[0];
  if (!isObject(obj)) throw operandError(0, 'object', obj);
  const byKey = new Map<string, string[]>();
  for (const [k, v] of obj.entries()) {
    const values = isArray(v) ? v : isSet(v) ? v.values() : [v];
    if (!isArray(v) && !isSet(v) && typeof v !== 'string') throw new OperandError(ENCODE_OBJECT_ERROR);
    const strings = values.map((x) => {
      if (typeof x !== 'string') throw new OperandError(ENCODE_OBJECT_ERROR);
      return x;
    });
    byKey.set(objectKeyText(k), strings);
  }
  // url.Values.Encode: keys sorted, each value written as its own key=value pair.
  return [...byKey.keys()]
    .sort(compareStrings)
    .flatMap((k) => byKey.get(k)!.map((v) => `${queryEscape(k)}=${queryEscape(v)}`))
    .join('&');
}

/** Go's url.ParseQuery: the first error wins, but only after the whole query is read. */
function decodeObject(args: readonly Value[]): Value {
  const query = stringArg(args, 0);
  const params = new Map<string, string[]>();
  let firstError: BuiltinError | undefined;
  for (const pair of query.split('&')) {
    if (pair.includes(';')) {
      firstError ??= new BuiltinError('invalid semicolon separator in query');
      continue;
    }
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawKey, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    try {
      const key = queryUnescape(rawKey);
      const value = queryUnescape(rawValue);
      params.set(key, [...(params.get(key) ?? []), value]);
    } catch (e) {
      if (!(e instanceof BuiltinError)) throw e;
      firstError ??= e;
    }
  }
  if (firstError) throw firstError;
  return ObjectValue.fromEntries([...params].map(([k, vs]) => [k, vs]));
}

export const builtins: BuiltinDef[] = [
  { name: 'base64.encode', arity: 1, fn: (args) => bytesOf(stringArg(args, 0)).toString('base64') },
  { name: 'base64.decode', arity: 1, fn: (args) => textOf(decodeBase64(stringArg(args, 0), STD_ALPHABET)) },
  {
    name: 'base64.is_valid',
    arity: 1,
    fn: ([s]) => {
      if (typeof s !== 'string') return false;
      try {
        decodeBase64(s, STD_ALPHABET);
        return true;
      } catch {
        return false;
      }
    },
  },
  { name: 'base64url.encode', arity: 1, fn: (args) => bytesOf(stringArg(args, 0)).toString('base64url').padEnd(paddedLength(args[0]), '=') },
  { name: 'base64url.encode_no_pad', arity: 1, fn: (args) => bytesOf(stringArg(args, 0)).toString('base64url') },
  { name: 'base64url.decode', arity: 1, fn: base64urlDecode },
  { name: 'hex.encode', arity: 1, fn: (args) => bytesOf(stringArg(args, 0)).toString('hex') },
  { name: 'hex.decode', arity: 1, fn: hexDecode },
  { name: 'urlquery.encode', arity: 1, fn: (args) => queryEscape(stringArg(args, 0)) },
  { name: 'urlquery.decode', arity: 1, fn: (args) => queryUnescape(stringArg(args, 0)) },
  { name: 'urlquery.encode_object', arity: 1, fn: encodeObject },
  { name: 'urlquery.decode_object', arity: 1, fn: decodeObject },
];

/** Length of the padded base64 text for a string's UTF-8 bytes. */
function paddedLength(s: Value): number {
  return Math.ceil(bytesOf(s as string).length / 3) * 4;
}

