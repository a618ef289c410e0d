/**
 * The scan report every format renders: findings of all documents, the verdict, and counts. Building
 * it once keeps the formats consistent (the text summary, the JSON and the PR comment agree).
 */
import type { DocumentResult } from '../engine/scan.js';
import { SEVERITIES, type Change, type Finding, type Severity } from '../engine/finding.js';
import { isBlocking, type VerdictOptions } from '../engine/verdict.js';
import type { PolicyInfo } from '../engine/bundle.js';
import type { CostSection } from './cost.js';

export const REPORT_VERSION = 1;

export interface ReportFinding extends Finding {
  /** The document (plan/state file) it was found in. */
  document: string;
  blocking: boolean;
}

export interface ScanReport {
  version: typeof REPORT_VERSION;
  tool: { name: 'tfguard'; version: string };
  verdict: 'blocked' | 'passed';
  failOn: Severity;
  documents: { path: string; kind: string; formatVersion: string; resources: number; findings: number }[];
  findings: ReportFinding[];
  /** Every policy that ran, with its metadata (SARIF rules, JUnit test cases). */
  policies: PolicyInfo[];
  /** The monthly cost delta of the plans, when estimated. */
  cost?: CostSection;
  summary: {
    blocking: number;
    bySeverity: Record<Severity, number>;
    byChange: Record<Change, number>;
    unknown: number;
    waived: number;
    resourcesScanned: number;
    policiesEvaluated: number;
    durationMs: number;
  };
}

export function buildReport(results: DocumentResult[], policies: PolicyInfo[], verdict: VerdictOptions, version: string, cost?: CostSection): ScanReport {
  const findings: ReportFinding[] = results.flatMap((r) =>
    r.findings.map((f) => ({
      ...f,
      document: r.document.path,
      // A state has no prior side: everything in it is existing, and it is what is being judged.
      blocking: isBlocking(f, { ...verdict, failOnExisting: verdict.failOnExisting || r.document.kind === 'state' }),
    })),
  );
  const count = <K extends string>(keys: readonly K[], pick: (f: ReportFinding) => K | undefined, only = (f: ReportFinding) => f.change !== 'fixed') => {
    const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    for (const f of findings) {
      const k = pick(f);
      if (k !== undefined && only(f)) out[k]++;
    }
    return out;
  };
  const blocking = findings.filter((f) => f.blocking).length;
  return {
    version: REPORT_VERSION,
    tool: { name: 'tfguard', version },
    verdict: blocking > 0 ? 'blocked' : 'passed',
    failOn: verdict.failOn,
    documents: results.map((r) => ({
      path: r.document.path,
      kind: r.document.kind,
      formatVersion: r.document.formatVersion,
      resources: r.resourcesScanned,
      findings: r.findings.length,
    })),
    findings,
    policies,
    ...(cost ? { cost } : {}),
    summary: {
      blocking,
      bySeverity: count(SEVERITIES, (f) => (f.status === 'fail' && !(f.waiver && !f.waiver.expired) ? f.severity : undefined)),
      byChange: count(['new', 'existing', 'fixed'] as const, (f) => f.change, () => true),
      unknown: findings.filter((f) => f.status === 'unknown' && f.change !== 'fixed').length,
      waived: findings.filter((f) => f.waiver && !f.waiver.expired).length,
      resourcesScanned: results.reduce((n, r) => n + r.resourcesScanned, 0),
      policiesEvaluated: Math.max(0, ...results.map((r) => r.policiesEvaluated)),
      durationMs: results.reduce((n, r) => n + r.durationMs, 0),
    },
  };
}
