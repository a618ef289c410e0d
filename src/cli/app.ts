/**
 * The `tfguard` command line: yargs wiring for each command, and the single place where errors
 * become one line on stderr plus an exit code. Commands return their exit code; nothing here
 * calls process.exit, so output is always flushed and tests can drive `runCli` directly.
 */
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { ExitCode, describeError, errorReport, exitCodeOf } from './errors.js';
import { runEval } from './eval-command.js';
import type { EvalFormat } from './eval-command.js';
import type { CliIO } from './io.js';
import { colorsFor, println, processIO } from './io.js';
import { packageVersion } from '../package-root.js';
import { runTestCommand } from './test-command.js';
import { SCAN_FORMATS, runScan, type ScanFormat } from './scan-command.js';
import { runPoliciesList } from './policies-command.js';
import { runCost, runPricingImport } from './cost-command.js';
import { SEVERITIES } from '../engine/finding.js';
import type { TestFormat } from './test-command.js';

class UsageError extends Error {}

const DEFAULT_EVAL_FORMAT: EvalFormat = 'json';
const DEFAULT_TEST_FORMAT: TestFormat = 'text';
const DEFAULT_SCAN_FORMAT: ScanFormat = 'text';

/** Runs an asynchronous command body, turning any error into the one-line report and its exit code. */
async function guardedAsync(io: CliIO, debug: boolean, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    println(io.stderr, errorReport(err, debug));
    return exitCodeOf(err);
  }
}

/** Runs a command body, turning any error into the one-line report and its exit code. */
function guarded(io: CliIO, debug: boolean, body: () => number): number {
  try {
    return body();
  } catch (err) {
    println(io.stderr, errorReport(err, debug));
    return exitCodeOf(err);
  }
}

function globalOptions<T>(parser: Argv<T>) {
  return parser
    .option('debug', { type: 'boolean', default: false, description: 'Show stack traces for errors', global: true })
    .option('color', {
      type: 'boolean',
      default: true,
      description: 'Colour the output (--no-color or NO_COLOR turn it off)',
      global: true,
    });
}

function evalOptions<T>(parser: Argv<T>) {
  return parser
    .positional('query', { type: 'string', demandOption: true, description: 'Rego query, e.g. data.demo.deny' })
    .option('policy', {
      alias: 'd',
      type: 'string',
      array: true,
      default: [],
      description: 'Rego file or directory (recursive); .json/.yaml files are loaded as data',
    })
    .option('input', { alias: 'i', type: 'string', description: 'Input document (JSON, or YAML by extension)' })
    .option('data', { type: 'string', array: true, default: [], description: 'Data document (JSON or YAML), merged under data' })
    .option('format', { alias: 'f', choices: ['json', 'pretty'] as const, default: DEFAULT_EVAL_FORMAT, description: 'Output format' })
    .option('strict-builtin-errors', { type: 'boolean', default: false, description: 'Treat builtin errors as query errors' });
}

