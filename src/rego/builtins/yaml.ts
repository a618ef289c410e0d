/**
 * YAML builtins (YAML 1.2 core schema, via the `yaml` package). Like OPA, YAML is read as JSON data:
 * map keys become strings, and the text must be valid as a whole (every document in the stream).
 */
import { parseAllDocuments, stringify } from 'yaml';
import type { Value } from '../value.js';
import { ObjectValue, compareStrings, isArray, isSet, normalizeInt, numberToString } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, operandError } from './builtin.js';
import { objectKeyText } from './json-encode.js';

class YAMLDataError extends Error {}

/** Parses a YAML stream and returns its first document as a Rego value (null for an empty stream). */
function parseYAML(text: string): Value {
  const docs = parseAllDocuments(text, { intAsBigInt: true });
  if (!Array.isArray(docs)) return null; // an empty stream
  for (const doc of docs) {
    const [first] = doc.errors;
    if (first) {
      const where = first.linePos ? `line ${first.linePos[0].line}: ` : '';
      const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:$/, '');
      throw new YAMLDataError(`yaml: ${where}${message}`);
    }
  }
  if (docs.length === 0) return null;
  return toValue(docs[0].toJS({ mapAsMap: true, maxAliasCount: 100 }));
}

function toValue(x: unknown): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'boolean':
    case 'string':
      return x;
    case 'bigint':
      return normalizeInt(x);
    case 'number':
      if (!Number.isFinite(x)) throw new YAMLDataError(`json: unsupported value: ${String(x)}`);
      return x;
    default:
      break;
  }
  if (Array.isArray(x)) return x.map(toValue);
  if (x instanceof Map) {
    const out = new ObjectValue();
    for (const [k, v] of x) out.put(keyText(k), toValue(v));
    return out;
  }
  if (x instanceof Uint8Array) return Buffer.from(x).toString('base64');
  if (x instanceof Set) return [...x].map(toValue);
  throw new YAMLDataError(`yaml: cannot convert ${typeof x} to JSON`);
}

/** JSON object keys must be strings: scalar keys are written out, as Go's YAMLToJSON does. */
function keyText(k: unknown): string {
  if (typeof k === 'string') return k;
  if (k === null || k === undefined) return 'null';
  if (typeof k === 'boolean') return String(k);
  if (typeof k === 'number' || typeof k === 'bigint') return numberToString(typeof k === 'bigint' ? normalizeInt(k) : k);
  throw new YAMLDataError('yaml: invalid map key: only scalar keys are supported');
}

function unmarshal(args: readonly Value[]): Value {
  const text = args[0];
  if (typeof text !== 'string') throw operandError(0, 'string', text);
  try {
    return parseYAML(text);
  } catch (e) {
    if (e instanceof YAMLDataError) throw new BuiltinError(e.message);
    throw e;
  }
}

function isValid(args: readonly Value[]): Value {
  const text = args[0];
  if (typeof text !== 'string') return false;
  try {
    parseYAML(text);
    return true;
  } catch (e) {
    if (e instanceof YAMLDataError) return false;
    throw e;
  }
}

/** Block style with sequences flush under their key, as Go's YAML encoder writes them. */
function marshal(args: readonly Value[]): Value {
  return stringify(toYAMLData(args[0]), { indentSeq: false });
}

/** Plain data for the encoder; Maps keep Go's key order and are safe for keys like "__proto__". */
function toYAMLData(v: Value): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isArray(v)) return v.map(toYAMLData);
  if (isSet(v)) return v.values().map(toYAMLData);
  const entries = v.entries().map(([k, x]) => [objectKeyText(k), toYAMLData(x)] as const);
  return new Map([...entries].sort((a, b) => compareStrings(a[0], b[0])));
}

export const builtins: BuiltinDef[] = [
  { name: 'yaml.marshal', arity: 1, fn: marshal },
  { name: 'yaml.unmarshal', arity: 1, fn: unmarshal },
  { name: 'yaml.is_valid', arity: 1, fn: isValid },
];
