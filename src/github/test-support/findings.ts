import type { ReportFinding } from '../../report/model.js';

/** A blocking critical finding for the Action's tests; `over` changes what a test is about. */
export const reportFinding = (over: Partial<ReportFinding> = {}): ReportFinding => ({
  policyId: 'FX-NET-001',
  severity: 'critical',
  title: 'No SSH from the internet',
  message: 'port 22 is open',
  status: 'fail',
  change: 'new',
  resource: 'aws_security_group.ssh',
  location: { file: 'infra/main.tf', line: 5 },
  controls: [],
  remediation: 'Restrict the CIDR',
  rule: 'deny',
  document: 'plan.json',
  blocking: true,
  ...over,
});
