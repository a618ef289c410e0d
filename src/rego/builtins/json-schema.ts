/**
 * JSON Schema support for json.verify_schema and json.match_schema, on top of ajv (draft-07),
 * reporting errors in the shapes and wording of gojsonschema, the library OPA uses.
 * Remote `$ref`s are never fetched: ajv only resolves references it already knows.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { RE2JS } from 're2js';
import type { Value } from '../value.js';
import { ObjectValue, isArray, isObject } from '../value.js';
import { encodeJSON } from './json-encode.js';
import { decodeJSON, isValidJSON } from './json-parse.js';

export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

/** Converts a schema or document operand (JSON text, object or array) to plain JSON data. */
export function loadJSONOperand(v: Value): unknown {
  if (typeof v === 'string') {
    if (!isValidJSON(v)) throw new SchemaError('invalid JSON string');
    return toPlain(decodeJSON(v));
  }
  if (isObject(v) || isArray(v)) return toPlain(v);
  throw new SchemaError('wrong type, expected string or object');
}

/** Plain JS data for ajv: big integers become (approximate) numbers, sets become arrays. */
function toPlain(v: Value): unknown {
  return JSON.parse(encodeJSON(v)) as unknown;
}

/** gojsonschema compiles patterns with Go's RE2; so do we, which also keeps matching linear-time. */
const re2Engine = Object.assign(
  (pattern: string) => {
    const re = RE2JS.compile(pattern);
    return { test: (s: string) => re.matcher(s).find() };
  },
  { code: 're2js' },
);

const ajv = new Ajv({
  allErrors: true,
  strict: false,
  verbose: true,
  logger: false,
  code: { regExp: re2Engine },
});
addFormatsModule.default(ajv);

const VALID_TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];
/** Keywords whose values are data, not subschemas: they are passed through untouched. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'required']);

/** Stands in for an empty `enum` (which ajv refuses to compile): a value no document holds. */
const NOTHING_ALLOWED = '\u0000tfguard:empty-enum\u0000';

function checkType(sub: unknown): void {
  const types: unknown[] = Array.isArray(sub) ? sub : [sub];
  for (const t of types) {
    if (typeof t === 'string' && !VALID_TYPES.includes(t)) {
      throw new SchemaError(
        `has a primitive type that is NOT VALID -- given: /${t}/ Expected valid values are:[${VALID_TYPES.join(' ')}]`,
      );
    }
  }
}

/**
 * Prepares a schema for ajv: checks `type` values as gojsonschema does (with its message), and
 * swaps an empty `enum` (valid for gojsonschema, rejecting everything) for one that matches nothing.
 */
function prepare(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(prepare);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'type') checkType(sub);
    if (key === 'enum' && Array.isArray(sub) && sub.length === 0) out[key] = [NOTHING_ALLOWED];
    else if (DATA_KEYWORDS.has(key) || key === 'type') out[key] = sub;
    else if (SCHEMA_MAPS.has(key) && sub !== null && typeof sub === 'object' && !Array.isArray(sub)) {
      out[key] = Object.fromEntries(Object.entries(sub as Record<string, unknown>).map(([k, v]) => [k, prepare(v)]));
    } else out[key] = prepare(sub);
  }
  return out;
}

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);

const compiled = new Map<string, ValidateFunction>();
const CACHE_LIMIT = 100;

/** Compiles (and caches) a schema; throws SchemaError with a gojsonschema-like message. */
export function compileSchema(schema: unknown): ValidateFunction {
  const cacheKey = JSON.stringify(schema);
  const hit = compiled.get(cacheKey);
  if (hit) return hit;
  // ajv only knows draft-07; gojsonschema also accepts draft-04/06, which are close enough here.
  let prepared = prepare(schema);
  if (prepared !== null && typeof prepared === 'object' && !Array.isArray(prepared) && '$schema' in prepared) {
    const { $schema: _ignored, ...rest } = prepared as Record<string, unknown>;
    prepared = rest;
  }
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(prepared as object | boolean);
  } catch (e) {
    throw new SchemaError(e instanceof Error ? e.message : String(e));
  }
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(cacheKey, validate);
  return validate;
}

export interface SchemaViolation {
  readonly error: string;
  readonly type: string;
  readonly field: string;
  readonly desc: string;
}

/** Validates a document; returns gojsonschema-shaped errors (empty when valid). */
export function validateAgainst(validate: ValidateFunction, document: unknown): SchemaViolation[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).flatMap(toViolation);
}

