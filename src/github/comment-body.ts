/**
 * The Markdown the PR comment, the job summary and the check run share: the report of each plan (one
 * plan: the report as `tfguard scan --format markdown` prints it; several: a headline, then one section
 * per plan), the cost, and a footer. GitHub caps comments at 65,536 characters, so it can be truncated
 * with a pointer to where the full report is.
 */
import type { ScanReport } from '../report/model.js';
import { renderMarkdown } from '../report/markdown.js';
import type { CostEstimate } from '../cost/types.js';
import { costDeltaLine, costSection, totalDelta } from '../report/cost-markdown.js';
import { renderMarker, type Marker } from './marker.js';

/** GitHub rejects longer issue comments with 422 "Body is too long (maximum is 65536 characters)". */
export const COMMENT_LIMIT = 65_536;
/** Check run `output.summary` (maxLength in GitHub's OpenAPI description). */
export const CHECK_SUMMARY_LIMIT = 65_535;

export interface PlanReport {
  /** The plan file, as given (relative to the workspace). */
  path: string;
  report: ScanReport;
  cost?: CostEstimate;
}

export interface LinkContext {
  /** `https://github.com/o/r/blob/<sha>/`: findings link to the lines of the commit under review. */
  linkBase?: string;
  headSha?: string;
  commitUrl?: string;
  runUrl?: string;
}

export function renderPlansMarkdown(plans: readonly PlanReport[], links: LinkContext): string {
  if (plans.length === 1) return renderPlan(plans[0], links, 3);
  const blocked = plans.filter((p) => p.report.verdict === 'blocked');
  const blocking = blocked.reduce((n, p) => n + p.report.summary.blocking, 0);
  const failOn = plans[0]?.report.failOn ?? 'high';
  const headline = blocked.length
    ? `### ❌ tfguard: blocked — ${blocking} finding${blocking === 1 ? '' : 's'} at or above ${failOn} in ${blocked.length} of ${plans.length} plans`
    : `### ✅ tfguard: passed — ${plans.length} plans`;
  const costs = plans.flatMap((p) => (p.cost ? [p.cost] : []));
  const lines = [headline, ''];
  if (costs.length) lines.push(`💰 **Cost:** **${totalDelta(costs)}/month** across ${costs.length} plan${costs.length === 1 ? '' : 's'}`, '');
  return [...lines, ...plans.map((p) => renderPlan(p, links, 4))].join('\n');
}

function renderPlan(plan: PlanReport, links: LinkContext, headingLevel: number): string {
  return renderMarkdown(plan.report, {
    linkBase: links.linkBase,
    headingLevel,
    ...(headingLevel > 3 ? { label: plan.path } : {}),
    summaryLines: plan.cost ? [costDeltaLine(plan.cost)] : [],
    sections: plan.cost ? [costSection(plan.cost)] : [],
  });
}

export function footer(version: string, links: LinkContext): string {
  const parts = [`tfguard ${version}`];
  if (links.headSha) parts.push(links.commitUrl ? `[${links.headSha.slice(0, 7)}](${links.commitUrl})` : links.headSha.slice(0, 7));
  if (links.runUrl) parts.push(`[workflow run](${links.runUrl})`);
  return `<sub>${parts.join(' · ')}</sub>\n`;
}

export interface CommentOptions {
  marker: Marker;
  markdown: string;
  footer: string;
  /** Where the untruncated report is, for the truncation notice. */
  runUrl?: string;
  limit?: number;
}

/** Marker first (it must survive truncation), then the report, then the footer. */
export function commentBody(o: CommentOptions): string {
  const head = renderMarker(o.marker) + '\n';
  const where = o.runUrl ? `the [job summary](${o.runUrl}) and the \`report-json\` output` : 'the job summary and the `report-json` output';
  const notice = `> [!WARNING]\n> This report was cut to fit GitHub's ${(o.limit ?? COMMENT_LIMIT).toLocaleString('en-US')}-character comment limit. The full report is in ${where}.\n`;
  const room = (o.limit ?? COMMENT_LIMIT) - head.length - o.footer.length - 1;
  return `${head}${truncateMarkdown(o.markdown, room, notice)}\n${o.footer}`;
}

/**
 * Cuts Markdown at a line break so that it, the closing of whatever was open (`<details>`, a code
 * fence) and the notice fit in `limit` (measured by `measure`, default UTF-16 length, which never
 * undercounts characters). Text that fits is returned unchanged.
 */
export function truncateMarkdown(text: string, limit: number, notice: string, measure: (s: string) => number = (s) => s.length): string {
  if (measure(text) <= limit) return text;
  const lines = text.split('\n');
  // Binary search for the most lines that fit once closed and noticed.
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(closed(lines.slice(0, mid), notice)) <= limit) low = mid;
    else high = mid - 1;
  }
  return closed(lines.slice(0, low), notice);
}

function closed(lines: string[], notice: string): string {
  let fenceOpen = false;
  let detailsOpen = 0;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fenceOpen = !fenceOpen;
    else if (!fenceOpen) detailsOpen += count(line, /<details>/g) - count(line, /<\/details>/g);
  }
  const closers = [...(fenceOpen ? ['```'] : []), ...Array.from({ length: Math.max(0, detailsOpen) }, () => '\n</details>')];
  return [...lines, ...closers, '', notice].join('\n');
}

const count = (line: string, pattern: RegExp): number => line.match(pattern)?.length ?? 0;
