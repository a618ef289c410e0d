/**
 * The GitHub Action, start to finish: scan each plan, then report where the pull request shows it — one
 * sticky comment, a check run with annotations, the job summary, SARIF — and set the step's outputs.
 * Everything the runner provides comes in through `ActionIO`, so this runs the same in tests.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runPipeline } from '../engine/pipeline.js';
import type { DocumentResult } from '../engine/scan.js';
import { buildReport, type ScanReport } from '../report/model.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import type { CostEstimate } from '../cost/types.js';
import { loadUsageFile } from '../cost/index.js';
import { combineCosts } from '../report/cost.js';
import { readInputs, type ActionInputs, type InputReader } from './inputs.js';
import { readRunnerContext, ActionInputError, type RunnerContext } from './runner-context.js';
import { expandPlanPatterns } from './plan-files.js';
import { commentBody, footer, renderPlansMarkdown, truncateMarkdown, CHECK_SUMMARY_LIMIT, type LinkContext, type PlanReport } from './comment-body.js';
import { resultFingerprint } from './marker.js';
import { publishComment } from './sticky-comment.js';
import { commandAnnotations, findingAnnotations, publishCheckRun, type CommandAnnotation } from './check-run.js';
import { httpStatus, octokitApi, type GitHubApi } from './github-api.js';
import { totalDeltaPlain } from '../report/cost-markdown.js';

/** GitHub's cap on one step's job summary (1 MiB). */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export interface ActionIO {
  env: Readonly<Record<string, string | undefined>>;
  readInput: InputReader;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** A workflow-command annotation (`::error file=…,line=…::`). */
  annotate(annotation: CommandAnnotation): void;
  /** The GitHub client; by default Octokit with retry and throttling. */
  api?(context: RunnerContext, inputs: ActionInputs): GitHubApi;
}

export interface ActionResult {
  report: ScanReport;
  blocking: number;
  /** The failure line for `core.setFailed`, when the verdict blocks. */
  failure?: string;
}

export async function runAction(io: ActionIO): Promise<ActionResult> {
  const inputs = readInputs(io.readInput);
  const context = readRunnerContext(io.env);
  const plans = await scanPlans(inputs, context.workspace);
  const report = combinedReport(plans);
  const links = linkContext(context);
  const markdown = renderPlansMarkdown(plans, links);
  const notes: string[] = [];
  const api = io.api?.(context, inputs) ?? defaultApi(context, inputs, io);

  const costs = plans.flatMap((p) => (p.cost ? [p.cost] : []));
  const fingerprint = resultFingerprint(report.findings, costs.length ? totalDeltaPlain(costs) : undefined);
  const version = report.tool.version;
  if (inputs.comment) await comment(api, { context, inputs, markdown, fingerprint, links, version, io, notes });
  if (inputs.annotations) await annotate(api, { context, inputs, report, markdown, io, notes });

  writeSummary(context, [...notes, markdown, footer(version, links)].join('\n'));
  writeOutputs(io, context, inputs, report, costs);
  const blocking = report.summary.blocking;
  return {
    report,
    blocking,
    ...(blocking > 0 ? { failure: `tfguard: ${blocking} blocking finding${blocking === 1 ? '' : 's'} at or above ${report.failOn}` } : {}),
  };
}

async function scanPlans(inputs: ActionInputs, workspace: string): Promise<(PlanReport & { results: DocumentResult[] })[]> {
  const paths = expandPlanPatterns(inputs.plans, workspace);
  if (inputs.usageFile) checkUsageFile(inputs.usageFile);
  const out: (PlanReport & { results: DocumentResult[] })[] = [];
  for (const path of paths) {
    const { report, results } = await runPipeline({
      files: [path],
      policies: inputs.policies,
      builtin: inputs.builtinPolicies,
      config: inputs.config,
      // The .tf files of a plan are usually beside it: `terraform show -json tfplan > plan.json`.
      sourceDir: inputs.sourceDir ?? dirname(path),
      failOn: inputs.failOn,
      ...(inputs.usageFile ? { usageFile: inputs.usageFile } : {}),
    });
    const cost = report.cost?.documents[0]?.estimate;
    out.push({ path, report, results, ...(cost ? { cost } : {}) });
  }
  return out;
}

/** Read once up front, so a bad usage file is reported as the input it is. */
function checkUsageFile(path: string): void {
  try {
    loadUsageFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ActionInputError(`input usage-file: ${code ? `cannot read ${path}: ${code}` : (err as Error).message}`);
  }
}

/** All plans in one report, for SARIF, the JSON report and the outputs. */
function combinedReport(plans: (PlanReport & { results: DocumentResult[] })[]): ScanReport {
  if (plans.length === 1) return plans[0].report;
  const first = plans[0].report;
  const costs = plans.flatMap((p) => p.report.cost?.documents ?? []);
  return buildReport(
    plans.flatMap((p) => p.results),
    first.policies,
    { failOn: first.failOn },
    first.tool.version,
    costs.length ? combineCosts(costs) : undefined,
  );
}

function linkContext(context: RunnerContext): LinkContext {
  const repoUrl = `${context.serverUrl}/${context.owner}/${context.repo}`;
  return {
    linkBase: `${repoUrl}/blob/${context.headSha}/`,
    headSha: context.headSha,
    commitUrl: `${repoUrl}/commit/${context.headSha}`,
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
  };
}

