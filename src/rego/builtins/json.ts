/** JSON builtins: marshal/unmarshal, filter/remove/patch, and JSON Schema checks. */
import type { Value } from '../value.js';
import { isArray, isObject, toRegoString, typeName } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, OperandError, operandError } from './builtin.js';
import { encodeJSON } from './json-encode.js';
import type { IndentOptions } from './json-encode.js';
import { JSONSyntaxError, decodeJSON, isValidJSON } from './json-parse.js';
import { PatchError, applyPatch } from './json-patch.js';
import { filterValue, parsePaths, pathsToTree, removeValue } from './json-paths.js';
import { SchemaError, compileSchema, loadJSONOperand, validateAgainst, violationsToValue } from './json-schema.js';

function stringArg(args: readonly Value[], i: number): string {
  const v = args[i];
  if (typeof v !== 'string') throw operandError(i, 'string', v);
  return v;
}

/** Reads json.marshal_with_options' options object; every problem is a type error, as in OPA. */
function marshalOptions(options: Value): IndentOptions | undefined {
  if (!isObject(options)) throw operandError(1, 'object', options);
  let indent = '\t';
  let prefix = '';
  let implicitPretty = false;
  let explicitPretty: boolean | undefined;
  options.entries().forEach(([key, value], idx) => {
    if (typeof key !== 'string') {
      throw new OperandError(
        `operand 2 failed to stringify key ${toRegoString(key)} at index ${idx}: operand ${idx} must be string but got ${typeName(key)}`,
      );
    }
    const asString = (): string => {
      if (typeof value !== 'string') {
        throw new OperandError(`operand 2 key ${key} failed cast to string: operand ${idx} must be string but got ${typeName(value)}`);
      }
      return value;
    };
    switch (key) {
      case 'prefix':
        prefix = asString();
        implicitPretty = true;
        break;
      case 'indent':
        indent = asString();
        implicitPretty = true;
        break;
      case 'pretty':
        if (typeof value !== 'boolean') throw new OperandError(`operand 2 key ${key} failed cast to bool`);
        explicitPretty = value;
        break;
      default:
        throw new OperandError(`operand 2 object contained unknown key ${key}`);
    }
  });
  return (explicitPretty ?? implicitPretty) ? { prefix, indent } : undefined;
}

function marshalWithOptions(args: readonly Value[]): Value {
  const indent = marshalOptions(args[1]);
  // Go's MarshalIndent does not prefix the first line; OPA adds it.
  return indent ? indent.prefix + encodeJSON(args[0], indent) : encodeJSON(args[0]);
}

function unmarshal(args: readonly Value[]): Value {
  const text = stringArg(args, 0);
  try {
    return decodeJSON(text);
  } catch (e) {
    if (e instanceof JSONSyntaxError) throw new BuiltinError(e.message);
    throw e;
  }
}

function filter(args: readonly Value[]): Value {
  const obj = args[0];
  if (!isObject(obj)) throw operandError(0, 'object', obj);
  return filterValue(obj, pathsToTree(parsePaths(args[1])));
}

function remove(args: readonly Value[]): Value | undefined {
  const obj = args[0];
  if (!isObject(obj)) throw operandError(0, 'object', obj);
  return removeValue(obj, pathsToTree(parsePaths(args[1])));
}

function patch(args: readonly Value[]): Value | undefined {
  const operations = args[1];
  if (!isArray(operations)) throw operandError(1, 'array', operations);
  try {
    return applyPatch(args[0], operations);
  } catch (e) {
    // OPA makes json.patch undefined when any operation fails.
    if (e instanceof PatchError) return undefined;
    throw e;
  }
}

/** json.verify_schema never fails: it answers [true, null] or [false, "jsonschema: <why>"]. */
function verifySchema(args: readonly Value[]): Value {
  try {
    compileSchema(loadJSONOperand(args[0]));
    return [true, null];
  } catch (e) {
    if (e instanceof SchemaError) return [false, `jsonschema: ${e.message}`];
    throw e;
  }
}

function matchSchema(args: readonly Value[]): Value {
  try {
    const document = loadJSONOperand(args[0]);
    const violations = validateAgainst(compileSchema(loadJSONOperand(args[1])), document);
    return [violations.length === 0, violationsToValue(violations)];
  } catch (e) {
    if (e instanceof SchemaError) throw new BuiltinError(e.message);
    throw e;
  }
}

export const builtins: BuiltinDef[] = [
  { name: 'json.marshal', arity: 1, fn: (args) => encodeJSON(args[0]) },
  { name: 'json.marshal_with_options', arity: 2, fn: marshalWithOptions },
  { name: 'json.unmarshal', arity: 1, fn: unmarshal },
  { name: 'json.is_valid', arity: 1, fn: ([s]) => typeof s === 'string' && isValidJSON(s) },
  { name: 'json.filter', arity: 2, fn: filter },
  { name: 'json.remove', arity: 2, fn: remove },
  { name: 'json.patch', arity: 2, fn: patch },
  { name: 'json.verify_schema', arity: 1, fn: verifySchema },
  { name: 'json.match_schema', arity: 2, fn: matchSchema },
];
