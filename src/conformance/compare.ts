/**
 * Comparison of a case's actual outcome with its expectations, following OPA's own runner:
 * rows form an unordered collection, values are compared as JSON (sets become sorted arrays),
 * numbers by value, and `sort_bindings` sorts array values before comparing.
 */
import { RegoError, RegoErrors } from '../rego/errors.js';
import type { Value } from '../rego/value.js';
import { ObjectValue, compare, equal, fromJSON, isArray, stringify, toJSON } from '../rego/value.js';
import type { ConformanceCase } from './case.js';

export type Row = ReadonlyMap<string, Value>;

export interface ComparisonOptions {
  sortBindings: boolean;
  ignoreGeneratedVars: boolean;
}

/** Whether a thrown value is one of the engine's own errors (anything else is a crash). */
export function isRegoError(err: unknown): err is RegoError | RegoErrors {
  return err instanceof RegoError || err instanceof RegoErrors;
}

/** A value as it looks once serialised to JSON and read back: what OPA's runner compares. */
export function asJSONValue(v: Value): Value {
  return fromJSON(toJSON(v));
}

function sortedIfArray(v: Value): Value {
  return isArray(v) ? [...v].sort(compare) : v;
}

function rowToObject(entries: Iterable<readonly [string, Value]>, options: ComparisonOptions): ObjectValue {
  const out = new ObjectValue();
  for (const [name, value] of entries) {
    const plain = asJSONValue(value);
    out.put(name, options.sortBindings ? sortedIfArray(plain) : plain);
  }
  return out;
}

/** Normalises the engine's rows for comparison (drops generated vars when asked). */
export function normalizeActualRows(rows: readonly Row[], options: ComparisonOptions): ObjectValue[] {
  return rows.map((row) =>
    rowToObject(
      [...row].filter(([name]) => !(options.ignoreGeneratedVars && name.startsWith('__'))),
      options,
    ),
  );
}

/** Normalises the YAML's expected rows (plain JSON data) the same way. */
export function normalizeExpectedRows(rows: readonly Record<string, unknown>[], options: ComparisonOptions): ObjectValue[] {
  return rows.map((row) => rowToObject(Object.entries(row).map(([k, v]) => [k, fromJSON(v)] as const), options));
}

/** Compares two collections of rows as multisets: same size, and equal once both are sorted. */
export function rowsMatch(expected: readonly ObjectValue[], actual: readonly ObjectValue[]): boolean {
  if (expected.length !== actual.length) return false;
  const a = [...expected].sort(compare);
  const b = [...actual].sort(compare);
  return a.every((row, i) => equal(row, b[i]));
}

export function renderRows(rows: readonly ObjectValue[]): string {
  return stringify(rows);
}

/** Why an error did not meet the case's error expectation, or undefined when it did. */
export function errorMismatch(testCase: ConformanceCase, err: RegoError | RegoErrors): string | undefined {
  const codes = err instanceof RegoErrors ? [err.code, ...err.errors.map((e) => e.code)] : [err.code];
  if (testCase.wantErrorCode !== undefined && !codes.includes(testCase.wantErrorCode as RegoError['code'])) {
    return `expected error code ${testCase.wantErrorCode}, got ${err.code}: ${err.message}`;
  }
  if (testCase.wantError !== undefined && !err.message.includes(testCase.wantError)) {
    return `expected error containing ${JSON.stringify(testCase.wantError)}, got: ${err.message}`;
  }
  return undefined;
}

function describeExpectedError(testCase: ConformanceCase): string {
  const parts = ['error'];
  if (testCase.wantErrorCode !== undefined) parts.push(testCase.wantErrorCode);
  if (testCase.wantError !== undefined) parts.push(`containing ${JSON.stringify(testCase.wantError)}`);
  return parts.join(' ');
}

export function expectsError(testCase: ConformanceCase): boolean {
  return testCase.wantErrorCode !== undefined || testCase.wantError !== undefined;
}

/** Why the rows do not meet the case's result expectation, or undefined when they do. */
export function resultMismatch(testCase: ConformanceCase, rows: readonly Row[]): string | undefined {
  if (expectsError(testCase)) {
    return `expected ${describeExpectedError(testCase)}, got ${rows.length} result(s)`;
  }
  if (testCase.wantResult === undefined) return 'case has no expectation';
  const options = { sortBindings: testCase.sortBindings, ignoreGeneratedVars: testCase.ignoreGeneratedVars };
  const expected = normalizeExpectedRows(testCase.wantResult, options);
  const actual = normalizeActualRows(rows, options);
  if (rowsMatch(expected, actual)) return undefined;
  return `result mismatch: expected ${renderRows(expected)}, got ${renderRows(actual)}`;
}
