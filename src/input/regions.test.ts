import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './index.js';
import { providerType } from './regions.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const INPUT_FIXTURES = fileURLToPath(new URL('../../fixtures/input/', import.meta.url));
const REAL_PLANS = '/work/shared/fixtures/real-plans/';

describe('region resolution', () => {
  const expected: [address: string, region: string | undefined, why: string][] = [
    ['aws_s3_bucket.default', 'us-east-1', 'provider region from var.region, the value set beats the default'],
    ['aws_s3_bucket.eu', 'eu-west-1', 'aliased provider aws.eu'],
    ['aws_s3_bucket.v6', 'ap-southeast-2', 'AWS v6 per-resource region overrides the provider'],
    ['aws_s3_bucket.removed_from_config', 'us-east-1', 'no configuration left: the default provider'],
    ['module.passed[0].aws_sqs_queue.q', 'eu-west-1', 'aws.eu passed to a module'],
    ['module.inherit.aws_sqs_queue.q', 'us-east-1', 'implicitly inherited default provider'],
    ['module.regional["ca"].aws_sqs_queue.q', 'ca-central-1', "module's own provider, region from the call's argument"],
    ['module.regional["ca"].module.inner.aws_sqs_queue.deep', 'ca-central-1', 'variable passed down two module levels'],
    ['azurerm_resource_group.rg', 'westeurope', 'Azure location attribute'],
    ['aws_s3_bucket.local_region', undefined, 'a local value cannot be resolved from the plan'],
  ];

  it.each(expected)('%s → %s (%s)', async (address, region) => {
    const doc = await loadDocument(join(INPUT_FIXTURES, 'plan-regions.json'));
    const resource = doc.byAddress.get(address);
    expect(resource).toBeDefined();
    expect(resource?.region).toBe(region);
  });

  it.skipIf(!existsSync(REAL_PLANS))("resolves Terraform's own provider-aliasing test plan", async () => {
    const doc = await loadDocument(join(REAL_PLANS, 'hashicorp__terraform__show-json_provider-aliasing_output.json'));
    expect(doc.byAddress.get('test_instance.test')?.region).toBe('somewhere');
    expect(doc.byAddress.get('test_instance.test_backup')?.region).toBe('elsewhere');
    expect(doc.byAddress.get('module.child.test_instance.test_secondary')?.region).toBe('elsewhere');
    expect(doc.byAddress.get('module.sibling.module.grandchild.test_instance.test_main')?.region).toBe('somewhere');
  });
});

describe('providerType', () => {
  it.each([
    ['registry.terraform.io/hashicorp/aws', 'aws'],
    ['aws', 'aws'],
    ['provider.aws', 'aws'],
    ['provider["registry.terraform.io/hashicorp/google"]', 'google'],
  ])('%s → %s', (name, type) => expect(providerType(name)).toBe(type));
});
