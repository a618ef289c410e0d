import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate.js';
import { parseUsageFile } from './usage.js';

/** A one-resource plan in us-east-1 (the region of the service catalog's sources). */
function singleResourcePlan(type: string, after: Record<string, unknown>, afterUnknown: Record<string, unknown> = {}) {
  return {
    resource_changes: [
      {
        address: `${type}.this`,
        mode: 'managed',
        type,
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: { actions: ['create'], before: null, after, after_unknown: afterUnknown },
      },
    ],
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } } },
  };
}

// Every expectation: monthly = catalog unit price × quantity; the price's source is in the catalog group.
type PricedCase = [type: string, after: Record<string, unknown>, expected: string, afterUnknown?: Record<string, unknown>];

describe.each<PricedCase>([
  // Infracost db_instance golden: postgres db.t3.large $105.85/730 h = 0.145; gp3 single-AZ 0.115 (usage.ai, June 2026);
  // 500 GB ≥ 400 GB → 12,000 IOPS included, 15,000 − 12,000 = 3,000 × 0.02 (usage.ai) = 60.
  ['aws_db_instance', { engine: 'postgres', instance_class: 'db.t3.large', allocated_storage: 500, storage_type: 'gp3', iops: 15000 }, '223.35'],
  // Infracost db_instance golden: mysql db.t3.large 0.136; io1 100 GB × 0.125 = 12.50; 1,000 IOPS × 0.10 = 100.
  ['aws_db_instance', { engine: 'mysql', instance_class: 'db.t3.large', allocated_storage: 100, storage_type: 'io1', iops: 1000 }, '211.78'],
  // Infracost rds_cluster_instance golden: Aurora db.r4.large $211.70 / 730 = 0.29.
  ['aws_rds_cluster_instance', { engine: 'aurora-mysql', instance_class: 'db.r4.large' }, '211.70'],
  // Infracost elasticache_cluster golden: cache.m4.large 1,460 h = $227.76 → 0.156; 2 nodes.
  ['aws_elasticache_cluster', { node_type: 'cache.m4.large', num_cache_nodes: 2 }, '227.76'],
  // Same price, replication group of 1 shard × (1 primary + 2 replicas).
  ['aws_elasticache_replication_group', { node_type: 'cache.m4.large', num_node_groups: 1, replicas_per_node_group: 2 }, '341.64'],
  // Infracost msk_cluster golden: kafka.t3.small 0.0456/h, storage $0.10/GB-month; 2 brokers × 100 GB.
  [
    'aws_msk_cluster',
    {
      number_of_broker_nodes: 2,
      broker_node_group_info: [{ instance_type: 'kafka.t3.small', storage_info: [{ ebs_storage_info: [{ volume_size: 100 }] }] }],
    },
    '86.576',
  ],
  // Infracost opensearch_domain golden: c4.2xlarge.search 0.587/h × 3; gp2 $0.135/GB × 100 GB × 3.
  [
    'aws_opensearch_domain',
    { cluster_config: [{ instance_type: 'c4.2xlarge.search', instance_count: 3 }], ebs_options: [{ ebs_enabled: true, volume_type: 'gp2', volume_size: 100 }] },
    '1326.03',
  ],
  // Infracost redshift_cluster golden: dc2.large 2,920 h = $730 → 0.25/h; 2 nodes.
  ['aws_redshift_cluster', { node_type: 'dc2.large', number_of_nodes: 2 }, '365.00'],
  // Infracost dynamodb_table golden: 20 WCU = $9.49 (0.00065/WCU-h), 30 RCU = $2.85 (0.00013/RCU-h).
  ['aws_dynamodb_table', { billing_mode: 'PROVISIONED', write_capacity: 20, read_capacity: 30 }, '12.337'],
  // Infracost eks_cluster golden: 730 h = $73.00.
  ['aws_eks_cluster', { name: 'main' }, '73.00'],
  // Infracost elb golden: classic 730 h = $18.25.
  ['aws_elb', { name: 'legacy' }, '18.25'],
  // Infracost lb golden: network load balancer 0.0225/h (awsnegotiations.com states the same rate).
  ['aws_lb', { load_balancer_type: 'network' }, '16.425'],
  // Infracost eip golden: 730 h = $3.65.
  ['aws_eip', { domain: 'vpc' }, '3.65'],
  // Infracost vpn_connection golden: VPN 730 h = $36.50 plus transit gateway attachment $36.50.
  ['aws_vpn_connection', { transit_gateway_id: 'tgw-1', type: 'ipsec.1' }, '73.00'],
  ['aws_ec2_transit_gateway_vpc_attachment', { vpc_id: 'vpc-1' }, '36.50'],
  // Infracost route53_zone golden: $0.50 per hosted zone; secretsmanager golden: $0.40 per secret.
  ['aws_route53_zone', { name: 'example.com' }, '0.50'],
  ['aws_secretsmanager_secret', { name: 'db' }, '0.40'],
  // Infracost ebs_volume golden: io1 $0.125/GB + $0.065/IOPS; st1 $0.045/GB; sc1 $0.015/GB.
  ['aws_ebs_volume', { type: 'io1', size: 30, iops: 300 }, '23.25'],
  ['aws_ebs_volume', { type: 'st1', size: 500 }, '22.50'],
  ['aws_ebs_volume', { type: 'sc1', size: 500 }, '7.50'],
  // gp3 IOPS/throughput left to the provider are unknown at plan time and default to the free baseline.
  ['aws_ebs_volume', { type: 'gp3', size: 50 }, '4.00', { iops: true, throughput: true }],
  // Usage-only resources cost zero without usage: shown, never guessed.
  ['aws_lambda_function', { memory_size: 512 }, '0.00'],
  ['aws_s3_bucket', { bucket: 'logs' }, '0.00'],
  ['aws_cloudwatch_log_group', { name: 'app' }, '0.00'],
  ['aws_ebs_snapshot', { volume_id: 'vol-1' }, '0.00'],
])('%s %j', (type, after, expected, afterUnknown = {}) => {
  it(`costs ${expected} a month`, () => {
    const estimate = estimateCost(singleResourcePlan(type, after, afterUnknown));
    expect(estimate.notPriced).toEqual([]);
    expect(estimate.resources[0].after).toBe(expected);
  });
});

