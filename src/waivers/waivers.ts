/**
 * Exceptions from `.tfguard.yml`: a waived finding stays in every report, marked with who waived it,
 * why and until when; an expired waiver no longer waives and says so.
 */
import type { Exception } from '../config/config.js';
import type { Finding } from '../engine/finding.js';
import { globToRegExp } from '../engine/glob.js';

export function applyWaivers(findings: Finding[], exceptions: readonly Exception[], today: string): void {
  const compiled = exceptions.map((e) => ({ e, policy: globToRegExp(e.policy), resource: e.resource ? globToRegExp(e.resource) : undefined }));
  for (const f of findings) {
    const match = compiled.find((c) => c.policy.test(f.policyId) && (!c.resource || (f.resource !== undefined && c.resource.test(f.resource))));
    if (match) f.waiver = { reason: match.e.reason, owner: match.e.owner, expires: match.e.expires, expired: match.e.expires < today };
  }
}

/** A waiver that has not expired takes the finding out of the verdict. */
export const isWaived = (f: Finding): boolean => f.waiver !== undefined && !f.waiver.expired;
