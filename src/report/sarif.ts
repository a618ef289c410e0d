/** SARIF 2.1.0 for GitHub code scanning: one rule per policy, one result per finding, at file:line. */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { ReportFinding, ScanReport } from './model.js';
import type { Severity } from '../engine/finding.js';
import type { PolicyInfo } from '../engine/bundle.js';

const LEVEL: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub ranks code-scanning alerts by this property (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

export function renderSarif(report: ScanReport): string {
  const ruleIds = [...new Set([...report.policies.map((p) => p.id), ...report.findings.map((f) => f.policyId)])];
  const byId = new Map(report.policies.map((p) => [p.id, p]));
  const severityOf = (id: string): Severity => byId.get(id)?.severity ?? report.findings.find((f) => f.policyId === id)?.severity ?? 'high';
  const rules: ReportingDescriptor[] = ruleIds.map((id) => rule(id, byId.get(id), severityOf(id), report.findings.find((f) => f.policyId === id)?.title));
  const results = report.findings.filter((f) => f.change !== 'fixed').map((f) => result(f, ruleIds.indexOf(f.policyId)));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'tfguard', version: report.tool.version, informationUri: 'https://github.com/tfguard/tfguard', rules } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function rule(id: string, info: PolicyInfo | undefined, severity: Severity, title: string | undefined): ReportingDescriptor {
  const name = info?.title ?? title ?? id;
  const help = [info?.description, info?.remediation && `Remediation:\n${info.remediation}`, info?.controls.length && `Controls: ${info.controls.join(', ')}`].filter(Boolean).join('\n\n');
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: name },
    fullDescription: { text: info?.description ?? name },
    help: { text: help || name, markdown: help ? help.replace(/\n/g, '  \n') : name },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: ['security', 'terraform', ...(info?.controls ?? [])], 'security-severity': SECURITY_SEVERITY[severity], precision: 'high' },
  };
}

function result(f: ReportFinding, ruleIndex: number): Result {
  const r: Result = {
    ruleId: f.policyId,
    ruleIndex,
    level: f.status === 'unknown' ? 'note' : LEVEL[f.severity],
    message: { text: [f.resource && `${f.resource}:`, f.message, f.status === 'unknown' ? '(cannot verify until apply)' : ''].filter(Boolean).join(' ') },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.location.file.replace(/\\/g, '/') },
          ...(f.location.line ? { region: { startLine: f.location.line } } : {}),
        },
        ...(f.resource ? { logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }] } : {}),
      },
    ],
    partialFingerprints: { tfguardFinding: [f.policyId, f.resource ?? '', f.attribute ?? ''].join('|') },
    properties: { change: f.change, status: f.status, severity: f.severity, ...(f.attribute ? { attribute: f.attribute } : {}) },
  };
  if (f.waiver && !f.waiver.expired) r.suppressions = [{ kind: 'external', justification: `${f.waiver.reason} (owner ${f.waiver.owner}, expires ${f.waiver.expires})` }];
  return r;
}