type UnpricedCase = [type: string, after: Record<string, unknown>, afterUnknown: Record<string, unknown>, reason: string];

describe.each<UnpricedCase>([
  ['aws_instance', { instance_type: 'm5.large', tenancy: 'dedicated' }, {}, 'no catalog price: ec2 dedicated tenancy'],
  ['aws_instance', { instance_type: 'u-99tb1.metal' }, {}, 'no catalog price: ec2 u-99tb1.metal in us-east-1'],
  ['aws_lb', { load_balancer_type: 'gateway' }, {}, 'no catalog price: elb gateway load balancer'],
  ['aws_ebs_volume', { type: 'io2', size: 100, iops: 40000 }, {}, 'no catalog price: ebs io2 IOPS above 32,000'],
  ['aws_ebs_volume', { type: 'io1', size: 100 }, { iops: true }, 'unknown attribute at plan time: iops'],
  ['aws_db_instance', { engine: 'mysql', instance_class: 'db.t3.large' }, { allocated_storage: true }, 'unknown attribute at plan time: allocated_storage'],
  ['aws_rds_cluster', { engine: 'aurora-mysql' }, {}, 'unsupported type'],
])('%s %j is not priced', (type, after, afterUnknown, reason) => {
  it(reason, () => {
    const estimate = estimateCost(singleResourcePlan(type, after, afterUnknown));
    expect(estimate.resources).toEqual([]);
    expect(estimate.notPriced).toEqual([{ address: `${type}.this`, type, reason }]);
  });
});

describe('usage-based resources with usage', () => {
  it('prices Lambda requests and GB-seconds', () => {
    const usage = parseUsageFile(`
resource_usage:
  aws_lambda_function.this:
    monthly_requests: 100000
    request_duration_ms: 350
`);
    // Infracost lambda_function golden: $0.20 per 1M requests; $0.0000166667 per GB-second (x86_64, first tier).
    // 0.1M × 0.20 = 0.02; 100,000 × 0.35 s × 0.5 GB = 17,500 GB-s × 0.0000166667 = 0.29166725.
    const estimate = estimateCost(singleResourcePlan('aws_lambda_function', { memory_size: 512 }), { usage });
    expect(estimate.resources[0].components.map((component) => component.monthly)).toEqual(['0.02', '0.29166725']);
    expect(estimate.resources[0].after).toBe('0.31166725');
  });

  it('prices S3 storage and requests', () => {
    const usage = parseUsageFile(`
resource_type_default_usage:
  aws_s3_bucket:
    standard_storage_gb: 10000
    monthly_put_requests: 10000
`);
    // Infracost s3_bucket golden: Standard storage $0.023/GB (10,000 GB = $230); PUT $0.005 per 1k requests.
    const estimate = estimateCost(singleResourcePlan('aws_s3_bucket', { bucket: 'b' }), { usage });
    expect(estimate.resources[0].after).toBe('230.05');
    expect(estimate.resources[0].usageBased).toBe(true);
  });
});

describe('plan actions', () => {
  it('prices both sides of a replacement', () => {
    const plan = singleResourcePlan('aws_instance', { instance_type: 't3.large' });
    const change = plan.resource_changes[0].change as Record<string, unknown>;
    change.actions = ['delete', 'create'];
    change.before = { instance_type: 't3.medium' };
    // Karpenter us-east-1: t3.medium 0.0416 → 30.368, t3.large 0.0832 → 60.736.
    expect(estimateCost(plan).resources[0]).toMatchObject({ action: 'replace', before: '30.368', after: '60.736', delta: '30.368' });
  });

  it('skips data sources and reports a region it cannot determine', () => {
    const plan = {
      resource_changes: [
        { address: 'data.aws_ami.x', mode: 'data', type: 'aws_ami', change: { actions: ['read'], before: null, after: {} } },
        {
          address: 'aws_eip.x',
          mode: 'managed',
          type: 'aws_eip',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: { actions: ['create'], before: null, after: {}, after_unknown: {} },
        },
      ],
    };
    expect(estimateCost(plan).notPriced).toEqual([
      { address: 'aws_eip.x', type: 'aws_eip', reason: 'region not determinable: no provider configuration' },
    ]);
  });
});
