import { describe, expect, it } from 'vitest';
import { bundleFromSources } from './bundle.js';
import { scanDocument } from './scan.js';
import { isBlocking } from './verdict.js';
import type { TerraformDocument } from '../input/document.js';

const POLICY = `package tfguard.test.s3

import rego.v1

# METADATA
# title: Buckets are encrypted
# custom:
#   id: T-ENC-001
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1"]
#   remediation: Add server_side_encryption_configuration.
deny contains f if {
	some rc in input.resource_changes
	rc.type == "aws_s3_bucket"
	not rc.change.actions == ["delete"]
	not rc.change.after_unknown.encrypted
	not rc.change.after.encrypted
	f := {"id": "T-ENC-001", "msg": sprintf("bucket %s (owner %s) is not encrypted", [rc.change.after.bucket, object.get(rc.change.after, "owner_token", "none")]), "resource": rc.address, "attribute": "encrypted"}
}

# METADATA
# title: Encryption must be verifiable
# custom:
#   id: T-ENC-002
#   severity: medium
deny contains f if {
	some rc in input.resource_changes
	rc.change.after_unknown.encrypted
	f := {"id": "T-ENC-002", "msg": "encryption is only known after apply", "resource": rc.address, "status": "unknown"}
}

warn contains "plain string advice"
`;

function change(address: string, before: unknown, after: unknown, actions: string[], extra: Record<string, unknown> = {}) {
  return { address, type: 'aws_s3_bucket', name: address.split('.')[1], mode: 'managed', change: { actions, before, after, after_unknown: {}, ...extra } };
}

function plan(changes: unknown[]): TerraformDocument {
  const raw = { format_version: '1.2', resource_changes: changes };
  const resources = (changes as { address: string }[]).map((c) => ({ address: c.address, type: 'aws_s3_bucket', name: 'x', mode: 'managed' as const, providerName: 'aws', module: '', actions: [], source: { file: 'main.tf', line: 3 } }));
  return { path: 'plan.json', kind: 'plan', formatVersion: '1.2', raw, resources, byAddress: new Map(resources.map((r) => [r.address, r])) };
}

const bundle = bundleFromSources([{ file: 'p.rego', text: POLICY }]);

describe('scanDocument', () => {
  it('classifies findings as new, existing or fixed against the prior side', () => {
    const result = scanDocument(
      bundle,
      plan([
        change('aws_s3_bucket.created', null, { bucket: 'a' }, ['create']),
        change('aws_s3_bucket.kept', { bucket: 'b' }, { bucket: 'b', tags: {} }, ['update']),
        change('aws_s3_bucket.mended', { bucket: 'c' }, { bucket: 'c', encrypted: true }, ['update']),
      ]),
    );
    const byResource: Record<string, string> = Object.fromEntries(result.findings.filter((f) => f.resource).map((f) => [f.resource!, f.change]));
    expect(byResource).toEqual({ 'aws_s3_bucket.created': 'new', 'aws_s3_bucket.kept': 'existing', 'aws_s3_bucket.mended': 'fixed' });
  });

  it('enriches findings with metadata and points them at source', () => {
    const [f] = scanDocument(bundle, plan([change('aws_s3_bucket.created', null, { bucket: 'a' }, ['create'])])).findings.filter((x) => x.rule === 'deny');
    expect(f).toMatchObject({ policyId: 'T-ENC-001', severity: 'high', title: 'Buckets are encrypted', controls: ['PCI-DSS-4.0:3.5.1'], remediation: 'Add server_side_encryption_configuration.', attribute: 'encrypted', location: { file: 'main.tf', line: 3 } });
    expect(isBlocking(f, { failOn: 'high' })).toBe(true);
    expect(isBlocking(f, { failOn: 'critical' })).toBe(false);
  });

  it('reports what is only known after apply as unknown, never blocking by default', () => {
    const doc = plan([change('aws_s3_bucket.later', null, { bucket: 'a' }, ['create'], { after_unknown: { encrypted: true } })]);
    const [f] = scanDocument(bundle, doc).findings.filter((x) => x.rule === 'deny');
    expect(f).toMatchObject({ policyId: 'T-ENC-002', status: 'unknown' });
    expect(isBlocking(f, { failOn: 'low' })).toBe(false);
    expect(isBlocking(f, { failOn: 'low', failOnUnknown: true })).toBe(true);
  });

  it('never lets a sensitive value reach a message', () => {
    const doc = plan([change('aws_s3_bucket.s', null, { bucket: 'a', owner_token: 'hunter2-SECRET-9f8e' }, ['create'], { after_sensitive: { owner_token: true } })]);
    const messages = scanDocument(bundle, doc).findings.map((f) => f.message).join('\n');
    expect(messages).not.toContain('hunter2-SECRET-9f8e');
    expect(messages).toContain('(sensitive value)');
  });

  it('waives by policy and resource glob, and an expired waiver stops waiving', () => {
    const doc = plan([change('aws_s3_bucket.a', null, { bucket: 'a' }, ['create']), change('aws_s3_bucket.b', null, { bucket: 'b' }, ['create'])]);
    const exceptions = [
      { policy: 'T-ENC-*', resource: 'aws_s3_bucket.a', reason: 'legacy', owner: 'team-a', expires: '2030-01-01' },
      { policy: 'T-ENC-001', resource: 'aws_s3_bucket.b', reason: 'old', owner: 'team-b', expires: '2020-01-01' },
    ];
    const findings = scanDocument(bundle, doc, { exceptions, today: '2026-11-23' }).findings.filter((f) => f.rule === 'deny');
    const a = findings.find((f) => f.resource === 'aws_s3_bucket.a')!;
    const b = findings.find((f) => f.resource === 'aws_s3_bucket.b')!;
    expect(a.waiver).toMatchObject({ owner: 'team-a', expired: false });
    expect(isBlocking(a, { failOn: 'low' })).toBe(false);
    expect(b.waiver?.expired).toBe(true);
    expect(isBlocking(b, { failOn: 'low' })).toBe(true);
  });

  it('accepts Conftest string results with the package as policy id', () => {
    const warn = scanDocument(bundle, plan([])).findings.find((f) => f.rule === 'warn');
    expect(warn).toMatchObject({ policyId: 'tfguard.test.s3.warn', message: 'plain string advice', severity: 'low' });
  });
});
