import { describe, expect, it } from 'vitest';
import { builtinCatalog as catalog, builtinPrice as priceOf } from './test-support.js';

// Expected values are copied from the AWS pricing-page data files committed in
// lamngockhuong/aws-price (lib/data/pricing/natgateway.json @ ce57d15e, published 2025-10-28;
// lib/data/pricing/kms.json @ 115fdc61, published 2025-08-28; lib/data/pricing/lambda.json @ 10e2f598,
// published 2025-10-30; lib/data/pricing/vpc.json @ 85326f7b, published 2025-11-04), region blocks named as AWS names them.

describe('regional service prices (AWS meteredUnitMaps via lamngockhuong/aws-price)', () => {
  it.each([
    // region, AWS block name, "Hourly charge for NAT Gateways", "Charge for per GB data processed by NatGateways"
    ['us-east-2', 'US East (Ohio)', '0.045', '0.045'],
    ['us-west-2', 'US West (Oregon)', '0.045', '0.045'],
    ['eu-west-1', 'EU (Ireland)', '0.048', '0.048'],
    ['eu-west-2', 'EU (London)', '0.05', '0.05'],
    ['eu-central-1', 'EU (Frankfurt)', '0.052', '0.052'],
    ['ap-southeast-1', 'Asia Pacific (Singapore)', '0.059', '0.059'],
  ])('prices a NAT gateway in %s as the %s block does', (region, _block, hourly, perGb) => {
    expect(priceOf('nat', region, 'gateway')).toBe(hourly);
    expect(priceOf('nat', region, 'data-processed')).toBe(perGb);
  });

  it.each(['us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1'])(
    'prices a KMS key in %s at "Encryption Key" 1.00 and requests at 0.000003 × 10,000',
    (region) => {
      expect(priceOf('kms', region, 'key')).toBe('1');
      expect(priceOf('kms', region, 'requests')).toBe('0.03');
    },
  );

  it.each(['us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1'])(
    'prices Lambda in %s at "Lambda Requests" 0.0000002 × 1,000,000, "Lambda Duration" and "Lambda Duration-ARM"',
    (region) => {
      expect(priceOf('lambda', region, 'requests')).toBe('0.2');
      expect(priceOf('lambda', region, 'duration:x86_64')).toBe('0.0000166667');
      expect(priceOf('lambda', region, 'duration:arm64')).toBe('0.0000133334');
    },
  );

  it.each([
    // region, "Hourly charge for In use Public IPv4 Addresses", "CreateVpnConnection", TGW VPC attachment, TGW data (vpc.json @ 85326f7b)
    ['us-west-2', '0.005', '0.05', '0.05', '0.02'],
    ['eu-west-1', '0.005', '0.05', '0.05', '0.02'],
    ['ap-northeast-1', '0.005', '0.048', '0.07', '0.02'],
  ])('prices public IPv4, VPN and Transit Gateway in %s from vpc.json', (region, eip, vpn, attachment, data) => {
    expect([
      priceOf('eip', region, 'address'),
      priceOf('vpn', region, 'connection'),
      priceOf('tgw', region, 'attachment'),
      priceOf('tgw', region, 'data-processed'),
    ]).toEqual([eip, vpn, attachment, data]);
    expect(catalog.lookup('eip', region, 'address')?.source.url).toContain('/85326f7be3051f291ec48b88c53b98615c8f8c7c/');
  });

  it('takes DynamoDB on-demand request units from the 2025 file, after AWS halved them in November 2024', () => {
    // dynamodb.json @ 10e2f598 (published 2025-08-28), US East (N. Virginia): "PayPerRequest Write/Read Request Units".
    expect(priceOf('dynamodb', 'us-east-1', 'wru')).toBe('0.000000625');
    expect(priceOf('dynamodb', 'us-east-1', 'rru')).toBe('0.000000125');
  });

  it('names the pinned source file of every regional price', () => {
    for (const region of ['us-east-2', 'eu-central-1', 'ap-southeast-1']) {
      expect(catalog.lookup('nat', region, 'gateway')?.source.url).toContain('/ce57d15e54b2958ec3deae2248d47ed931143b58/');
      expect(catalog.lookup('kms', region, 'key')?.source.url).toContain('/115fdc61c7093bb5f36554ed99888860e14b0700/');
      expect(catalog.lookup('lambda', region, 'requests')?.source.url).toContain('/10e2f598c09fcdd73e8e2fd6bb78a9faddd9db72/');
    }
  });

  it('leaves services it could not source unpriced outside us-east-1', () => {
    for (const service of ['elb', 'eks', 'secretsmanager']) {
      expect(catalog.hasRegion(service, 'eu-west-1')).toBe(false);
    }
    expect(priceOf('rds', 'eu-west-1', 'sqlserver-se/db.m5.xlarge/single')).toBeUndefined();
    expect(catalog.hasRegion('rds', 'sa-east-1')).toBe(false);
  });
});

