/**
 * Rego engine benchmark: compile a policy set and evaluate it over a generated plan-shaped input.
 * Prints figures and ratios against JSON.parse of the same input, measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { compile } from '../src/rego/index.js';
import { fromJSON } from '../src/rego/value.js';

const POLICY = `package bench.policy

import rego.v1

resources_by_type[t] := rs if {
  some t in {r.type | some r in input.planned_values.root_module.resources}
  rs := [r | some r in input.planned_values.root_module.resources; r.type == t]
}

deny contains msg if {
  some b in resources_by_type.aws_s3_bucket
  not b.values.server_side_encryption_configuration
  msg := sprintf("%s: S3 bucket is not encrypted at rest", [b.address])
}

deny contains msg if {
  some sg in resources_by_type.aws_security_group
  some rule in sg.values.ingress
  "0.0.0.0/0" in rule.cidr_blocks
  rule.from_port <= 22
  rule.to_port >= 22
  msg := sprintf("%s: SSH open to the world", [sg.address])
}

deny contains msg if {
  some r in input.planned_values.root_module.resources
  required := {"owner", "data-classification"}
  missing := required - {k | some k, _ in object.get(r.values, "tags", {})}
  count(missing) > 0
  msg := sprintf("%s: missing tags %v", [r.address, sort(missing)])
}
`;

function generatePlan(n: number): unknown {
  const resources = [];
  for (let i = 0; i < n; i++) {
    switch (i % 3) {
      case 0:
        resources.push({ address: `aws_s3_bucket.b${i}`, type: 'aws_s3_bucket', name: `b${i}`, values: { bucket: `bucket-${i}`, tags: { owner: 'team', 'data-classification': 'internal' }, ...(i % 2 ? { server_side_encryption_configuration: [{ rule: [{}] }] } : {}) } });
        break;
      case 1:
        resources.push({ address: `aws_security_group.s${i}`, type: 'aws_security_group', name: `s${i}`, values: { name: `sg-${i}`, tags: { owner: 'team' }, ingress: [{ from_port: 22, to_port: 22, cidr_blocks: [i % 5 ? '10.0.0.0/8' : '0.0.0.0/0'] }, { from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }] } });
        break;
      default:
        resources.push({ address: `aws_instance.i${i}`, type: 'aws_instance', name: `i${i}`, values: { instance_type: 't3.micro', ami: 'ami-123', tags: {} } });
    }
  }
  return { format_version: '1.2', planned_values: { root_module: { resources } } };
}

function time<T>(fn: () => T, rounds = 5): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

export function runRegoBench(resources = 10_000): void {
  const text = JSON.stringify(generatePlan(resources));
  const parse = time(() => JSON.parse(text) as unknown);
  const convert = time(() => fromJSON(parse.result));
  const compiled = time(() => compile([{ file: 'bench.rego', text: POLICY }]));
  const input = convert.result;
  const evaluate = time(() => compiled.result.evaluate('data.bench.policy.deny', { input }), 3);
  const findings = (evaluate.result as { size?: number } | undefined)?.size ?? 0;
  const mb = (text.length / 1e6).toFixed(1);
  console.log(`rego engine — ${resources} resources, ${mb} MB of plan JSON, ${findings} findings`);
  console.log(`  JSON.parse (baseline)      ${parse.ms.toFixed(1)} ms`);
  console.log(`  input conversion           ${convert.ms.toFixed(1)} ms   ${(convert.ms / parse.ms).toFixed(2)}x JSON.parse`);
  console.log(`  compile policy             ${compiled.ms.toFixed(2)} ms`);
  console.log(`  evaluate deny (3 rules)    ${evaluate.ms.toFixed(1)} ms   ${(evaluate.ms / parse.ms).toFixed(2)}x JSON.parse`);
  console.log(`  evaluations/s              ${(1000 / evaluate.ms).toFixed(1)} whole-plan evaluations, ${((resources * 1000) / evaluate.ms).toFixed(0)} resources/s`);
}
