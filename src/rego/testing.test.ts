import { describe, expect, it } from 'vitest';
import type { Rule } from './ast.js';
import { RegoError } from './errors.js';
import type { EvalOptions, Policy, TestRule } from './index.js';
import type { Value } from './value.js';
import { formatDuration, formatTestReport, runTests, summarizeTests, testPassed, testReportJSON } from './testing.js';

function testRule(name: string, file: string, row: number): TestRule {
  const loc = { file, row, col: 1 };
  const rule: Rule = { head: { name, path: [], assign: false, loc }, body: [], isDefault: false, loc };
  return { path: `data.pkg.${name}`, packagePath: 'data.pkg', name, rule, file };
}

/** A fake policy whose tests evaluate to fixed values (a function value throws). */
function fakePolicy(values: Record<string, Value | undefined | (() => never)>, rules: TestRule[]): Policy & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    modules: [],
    query: () => [],
    evaluate(path: string, options?: EvalOptions) {
      calls.push(path);
      const v = values[path];
      if (typeof v === 'function') return v();
      if (path.endsWith('printer')) options?.print?.('hello from print');
      return v;
    },
    tests: () => rules,
    evaluateAll: () => [],
  };
}

/** A clock advancing 1.5ms per reading. */
function steppingClock(): () => bigint {
  let now = 0n;
  return () => (now += 1_500_000n);
}

const rules = [
  testRule('test_ok', 'a_test.rego', 3),
  testRule('test_false', 'a_test.rego', 7),
  testRule('test_undefined', 'a_test.rego', 9),
  testRule('test_boom', 'b_test.rego', 2),
  testRule('test_printer', 'b_test.rego', 5),
];

const values = {
  'data.pkg.test_ok': true,
  'data.pkg.test_false': false,
  'data.pkg.test_undefined': undefined,
  'data.pkg.test_boom': (): never => {
    throw new RegoError('eval_type_error', 'div: operand 1 must be number but got string', { file: 'b_test.rego', row: 3, col: 2 });
  },
  'data.pkg.test_printer': 'any defined value',
};

describe('testPassed', () => {
  it.each([
    [true, true],
    [1, true],
    ['', true],
    [false, false],
    [undefined, false],
  ] as [Value | undefined, boolean][])('%s → %s', (value, pass) => expect(testPassed(value)).toBe(pass));
});

describe('runTests', () => {
  const results = runTests(fakePolicy(values, rules), { clock: steppingClock() });

  it('classifies each test', () => {
    expect(results.map((r) => [r.name, r.outcome])).toEqual([
      ['test_ok', 'pass'],
      ['test_false', 'fail'],
      ['test_undefined', 'fail'],
      ['test_boom', 'error'],
      ['test_printer', 'pass'],
    ]);
    expect(results[3].error).toBe('b_test.rego:3: eval_type_error: div: operand 1 must be number but got string');
    expect(results[4].output).toEqual(['hello from print']);
    expect(results[0]).toMatchObject({ file: 'a_test.rego', row: 3, durationNs: 1_500_000 });
    expect(summarizeTests(results)).toEqual({ pass: 2, fail: 2, error: 1, total: 5 });
  });

  it('filters by path and evaluates duplicate test names once', () => {
    const policy = fakePolicy(values, [...rules, testRule('test_ok', 'a_test.rego', 20)]);
    const selected = runTests(policy, { filter: (p) => p.endsWith('_ok') });
    expect(selected).toHaveLength(1);
    expect(policy.calls).toEqual(['data.pkg.test_ok']);
  });

  it('prints failures only, with the OPA summary', () => {
    expect(formatTestReport(results, false)).toBe(
      [
        'a_test.rego:7:',
        'data.pkg.test_false: FAIL (1.5ms)',
        'a_test.rego:9:',
        'data.pkg.test_undefined: FAIL (1.5ms)',
        '',
        'b_test.rego:2:',
        'data.pkg.test_boom: ERROR (1.5ms)',
        '  b_test.rego:3: eval_type_error: div: operand 1 must be number but got string',
        '-'.repeat(80),
        'PASS: 2/5',
        'FAIL: 2/5',
        'ERROR: 1/5',
      ].join('\n'),
    );
  });

  it('shows passes and printed output when verbose', () => {
    const text = formatTestReport(results, true);
    expect(text).toContain('data.pkg.test_ok: PASS (1.5ms)');
    expect(text).toContain('data.pkg.test_printer: PASS (1.5ms)\n\n  hello from print\n');
  });

  it('prints only the summary when everything passes quietly', () => {
    expect(formatTestReport([results[0]], false)).toBe('PASS: 1/1');
  });

  it('renders the JSON report like opa test --format json', () => {
    const json = testReportJSON(results);
    expect(json[0]).toEqual({ location: { file: 'a_test.rego', row: 3, col: 1 }, package: 'data.pkg', name: 'test_ok', duration: 1_500_000 });
    expect(json[1]).toMatchObject({ fail: true });
    expect(json[3]).toMatchObject({ error: { message: expect.stringContaining('eval_type_error') as string } });
    expect(json[4]).toMatchObject({ output: Buffer.from('hello from print\n').toString('base64') });
  });
});

describe('formatDuration', () => {
  it.each([
    [812, '812ns'],
    [1_500, '1.5µs'],
    [2_345_678, '2.345678ms'],
    [1_000_000, '1ms'],
    [1_200_000_000, '1.2s'],
  ])('%d ns → %s', (ns, text) => expect(formatDuration(ns)).toBe(text));
});
