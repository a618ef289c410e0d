import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Location, Term } from '../rego/ast.js';
import { RegoError } from '../rego/errors.js';
import type { Bindings, EvalOptions, Policy, SourceFile } from '../rego/index.js';
import type { Value } from '../rego/value.js';
import { SetValue } from '../rego/value.js';
import type { LocatedCase } from './case.js';
import { loadCases, parseCaseFile } from './case.js';
import { formatFolderTable, summaryLine, toJSONReport } from './report.js';
import type { Engine } from './runner.js';
import { runCase, runCases } from './runner.js';

const loc: Location = { file: 'input_term', row: 1, col: 1 };

/** A fake engine: the query text picks the behaviour, and every call is recorded. */
function fakeEngine(): Engine & { seen: { sources: SourceFile[]; options?: EvalOptions }[] } {
  const seen: { sources: SourceFile[]; options?: EvalOptions }[] = [];
  return {
    seen,
    compile(sources) {
      if (sources.some((s) => s.text.includes('syntax error'))) {
        throw new RegoError('rego_parse_error', 'unexpected eof token', { file: sources[0].file, row: 1, col: 1 });
      }
      const record: { sources: SourceFile[]; options?: EvalOptions } = { sources };
      seen.push(record);
      const policy: Policy = {
        modules: [],
        query(query, options): Bindings[] {
          record.options = options;
          switch (query) {
            case 'x = 1':
              return [new Map([['x', 1]])];
            case 'echo input':
              return options?.input === undefined ? [] : [new Map([['x', options.input]])];
            case 'set':
              return [new Map<string, Value>([['x', SetValue.of(['b', 'a'])]])];
            case 'conflict':
              throw new RegoError('eval_conflict_error', 'complete rules must not produce multiple outputs', {
                file: 'test-0.rego',
                row: 3,
                col: 1,
              });
            case 'crash':
              throw new TypeError('cannot read properties of undefined');
            default:
              return [];
          }
        },
        evaluate: () => undefined,
        tests: () => [],
        evaluateAll: () => [],
      };
      return policy;
    },
    parseTerm(text): Term {
      if (text === '{"a"}') return { type: 'set', items: [{ type: 'string', value: 'a', loc }], loc };
      if (text === 'x') return { type: 'var', name: 'x', loc };
      throw new RegoError('rego_parse_error', 'bad term', loc);
    },
  };
}

function located(yamlCase: string, folder = 'f'): LocatedCase {
  const [testCase] = parseCaseFile(`cases:\n${yamlCase}`, 'x.yaml');
  return { file: `${folder}/x.yaml`, folder, index: 0, testCase };
}

describe('runCase', () => {
  it('passes a matching result and passes modules, data and strict mode through', () => {
    const engine = fakeEngine();
    const result = runCase(
      located(`  - note: ok\n    query: x = 1\n    modules: ["package a", "package b"]\n    data: {k: 1}\n    strict_error: true\n    want_result: [{x: 1}]`),
      engine,
    );
    expect(result).toMatchObject({ passed: true, note: 'ok', folder: 'f' });
    expect(engine.seen[0].sources.map((s) => s.file)).toEqual(['test-0.rego', 'test-1.rego']);
    expect(engine.seen[0].options?.strictBuiltinErrors).toBe(true);
    expect(engine.seen[0].options?.input).toBeUndefined();
  });

  it('reports a result mismatch', () => {
    const result = runCase(located('  - note: n\n    query: x = 1\n    want_result: [{x: 2}]'), fakeEngine());
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/^result mismatch/);
  });

  it('uses input, including an explicit null', () => {
    expect(runCase(located('  - note: n\n    query: echo input\n    input: null\n    want_result: [{x: null}]'), fakeEngine()).passed).toBe(true);
    expect(runCase(located('  - note: n\n    query: echo input\n    want_result: []'), fakeEngine()).passed).toBe(true);
  });

  it('prefers input_term, turning it into a value', () => {
    const result = runCase(
      located(`  - note: n\n    query: echo input\n    input: 5\n    input_term: '{"a"}'\n    want_result: [{x: [a]}]`),
      fakeEngine(),
    );
    expect(result).toMatchObject({ passed: true });
  });

  it('fails when input_term is not a constant', () => {
    const result = runCase(located('  - note: n\n    query: echo input\n    input_term: x\n    want_result: []'), fakeEngine());
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/input_term/);
  });

  it('compares sets with sort_bindings', () => {
    const result = runCase(located('  - note: n\n    query: set\n    sort_bindings: true\n    want_result: [{x: [b, a]}]'), fakeEngine());
    expect(result.passed).toBe(true);
  });

  it('matches expected evaluation errors by code and message', () => {
    const ok = located(
      '  - note: n\n    query: conflict\n    want_error_code: eval_conflict_error\n    want_error: "test-0.rego:3: eval_conflict_error: complete rules"',
    );
    expect(runCase(ok, fakeEngine()).passed).toBe(true);
    const wrongCode = located('  - note: n\n    query: conflict\n    want_error_code: eval_type_error');
    expect(runCase(wrongCode, fakeEngine()).reason).toMatch(/expected error code eval_type_error, got eval_conflict_error/);
  });

  it('matches compile errors as the case outcome', () => {
    const c = located('  - note: n\n    query: x = 1\n    modules: ["syntax error"]\n    want_error_code: rego_parse_error');
    expect(runCase(c, fakeEngine()).passed).toBe(true);
  });

  it('fails on an unexpected error, and on a missing expected error', () => {
    expect(runCase(located('  - note: n\n    query: conflict\n    want_result: []'), fakeEngine()).reason).toMatch(/^unexpected error/);
    expect(runCase(located('  - note: n\n    query: x = 1\n    want_error: boom'), fakeEngine()).reason).toMatch(/got 1 result/);
  });

  it('records an engine crash as a failed case instead of throwing', () => {
    const result = runCase(located('  - note: n\n    query: crash\n    want_error_code: eval_type_error'), fakeEngine());
    expect(result).toMatchObject({ passed: false, crashed: true });
    expect(result.reason).toBe('crash: TypeError: cannot read properties of undefined');
  });
});