function defaultApi(context: RunnerContext, inputs: ActionInputs, io: ActionIO): GitHubApi {
  if (!inputs.token) throw new ActionInputError('input github-token is empty: pass `github-token: ${{ github.token }}` or a token with pull-requests and checks write access');
  // For tests: shrinks retry back-off and write spacing (e.g. 0.005 → 5 ms instead of 1 s).
  const timeScale = Number(io.env.TFGUARD_GITHUB_TIME_SCALE || 1);
  return octokitApi({
    token: inputs.token,
    apiUrl: context.apiUrl,
    owner: context.owner,
    repo: context.repo,
    ...(Number.isFinite(timeScale) && timeScale > 0 ? { timeScale } : {}),
    log: (m) => io.warning(m),
  });
}

interface Step {
  context: RunnerContext;
  inputs: ActionInputs;
  io: ActionIO;
  notes: string[];
}

async function comment(api: GitHubApi, s: Step & { markdown: string; fingerprint: string; links: LinkContext; version: string }): Promise<void> {
  if (s.context.pullNumber === undefined) {
    s.io.info(`tfguard: no pull request in a ${s.context.eventName || 'non-PR'} event; the report is in the job summary`);
    return;
  }
  const body = commentBody({ marker: { project: s.inputs.project, fingerprint: s.fingerprint }, markdown: s.markdown, footer: footer(s.version, s.links), runUrl: s.context.runUrl });
  try {
    const outcome = await publishComment(api, { issueNumber: s.context.pullNumber, project: s.inputs.project, body, fingerprint: s.fingerprint, behavior: s.inputs.commentBehavior });
    s.io.info(`tfguard: comment ${outcome.commentId} ${outcome.action}${outcome.deleted.length ? `, ${outcome.deleted.length} duplicate(s) removed` : ''}`);
  } catch (err) {
    // A failed delivery is reported, not turned into a verdict: the scan's result stands.
    const why = apiFailure(err, 'the token may not write to it (403: a pull request from a fork gets a read-only token)');
    const message = `tfguard could not comment on pull request #${s.context.pullNumber}: ${why}. The report is in this job summary.`;
    s.io.warning(message);
    s.notes.push(`> [!NOTE]\n> ${message}\n`);
  }
}

async function annotate(api: GitHubApi, s: Step & { report: ScanReport; markdown: string }): Promise<void> {
  const annotations = findingAnnotations(s.report.findings);
  const blocking = s.report.summary.blocking;
  const name = s.inputs.project === s.inputs.plans.join(',') ? 'tfguard' : `tfguard (${s.inputs.project})`;
  try {
    const { id, requests } = await publishCheckRun(api, {
      name,
      headSha: s.context.headSha,
      conclusion: blocking > 0 ? 'failure' : 'success',
      title: blocking > 0 ? `${blocking} blocking finding${blocking === 1 ? '' : 's'}` : 'No blocking findings',
      summary: truncateMarkdown(s.markdown, CHECK_SUMMARY_LIMIT - 200, '_Cut to fit the check run; the full report is in the job summary._'),
      annotations,
    });
    s.io.info(`tfguard: check run ${id} with ${annotations.length} annotation(s) in ${requests} request(s)`);
  } catch (err) {
    const why = apiFailure(err, 'the token lacks checks: write (403)');
    const { shown, omitted } = commandAnnotations(annotations);
    for (const a of shown) s.io.annotate(a);
    s.io.warning(`tfguard could not create the check run: ${why}; annotated with workflow commands instead${omitted ? `, ${omitted} more in the job summary` : ''}.`);
  }
}

/** Why a GitHub call failed, in words; anything that is not an HTTP error is a bug and is rethrown. */
function apiFailure(err: unknown, forbidden: string): string {
  const status = httpStatus(err);
  if (status === undefined) throw err;
  if (status === 403 && !/rate limit/i.test((err as Error).message)) return forbidden;
  return `GitHub answered ${status} (${(err as Error).message.replace(/\s*\n\s*/g, ' ')})`;
}

function writeSummary(context: RunnerContext, markdown: string): void {
  if (!context.stepSummaryPath) return;
  const text = truncateMarkdown(markdown, SUMMARY_LIMIT_BYTES - 1024, '_Cut to fit the job summary; the full report is in the `report-json` output._', (t) => Buffer.byteLength(t));
  appendFileSync(context.stepSummaryPath, text + '\n');
}

function writeOutputs(io: ActionIO, context: RunnerContext, inputs: ActionInputs, report: ScanReport, costs: CostEstimate[]): void {
  const reportDir = join(io.env.RUNNER_TEMP || tmpdir(), 'tfguard');
  mkdirSync(reportDir, { recursive: true });
  const reportJson = join(reportDir, 'report.json');
  writeFileSync(reportJson, renderJson(report) + '\n');
  let sarifFile = '';
  if (inputs.sarifFile) {
    sarifFile = resolve(context.workspace, inputs.sarifFile);
    mkdirSync(dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, renderSarif(report) + '\n');
  }
  io.setOutput('violations', String(report.summary.blocking));
  io.setOutput('findings', String(report.findings.filter((f) => f.change !== 'fixed').length));
  io.setOutput('cost-delta-monthly', costs.length ? totalDeltaPlain(costs) : '');
  io.setOutput('sarif-file', sarifFile);
  io.setOutput('report-json', reportJson);
}