function scanOptions<T>(parser: Argv<T>) {
  return parser
    .positional('files', { type: 'string', array: true, demandOption: true, description: 'Plan or state JSON files, or directories of them' })
    .option('format', { alias: 'f', choices: SCAN_FORMATS, default: DEFAULT_SCAN_FORMAT, description: 'Report format' })
    .option('output', { alias: 'o', type: 'string', description: 'Write the report to this file instead of stdout' })
    .option('fail-on', { choices: SEVERITIES, description: 'Lowest severity that blocks (default: fail_on in .tfguard.yml, else high)' })
    .option('fail-on-existing', { type: 'boolean', default: false, description: 'Findings the change did not introduce block too' })
    .option('fail-on-unknown', { type: 'boolean', default: false, description: 'Findings that cannot be verified until apply block too' })
    .option('policy', { alias: 'p', type: 'string', array: true, default: [], description: 'Extra policy directory (repeatable)' })
    .option('builtin', { type: 'boolean', default: true, description: 'Use the built-in policies (--no-builtin to use only yours)' })
    .option('config', { alias: 'c', type: 'string', description: 'Config file (default: .tfguard.yml in the working directory)' })
    .option('source-dir', { type: 'string', description: 'Terraform source directory, to point findings at file:line (default: .)' })
    .option('usage', { type: 'string', description: 'Usage file (tfguard-usage.yml) for usage-based costs' })
    .option('cost', { type: 'boolean', default: true, description: 'Estimate the monthly cost delta (--no-cost to skip)' })
    .option('catalog', { type: 'string', array: true, default: [], description: 'Extra price catalog from `tfguard pricing import` (repeatable)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, description: 'Only the summary line (and nothing when it passes)' })
    .example('$0 scan plan.json', 'Findings and cost delta of a plan (terraform show -json tfplan > plan.json)')
    .example('$0 scan plan.json --source-dir infra/ --format markdown -o report.md', 'Point findings at file:line; Markdown for a PR comment')
    .example('$0 scan plan.json --format sarif -o tfguard.sarif', 'SARIF 2.1.0 for GitHub code scanning')
    .example('$0 scan states/ --fail-on critical --fail-on-existing', 'Judge an existing estate: every finding counts, only critical blocks')
    .example('$0 scan plan.json --no-builtin --policy ./conftest-policies', 'Only your own (Conftest-style) policies');
}

function testOptions<T>(parser: Argv<T>) {
  return parser
    .positional('paths', { type: 'string', array: true, demandOption: true, description: 'Rego files or directories' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, description: 'Show every test, not only failures' })
    .option('run', { alias: 'r', type: 'string', description: 'Run only tests whose full path matches this regular expression' })
    .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: DEFAULT_TEST_FORMAT, description: 'Report format' });
}

