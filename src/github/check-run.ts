/**
 * Findings as annotations on the lines that declare the resources: through a check run (GitHub takes
 * at most 50 annotations per request, so create with the first 50 and PATCH the rest), or — where the
 * token may not create check runs — through workflow commands, which GitHub caps per step.
 */
import type { ReportFinding } from '../report/model.js';
import type { CheckAnnotation, CheckConclusion, CheckRunOutput, GitHubApi } from './github-api.js';

export const ANNOTATIONS_PER_REQUEST = 50;
/** Workflow-command annotations GitHub shows per step and level (actions/toolkit docs/problem-matchers.md). */
export const COMMAND_ANNOTATIONS_PER_LEVEL = 10;

const isWaived = (f: ReportFinding): boolean => Boolean(f.waiver && !f.waiver.expired);

/**
 * One annotation per finding that points at a source line: blocking ones fail, other violations warn,
 * what cannot be verified until apply (and `warn` rules) is a notice. Fixed and waived ones are left out.
 */
export function findingAnnotations(findings: readonly ReportFinding[]): CheckAnnotation[] {
  const annotations: CheckAnnotation[] = [];
  for (const f of findings) {
    if (f.change === 'fixed' || isWaived(f) || !f.location.line) continue;
    const level = f.blocking ? 'failure' : f.status === 'fail' && f.rule !== 'warn' ? 'warning' : 'notice';
    const state = f.status === 'unknown' ? ' (cannot verify until apply)' : f.change === 'existing' ? ' (existing)' : '';
    annotations.push({
      path: f.location.file.replace(/\\/g, '/'),
      start_line: f.location.line,
      end_line: f.location.line,
      annotation_level: level,
      title: `${f.policyId} [${f.severity}] ${f.title}${state}`,
      message: f.resource ? `${f.resource}: ${f.message}` : f.message,
      ...(f.remediation ? { raw_details: f.remediation } : {}),
    });
  }
  return annotations;
}

export interface CheckRunRequest {
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

export async function publishCheckRun(api: GitHubApi, request: CheckRunRequest): Promise<{ id: number; requests: number }> {
  const batches = chunk(request.annotations, ANNOTATIONS_PER_REQUEST);
  const output = (annotations: CheckAnnotation[] | undefined): CheckRunOutput => ({ title: request.title, summary: request.summary, ...(annotations?.length ? { annotations } : {}) });
  const { id } = await api.createCheckRun({ name: request.name, headSha: request.headSha, conclusion: request.conclusion, output: output(batches[0]) });
  // Each update appends its annotations to those already on the check run.
  for (const batch of batches.slice(1)) await api.updateCheckRun(id, output(batch));
  return { id, requests: Math.max(1, batches.length) };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type CommandLevel = 'error' | 'warning' | 'notice';

export interface CommandAnnotation {
  level: CommandLevel;
  message: string;
  title: string;
  file: string;
  startLine: number;
}

/**
 * The fallback: `::error file=…,line=…::` and friends. GitHub shows only the first 10 of each level
 * per step, so the rest are counted rather than printed.
 */
export function commandAnnotations(annotations: readonly CheckAnnotation[]): { shown: CommandAnnotation[]; omitted: number } {
  const LEVEL: Record<CheckAnnotation['annotation_level'], CommandLevel> = { failure: 'error', warning: 'warning', notice: 'notice' };
  const used: Record<CommandLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: CommandAnnotation[] = [];
  for (const a of annotations) {
    const level = LEVEL[a.annotation_level];
    if (used[level] >= COMMAND_ANNOTATIONS_PER_LEVEL) continue;
    used[level]++;
    shown.push({ level, message: a.message, title: a.title ?? '', file: a.path, startLine: a.start_line });
  }
  return { shown, omitted: annotations.length - shown.length };
}
