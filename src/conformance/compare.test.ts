import { describe, expect, it } from 'vitest';
import { RegoError, RegoErrors } from '../rego/errors.js';
import type { Value } from '../rego/value.js';
import { ObjectValue, SetValue } from '../rego/value.js';
import type { ConformanceCase } from './case.js';
import { errorMismatch, resultMismatch, rowsMatch, normalizeActualRows, normalizeExpectedRows } from './compare.js';

function makeCase(fields: Partial<ConformanceCase>): ConformanceCase {
  return {
    note: 'n',
    query: 'q',
    modules: [],
    hasInput: false,
    strictError: false,
    sortBindings: false,
    ignoreGeneratedVars: false,
    ...fields,
  };
}

const row = (entries: Record<string, Value>): Map<string, Value> => new Map(Object.entries(entries));
const obj = (entries: [Value, Value][]): ObjectValue => ObjectValue.fromEntries(entries);

describe('resultMismatch', () => {
  const cases: { name: string; testCase: Partial<ConformanceCase>; rows: Map<string, Value>[]; pass: boolean }[] = [
    { name: 'equal scalar', testCase: { wantResult: [{ x: 7 }] }, rows: [row({ x: 7 })], pass: true },
    { name: 'different scalar', testCase: { wantResult: [{ x: 7 }] }, rows: [row({ x: 8 })], pass: false },
    { name: 'undefined expected and got', testCase: { wantResult: [] }, rows: [], pass: true },
    { name: 'undefined expected, got a row', testCase: { wantResult: [] }, rows: [row({})], pass: false },
    { name: 'rows are unordered', testCase: { wantResult: [{ x: 1 }, { x: 2 }] }, rows: [row({ x: 2 }), row({ x: 1 })], pass: true },
    { name: 'row count matters', testCase: { wantResult: [{ x: 1 }] }, rows: [row({ x: 1 }), row({ x: 1 })], pass: false },
    { name: 'extra variable fails', testCase: { wantResult: [{ x: 1 }] }, rows: [row({ x: 1, y: 2 })], pass: false },
    { name: 'bigint equals float by value', testCase: { wantResult: [{ x: 1e20 }] }, rows: [row({ x: 10n ** 20n })], pass: true },
    { name: 'exact big integers match', testCase: { wantResult: [{ x: 18446744073709551614n }] }, rows: [row({ x: 18446744073709551614n })], pass: true },
    { name: 'big integers differing in the last digit do not', testCase: { wantResult: [{ x: 18446744073709551614n }] }, rows: [row({ x: 18446744073709551616n })], pass: false },
    { name: '1.0 equals 1', testCase: { wantResult: [{ x: 1.0 }] }, rows: [row({ x: 1 })], pass: true },
    { name: 'set compares as sorted list', testCase: { wantResult: [{ x: [1, 2, 3] }] }, rows: [row({ x: SetValue.of([3, 1, 2]) })], pass: true },
    { name: 'unsorted list vs set fails without sort_bindings', testCase: { wantResult: [{ x: [3, 1, 2] }] }, rows: [row({ x: SetValue.of([3, 1, 2]) })], pass: false },
    {
      name: 'sort_bindings sorts expected and actual arrays',
      testCase: { wantResult: [{ x: [3, 1, 2] }], sortBindings: true },
      rows: [row({ x: [2, 3, 1] })],
      pass: true,
    },
    {
      name: 'sort_bindings keeps duplicates',
      testCase: { wantResult: [{ x: [1, 1] }], sortBindings: true },
      rows: [row({ x: [1] })],
      pass: false,
    },
    {
      name: 'nested set inside object becomes a sorted array',
      testCase: { wantResult: [{ x: { a: ['p', 'q'] } }] },
      rows: [row({ x: obj([['a', SetValue.of(['q', 'p'])]]) })],
      pass: true,
    },
    {
      name: 'non-string object keys compare as their JSON text',
      testCase: { wantResult: [{ x: { '1': 'one' } }] },
      rows: [row({ x: obj([[1, 'one']]) })],
      pass: true,
    },
    {
      name: 'generated vars are dropped when asked',
      testCase: { wantResult: [{ x: 1 }], ignoreGeneratedVars: true },
      rows: [row({ x: 1, __localq0__: 5 })],
      pass: true,
    },
    {
      name: 'generated vars are kept otherwise',
      testCase: { wantResult: [{ x: 1 }] },
      rows: [row({ x: 1, __localq0__: 5 })],
      pass: false,
    },
    { name: 'null input binding', testCase: { wantResult: [{ x: null }] }, rows: [row({ x: null })], pass: true },
    { name: 'an error was expected', testCase: { wantErrorCode: 'eval_type_error' }, rows: [row({ x: 1 })], pass: false },
  ];
  it.each(cases)('$name', ({ testCase, rows, pass }) => {
    const reason = resultMismatch(makeCase(testCase), rows);
    if (pass) expect(reason).toBeUndefined();
    else expect(reason).toBeTypeOf('string');
  });

  it('explains a mismatch with both sides', () => {
    expect(resultMismatch(makeCase({ wantResult: [{ x: 7 }] }), [row({ x: 8 })])).toBe(
      'result mismatch: expected [{"x":7}], got [{"x":8}]',
    );
  });
});

describe('rowsMatch', () => {
  it('treats rows as a multiset', () => {
    const opts = { sortBindings: false, ignoreGeneratedVars: false };
    const expected = normalizeExpectedRows([{ x: 1 }, { x: 1 }, { x: 2 }], opts);
    expect(rowsMatch(expected, normalizeActualRows([row({ x: 1 }), row({ x: 2 }), row({ x: 1 })], opts))).toBe(true);
    expect(rowsMatch(expected, normalizeActualRows([row({ x: 1 }), row({ x: 2 }), row({ x: 2 })], opts))).toBe(false);
  });
});

describe('errorMismatch', () => {
  const located = new RegoError('eval_conflict_error', 'complete rules must not produce multiple outputs', {
    file: 'test-0.rego',
    row: 4,
    col: 2,
  });
  const table: { name: string; testCase: Partial<ConformanceCase>; err: RegoError | RegoErrors; pass: boolean }[] = [
    { name: 'code matches', testCase: { wantErrorCode: 'eval_conflict_error' }, err: located, pass: true },
    { name: 'code differs', testCase: { wantErrorCode: 'eval_type_error' }, err: located, pass: false },
    {
      name: 'message is a substring including the location',
      testCase: { wantError: 'test-0.rego:4: eval_conflict_error: complete rules' },
      err: located,
      pass: true,
    },
    { name: 'message not contained', testCase: { wantError: 'divide by zero' }, err: located, pass: false },
    {
      name: 'code and message both checked',
      testCase: { wantErrorCode: 'eval_conflict_error', wantError: 'nope' },
      err: located,
      pass: false,
    },
    {
      name: 'any error of a RegoErrors may carry the code',
      testCase: { wantErrorCode: 'rego_type_error', wantError: 'second' },
      err: new RegoErrors([new RegoError('rego_compile_error', 'first'), new RegoError('rego_type_error', 'second')]),
      pass: true,
    },
  ];
  it.each(table)('$name', ({ testCase, err, pass }) => {
    const reason = errorMismatch(makeCase(testCase), err);
    if (pass) expect(reason).toBeUndefined();
    else expect(reason).toBeTypeOf('string');
  });
});
