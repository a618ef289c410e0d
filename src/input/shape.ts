/**
 * Is this parsed JSON a Terraform plan or state we can read? Checks in the order that gives the most useful
 * single line: the top-level type, then look-alikes (raw tfstate, provider schemas), then format_version,
 * then the JSON Schema of the detected kind.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import planSchema from './schema/plan.schema.json' with { type: 'json' };
import stateSchema from './schema/state.schema.json' with { type: 'json' };
import { InputError, type DocumentKind } from './document.js';

export type JsonObject = Record<string, unknown>;

export interface DocumentShape {
  kind: DocumentKind;
  formatVersion: string;
  terraformVersion?: string;
  raw: JsonObject;
}

/** Keys only a plan has; a state is `values` (or nothing at all, for an empty state) under `format_version`. */
const PLAN_KEYS = [
  'planned_values',
  'resource_changes',
  'resource_drift',
  'output_changes',
  'prior_state',
  'configuration',
  'deferred_changes',
  'relevant_attributes',
  'errored',
  'applyable',
  'complete',
];
const STATE_ONLY_KEYS = new Set(['format_version', 'terraform_version', 'values', 'checks']);
const NOT_A_DOCUMENT = 'not a Terraform plan or state';

let validators: { plan: ValidateFunction; state: ValidateFunction } | undefined;

function getValidators(): { plan: ValidateFunction; state: ValidateFunction } {
  if (!validators) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    ajv.addSchema(stateSchema);
    validators = { plan: ajv.compile(planSchema), state: ajv.getSchema(stateSchema.$id) as ValidateFunction };
  }
  return validators;
}

export function checkShape(value: unknown, path: string): DocumentShape {
  if (!isObject(value)) {
    throw new InputError(`${NOT_A_DOCUMENT}: expected an object with "format_version", found ${describeJsonType(value)}`, path);
  }
  if (!('format_version' in value)) throw new InputError(describeObjectWithoutFormatVersion(value), path);
  const formatVersion = checkFormatVersion(value.format_version, path);
  const kind = detectKind(value, path);
  validateAgainstSchema(kind, value, path);
  const terraformVersion = typeof value.terraform_version === 'string' ? value.terraform_version : undefined;
  return { kind, formatVersion, terraformVersion, raw: value };
}

function describeObjectWithoutFormatVersion(value: JsonObject): string {
  if ('lineage' in value && 'serial' in value && 'resources' in value) {
    return `${NOT_A_DOCUMENT}: this is a raw state file (terraform.tfstate); convert it with \`terraform show -json > state.json\``;
  }
  const keys = Object.keys(value);
  const shown = keys.slice(0, 5).map((key) => JSON.stringify(key));
  const found = keys.length === 0 ? 'an empty object' : `an object with keys ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}`;
  return `${NOT_A_DOCUMENT}: expected an object with "format_version", found ${found}`;
}

function checkFormatVersion(version: unknown, path: string): string {
  if (typeof version !== 'string') {
    throw new InputError(`${NOT_A_DOCUMENT}: expected "format_version" to be a string like "1.2", found ${describeJsonType(version)}`, path);
  }
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) throw new InputError(`${NOT_A_DOCUMENT}: expected "format_version" like "1.2", found ${JSON.stringify(version)}`, path);
  const major = Number(match[1]);
  if (major > 1) {
    throw new InputError(
      `unsupported format_version ${JSON.stringify(version)}: tfguard reads Terraform JSON format 0.x and 1.x; a new major version is not backward-compatible`,
      path,
    );
  }
  return version;
}

function detectKind(value: JsonObject, path: string): DocumentKind {
  if (PLAN_KEYS.some((key) => key in value)) return 'plan';
  if ('provider_schemas' in value) {
    throw new InputError(`${NOT_A_DOCUMENT}: this is \`terraform providers schema -json\` output`, path);
  }
  if ('diagnostics' in value && 'valid' in value) {
    throw new InputError(`${NOT_A_DOCUMENT}: this is \`terraform validate -json\` output`, path);
  }
  if (Object.keys(value).every((key) => STATE_ONLY_KEYS.has(key)) || 'values' in value) return 'state';
  throw new InputError(
    `${NOT_A_DOCUMENT}: found an object with "format_version" but neither plan keys ("planned_values", "resource_changes") nor state "values"`,
    path,
  );
}

function validateAgainstSchema(kind: DocumentKind, value: JsonObject, path: string): void {
  const validate = getValidators()[kind];
  if (validate(value)) return;
  const error = validate.errors?.[0];
  throw new InputError(`not a valid Terraform ${kind}: ${error ? describeSchemaError(error) : 'does not match the format'}`, path);
}

function describeSchemaError(error: ErrorObject): string {
  const where = jsonPointerToPath(error.instancePath) || 'the document';
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty?: string }).missingProperty ?? '?';
    return `${where} is missing "${missing}"`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** `/resource_changes/3/change/actions` → `resource_changes[3].change.actions`. */
export function jsonPointerToPath(pointer: string): string {
  let out = '';
  for (const rawSegment of pointer.split('/').slice(1)) {
    const segment = rawSegment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a JSON array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return `${String(value)}`;
    default:
      return 'an object';
  }
}
