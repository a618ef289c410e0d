/**
 * Runs conformance cases against the engine. The engine is passed in (compile + parseTerm) so the
 * comparison logic can be tested with a fake policy, and so a crash in the engine never stops the run.
 */
import type { Term } from '../rego/ast.js';
import type { Bindings, Policy, SourceFile } from '../rego/index.js';
import type { Value } from '../rego/value.js';
import { fromJSON } from '../rego/value.js';
import type { LocatedCase, ConformanceCase } from './case.js';
import { errorMismatch, expectsError, isRegoError, resultMismatch } from './compare.js';
import { termToValue } from './term-value.js';

export interface Engine {
  compile(sources: SourceFile[]): Policy;
  parseTerm(text: string, file?: string): Term;
}

export interface CaseResult {
  file: string;
  folder: string;
  index: number;
  note: string;
  passed: boolean;
  /** Why the case failed. */
  reason?: string;
  /** The engine threw something other than a Rego error. */
  crashed?: boolean;
  durationMs: number;
}

export interface FolderSummary {
  folder: string;
  passed: number;
  total: number;
}

export interface ConformanceReport {
  passed: number;
  total: number;
  folders: FolderSummary[];
  cases: CaseResult[];
}

/** Module file names as OPA's runner gives them; expected error messages mention them. */
export function moduleSources(modules: readonly string[]): SourceFile[] {
  return modules.map((text, i) => ({ file: `test-${i}.rego`, text }));
}

/** The case's input: `input_term` (Rego syntax) wins over `input`; neither means undefined. */
export function caseInput(testCase: ConformanceCase, engine: Engine): Value | undefined {
  if (testCase.inputTerm !== undefined) return termToValue(engine.parseTerm(testCase.inputTerm, 'input_term'));
  return testCase.hasInput ? fromJSON(testCase.input) : undefined;
}

type Outcome = { rows: Bindings[] } | { error: unknown };

function evaluateCase(testCase: ConformanceCase, input: Value | undefined, engine: Engine): Outcome {
  try {
    const policy = engine.compile(moduleSources(testCase.modules));
    const rows = policy.query(testCase.query, {
      input,
      data: fromJSON(testCase.data ?? {}),
      strictBuiltinErrors: testCase.strictError,
      print: () => undefined,
    });
    return { rows };
  } catch (error) {
    return { error };
  }
}

function crashMessage(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** Judges one case; returns the failure reason (and whether it was a crash), or nothing when it passed. */
export function judgeCase(testCase: ConformanceCase, engine: Engine): { reason?: string; crashed?: boolean } {
  let input: Value | undefined;
  try {
    input = caseInput(testCase, engine);
  } catch (err) {
    return { reason: `cannot read input_term: ${crashMessage(err)}`, crashed: !isRegoError(err) };
  }
  const outcome = evaluateCase(testCase, input, engine);
  if ('rows' in outcome) {
    const reason = resultMismatch(testCase, outcome.rows);
    return reason === undefined ? {} : { reason };
  }
  const err = outcome.error;
  if (!isRegoError(err)) return { reason: `crash: ${crashMessage(err)}`, crashed: true };
  if (!expectsError(testCase)) return { reason: `unexpected error: ${err.message}` };
  const reason = errorMismatch(testCase, err);
  return reason === undefined ? {} : { reason };
}

export function runCase(located: LocatedCase, engine: Engine): CaseResult {
  const started = performance.now();
  let verdict: { reason?: string; crashed?: boolean };
  try {
    verdict = judgeCase(located.testCase, engine);
  } catch (err) {
    // Comparison itself failed (e.g. an unconvertible value): still a failed case, never a dead run.
    verdict = { reason: `crash: ${crashMessage(err)}`, crashed: true };
  }
  const result: CaseResult = {
    file: located.file,
    folder: located.folder,
    index: located.index,
    note: located.testCase.note,
    passed: verdict.reason === undefined,
    durationMs: performance.now() - started,
  };
  if (verdict.reason !== undefined) result.reason = verdict.reason;
  if (verdict.crashed) result.crashed = true;
  return result;
}

export function summarize(cases: readonly CaseResult[]): ConformanceReport {
  const byFolder = new Map<string, FolderSummary>();
  for (const c of cases) {
    let summary = byFolder.get(c.folder);
    if (!summary) {
      summary = { folder: c.folder, passed: 0, total: 0 };
      byFolder.set(c.folder, summary);
    }
    summary.total++;
    if (c.passed) summary.passed++;
  }
  const folders = [...byFolder.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  return {
    passed: cases.filter((c) => c.passed).length,
    total: cases.length,
    folders,
    cases: [...cases],
  };
}

export interface RunOptions {
  /** Keep only cases whose note or file contains this text. */
  filter?: string;
  /** Called after each case, e.g. for progress output. */
  onCase?: (result: CaseResult) => void;
}

export function selectCases(cases: readonly LocatedCase[], filter: string | undefined): LocatedCase[] {
  if (!filter) return [...cases];
  return cases.filter((c) => c.testCase.note.includes(filter) || c.file.includes(filter));
}

export function runCases(cases: readonly LocatedCase[], engine: Engine, options: RunOptions = {}): ConformanceReport {
  const results: CaseResult[] = [];
  for (const located of selectCases(cases, options.filter)) {
    const result = runCase(located, engine);
    options.onCase?.(result);
    results.push(result);
  }
  return summarize(results);
}

/** Pass rate in percent; an empty run counts as 0%. */
export function passRate(passed: number, total: number): number {
  return total === 0 ? 0 : (passed / total) * 100;
}