/** Parses `argv` (without node and script), runs the command and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let exitCode: number = ExitCode.ok;

  const parser = globalOptions(yargs([...argv]))
    .scriptName('tfguard')
    .usage('$0 <command> [options]\n\nPolicy-as-code guardrails for Terraform: evaluate and test Rego policies.')
    .command(
      'eval <query>',
      'Evaluate a Rego query (output compatible with opa eval)',
      (y) => evalOptions(y),
      (args) => {
        exitCode = guarded(io, args.debug, () =>
          runEval(
            {
              query: args.query,
              policies: args.policy,
              input: args.input,
              data: args.data,
              format: args.format,
              strictBuiltinErrors: args['strict-builtin-errors'],
            },
            io,
          ),
        );
      },
    )
    .command(
      'scan <files..>',
      'Scan Terraform plans or states with the policies; exit 1 when a finding blocks',
      (y) => scanOptions(y),
      async (args) => {
        exitCode = await guardedAsync(io, args.debug, () =>
          runScan(
            {
              files: args.files,
              format: args.format,
              output: args.output,
              failOn: args['fail-on'],
              failOnExisting: args['fail-on-existing'],
              failOnUnknown: args['fail-on-unknown'],
              quiet: args.quiet,
              color: colorsFor(io, args.color).isColorSupported,
              policies: args.policy,
              builtin: args.builtin,
              config: args.config,
              sourceDir: args['source-dir'],
              usageFile: args.usage,
              catalogs: args.catalog,
              cost: args.cost,
            },
            io,
          ),
        );
      },
    )
    .command(
      'cost <files..>',
      'Monthly cost before and after a plan, per resource, and the delta',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, description: 'Plan JSON files or directories' })
          .option('format', { alias: 'f', choices: ['text', 'json', 'markdown'] as const, default: 'text' as const, description: 'Output format' })
          .option('usage', { type: 'string', description: 'Usage file (tfguard-usage.yml) for usage-based costs' })
          .option('catalog', { type: 'string', array: true, default: [], description: 'Extra price catalog from `tfguard pricing import` (repeatable)' })
          .option('output', { alias: 'o', type: 'string', description: 'Write to this file instead of stdout' }),
      async (args) => {
        exitCode = await guardedAsync(io, args.debug, () => runCost({ files: args.files, format: args.format, usage: args.usage, catalogs: args.catalog, output: args.output }, io));
      },
    )
    .command('pricing', 'Maintain price catalogs', (y) =>
      y
        .command(
          'import <offer>',
          "Turn an AWS Price List bulk offer file (AmazonEC2, AWSELB, AmazonEKS, AWSSecretsManager, AmazonRDS or AmazonElastiCache index.json) into a catalog file",
          (yy) =>
            yy
              .positional('offer', { type: 'string', demandOption: true, description: 'Offer JSON file' })
              .option('region', { type: 'string', array: true, description: 'Keep only these regions' })
              .option('output', { alias: 'o', type: 'string', demandOption: true, description: 'Catalog file to write' }),
          (args) => {
            exitCode = guarded(io, args.debug, () => runPricingImport({ offer: args.offer, output: args.output, regions: args.region }, io));
          },
        )
        .demandCommand(1, 'a pricing subcommand is required'),
    )
    .command('policies', 'Inspect the policy library', (y) =>
      y
        .command(
          'list',
          'List every control with its id, severity, title, compliance controls and source',
          (yy) =>
            yy
              .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const, description: 'Output format' })
              .option('policy', { alias: 'p', type: 'string', array: true, default: [], description: 'Extra policy directory (repeatable)' })
              .option('builtin', { type: 'boolean', default: true, description: 'Include the built-in policies' }),
          (args) => {
            exitCode = guarded(io, args.debug, () => runPoliciesList({ format: args.format, policies: args.policy, builtin: args.builtin }, io));
          },
        )
        .demandCommand(1, 'a policies subcommand is required'),
    )
    .command(
      'test <paths..>',
      'Run the test_* rules of Rego files (like opa test)',
      (y) => testOptions(y),
      (args) => {
        exitCode = guarded(io, args.debug, () =>
          runTestCommand(
            { paths: args.paths, verbose: args.verbose, run: args.run, format: args.format },
            io,
            colorsFor(io, args.color),
          ),
        );
      },
    )
    .example('$0 scan plan.json', 'Scan a plan (terraform show -json tfplan > plan.json) with the built-in policies')
    .example('$0 scan plan.json --format sarif -o tfguard.sarif', 'SARIF for GitHub code scanning')
    .example('$0 scan plans/ --fail-on critical --policy ./my-policies', 'Several plans, your policies too, block only on critical')
    .example('$0 eval -d policies/ -i plan.json data.terraform.deny', 'Evaluate the deny rules over a plan')
    .example('$0 eval -d fixtures/demo -i fixtures/demo/input.json --format pretty data.demo.deny', 'Human-readable output')
    .example('$0 cost plan.json --usage tfguard-usage.yml', 'The monthly cost delta of a plan')
    .example('$0 pricing import AmazonEC2-eu-west-1.json -o prices/ec2-eu-west-1.json', 'Refresh EC2 prices from an AWS offer file')
    .example('$0 policies list --format json', 'Every built-in control with its metadata')
    .example('$0 test policies/ --verbose', 'Run every policy test, showing passes too')
    .example('$0 test policies/ --run s3', 'Run only the tests whose path matches /s3/')
    // `-d a -d b` repeats a flag as opa does; a greedy array would swallow the query after `-d a`.
    .parserConfiguration({ 'greedy-arrays': false })
    .demandCommand(1, 'a command is required')
    .recommendCommands()
    .strict()
    .version(packageVersion())
    .help()
    .alias('help', 'h')
    .wrap(null)
    .exitProcess(false)
    .fail((message, err) => {
      // Usage problems only (command bodies catch their own errors in `guarded`). Throwing stops
      // yargs from running the command after a failed validation.
      throw new UsageError(message || err?.message || 'invalid usage');
    });

  try {
    await parser.parseAsync();
  } catch (err) {
    println(io.stderr, `tfguard: ${describeError(err)} (see tfguard --help)`);
    return ExitCode.badInput;
  }
  return exitCode;
}
