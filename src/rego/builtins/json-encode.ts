/**
 * JSON text exactly as OPA's json.marshal writes it (Go's encoding/json over OPA's ast.JSON):
 * object keys sorted, sets written as sorted arrays, non-string keys written in Rego syntax,
 * and Go's HTML-safe escaping of <, > and & and of U+2028/U+2029.
 */
import type { Value } from '../value.js';
import { ObjectValue, SetValue, compareStrings, numberToString, toRegoString } from '../value.js';

export interface IndentOptions {
  readonly prefix: string;
  readonly indent: string;
}

/** Go's json.Marshal (compact) or json.MarshalIndent (when `indent` is given). */
export function encodeJSON(v: Value, indent?: IndentOptions): string {
  return write(v, indent, indent?.prefix ?? '');
}

/** A JSON string literal with Go's escaping. */
export function quoteJSONString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** ast.JSON's rule for object keys: strings stay as they are, other keys become their Rego text. */
export function objectKeyText(k: Value): string {
  return typeof k === 'string' ? k : toRegoString(k);
}

function write(v: Value, indent: IndentOptions | undefined, lineStart: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return String(v);
    case 'number':
    case 'bigint':
      return numberToString(v);
    case 'string':
      return quoteJSONString(v);
    default:
      break;
  }
  if (v instanceof ObjectValue) {
    // Go sorts the keys of the marshalled map by their (string) text.
    const entries = v.entries().map(([k, x]) => [objectKeyText(k), x] as const);
    entries.sort((a, b) => compareStrings(a[0], b[0]));
    const parts = entries.map(([k, x]) => quoteJSONString(k) + (indent ? ': ' : ':') + write(x, indent, lineStart + (indent?.indent ?? '')));
    return wrap('{', '}', parts, indent, lineStart);
  }
  const items = v instanceof SetValue ? v.values() : v;
  return wrap('[', ']', items.map((x) => write(x, indent, lineStart + (indent?.indent ?? ''))), indent, lineStart);
}

function wrap(open: string, close: string, parts: string[], indent: IndentOptions | undefined, lineStart: string): string {
  if (parts.length === 0) return open + close;
  if (!indent) return open + parts.join(',') + close;
  const inner = lineStart + indent.indent;
  return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${lineStart}${close}`;
}
