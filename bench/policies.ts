/**
 * Policy-library benchmark: the built-in policies (all families, both sides of the plan) over a
 * generated plan of mixed AWS resources, against JSON.parse of the same plan measured in the same run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBundle } from '../src/engine/bundle.js';
import { scanDocument } from '../src/engine/scan.js';
import { loadDocument } from '../src/input/index.js';

const TYPES: [string, (i: number) => Record<string, unknown>][] = [
  ['aws_s3_bucket', (i) => ({ bucket: `b-${i}`, tags: tags(i) })],
  ['aws_security_group', (i) => ({ name: `sg-${i}`, ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: [i % 4 ? '10.0.0.0/8' : '0.0.0.0/0'], ipv6_cidr_blocks: [] }], egress: [], tags: tags(i) })],
  ['aws_db_instance', (i) => ({ identifier: `db-${i}`, engine: 'mysql', instance_class: 'db.t3.large', allocated_storage: 50, storage_encrypted: i % 2 === 0, publicly_accessible: false, multi_az: true, tags: tags(i) })],
  ['aws_instance', (i) => ({ ami: 'ami-1', instance_type: 't3.micro', associate_public_ip_address: i % 5 === 0, root_block_device: [{ encrypted: true, volume_size: 8, volume_type: 'gp3' }], metadata_options: [{ http_tokens: 'required' }], tags: tags(i) })],
  ['aws_ebs_volume', (i) => ({ size: 100, type: 'gp3', encrypted: i % 3 !== 0, availability_zone: 'eu-west-1a', tags: tags(i) })],
  ['aws_sqs_queue', (i) => ({ name: `q-${i}`, sqs_managed_sse_enabled: i % 2 === 0, tags: tags(i) })],
  ['aws_cloudwatch_log_group', (i) => ({ name: `/app/${i}`, retention_in_days: 30, tags: tags(i) })],
  ['aws_lb_listener', (i) => ({ port: i % 2 ? 443 : 80, protocol: i % 2 ? 'HTTPS' : 'HTTP', ssl_policy: i % 2 ? 'ELBSecurityPolicy-TLS13-1-2-2021-06' : null, default_action: [{ type: 'forward' }], tags: tags(i) })],
];

const tags = (i: number): Record<string, string> => (i % 7 === 0 ? { owner: 'team' } : { owner: 'team', 'data-classification': 'internal' });

export function generateMixedPlan(resources: number): string {
  const changes = [];
  for (let i = 0; i < resources; i++) {
    const [type, values] = TYPES[i % TYPES.length];
    const address = `${type}.r${i}`;
    const after = values(i);
    const updated = i % 4 === 0;
    changes.push({
      address,
      mode: 'managed',
      type,
      name: `r${i}`,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: [updated ? 'update' : 'create'], before: updated ? after : null, after, after_unknown: {}, before_sensitive: updated ? {} : false, after_sensitive: {} },
    });
  }
  return JSON.stringify({
    format_version: '1.2',
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'eu-west-1' } } } }, root_module: {} },
  });
}

export async function runPolicyBench(resources = 10_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-bench-policies-'));
  try {
    const text = generateMixedPlan(resources);
    const path = join(dir, 'plan.json');
    writeFileSync(path, text);
    let t0 = performance.now();
    JSON.parse(text);
    const parseMs = performance.now() - t0;
    t0 = performance.now();
    const bundle = loadBundle();
    const compileMs = performance.now() - t0;
    const doc = await loadDocument(path, { sourceDir: dir });
    t0 = performance.now();
    const result = scanDocument(bundle, doc);
    const scanMs = performance.now() - t0;
    console.log(`policy library — ${bundle.policies.length} controls over ${resources} resources (${(text.length / 1e6).toFixed(1)} MB), both sides of the plan`);
    console.log(`  JSON.parse (baseline)      ${parseMs.toFixed(1)} ms`);
    console.log(`  load + compile policies    ${compileMs.toFixed(0)} ms`);
    console.log(`  scan (after + prior side)  ${scanMs.toFixed(0)} ms   ${(scanMs / parseMs).toFixed(1)}x JSON.parse, ${((resources * 1000) / scanMs).toFixed(0)} resources/s, ${result.findings.length} findings`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
