/**
 * The Markdown report — what the pull-request comment and the job summary show: the verdict in one
 * line, the table of what blocks, then folded detail (remediation, existing, unknown, waived, fixed).
 */
import type { ReportFinding, ScanReport } from './model.js';
import { SEVERITIES, type Severity } from '../engine/finding.js';

export interface MarkdownOptions {
  /** Links findings to source, e.g. `https://github.com/o/r/blob/<sha>/`. */
  linkBase?: string;
  /** Extra sections appended after the findings (the cost table). */
  sections?: string[];
  /** Lines shown under the counts (the cost delta). */
  summaryLines?: string[];
  /** Heading level of the verdict line (default 3); a comment covering several plans nests them at 4. */
  headingLevel?: number;
  /** Names what the verdict is about, e.g. the plan path: `### ❌ infra/plan.json: blocked — …`. */
  label?: string;
}

const ICON: Record<Severity, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵' };

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function renderMarkdown(report: ScanReport, options: MarkdownOptions = {}): string {
  const s = report.summary;
  const out: string[] = [];
  const blocked = report.verdict === 'blocked';
  const heading = '#'.repeat(options.headingLevel ?? 3);
  const subject = options.label ? `\`${cell(options.label)}\`` : 'tfguard';
  out.push(`${heading} ${blocked ? '❌' : '✅'} ${subject}: ${blocked ? `blocked — ${s.blocking} finding${s.blocking === 1 ? '' : 's'} at or above ${report.failOn}` : 'passed'}`);
  // Each count matches the table or folded section below it, so every finding is counted once.
  const active = (f: ReportFinding) => f.status === 'fail' && f.change !== 'fixed' && !(f.waiver && !f.waiver.expired);
  const counted = (pick: (f: ReportFinding) => boolean): string => {
    const found = report.findings.filter(pick);
    return `${found.length}${bracket(severityCounts(countBy(found)))}`;
  };
  const newText = severityCounts(countBy(report.findings.filter((f) => active(f) && f.change === 'new'))) || 'none';
  const existingText = counted((f) => active(f) && f.change === 'existing');
  const fixedText = counted((f) => f.change === 'fixed');
  const unknownCount = report.findings.filter((f) => f.status === 'unknown' && f.change !== 'fixed').length;
  const waivedCount = report.findings.filter((f) => f.waiver && !f.waiver.expired && f.change !== 'fixed').length;
  out.push(`**New:** ${newText} · **Existing:** ${existingText} · **Fixed:** ${fixedText}${unknownCount ? ` · **Unknown until apply:** ${unknownCount}` : ''}${waivedCount ? ` · **Waived:** ${waivedCount}` : ''} — ${s.resourcesScanned} resources, ${s.policiesEvaluated} policies`);
  for (const line of options.summaryLines ?? []) out.push('', line);
  out.push('');

  const newOnes = report.findings.filter((f) => active(f) && f.change === 'new');
  if (newOnes.length) {
    out.push(findingTable(newOnes, options));
    out.push('');
  } else if (!blocked) {
    out.push('No new violations in this change.');
    out.push('');
  }
  const existing = report.findings.filter((f) => active(f) && f.change === 'existing');
  if (existing.length) out.push(folded(`Existing findings, not introduced by this change (${existing.length})`, findingTable(existing, options)));
  const remediation = remediationSection(report.findings.filter(active));
  if (remediation) out.push(folded('How to fix', remediation));
  const unknown = report.findings.filter((f) => f.status === 'unknown' && f.change !== 'fixed');
  if (unknown.length) out.push(folded(`Cannot verify until apply (${unknown.length})`, findingTable(unknown, options)));
  const waived = report.findings.filter((f) => f.waiver && f.change !== 'fixed');
  if (waived.length) out.push(folded(`Waived (${waived.length})`, waiverTable(waived)));
  const fixed = report.findings.filter((f) => f.change === 'fixed');
  if (fixed.length) out.push(folded(`Fixed by this change (${fixed.length})`, findingTable(fixed, options)));
  for (const section of options.sections ?? []) out.push(section);
  return out.join('\n').trimEnd() + '\n';
}

/** `1 critical · 2 high`, most severe first; empty when there are none. */
function severityCounts(counts: Record<Severity, number>): string {
  return SEVERITIES.slice().reverse().filter((k) => counts[k]).map((k) => `${counts[k]} ${k}`).join(' · ');
}

const bracket = (text: string): string => (text ? ` (${text})` : '');

function countBy(findings: ReportFinding[]): Record<Severity, number> {
  const out = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

const folded = (summary: string, body: string): string => `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n`;

function location(f: ReportFinding, o: MarkdownOptions): string {
  const text = f.location.line ? `${f.location.file}:${f.location.line}` : f.location.file;
  // Without a line the location is the plan document itself, which is not in the repository.
  if (!o.linkBase || !f.location.line || /^[a-z]+:\/\//i.test(f.location.file) || f.location.file.startsWith('/')) return cell(text);
  return `[${cell(text)}](${o.linkBase}${encodeURI(f.location.file)}#L${f.location.line})`;
}

export function findingTable(findings: ReportFinding[], o: MarkdownOptions = {}): string {
  const rows = findings.map((f) => `| ${ICON[f.severity]} ${f.severity} | **${cell(f.policyId)}** ${cell(f.title)} | ${f.resource ? '`' + cell(f.resource) + '`' : ''} | ${cell(f.message)} | ${location(f, o)} |`);
  return ['| Severity | Policy | Resource | Finding | Location |', '|---|---|---|---|---|', ...rows].join('\n');
}

function waiverTable(findings: ReportFinding[]): string {
  const rows = findings.map((f) => `| **${cell(f.policyId)}** | ${f.resource ? '`' + cell(f.resource) + '`' : ''} | ${cell(f.waiver!.owner)} | ${f.waiver!.expired ? `⚠️ expired ${f.waiver!.expires}` : f.waiver!.expires} | ${cell(f.waiver!.reason)} |`);
  return ['| Policy | Resource | Owner | Expires | Reason |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** One entry per policy at fault, grouped by family (the id's prefix, e.g. AWS-ENC). */
function remediationSection(findings: ReportFinding[]): string {
  const byPolicy = new Map<string, ReportFinding>();
  for (const f of findings) if (f.remediation && !byPolicy.has(f.policyId)) byPolicy.set(f.policyId, f);
  if (byPolicy.size === 0) return '';
  const families = new Map<string, ReportFinding[]>();
  for (const f of byPolicy.values()) {
    const family = f.policyId.split('-').slice(0, 2).join('-');
    families.set(family, [...(families.get(family) ?? []), f]);
  }
  const parts: string[] = [];
  for (const [family, list] of families) {
    parts.push(`**${family}**\n`);
    for (const f of list) parts.push(`- **${f.policyId}** ${f.title}${f.controls.length ? ` _(${f.controls.join(', ')})_` : ''}\n\n${indent(f.remediation!)}\n`);
  }
  return parts.join('\n');
}

/** Remediation text may hold HCL; keep code blocks inside the list item. */
const indent = (text: string): string => text.split('\n').map((l) => (l ? '  ' + l : l)).join('\n');