describe('runCases and reports', () => {
  const cases = [
    located('  - note: a/1\n    query: x = 1\n    want_result: [{x: 1}]', 'a'),
    located('  - note: a/2\n    query: x = 1\n    want_result: [{x: 2}]', 'a'),
    located('  - note: b/1\n    query: crash\n    want_result: []', 'b'),
  ];

  it('summarises per folder', () => {
    const report = runCases(cases, fakeEngine());
    expect(report.folders).toEqual([
      { folder: 'a', passed: 1, total: 2 },
      { folder: 'b', passed: 0, total: 1 },
    ]);
    expect(summaryLine(report)).toBe('conformance: 1/3 passed (33.3%)');
    expect(formatFolderTable(report).split('\n')).toEqual(['folder  passed      %', 'a          1/2  50.0%', 'b          0/1   0.0%']);
    expect(toJSONReport(report).folders[1].cases[0]).toMatchObject({ note: 'b/1', passed: false, crashed: true });
  });

  it('filters by note or file', () => {
    expect(runCases(cases, fakeEngine(), { filter: 'a/' }).total).toBe(2);
  });

  it('reports an empty run as 0%', () => {
    expect(summaryLine(runCases([], fakeEngine()))).toBe('conformance: 0/0 passed (0.0%)');
  });
});

describe('loadCases', () => {
  const root = mkdtempSync(join(tmpdir(), 'tfguard-conformance-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads every YAML file below the root, keyed by folder', () => {
    mkdirSync(join(root, 'units'));
    mkdirSync(join(root, 'sets', 'deep'), { recursive: true });
    writeFileSync(join(root, 'units', 'b.yaml'), 'cases:\n  - note: u1\n    query: x = 1\n    want_result: []\n  - note: u2\n    query: y\n    want_error: e\n');
    writeFileSync(join(root, 'sets', 'deep', 'a.yaml'), 'cases:\n  - note: s1\n    query: z\n    want_result: []\n');
    writeFileSync(join(root, 'sets', 'deep', 'c.yml'), 'cases:\n  - note: s2\n    query: z\n    want_result: []\n');
    writeFileSync(join(root, 'FORMAT.md'), '# not a case');
    const cases = loadCases(root);
    expect(cases.map((c) => [c.folder, c.file, c.index, c.testCase.note])).toEqual([
      ['sets', 'sets/deep/a.yaml', 0, 's1'],
      ['sets', 'sets/deep/c.yml', 0, 's2'],
      ['units', 'units/b.yaml', 0, 'u1'],
      ['units', 'units/b.yaml', 1, 'u2'],
    ]);
    expect(loadCases(join(root, 'units')).map((c) => c.folder)).toEqual(['units', 'units']);
  });

  it('keeps big integers of the YAML exact', () => {
    const [c] = parseCaseFile('cases:\n  - note: n\n    query: q\n    data: {n: 3}\n    want_result: [{x: 18446744073709551614}]\n', 'big.yaml');
    expect(c.wantResult).toEqual([{ x: 18446744073709551614n }]);
    expect(c.data).toEqual({ n: 3n });
  });

  it('rejects malformed files with the file name', () => {
    expect(() => parseCaseFile('cases: 3', 'bad.yaml')).toThrow(/bad.yaml: expected a top-level 'cases' list/);
    expect(() => parseCaseFile('cases:\n  - note: n\n', 'bad.yaml')).toThrow(/'query' is required/);
    expect(() => parseCaseFile('cases: [', 'bad.yaml')).toThrow(/invalid YAML/);
  });
});
