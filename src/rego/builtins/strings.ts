/**
 * String builtins, with OPA's semantics (`v1/topdown/strings.go`): positions and lengths count
 * code points (Go runes), and case mapping and trimming follow Go's unicode rules.
 */
import type { Value } from '../value.js';
import { isArray, isNumber, isObject, isSet } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, operandError } from './builtin.js';
import type { Replacement } from './strings-replacer.js';
import { replaceAll } from './strings-replacer.js';
import {
  codePoints,
  elementError,
  intOperand,
  operandMessage,
  stringOperand,
  stringSliceOperand,
} from './strings-operands.js';
import { renderTemplate } from './strings-template.js';

type Fn = (args: readonly Value[]) => Value | undefined;

function def(name: string, arity: number, fn: Fn): BuiltinDef {
  return { name, arity, fn };
}

/** A builtin over two string operands. */
function twoStrings(name: string, fn: (a: string, b: string) => Value): BuiltinDef {
  return def(name, 2, ([a, b]) => fn(stringOperand(a, 0), stringOperand(b, 1)));
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Code point index of the UTF-16 index `unitIndex` in `s`, counting on from a known position. */
function codePointIndex(s: string, unitIndex: number, fromUnit = 0, fromCodePoint = 0): number {
  let count = fromCodePoint;
  for (let i = fromUnit; i < unitIndex; i++) {
    // The low half of a surrogate pair belongs to the code point already counted.
    if (!(isLowSurrogate(s.charCodeAt(i)) && i > 0 && isHighSurrogate(s.charCodeAt(i - 1)))) count++;
  }
  return count;
}

function concat([delimiter, collection]: readonly Value[]): Value {
  const separator = stringOperand(delimiter, 0);
  let items: readonly Value[];
  if (isArray(collection)) items = collection;
  else if (isSet(collection)) items = collection.values();
  else throw operandError(1, 'one of {set, array}', collection);
  for (const item of items) if (typeof item !== 'string') throw elementError(1, collection, item, 'string');
  return (items as readonly string[]).join(separator);
}

function searchOperand(v: Value): string {
  const search = stringOperand(v, 1);
  if (search === '') throw new BuiltinError('empty search character');
  return search;
}

function indexOf([base, search]: readonly Value[]): Value {
  const text = stringOperand(base, 0);
  const needle = searchOperand(search);
  const at = text.indexOf(needle);
  return at < 0 ? -1 : codePointIndex(text, at);
}

function indexOfN([base, search]: readonly Value[]): Value {
  const text = stringOperand(base, 0);
  const needle = searchOperand(search);
  const found: number[] = [];
  let unit = 0;
  let codePoint = 0;
  // Matches may overlap: OPA tests every rune position.
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    codePoint = codePointIndex(text, at, unit, codePoint);
    unit = at;
    found.push(codePoint);
  }
  return found;
}

function substring([base, start, length]: readonly Value[]): Value {
  const text = stringOperand(base, 0);
  const from = intOperand(start, 1);
  const count = intOperand(length, 2);
  if (from < 0) throw new BuiltinError('negative offset');
  const chars = codePoints(text);
  if (from >= chars.length) return '';
  return (count < 0 ? chars.slice(from) : chars.slice(from, from + count)).join('');
}

/** Go's unicode.ToLower/ToUpper map one rune to one rune; JS may expand (ß → SS), which Go never does. */
function mapRunes(s: string, map: (ch: string) => string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return map(s);
  let out = '';
  for (const ch of s) {
    const mapped = map(ch);
    out += mapped.length === ch.length || codePoints(mapped).length === 1 ? mapped : (RUNE_EXCEPTIONS[ch] ?? ch);
  }
  return out;
}

/** Runes whose full JS case mapping has several code points but whose Go simple mapping exists. */
const RUNE_EXCEPTIONS: Record<string, string> = { '\u0130': 'i' };

function formatInt([input, base]: readonly Value[]): Value {
  if (!isNumber(input)) throw operandError(0, 'number', input);
  if (!isNumber(base)) throw operandError(1, 'number', base);
  const radix = Number(base);
  if (![2, 8, 10, 16].includes(radix)) throw operandMessage(1, 'must be one of {2, 8, 10, 16}');
  // Go's big.Float.Int truncates toward zero.
  const integer = typeof input === 'bigint' ? input : BigInt(Math.trunc(input));
  return integer.toString(radix);
}

function split([text, delimiter]: readonly Value[]): Value {
  const s = stringOperand(text, 0);
  const d = stringOperand(delimiter, 1);
  if (d === '') return codePoints(s);
  return s.split(d);
}

