/** `tfguard scan`: load documents, evaluate the policies, render the report, set the exit code. */
import { writeFileSync } from 'node:fs';
import type { Severity } from '../engine/finding.js';
import type { ScanReport } from '../report/model.js';
import { runPipeline } from '../engine/pipeline.js';
import { renderText, summaryLine } from '../report/text.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { deltaText, renderCostMarkdown } from '../report/cost.js';
import { ExitCode } from './errors.js';
import { readCatalog } from './cost-command.js';
import { println, type CliIO } from './io.js';
import cliProgress from 'cli-progress';

const { SingleBar, Presets } = cliProgress;
type SingleBar = InstanceType<typeof cliProgress.SingleBar>;

export const SCAN_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export interface ScanArgs {
  files: string[];
  format: ScanFormat;
  output?: string;
  failOn?: Severity;
  failOnExisting: boolean;
  failOnUnknown: boolean;
  quiet: boolean;
  color: boolean;
  policies: string[];
  builtin: boolean;
  config?: string;
  sourceDir?: string;
  usageFile?: string;
  catalogs: string[];
  cost: boolean;
}

export async function runScan(args: ScanArgs, io: CliIO): Promise<number> {
  const progress = args.quiet ? undefined : documentProgress(io);
  const { report } = await runPipeline({
    onDocument: progress?.tick,
    files: args.files,
    policies: args.policies,
    builtin: args.builtin,
    config: args.config,
    sourceDir: args.sourceDir,
    usageFile: args.usageFile,
    catalogs: args.catalogs.map(readCatalog),
    cost: args.cost,
    failOn: args.failOn,
    failOnExisting: args.failOnExisting,
    failOnUnknown: args.failOnUnknown,
  });
  progress?.stop();
  const toTerminal = !args.output && process.stdout.isTTY === true;
  const text = render(report, args.format, { color: !args.output && args.color, quiet: args.quiet, width: toTerminal ? process.stdout.columns : undefined });
  if (args.output) {
    writeFileSync(args.output, text.endsWith('\n') ? text : text + '\n');
    if (!args.quiet) println(io.stderr, summaryLine(report));
  } else if (!(args.quiet && args.format === 'text' && report.verdict === 'passed')) {
    println(io.stdout, text);
  }
  return report.verdict === 'blocked' ? ExitCode.failed : ExitCode.ok;
}

function render(report: ScanReport, format: ScanFormat, o: { color: boolean; quiet: boolean; width?: number }): string {
  switch (format) {
    case 'text':
      return renderText(report, o);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'junit':
      return renderJunit(report);
    case 'markdown':
      return renderMarkdown(report, report.cost ? { summaryLines: [`**Monthly cost:** ${deltaText(report.cost)}`], sections: [renderCostMarkdown(report.cost)] } : {});
  }
}

/** A progress bar on stderr when several documents are scanned on a terminal; nothing in logs or pipes. */
function documentProgress(io: CliIO): { tick: (done: number, total: number, path: string) => void; stop: () => void } | undefined {
  if (!io.interactive) return undefined;
  let bar: SingleBar | undefined;
  return {
    tick: (done, total, path) => {
      if (total < 2) return;
      bar ??= new SingleBar({ format: 'scanning [{bar}] {value}/{total} {file}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, Presets.shades_classic);
      if (done === 1) bar.start(total, 0, { file: '' });
      bar.update(done, { file: path });
    },
    stop: () => bar?.stop(),
  };
}
