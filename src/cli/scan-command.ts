/** `tfguard scan`: load documents, evaluate the policies, render the report, set the exit code. */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config/config.js';
import { loadBundle } from '../engine/bundle.js';
import { scanDocument, type DocumentResult } from '../engine/scan.js';
import type { Severity } from '../engine/finding.js';
import { discoverDocuments, loadDocument } from '../input/index.js';
import { buildReport, type ScanReport } from '../report/model.js';
import { renderText, summaryLine } from '../report/text.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { packageVersion } from '../package-root.js';
import { CliError, ExitCode } from './errors.js';
import { println, type CliIO } from './io.js';

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
}

export async function runScan(args: ScanArgs, io: CliIO): Promise<number> {
  const config = loadConfig(args.config);
  const bundle = loadBundle({ builtin: args.builtin, dirs: [...config.policyDirs, ...args.policies], include: config.include, exclude: config.exclude });
  if (bundle.packages.length === 0) throw new CliError('no deny, violation or warn rules found in the policies');
  const paths = await discoverDocuments(args.files);
  const results: DocumentResult[] = [];
  for (const path of paths) {
    const doc = await loadDocument(path, { sourceDir: args.sourceDir });
    results.push(scanDocument(bundle, doc, { params: config.params, exceptions: config.exceptions }));
  }
  const failOn = args.failOn ?? config.failOn ?? 'high';
  const report = buildReport(results, bundle.policies.filter((p) => bundle.selected(p.id)), { failOn, failOnExisting: args.failOnExisting, failOnUnknown: args.failOnUnknown }, packageVersion());
  const toTerminal = !args.output;
  const text = render(report, args.format, { color: toTerminal && args.color, quiet: args.quiet });
  if (args.output) {
    writeFileSync(args.output, text.endsWith('\n') ? text : text + '\n');
    if (!args.quiet) println(io.stderr, summaryLine(report));
  } else if (!(args.quiet && args.format === 'text' && report.verdict === 'passed')) {
    println(io.stdout, text);
  }
  return report.verdict === 'blocked' ? ExitCode.failed : ExitCode.ok;
}

function render(report: ScanReport, format: ScanFormat, o: { color: boolean; quiet: boolean }): string {
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
      return renderMarkdown(report);
  }
}