describe('regional EBS, RDS and ElastiCache prices (AWS pricing-page files via yeo/ec2.shop)', () => {
  it.each([
    // region, gp2, gp3, gp3 IOPS, gp3 MB/s (÷ 1,024 from the file's per-GiBps rate), st1 — ebs.json @ f358526d (2024-07-12)
    ['us-west-2', '0.1', '0.08', '0.005', '0.04', '0.045'],
    ['eu-west-1', '0.11', '0.088', '0.0055', '0.044', '0.05'],
    ['eu-central-1', '0.119', '0.0952', '0.006', '0.0476', '0.054'],
    ['eu-west-2', '0.116', '0.0928', '0.0058', '0.0464', '0.053'],
    ['ap-southeast-1', '0.12', '0.096', '0.006', '0.048', '0.054'],
  ])('prices EBS in %s', (region, gp2, gp3, gp3Iops, gp3Throughput, st1) => {
    expect([
      priceOf('ebs', region, 'storage:gp2'),
      priceOf('ebs', region, 'storage:gp3'),
      priceOf('ebs', region, 'iops:gp3'),
      priceOf('ebs', region, 'throughput:gp3'),
      priceOf('ebs', region, 'storage:st1'),
    ]).toEqual([gp2, gp3, gp3Iops, gp3Throughput, st1]);
  });

  it.each([
    // service, region, key, price — elasticache.json (2025-03-14) readable "… Redis …" rows; es-ondemand.json (2024-07-11);
    // SkyPilot vms.csv @ e385a0d3 rows such as "m5.large,,,2.0,8.0,,0.124,0.051200,ap-northeast-1,apne1-az1,x86_64".
    ['elasticache', 'eu-west-1', 'cache.m5.large', '0.172'],
    ['elasticache', 'ap-southeast-1', 'cache.r6g.large', '0.247'],
    ['opensearch', 'eu-west-1', 'm5.large.search', '0.158'],
    ['opensearch', 'eu-west-1', 'storage:gp2', '0.149'],
    ['ec2', 'ap-northeast-1', 'm5.large', '0.124'],
    ['ec2', 'ca-central-1', 't3.micro', '0.0116'],
    ['ec2', 'eu-north-1', 'm6i.large', '0.102'],
  ])('prices %s in %s: %s at %s', (service, region, key, price) => {
    expect(priceOf(service, region, key)).toBe(price);
  });

  it('agrees with the us-east-1 sources where the files overlap', () => {
    // us-west-2 MySQL rates equal the Infracost us-east-1 golden values, as AWS prices both regions alike.
    expect(priceOf('rds', 'us-west-2', 'mysql/db.t3.large/single')).toBe(priceOf('rds', 'us-east-1', 'mysql/db.t3.large/single'));
    expect(priceOf('rds', 'us-west-2', 'storage/gp2/single')).toBe(priceOf('rds', 'us-east-1', 'storage/gp2/single'));
    expect(priceOf('elasticache', 'us-west-2', 'cache.m4.large')).toBe(priceOf('elasticache', 'us-east-1', 'cache.m4.large'));
  });
});
