import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { buildReport } from './model.js';
import { renderSarif } from './sarif.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { renderJson } from './json.js';
import type { DocumentResult } from '../engine/scan.js';
import type { Finding } from '../engine/finding.js';
import type { PolicyInfo } from '../engine/bundle.js';

const policies: PolicyInfo[] = [
  { id: 'AWS-ENC-001', title: 'S3 buckets are encrypted at rest', severity: 'high', controls: ['PCI-DSS-4.0:3.5.1'], remediation: 'Add\n```hcl\nserver_side_encryption_configuration {}\n```', package: 'data.tfguard.aws.encryption', rule: 'deny', file: 'policies/aws/encryption.rego', line: 10 },
  { id: 'AWS-NET-001', title: 'No SSH from the internet', severity: 'critical', controls: [], package: 'data.tfguard.aws.network', rule: 'deny', file: 'policies/aws/network.rego', line: 5 },
];

const finding = (over: Partial<Finding>): Finding => ({
  policyId: 'AWS-ENC-001',
  severity: 'high',
  title: 'S3 buckets are encrypted at rest',
  message: 'bucket has no server-side encryption | <b>',
  status: 'fail',
  change: 'new',
  resource: 'aws_s3_bucket.logs',
  location: { file: 'main.tf', line: 12 },
  controls: ['PCI-DSS-4.0:3.5.1'],
  remediation: 'Add encryption',
  rule: 'deny',
  ...over,
});

const result: DocumentResult = {
  document: { path: 'plan.json', kind: 'plan', formatVersion: '1.2', raw: {}, resources: [], byAddress: new Map() },
  findings: [
    finding({}),
    finding({ policyId: 'AWS-NET-001', severity: 'critical', resource: 'aws_security_group.ssh', change: 'existing', location: { file: 'plan.json' } }),
    finding({ resource: 'aws_s3_bucket.later', status: 'unknown' }),
    finding({ resource: 'aws_s3_bucket.old', change: 'fixed' }),
    finding({ resource: 'aws_s3_bucket.legacy', waiver: { reason: 'migrating', owner: 'team-data', expires: '2027-01-31', expired: false } }),
  ],
  resourcesScanned: 7,
  policiesEvaluated: 2,
  durationMs: 12,
};

const report = buildReport([result], policies, { failOn: 'high' }, '0.1.0');

describe('report model', () => {
  it('counts and judges: only new, verified, unwaived findings at or above fail-on block', () => {
    expect(report.verdict).toBe('blocked');
    expect(report.summary.blocking).toBe(1);
    expect(report.summary.byChange).toEqual({ new: 3, existing: 1, fixed: 1 });
    expect(report.summary.unknown).toBe(1);
    expect(report.summary.waived).toBe(1);
    expect(buildReport([result], policies, { failOn: 'critical' }, '0.1.0').verdict).toBe('passed');
    expect(buildReport([result], policies, { failOn: 'critical', failOnExisting: true }, '0.1.0').verdict).toBe('blocked');
  });
  it('JSON is versioned and round-trips', () => {
    const parsed = JSON.parse(renderJson(report)) as { version: number; findings: unknown[] };
    expect(parsed.version).toBe(1);
    expect(parsed.findings).toHaveLength(5);
  });
});

describe('SARIF', () => {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  // The official schema has a language-tag pattern that is only valid without the `u` flag.
  // CommonJS default export seen through NodeNext typing.
  const Ajv04 = Ajv04Module.default;
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  (addFormatsModule as unknown as (a: InstanceType<typeof Ajv04>) => void)(ajv);
  const validate = ajv.compile(schema);
  const log = JSON.parse(renderSarif(report)) as { runs: { results: { ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { region?: { startLine: number } } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });
  it('has a rule per policy and a located result per finding, fixed ones left out, waived ones suppressed', () => {
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['AWS-ENC-001', 'AWS-NET-001']);
    expect(run.results).toHaveLength(4);
    expect(run.results[0].locations[0].physicalLocation.region?.startLine).toBe(12);
    expect(run.results.filter((r) => r.suppressions)).toHaveLength(1);
  });
});

describe('JUnit', () => {
  it('one test case per policy, failures list the resources', () => {
    const xml = renderJunit(report);
    expect(xml).toMatch(/<testsuites name="tfguard" tests="2" failures="2">/);
    expect(xml).toContain('aws_s3_bucket.logs (main.tf:12): bucket has no server-side encryption | &lt;b&gt;');
    expect(xml).not.toContain('aws_s3_bucket.legacy');
  });
});

describe('Markdown', () => {
  const md = renderMarkdown(report, { linkBase: 'https://github.com/o/r/blob/abc/' });
  it('leads with the verdict and the new findings, linked to source', () => {
    expect(md.split('\n')[0]).toBe('### ❌ tfguard: blocked — 1 finding at or above high');
    expect(md).toContain('[main.tf:12](https://github.com/o/r/blob/abc/main.tf#L12)');
    expect(md).toContain('bucket has no server-side encryption \\| <b>');
  });
  it('folds existing, unknown, waived and fixed findings', () => {
    for (const s of ['Existing findings', 'Cannot verify until apply (1)', 'Waived (1)', 'Fixed by this change (1)', 'How to fix']) expect(md).toContain(s);
    expect(md).toContain('team-data');
  });
});

describe('text', () => {
  it('groups by severity and ends with the summary, without colour codes when off', () => {
    const text = renderText(report, { color: false });
    expect(text).toContain('CRITICAL (1)');
    expect(text).toContain('HIGH (1)');
    expect(text).not.toContain('\u001b[');
    expect(text.split('\n').at(-1)).toMatch(/^BLOCKED: 1 blocking finding \(fail-on high\) — critical 1 · high 1 · medium 0 · low 0 · 1 unknown · 1 waived · 1 fixed — 7 resources, 2 policies/);
  });
});
