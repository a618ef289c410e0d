import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS, PriceCatalog } from './catalog.js';
import { formatDecimal } from './decimal.js';

// Expected values are copied from the AWS pricing-page data files committed in
// lamngockhuong/aws-price (lib/data/pricing/natgateway.json @ ce57d15e, published 2025-10-28;
// lib/data/pricing/kms.json @ 115fdc61, published 2025-08-28; lib/data/pricing/lambda.json @ 10e2f598,
// published 2025-10-30; lib/data/pricing/vpc.json @ 85326f7b, published 2025-11-04), region blocks named as AWS names them.
const catalog = new PriceCatalog(BUILTIN_CATALOGS);

function priceOf(service: string, region: string, key: string): string | undefined {
  const hit = catalog.lookup(service, region, key);
  return hit === undefined ? undefined : formatDecimal(hit.price);
}

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

  it('prices public IPv4, VPN and Transit Gateway in us-west-2 from the US West (Oregon) block of vpc.json', () => {
    expect(priceOf('eip', 'us-west-2', 'address')).toBe('0.005');
    expect(priceOf('vpn', 'us-west-2', 'connection')).toBe('0.05');
    expect(priceOf('tgw', 'us-west-2', 'attachment')).toBe('0.05');
    expect(priceOf('tgw', 'us-west-2', 'data-processed')).toBe('0.02');
    expect(catalog.lookup('eip', 'us-west-2', 'address')?.source.url).toContain('/85326f7be3051f291ec48b88c53b98615c8f8c7c/');
  });

  it('names the pinned source file of every regional price', () => {
    for (const region of ['us-east-2', 'eu-central-1', 'ap-southeast-1']) {
      expect(catalog.lookup('nat', region, 'gateway')?.source.url).toContain('/ce57d15e54b2958ec3deae2248d47ed931143b58/');
      expect(catalog.lookup('kms', region, 'key')?.source.url).toContain('/115fdc61c7093bb5f36554ed99888860e14b0700/');
      expect(catalog.lookup('lambda', region, 'requests')?.source.url).toContain('/10e2f598c09fcdd73e8e2fd6bb78a9faddd9db72/');
    }
  });

  it('leaves services it could not source unpriced outside us-east-1', () => {
    for (const service of ['ebs', 'elb', 'eks', 'rds', 'elasticache', 'secretsmanager', 'eip']) {
      expect(catalog.hasRegion(service, 'eu-west-1')).toBe(false);
    }
  });
});
