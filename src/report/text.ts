/** The terminal report: findings grouped by severity, aligned, coloured on a TTY, and a summary line. */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { ReportFinding, ScanReport } from './model.js';
import { SEVERITIES, type Severity } from '../engine/finding.js';
import { deltaText, renderCostText } from './cost.js';

type Colors = ReturnType<typeof pc.createColors>;

const SEVERITY_COLOR: Record<Severity, (c: Colors, s: string) => string> = {
  critical: (c, s) => c.bold(c.red(s)),
  high: (c, s) => c.red(s),
  medium: (c, s) => c.yellow(s),
  low: (c, s) => c.cyan(s),
};

/** `width`: the terminal's columns, when known; the message column takes what the others leave. */
export function renderText(report: ScanReport, options: { color: boolean; quiet?: boolean; width?: number }): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  const active = report.findings.filter((f) => f.change !== 'fixed' && f.status === 'fail' && !(f.waiver && !f.waiver.expired));
  if (!options.quiet) {
    for (const sev of [...SEVERITIES].reverse()) {
      const group = active.filter((f) => f.severity === sev);
      if (group.length === 0) continue;
      lines.push(SEVERITY_COLOR[sev](c, `${sev.toUpperCase()} (${group.length})`));
      lines.push(table(group, c, options.width));
      lines.push('');
    }
    section(lines, c.magenta('UNKNOWN UNTIL APPLY'), report.findings.filter((f) => f.status === 'unknown' && f.change !== 'fixed'), c, options.width);
    section(lines, c.dim('WAIVED'), report.findings.filter((f) => f.waiver && !f.waiver.expired && f.change !== 'fixed'), c, options.width, (f) => `waived by ${f.waiver!.owner} until ${f.waiver!.expires}: ${f.waiver!.reason}`);
    section(lines, c.green('FIXED BY THIS CHANGE'), report.findings.filter((f) => f.change === 'fixed'), c, options.width);
    if (report.cost) lines.push(renderCostText(report.cost), '');
  }
  lines.push(summaryLine(report, c));
  return lines.join('\n');
}

function section(lines: string[], title: string, findings: ReportFinding[], c: Colors, width: number | undefined, note?: (f: ReportFinding) => string): void {
  if (findings.length === 0) return;
  lines.push(`${title} (${findings.length})`);
  lines.push(table(findings, c, width, note));
  lines.push('');
}

const FIXED_COLUMNS = [10, 13, 34, 30];

function table(findings: ReportFinding[], c: Colors, width: number | undefined, note?: (f: ReportFinding) => string): string {
  // cli-table3 adds one separator between columns and a cell padding on each side.
  const message = width ? Math.max(30, width - FIXED_COLUMNS.reduce((a, b) => a + b, 0) - 6) : 58;
  const t = new Table({
    head: ['', 'Policy', 'Resource', 'Location', 'Message'],
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' ' },
    wordWrap: true,
    colWidths: [...FIXED_COLUMNS, message],
  });
  for (const f of findings) {
    const mark = f.blocking ? c.red('✖ block') : f.change === 'fixed' ? c.green('✓') : f.change === 'existing' ? c.dim('existing') : c.yellow('new');
    const where = f.location.line ? `${f.location.file}:${f.location.line}` : f.location.file;
    const expired = f.waiver?.expired ? `waiver by ${f.waiver.owner} expired on ${f.waiver.expires}` : undefined;
    const extra = note?.(f) ?? expired;
    t.push([mark, f.policyId, f.resource ?? '', where, extra ? `${f.message}\n${c.dim(extra)}` : f.message]);
  }
  return t.toString();
}

export function summaryLine(report: ScanReport, c: Colors = pc.createColors(false)): string {
  const s = report.summary;
  const sev = [...SEVERITIES].reverse().map((k) => `${k} ${s.bySeverity[k]}`).join(' · ');
  const extra = [s.unknown && `${s.unknown} unknown`, s.waived && `${s.waived} waived`, s.byChange.fixed && `${s.byChange.fixed} fixed`].filter(Boolean).join(' · ');
  const verdict = report.verdict === 'blocked' ? c.bold(c.red(`BLOCKED: ${s.blocking} blocking finding${s.blocking === 1 ? '' : 's'}`)) : c.bold(c.green('PASSED'));
  const cost = report.cost ? ` — cost ${deltaText(report.cost)}` : '';
  return `${verdict} (fail-on ${report.failOn}) — ${sev}${extra ? ' · ' + extra : ''}${cost} — ${s.resourcesScanned} resources, ${s.policiesEvaluated} policies, ${Math.round(s.durationMs)} ms`;
}
