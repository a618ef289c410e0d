/** What evaluating policies against a document produces, and every report consumes. */

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** `fail`: violated; `unknown`: the deciding attribute is only known after apply, so it cannot be verified yet. */
export type FindingStatus = 'fail' | 'unknown';

/** Relative to the prior side of the plan: introduced by this change, already there, or fixed by it. */
export type Change = 'new' | 'existing' | 'fixed';

export interface Finding {
  policyId: string;
  severity: Severity;
  title: string;
  message: string;
  status: FindingStatus;
  change: Change;
  /** Resource address, when the finding is about one resource. */
  resource?: string;
  module?: string;
  /** The attribute at fault, e.g. `server_side_encryption_configuration`. */
  attribute?: string;
  /** Where to point: the resource block in .tf source, or the document itself. */
  location: { file: string; line?: number };
  controls: string[];
  remediation?: string;
  /** The rule kind it came from (Conftest conventions). */
  rule: 'deny' | 'violation' | 'warn';
  /** Set when an exception in .tfguard.yml waives it. */
  waiver?: { reason: string; owner: string; expires: string; expired: boolean };
}
