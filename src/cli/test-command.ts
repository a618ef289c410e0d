/** `tfguard test`: run the `test_*` rules of Rego files, reporting like `opa test`. */
import { compile } from '../rego/index.js';
import { formatTestReport, runTests, summarizeTests, testReportJSON } from '../rego/testing.js';
import type { OutcomeStyle } from '../rego/testing.js';
import { CliError, ExitCode } from './errors.js';
import type { ExitCodeValue } from './errors.js';
import { jsonText } from './eval-command.js';
import type { CliIO, Colors } from './io.js';
import { println } from './io.js';
import { loadData, loadPolicyPaths } from './load.js';

export type TestFormat = 'text' | 'json';

export interface TestArgs {
  paths: readonly string[];
  verbose: boolean;
  /** Regular expression selecting tests by full path (`data.pkg.test_name`). */
  run?: string;
  format: TestFormat;
}

function testFilter(pattern: string | undefined): ((path: string) => boolean) | undefined {
  if (pattern === undefined) return undefined;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (err) {
    throw new CliError(`--run: invalid regular expression: ${(err as Error).message}`);
  }
  return (path) => regex.test(path);
}

function outcomeStyle(colors: Colors): OutcomeStyle {
  return { pass: colors.green, fail: colors.red, error: colors.magenta };
}

export function runTestCommand(args: TestArgs, io: CliIO, colors: Colors): ExitCodeValue {
  const filter = testFilter(args.run);
  const loaded = loadPolicyPaths(args.paths);
  const data = loadData(loaded.dataFiles);
  const policy = compile(loaded.sources);
  const results = runTests(policy, { data, filter });
  if (results.length === 0) {
    println(io.stderr, 'tfguard: no test cases found');
    return ExitCode.failed;
  }
  if (args.format === 'json') println(io.stdout, jsonText(testReportJSON(results), 2));
  else println(io.stdout, formatTestReport(results, args.verbose, outcomeStyle(colors)));
  const summary = summarizeTests(results);
  return summary.fail + summary.error > 0 ? ExitCode.failed : ExitCode.ok;
}
