/**
 * Running a policy's own tests (`test_*` rules), as `opa test` does, and reporting them in OPA's
 * text and JSON formats. Pure apart from the clock, which callers may replace.
 */
import type { Policy, TestRule } from './index.js';
import type { Value } from './value.js';

export type TestOutcome = 'pass' | 'fail' | 'error';

export interface TestResult {
  /** Full path, e.g. `data.aws.s3_test.test_encrypted`. */
  path: string;
  packagePath: string;
  name: string;
  file: string;
  row: number;
  col: number;
  outcome: TestOutcome;
  /** The error's message when the outcome is `error`. */
  error?: string;
  /** What the test printed with `print()`. */
  output: string[];
  durationNs: number;
}

export interface RunTestsOptions {
  data?: Value;
  input?: Value;
  strictBuiltinErrors?: boolean;
  /** Selects tests by their full path (`--run`). */
  filter?: (path: string) => boolean;
  /** A monotonic clock in nanoseconds; defaults to process.hrtime. */
  clock?: () => bigint;
}

/**
 * Test rules with the same path are one document in Rego (several bodies of one rule), so they are
 * evaluated once and reported at their first definition.
 */
function distinctTests(tests: readonly TestRule[]): TestRule[] {
  const seen = new Set<string>();
  return tests.filter((t) => {
    if (seen.has(t.path)) return false;
    seen.add(t.path);
    return true;
  });
}

/** A test passes when its value is defined and not `false`. */
export function testPassed(value: Value | undefined): boolean {
  return value !== undefined && value !== false;
}

function runOne(policy: Policy, test: TestRule, options: RunTestsOptions, clock: () => bigint): TestResult {
  const output: string[] = [];
  const started = clock();
  let outcome: TestOutcome;
  let error: string | undefined;
  try {
    const value = policy.evaluate(test.path, {
      data: options.data,
      input: options.input,
      strictBuiltinErrors: options.strictBuiltinErrors,
      print: (message) => output.push(message),
    });
    outcome = testPassed(value) ? 'pass' : 'fail';
  } catch (err) {
    outcome = 'error';
    error = err instanceof Error ? err.message : String(err);
  }
  const result: TestResult = {
    path: test.path,
    packagePath: test.packagePath,
    name: test.name,
    file: test.file,
    row: test.rule.loc.row,
    col: test.rule.loc.col,
    outcome,
    output,
    durationNs: Number(clock() - started),
  };
  if (error !== undefined) result.error = error;
  return result;
}

export function runTests(policy: Policy, options: RunTestsOptions = {}): TestResult[] {
  const clock = options.clock ?? (() => process.hrtime.bigint());
  const selected = distinctTests(policy.tests()).filter((t) => options.filter?.(t.path) ?? true);
  return selected.map((test) => runOne(policy, test, options, clock));
}

export interface TestSummary {
  pass: number;
  fail: number;
  error: number;
  total: number;
}

export function summarizeTests(results: readonly TestResult[]): TestSummary {
  const count = (o: TestOutcome): number => results.filter((r) => r.outcome === o).length;
  return { pass: count('pass'), fail: count('fail'), error: count('error'), total: results.length };
}

/** Go's time.Duration formatting (`812ns`, `1.5µs`, `2.345678ms`, `1.2s`), as opa test prints it. */
export function formatDuration(ns: number): string {
  const trim = (x: string): string => x.replace(/\.?0+$/, '');
  if (ns < 1_000) return `${ns}ns`;
  if (ns < 1_000_000) return `${trim((ns / 1_000).toFixed(3))}µs`;
  if (ns < 1_000_000_000) return `${trim((ns / 1_000_000).toFixed(6))}ms`;
  return `${trim((ns / 1_000_000_000).toFixed(9))}s`;
}

export interface OutcomeStyle {
  pass: (text: string) => string;
  fail: (text: string) => string;
  error: (text: string) => string;
}

const PLAIN: OutcomeStyle = { pass: (t) => t, fail: (t) => t, error: (t) => t };

const LABELS: Record<TestOutcome, string> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' };

const RULE = '-'.repeat(80);

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

/**
 * OPA's pretty report: each shown test as `file:row:` then `path: OUTCOME (duration)`, followed by its
 * printed output and error; then a rule and the `PASS: n/m` / `FAIL: n/m` / `ERROR: n/m` summary.
 * Passing tests are shown only with `verbose`.
 */
export function formatTestReport(results: readonly TestResult[], verbose: boolean, style: OutcomeStyle = PLAIN): string {
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const r of results) {
    if (!verbose && r.outcome === 'pass') continue;
    if (lastFile !== undefined && lastFile !== r.file) lines.push('');
    lastFile = r.file;
    lines.push(`${r.file}:${r.row}:`);
    lines.push(`${r.path}: ${style[r.outcome](LABELS[r.outcome])} (${formatDuration(r.durationNs)})`);
    if (r.output.length > 0) lines.push('', indent(r.output.join('\n')), '');
    if (r.error !== undefined) lines.push(indent(r.error));
  }
  if (lines.length > 0) lines.push(RULE);
  const s = summarizeTests(results);
  if (s.pass > 0) lines.push(`PASS: ${s.pass}/${s.total}`);
  if (s.fail > 0) lines.push(style.fail(`FAIL: ${s.fail}/${s.total}`));
  if (s.error > 0) lines.push(style.error(`ERROR: ${s.error}/${s.total}`));
  return lines.join('\n');
}

/** OPA's JSON report shape (`opa test --format json`); printed output is base64 as in OPA. */
export function testReportJSON(results: readonly TestResult[]): unknown[] {
  return results.map((r) => ({
    location: { file: r.file, row: r.row, col: r.col },
    package: r.packagePath,
    name: r.name,
    ...(r.outcome === 'fail' ? { fail: true } : {}),
    ...(r.error !== undefined ? { error: { message: r.error } } : {}),
    duration: r.durationNs,
    ...(r.output.length > 0 ? { output: Buffer.from(r.output.join('\n') + '\n').toString('base64') } : {}),
  }));
}
