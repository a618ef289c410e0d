/**
 * `node dist/src/cli/conformance.js [dir]`: run OPA's conformance corpus against the engine and
 * report per folder. The last line is always `conformance: M/N passed (P%)` so scripts can parse it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { loadCases } from '../conformance/case.js';
import { formatFailures, formatFolderTable, formatPercent, summaryLine, toJSONReport } from '../conformance/report.js';
import type { Engine } from '../conformance/runner.js';
import { passRate, runCases } from '../conformance/runner.js';
import { CliError, ExitCode, describeError, errorReport, exitCodeOf } from './errors.js';
import { jsonText } from './eval-command.js';
import type { CliIO } from './io.js';
import { println, processIO } from './io.js';
import { findRepoRoot } from '../package-root.js';

export const BASELINE_FILE = 'conformance-baseline.json';

export interface ConformanceArgs {
  dir?: string;
  json: boolean;
  minRate?: number;
  ratchet: boolean;
  filter?: string;
  verbose: boolean;
}

/** `$TFGUARD_CONFORMANCE_DIR`, else `../shared/opa-conformance` next to the repository. */
export function defaultCorpusDir(env: NodeJS.ProcessEnv = process.env, repoRoot = findRepoRoot()): string {
  if (env.TFGUARD_CONFORMANCE_DIR) return env.TFGUARD_CONFORMANCE_DIR;
  return resolve(repoRoot ?? process.cwd(), '..', 'shared', 'opa-conformance');
}

/** The ratchet: the minimum pass rate (percent) recorded in conformance-baseline.json. */
export function readBaselineRate(repoRoot = findRepoRoot()): number {
  const file = join(repoRoot ?? process.cwd(), BASELINE_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`${file}: cannot read baseline: ${(err as Error).message}`);
  }
  const rate = (parsed as { minPassRate?: unknown } | null)?.minPassRate;
  if (typeof rate !== 'number' || !Number.isFinite(rate)) throw new CliError(`${file}: "minPassRate" must be a number`);
  return rate;
}

function minimumRate(args: ConformanceArgs): number | undefined {
  if (args.minRate !== undefined) return args.minRate;
  return args.ratchet ? readBaselineRate() : undefined;
}

export function runConformance(args: ConformanceArgs, io: CliIO, engine: Engine): number {
  const dir = args.dir ?? defaultCorpusDir();
  if (!existsSync(dir)) {
    println(io.stdout, `conformance: skipped (${dir} not found)`);
    return ExitCode.ok;
  }
  const minRate = minimumRate(args);
  const report = runCases(loadCases(dir), engine, { filter: args.filter });

  if (args.json) {
    println(io.stdout, jsonText(toJSONReport(report), 2));
  } else {
    println(io.stdout, formatFolderTable(report));
    if (args.verbose && report.passed < report.total) println(io.stdout, `\n${formatFailures(report)}`);
  }
  const belowMinimum = minRate !== undefined && passRate(report.passed, report.total) < minRate;
  if (belowMinimum) {
    println(io.stderr, `conformance: pass rate ${formatPercent(report.passed, report.total)} is below the minimum ${minRate}%`);
  }
  println(args.json ? io.stderr : io.stdout, summaryLine(report));
  return belowMinimum ? ExitCode.failed : ExitCode.ok;
}

/** Parses the script's arguments and runs; returns the exit code. */
export async function runConformanceCli(argv: readonly string[], engine: Engine, io: CliIO = processIO): Promise<number> {
  let args;
  try {
    args = await yargs([...argv])
    .scriptName('conformance')
    .usage('$0 [dir] [options]\n\nRuns OPA conformance cases (YAML) against the tfguard Rego engine.')
    .command('$0 [dir]', 'Run the corpus (default: $TFGUARD_CONFORMANCE_DIR or ../shared/opa-conformance)')
    .positional('dir', { type: 'string', description: 'Corpus directory, one sub-folder, or one YAML file' })
    .option('json', { type: 'boolean', default: false, description: 'Write a JSON report to stdout (summary line to stderr)' })
    .option('min-rate', { type: 'number', description: 'Exit 1 when the pass rate (percent) is below this' })
    .option('ratchet', { type: 'boolean', default: false, description: `Default --min-rate to minPassRate from ${BASELINE_FILE}` })
    .option('filter', { type: 'string', description: 'Run only cases whose note or file contains this text' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, description: 'List failing cases with the reason' })
    .option('debug', { type: 'boolean', default: false, description: 'Show stack traces for errors' })
    .strict()
    .version(false)
    .help()
    .exitProcess(false)
    .fail((message, err) => {
      throw new Error(message || err?.message || 'invalid usage');
    })
    .parseAsync();
  } catch (err) {
    println(io.stderr, `conformance: ${describeError(err)}`);
    return ExitCode.badInput;
  }
  if (args.help) return ExitCode.ok;
  if (args.minRate !== undefined && Number.isNaN(args.minRate)) {
    println(io.stderr, 'conformance: --min-rate must be a number');
    return ExitCode.badInput;
  }
  try {
    return runConformance(
      {
        dir: args.dir,
        json: args.json,
        minRate: args.minRate,
        ratchet: args.ratchet,
        filter: args.filter,
        verbose: args.verbose,
      },
      io,
      engine,
    );
  } catch (err) {
    println(io.stderr, errorReport(err, args.debug));
    return exitCodeOf(err);
  }
}