const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_TRIM_SPACE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

function trimLeftSet(s: string, cutset: ReadonlySet<string>): string {
  const chars = codePoints(s);
  let i = 0;
  while (i < chars.length && cutset.has(chars[i])) i++;
  return chars.slice(i).join('');
}

function trimRightSet(s: string, cutset: ReadonlySet<string>): string {
  const chars = codePoints(s);
  let j = chars.length;
  while (j > 0 && cutset.has(chars[j - 1])) j--;
  return chars.slice(0, j).join('');
}

const cutsetOf = (cutset: string): ReadonlySet<string> => new Set(codePoints(cutset));

/** Strings from a string, array or set operand (any_prefix_match / any_suffix_match). */
function stringsOperand(v: Value, index: number): string[] {
  if (typeof v === 'string') return [v];
  if (isArray(v) || isSet(v)) return stringSliceOperand(v, index);
  throw operandError(index, 'one of {string, set, array}', v);
}

function anyPrefixMatch(strs: readonly string[], prefixes: readonly string[]): boolean {
  return strs.some((s) => prefixes.some((p) => s.startsWith(p)));
}

function anySuffixMatch(strs: readonly string[], suffixes: readonly string[]): boolean {
  return strs.some((s) => suffixes.some((p) => s.endsWith(p)));
}

function replaceN([patterns, text]: readonly Value[]): Value {
  if (!isObject(patterns)) throw operandError(0, 'object', patterns);
  const s = stringOperand(text, 1);
  const pairs: Replacement[] = [];
  for (const [key, value] of patterns.entries()) {
    if (typeof key !== 'string') throw operandMessage(0, 'non-string key found in pattern object');
    if (typeof value !== 'string') throw operandMessage(0, 'non-string value found in pattern object');
    pairs.push({ from: key, to: value });
  }
  return replaceAll(s, pairs);
}

function count([text, search]: readonly Value[]): Value {
  const s = stringOperand(text, 0);
  const needle = stringOperand(search, 1);
  if (needle === '') return codePoints(s).length + 1;
  return s.split(needle).length - 1;
}

function render([template, variables]: readonly Value[]): Value {
  const source = stringOperand(template, 0);
  if (!isObject(variables)) throw operandError(1, 'object', variables);
  return renderTemplate(source, variables);
}

export const builtins: BuiltinDef[] = [
  def('concat', 2, concat),
  twoStrings('contains', (s, sub) => s.includes(sub)),
  twoStrings('startswith', (s, prefix) => s.startsWith(prefix)),
  twoStrings('endswith', (s, suffix) => s.endsWith(suffix)),
  def('format_int', 2, formatInt),
  def('indexof', 2, indexOf),
  def('indexof_n', 2, indexOfN),
  def('lower', 1, ([s]) => mapRunes(stringOperand(s, 0), (x) => x.toLowerCase())),
  def('upper', 1, ([s]) => mapRunes(stringOperand(s, 0), (x) => x.toUpperCase())),
  def('replace', 3, ([s, from, to]) =>
    replaceAll(stringOperand(s, 0), [{ from: stringOperand(from, 1), to: stringOperand(to, 2) }]),
  ),
  def('split', 2, split),
  def('substring', 3, substring),
  twoStrings('trim', (s, cutset) => trimRightSet(trimLeftSet(s, cutsetOf(cutset)), cutsetOf(cutset))),
  twoStrings('trim_left', (s, cutset) => trimLeftSet(s, cutsetOf(cutset))),
  twoStrings('trim_right', (s, cutset) => trimRightSet(s, cutsetOf(cutset))),
  twoStrings('trim_prefix', (s, prefix) => (s.startsWith(prefix) ? s.slice(prefix.length) : s)),
  twoStrings('trim_suffix', (s, suffix) => (s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s)),
  def('trim_space', 1, ([s]) => stringOperand(s, 0).replace(GO_TRIM_SPACE, '')),
  def('strings.replace_n', 2, replaceN),
  def('strings.reverse', 1, ([s]) => codePoints(stringOperand(s, 0)).reverse().join('')),
  def('strings.any_prefix_match', 2, ([a, b]) => anyPrefixMatch(stringsOperand(a, 0), stringsOperand(b, 1))),
  def('strings.any_suffix_match', 2, ([a, b]) => anySuffixMatch(stringsOperand(a, 0), stringsOperand(b, 1))),
  def('strings.count', 2, count),
  def('strings.render_template', 2, render),
];
