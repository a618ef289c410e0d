import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate.js';
import type { CostEstimate, ResourceCost } from './types.js';
import { loadUsageFile } from './usage.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/cost/${name}`, import.meta.url));
const plan = JSON.parse(readFileSync(fixture('plan-mixed.json'), 'utf8')) as Record<string, unknown>;

const KARPENTER = 'karpenter-pricing-aws-2026-02-09';
const SKYPILOT = 'skypilot-catalog-v8-aws-vms';

function resource(estimate: CostEstimate, address: string): ResourceCost {
  const found = estimate.resources.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no priced resource ${address}`);
  return found;
}

describe('estimateCost — hand-checked prices', () => {
  const estimate = estimateCost(plan);

  it('prices an on-demand EC2 instance', () => {
    // Karpenter zz_generated.pricing_aws.go (2026-02-09), us-east-1 "m5.large": 0.096000 → 0.096 × 730 h = 70.08.
    const web = resource(estimate, 'aws_instance.web');
    expect(web).toMatchObject({ action: 'create', region: 'us-east-1', before: '0.00', after: '70.08', delta: '70.08' });
    expect(web.components).toEqual([
      expect.objectContaining({ unit: 'hour', quantity: '730', unitPrice: '0.096', monthly: '70.08', priceSource: KARPENTER }),
    ]);
    // The root volume is computed by the AMI (after_unknown), so it is left out, not guessed.
    expect(web.components).toHaveLength(1);
  });

  it('prices a gp3 volume with IOPS and throughput above the free baseline', () => {
    // Infracost ebs_volume golden (us-east-1): gp3 $0.08/GB-month, $0.005/IOPS-month, $0.04/MBps-month.
    // 100 GB × 0.08 = 8.00; (6000 − 3000) IOPS × 0.005 = 15.00; (250 − 125) MB/s × 0.04 = 5.00 → 28.00.
    const volume = resource(estimate, 'aws_ebs_volume.data');
    expect(volume.after).toBe('28.00');
    expect(volume.components.map((component) => [component.quantity, component.unitPrice, component.monthly])).toEqual([
      ['100', '0.08', '8'],
      ['3000', '0.005', '15'],
      ['125', '0.04', '5'],
    ]);
  });

  it('prices a Multi-AZ RDS instance with storage', () => {
    // Infracost db_instance golden, aws_db_instance.mysql-multi-az: db.t3.large Multi-AZ 730 h = $198.56 (0.272/h),
    // gp2 Multi-AZ 30 GB = $6.90 (0.23/GB-month) → 205.46. Backup storage is usage-based and zero without usage.
    const database = resource(estimate, 'aws_db_instance.main');
    expect(database.after).toBe('205.46');
    expect(database.usageBased).toBe(true);
    expect(database.components.map((component) => component.monthly)).toEqual(['198.56', '6.9', '0']);
  });

  it('prices a NAT gateway, its data processed being usage-based', () => {
    // Infracost nat_gateway golden: 730 h = $32.85 (0.045/h); data processed $0.045 per GB.
    const nat = resource(estimate, 'aws_nat_gateway.egress');
    expect(nat.after).toBe('32.85');
    expect(nat.components[1]).toMatchObject({ name: 'Data processed', usageBased: true, quantity: '0', monthly: '0' });
  });

  it('prices an application load balancer', () => {
    // Infracost lb golden (ALB 730 h ≈ $16.42, LCU $0.008) and awsnegotiations.com ($0.0225/h): 0.0225 × 730 = 16.425.
    const alb = resource(estimate, 'aws_lb.front');
    expect(alb.after).toBe('16.425');
    expect(alb.components[1]).toMatchObject({ unit: 'LCU-hour', unitPrice: '0.008', usageBased: true });
  });

  it('prices a resized instance on both sides (update)', () => {
    // SkyPilot catalog v8 vms.csv, eu-west-2 (provider alias aws.london): c5.large 0.101, c5.xlarge 0.202.
    // before 0.101 × 730 = 73.73, after 0.202 × 730 = 147.46, delta +73.73.
    const api = resource(estimate, 'aws_instance.api');
    expect(api).toMatchObject({ action: 'update', region: 'eu-west-2', before: '73.73', after: '147.46', delta: '73.73' });
    expect(api.beforeComponents?.[0]).toMatchObject({ unitPrice: '0.101', priceSource: SKYPILOT });
  });

  it('gives a destroyed resource a negative delta', () => {
    // Karpenter us-east-1 "r5.large": 0.126000 → 0.126 × 730 = 91.98 removed.
    expect(resource(estimate, 'aws_instance.legacy')).toMatchObject({ action: 'delete', before: '91.98', after: '0.00', delta: '-91.98' });
  });

  it('prices every count and for_each instance separately', () => {
    // count, region from var.worker_region = us-west-2 (SkyPilot t3a.micro 0.0094): 0.0094 × 730 = 6.862 each.
    for (const index of [0, 1, 2]) expect(resource(estimate, `aws_instance.worker[${index}]`).after).toBe('6.862');
    // for_each with the AWS provider v6 per-resource region (SkyPilot ap-southeast-1 m6g.2xlarge 0.384): 280.32 each.
    for (const key of ['a', 'b']) {
      expect(resource(estimate, `aws_instance.edge["${key}"]`)).toMatchObject({ region: 'ap-southeast-1', after: '280.32' });
    }
  });

  it('reports an instance type unknown at plan time as not priced', () => {
    expect(estimate.notPriced).toContainEqual({
      address: 'aws_instance.mystery',
      type: 'aws_instance',
      reason: 'unknown attribute at plan time: instance_type',
    });
    expect(estimate.resources.map((priced) => priced.address)).not.toContain('aws_instance.mystery');
  });

  it('reports missing regions and unsupported types, and skips free resources', () => {
    expect(estimate.notPriced).toContainEqual({
      address: 'aws_lb.frankfurt',
      type: 'aws_lb',
      reason: 'region missing from catalog: eu-central-1 (elb)',
    });
    expect(estimate.notPriced).toContainEqual({ address: 'aws_sqs_queue.jobs', type: 'aws_sqs_queue', reason: 'unsupported type' });
    const mentioned = [...estimate.resources, ...estimate.notPriced].map((entry) => entry.address);
    expect(mentioned).not.toContain('aws_vpc.main');
    expect(mentioned).not.toContain('random_id.suffix');
  });

  it('resolves a module resource to its provider and keeps unchanged resources in both totals', () => {
    // Infracost kms_key golden: customer master key $1.00 per month.
    expect(resource(estimate, 'module.queue.aws_kms_key.this')).toMatchObject({ region: 'us-east-1', after: '1.00' });
    // Karpenter us-east-1 "t3.medium": 0.041600 → 30.368 before and after, delta 0.
    expect(resource(estimate, 'aws_instance.steady')).toMatchObject({ action: 'no-op', before: '30.368', after: '30.368', delta: '0.00' });
  });

  it('sums exact totals and a rounded percentage', () => {
    // before: api 73.73 + legacy 91.98 + steady 30.368 = 196.078
    // after: 70.08 + 28 + 205.46 + 32.85 + 16.425 + 147.46 + 3 × 6.862 + 2 × 280.32 + 30.368 + 1 = 1112.869,
    // plus the Frankfurt NAT gateway: $0.052/h (AWS's natgateway.json, EU (Frankfurt), see SOURCES.md) × 730 = 37.96.
    expect(estimate.totals).toEqual({ before: '196.078', after: '1150.829', delta: '954.751', percent: '486.92' });
    // The oldest dated source used: AWS's natgateway.json, published 2025-10-28 (Karpenter's EC2 file: 2026-02-09).
    expect(estimate.asOf).toBe('2025-10-28');
    expect(estimate.sources.map((source) => source.id)).toContain(KARPENTER);
  });

  it('is JSON-serialisable without loss', () => {
    expect(JSON.parse(JSON.stringify(estimate))).toEqual(estimate);
  });
});

describe('estimateCost — usage file', () => {
  it('fills usage-based quantities from tfguard-usage.yml', () => {
    const estimate = estimateCost(plan, { usage: loadUsageFile(fixture('usage.yml')) });
    // Infracost nat_gateway golden: 100 GB × $0.045 = 4.50 on top of 32.85.
    expect(resource(estimate, 'aws_nat_gateway.egress')).toMatchObject({ after: '37.35', usageBased: true });
    // Infracost kms_key golden: $0.03 per 10k requests; 20,000 requests → 0.06 on top of the $1 key (type default usage).
    expect(resource(estimate, 'module.queue.aws_kms_key.this').after).toBe('1.06');
  });
});

describe('estimateCost — outside us-east-1, hand-checked', () => {
  const regional = estimateCost(JSON.parse(readFileSync(fixture('plan-aws-regions.json'), 'utf8')) as Record<string, unknown>);

  it.each([
    // address, region, monthly, how
    // SkyPilot vms.csv m5.large eu-west-1 0.107 × 730 = 78.11; ebs.json (2024-07-12) EU (Ireland) gp3 0.088 × 100 GB = 8.8.
    ['aws_instance.dublin', 'eu-west-1', '86.91'],
    // ebs.json EU (Frankfurt): gp3 0.0952 × 500 = 47.6; (6000 − 3000) IOPS × 0.006 = 18; (250 − 125) MB/s × 0.0476 = 5.95.
    ['aws_ebs_volume.frankfurt', 'eu-central-1', '71.55'],
    // rds-mysql-ondemand.json (2024-08-30) US West (Oregon): db.t3.large Multi-AZ 0.272 × 730 = 198.56; gp2 Multi-AZ 0.23 × 100 = 23.
    ['aws_db_instance.oregon', 'us-west-2', '221.56'],
    // elasticache.json (2025-03-14) US West (Oregon): cache.t3.medium 0.068 × 730 × 2 nodes = 99.28.
    ['aws_elasticache_cluster.oregon', 'us-west-2', '99.28'],
    // redshift.json (2025-10-27) EU (Ireland): ra3.xlplus 1.202 × 730 × 2 nodes = 1754.92.
    ['aws_redshift_cluster.dublin', 'eu-west-1', '1754.92'],
    // vpc.json (2025-11-04) Asia Pacific (Tokyo): in-use public IPv4 0.005 × 730 = 3.65.
    ['aws_eip.tokyo', 'ap-northeast-1', '3.65'],
    // rds-mysql-ondemand.json EU (Ireland): db.m6g.large Single-AZ 0.168 × 730 = 122.64; gp3 Single-AZ 0.127 × 50 GB = 6.35.
    ['aws_db_instance.dublin', 'eu-west-1', '128.99'],
    // rds-postgresql-ondemand.json (2024-07-29) EU (Ireland): db.m6g.large Single-AZ 0.176 × 730 = 128.48; gp3 0.127 × 50 = 6.35.
    ['aws_db_instance.dublin_pg', 'eu-west-1', '134.83'],
    // rds-mysql-ondemand.json Asia Pacific (Tokyo): db.t3.medium Single-AZ 0.104 × 730 = 75.92; gp3 0.138 × 20 GB = 2.76.
    ['aws_db_instance.tokyo', 'ap-northeast-1', '78.68'],
    // Route 53 is global: the hosted-zone rate (Infracost golden, $0.50) applies whatever the provider region.
    ['aws_route53_zone.internal', 'eu-west-1', '0.50'],
  ])('prices %s in %s at %s a month', (address, region, monthly) => {
    expect(resource(regional, address)).toMatchObject({ region, after: monthly });
  });

  it('reports what it cannot source as not priced, naming the missing price', () => {
    expect(regional.notPriced).toEqual([
      { address: 'aws_elasticache_cluster.valkey', type: 'aws_elasticache_cluster', reason: 'no catalog price: elasticache valkey nodes' },
      { address: 'aws_db_instance.sao_paulo', type: 'aws_db_instance', reason: 'region missing from catalog: sa-east-1 (rds)' },
    ]);
  });
});
