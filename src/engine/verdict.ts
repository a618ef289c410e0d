/** Which findings block the change (exit code 1, a failed check run). */
import { SEVERITIES, type Finding, type Severity } from './finding.js';
import { isWaived } from '../waivers/waivers.js';

export interface VerdictOptions {
  failOn: Severity;
  /** Existing findings block too (by default only what the change introduces does). */
  failOnExisting?: boolean;
  /** Findings that cannot be verified until apply block too. */
  failOnUnknown?: boolean;
}

export function isBlocking(f: Finding, o: VerdictOptions): boolean {
  if (f.change === 'fixed' || isWaived(f) || f.rule === 'warn') return false;
  if (f.status === 'unknown' && !o.failOnUnknown) return false;
  if (f.change === 'existing' && !o.failOnExisting) return false;
  return SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(o.failOn);
}