export function violationsToValue(violations: readonly SchemaViolation[]): Value[] {
  return violations.map((v) =>
    ObjectValue.fromEntries([
      ['desc', v.desc],
      ['error', v.error],
      ['field', v.field],
      ['type', v.type],
    ]),
  );
}

function fieldOf(instancePath: string): string {
  if (instancePath === '') return '(root)';
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}

function goTypeOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  if (typeof x === 'number') return Number.isInteger(x) ? 'integer' : 'number';
  return typeof x;
}

const json = (x: unknown): string => JSON.stringify(x);

/** gojsonschema's type name and description for one ajv error; undefined for ajv-only bookkeeping. */
function describe(err: ErrorObject, field: string): [string, string] | undefined {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'type': {
      const types = Array.isArray(err.schema) ? (err.schema as string[]) : String(p.type).split(',');
      const expected = types.length > 1 ? `[${types.join(',')}]` : types[0];
      return ['invalid_type', `Invalid type. Expected: ${expected}, given: ${goTypeOf(err.data)}`];
    }
    case 'required':
      return ['required', `${String(p.missingProperty)} is required`];
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).filter((x) => x !== NOTHING_ALLOWED);
      return ['enum', `${field} must be one of the following: ${allowed.map(json).join(', ')}`];
    }
    case 'const':
      return ['const', `${field} does not match: ${json(p.allowedValue)}`];
    case 'additionalProperties':
      return ['additional_property_not_allowed', `Additional property ${String(p.additionalProperty)} is not allowed`];
    case 'minLength':
      return ['string_gte', `String length must be greater than or equal to ${String(p.limit)}`];
    case 'maxLength':
      return ['string_lte', `String length must be less than or equal to ${String(p.limit)}`];
    case 'pattern':
      return ['pattern', `Does not match pattern '${String(p.pattern)}'`];
    case 'format':
      return ['format', `Does not match format '${String(p.format)}'`];
    case 'minimum':
      return ['number_gte', `Must be greater than or equal to ${String(p.limit)}`];
    case 'exclusiveMinimum':
      return ['number_gt', `Must be greater than ${String(p.limit)}`];
    case 'maximum':
      return ['number_lte', `Must be less than or equal to ${String(p.limit)}`];
    case 'exclusiveMaximum':
      return ['number_lt', `Must be less than ${String(p.limit)}`];
    case 'multipleOf':
      return ['multiple_of', `Must be a multiple of ${String(p.multipleOf)}`];
    case 'minItems':
      return ['array_min_items', `Array must have at least ${String(p.limit)} items`];
    case 'maxItems':
      return ['array_max_items', `Array must have at most ${String(p.limit)} items`];
    case 'uniqueItems': {
      const [i, j] = [Number(p.j), Number(p.i)].sort((a, b) => a - b);
      return ['unique', `array items[${i},${j}] must be unique`];
    }
    case 'minProperties':
      return ['array_min_properties', `Must have at least ${String(p.limit)} properties`];
    case 'maxProperties':
      return ['array_max_properties', `Must have at most ${String(p.limit)} properties`];
    case 'anyOf':
      return ['number_any_of', 'Must validate at least one schema (anyOf)'];
    case 'oneOf':
      return ['number_one_of', 'Must validate one and only one schema (oneOf)'];
    case 'not':
      return ['number_not', 'Must not validate the schema (not)'];
    case 'contains':
      return ['contains', 'At least one of the items must match'];
    case 'dependencies':
      return ['missing_dependency', `Has a dependency on ${String(p.missingProperty)}`];
    case 'propertyNames':
      return ['invalid_property_name', `Property name of "${String(p.propertyName)}" does not match`];
    case 'if':
      return p.failingKeyword === 'then'
        ? ['condition_then', 'Must validate "then" as "if" was valid']
        : ['condition_else', 'Must validate "else" as "if" was not valid'];
    case 'false schema':
      return ['false', 'False always fails validation'];
    case 'additionalItems':
      return ['array_no_additional_items', 'No additional items allowed on array'];
    default:
      return [err.keyword, err.message ?? 'invalid'];
  }
}

function toViolation(err: ErrorObject): SchemaViolation[] {
  // propertyNames reports the offending name through a nested error: keep only the summary one.
  if (err.propertyName !== undefined && err.keyword !== 'propertyNames') return [];
  const field = fieldOf(err.instancePath);
  const described = describe(err, field);
  if (!described) return [];
  const [type, desc] = described;
  return [{ error: `${field}: ${desc}`, type, field, desc }];
}
