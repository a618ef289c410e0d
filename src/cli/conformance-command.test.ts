import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Term } from '../rego/ast.js';
import type { Bindings, Policy } from '../rego/index.js';
import type { Engine } from '../conformance/runner.js';
import { defaultCorpusDir, readBaselineRate, runConformanceCli } from './conformance-command.js';
import type { CliIO } from './io.js';

function captureIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    colorSupported: false,
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

/** Answers `x = 1` with x=1 and everything else with no rows. */
const engine: Engine = {
  compile(): Policy {
    return {
      modules: [],
      query: (q): Bindings[] => (q === 'x = 1' ? [new Map([['x', 1]])] : []),
      evaluate: () => undefined,
      tests: () => [],
      evaluateAll: () => [],
    };
  },
  parseTerm(): Term {
    throw new Error('unused');
  },
};

const root = mkdtempSync(join(tmpdir(), 'tfguard-conf-'));
mkdirSync(join(root, 'alpha'));
mkdirSync(join(root, 'beta'));
writeFileSync(
  join(root, 'alpha', 'a.yaml'),
  'cases:\n  - note: alpha/pass\n    query: x = 1\n    want_result: [{x: 1}]\n  - note: alpha/fail\n    query: x = 1\n    want_result: [{x: 2}]\n',
);
writeFileSync(join(root, 'beta', 'b.yaml'), 'cases:\n  - note: beta/pass\n    query: y\n    want_result: []\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('conformance CLI', () => {
  it('prints a per-folder table ending with the summary line', async () => {
    const io = captureIO();
    expect(await runConformanceCli([root], engine, io)).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines).toEqual(['folder  passed       %', 'alpha      1/2   50.0%', 'beta       1/1  100.0%', 'conformance: 2/3 passed (66.7%)']);
  });

  it('lists failures with --verbose', async () => {
    const io = captureIO();
    await runConformanceCli([root, '--verbose'], engine, io);
    expect(io.out).toContain('FAIL alpha/a.yaml#1 alpha/fail\n     result mismatch: expected [{"x":2}], got [{"x":1}]');
  });

  it('writes JSON to stdout and the summary to stderr with --json', async () => {
    const io = captureIO();
    await runConformanceCli([root, '--json', '--filter', 'alpha'], engine, io);
    const report = JSON.parse(io.out) as { total: number; folders: { folder: string; cases: unknown[] }[] };
    expect(report.total).toBe(2);
    expect(report.folders.map((f) => f.folder)).toEqual(['alpha']);
    expect(io.err).toBe('conformance: 1/2 passed (50.0%)\n');
  });

  it('exits 1 below --min-rate', async () => {
    const io = captureIO();
    expect(await runConformanceCli([root, '--min-rate', '70'], engine, io)).toBe(1);
    expect(io.err).toContain('below the minimum 70%');
    expect(io.out.trimEnd().split('\n').at(-1)).toBe('conformance: 2/3 passed (66.7%)');
    expect(await runConformanceCli([root, '--min-rate', '60'], engine, captureIO())).toBe(0);
  });

  it('skips when the corpus is missing', async () => {
    const io = captureIO();
    expect(await runConformanceCli([join(root, 'nope')], engine, io)).toBe(0);
    expect(io.out).toBe(`conformance: skipped (${join(root, 'nope')} not found)\n`);
  });

  it('rejects unknown options', async () => {
    const io = captureIO();
    expect(await runConformanceCli([root, '--bogus'], engine, io)).toBe(2);
    expect(io.err).toMatch(/^conformance: Unknown argument: bogus\n$/);
  });

  it('reports a malformed case file in one line', async () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, 'cases: 3\n');
    const io = captureIO();
    expect(await runConformanceCli([bad], engine, io)).toBe(2);
    expect(io.err).toBe("tfguard: bad.yaml: expected a top-level 'cases' list\n");
  });
});

describe('defaults', () => {
  it('takes the corpus from the environment, else next to the repository', () => {
    expect(defaultCorpusDir({ TFGUARD_CONFORMANCE_DIR: '/x' }, '/repo')).toBe('/x');
    expect(defaultCorpusDir({}, '/work/main')).toBe('/work/shared/opa-conformance');
  });

  it('reads the ratchet baseline', () => {
    writeFileSync(join(root, 'conformance-baseline.json'), '{ "minPassRate": 42.5 }');
    expect(readBaselineRate(root)).toBe(42.5);
    writeFileSync(join(root, 'conformance-baseline.json'), '{ "minPassRate": "high" }');
    expect(() => readBaselineRate(root)).toThrow(/must be a number/);
  });
});
