/**
 * The whole scan, as the CLI and the GitHub Action both run it: config → policies → documents →
 * findings → report. Rendering and exit codes stay with the callers.
 */
import { loadConfig } from '../config/config.js';
import { loadBundle } from './bundle.js';
import { scanDocument, type DocumentResult } from './scan.js';
import type { Severity } from './finding.js';
import { discoverDocuments, loadDocument } from '../input/index.js';
import { buildReport, type ScanReport } from '../report/model.js';
import { packageVersion } from '../package-root.js';
import { estimateCost, loadUsageFile, type CatalogFile, type CostEstimate } from '../cost/index.js';
import { combineCosts, costData } from '../report/cost.js';

export interface PipelineOptions {
  files: string[];
  policies?: string[];
  builtin?: boolean;
  config?: string;
  sourceDir?: string;
  failOn?: Severity;
  failOnExisting?: boolean;
  failOnUnknown?: boolean;
  /** Estimate the monthly cost delta of plans (default true). */
  cost?: boolean;
  /** `tfguard-usage.yml` for usage-based costs. */
  usageFile?: string;
  /** Extra price catalogs (from `tfguard pricing import`), already read. */
  catalogs?: CatalogFile[];
  /** Called after each document, for progress bars. */
  onDocument?: (done: number, total: number, path: string) => void;
}

export interface PipelineResult {
  report: ScanReport;
  results: DocumentResult[];
}

export class NoPoliciesError extends Error {
  constructor() {
    super('no deny, violation or warn rules found in the policies');
    this.name = 'NoPoliciesError';
  }
}

export async function runPipeline(o: PipelineOptions): Promise<PipelineResult> {
  const config = loadConfig(o.config);
  const bundle = loadBundle({ builtin: o.builtin ?? true, dirs: [...config.policyDirs, ...(o.policies ?? [])], include: config.include, exclude: config.exclude });
  if (bundle.packages.length === 0) throw new NoPoliciesError();
  const paths = await discoverDocuments(o.files);
  const usage = o.usageFile ? loadUsageFile(o.usageFile) : undefined;
  const results: DocumentResult[] = [];
  const costs: { path: string; estimate: CostEstimate }[] = [];
  for (const path of paths) {
    const doc = await loadDocument(path, { sourceDir: o.sourceDir });
    const estimate = o.cost !== false && doc.kind === 'plan' ? estimateCost(doc.raw, { usage, catalogs: o.catalogs }) : undefined;
    if (estimate) costs.push({ path, estimate });
    results.push(scanDocument(bundle, doc, { params: config.params, exceptions: config.exceptions, cost: estimate && costData(estimate) }));
    o.onDocument?.(results.length, paths.length, path);
  }
  const failOn = o.failOn ?? config.failOn ?? 'high';
  const selected = bundle.policies.filter((p) => bundle.selected(p.id));
  const report = buildReport(results, selected, { failOn, failOnExisting: o.failOnExisting, failOnUnknown: o.failOnUnknown }, packageVersion(), costs.length ? combineCosts(costs) : undefined);
  return { report, results };
}
