/**
 * The hidden first line of tfguard's PR comment: which project it belongs to (one comment per PR and
 * project) and a fingerprint of what it reported, so `comment-behavior: on-change` can tell whether
 * anything changed since without parsing the Markdown.
 */
import { createHash } from 'node:crypto';
import type { ReportFinding } from '../report/model.js';

export interface Marker {
  project: string;
  fingerprint?: string;
}

const MARKER = /^<!-- tfguard:project=(\S+?)(?: fingerprint=(\S+?))? -->/;

export function renderMarker(marker: Marker): string {
  const fingerprint = marker.fingerprint ? ` fingerprint=${marker.fingerprint}` : '';
  // Encoded so that spaces or `-->` in a project name cannot end the comment early.
  return `<!-- tfguard:project=${encodeURIComponent(marker.project)}${fingerprint} -->`;
}

/** The marker at the start of a comment body; a marker elsewhere (a quote, a mention) does not count. */
export function parseMarker(body: string | undefined | null): Marker | undefined {
  const match = body ? MARKER.exec(body) : null;
  if (!match) return undefined;
  let project: string;
  try {
    project = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return { project, ...(match[2] ? { fingerprint: match[2] } : {}) };
}

/**
 * What a reviewer would call "the result": each finding's identity and state, and the cost delta. Line
 * numbers and commit links are left out, so a rebase that moves code does not count as a change.
 */
export function resultFingerprint(findings: readonly ReportFinding[], costDelta?: string): string {
  const keys = findings
    .map((f) => [f.document, f.policyId, f.resource ?? '', f.severity, f.status, f.change, f.blocking, f.waiver && !f.waiver.expired ? 'waived' : '', f.message].join('\u0000'))
    .sort();
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ findings: keys, costDelta: costDelta ?? null }));
  return hash.digest('hex').slice(0, 16);
}
