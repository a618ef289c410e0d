import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogFileFromEntries, parseCatalogFile } from './catalog.js';
import { estimateCost } from './estimate.js';
import { importAwsOffer } from './offer.js';
import type { CatalogEntry } from './types.js';

const offerPath = fileURLToPath(new URL('../../fixtures/cost/offer-ec2-sample.json', import.meta.url));
const ec2Offer: unknown = JSON.parse(readFileSync(offerPath, 'utf8'));

type SampleProduct = [sku: string, productFamily: string, attributes: Record<string, string>, usd: string, unit: string];

/**
 * A minimal offer in the documented bulk format. The prices are sample values for the parser,
 * not catalog prices.
 */
function sampleOffer(offerCode: string, products: readonly SampleProduct[]): unknown {
  return {
    formatVersion: 'v1.0',
    offerCode,
    publicationDate: '2026-10-01T00:00:00Z',
    products: Object.fromEntries(products.map(([sku, productFamily, attributes]) => [sku, { sku, productFamily, attributes }])),
    terms: {
      OnDemand: Object.fromEntries(
        products.map(([sku, , , usd, unit]) => [
          sku,
          {
            [`${sku}.JRTCKXETXF`]: {
              offerTermCode: 'JRTCKXETXF',
              sku,
              priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { beginRange: '0', endRange: 'Inf', unit, pricePerUnit: { USD: usd } } },
            },
          },
        ]),
      ),
    },
  };
}

const entry = (service: string, region: string, key: string, unit: string, price: string): CatalogEntry => ({ service, region, key, unit, price });

describe('importAwsOffer — AmazonEC2', () => {
  it('keeps on-demand Linux shared-tenancy instances and EBS storage, and skips the rest', () => {
    expect(importAwsOffer(ec2Offer)).toEqual({
      offerCode: 'AmazonEC2',
      publicationDate: '2026-02-09',
      entries: [
        entry('ebs', 'us-east-1', 'storage:gp3', 'GB-month', '0.08'),
        entry('ec2', 'eu-west-2', 'c5.large', 'hour', '0.101'),
        entry('ec2', 'us-east-1', 'm5.large', 'hour', '0.096'),
      ],
    });
  });

  it('filters regions', () => {
    expect(importAwsOffer(ec2Offer, { regions: ['eu-west-2'] }).entries.map((imported) => imported.key)).toEqual(['c5.large']);
  });
});

describe('importAwsOffer — one rule per offer', () => {
  it.each<[string, SampleProduct[], CatalogEntry[]]>([
    [
      'AWSELB',
      [
        ['alb', 'Load Balancer-Application', { location: 'EU (Ireland)', usagetype: 'EU-LoadBalancerUsage' }, '0.0252000000', 'Hrs'],
        ['alb-lcu', 'Load Balancer-Application', { location: 'EU (Ireland)', usagetype: 'EU-LCUUsage' }, '0.0080000000', 'LCU-Hrs'],
        ['alb-ts', 'Load Balancer-Application', { location: 'EU (Ireland)', usagetype: 'EU-TS-LoadBalancerUsage' }, '0.0100000000', 'Hrs'],
        ['nlb', 'Load Balancer-Network', { regionCode: 'us-east-1', usagetype: 'LoadBalancerUsage' }, '0.0225000000', 'Hrs'],
        ['clb-data', 'Load Balancer', { regionCode: 'eu-west-1', usagetype: 'EU-DataProcessing-Bytes' }, '0.0080000000', 'GB'],
      ],
      [
        entry('elb', 'eu-west-1', 'alb', 'hour', '0.0252'),
        entry('elb', 'eu-west-1', 'alb-lcu', 'LCU-hour', '0.008'),
        entry('elb', 'eu-west-1', 'clb-data', 'GB', '0.008'),
        entry('elb', 'us-east-1', 'nlb', 'hour', '0.0225'),
      ],
    ],
    [
      'AmazonEKS',
      [
        ['std', 'Compute', { regionCode: 'eu-central-1', usagetype: 'EUC1-AmazonEKS-Hours:perCluster' }, '0.1000000000', 'Hrs'],
        ['ext', 'Compute', { regionCode: 'eu-central-1', usagetype: 'EUC1-AmazonEKS-Hours:extendedSupport' }, '0.6000000000', 'Hrs'],
      ],
      [entry('eks', 'eu-central-1', 'cluster', 'hour', '0.1')],
    ],
    [
      'AWSSecretsManager',
      [
        ['secret', 'Secret', { regionCode: 'eu-west-2', usagetype: 'EUW2-AWSSecretsManager-Secrets' }, '0.4000000000', 'Secrets'],
        ['api', 'API Request', { regionCode: 'eu-west-2', usagetype: 'EUW2-AWSSecretsManagerAPIRequest' }, '0.0000050000', 'API Requests'],
      ],
      [
        entry('secretsmanager', 'eu-west-2', 'api-requests', '10k requests', '0.05'),
        entry('secretsmanager', 'eu-west-2', 'secret', 'month', '0.4'),
      ],
    ],
    [
      'AmazonRDS',
      [
        ['pg', 'Database Instance', { regionCode: 'eu-west-1', instanceType: 'db.m6g.large', databaseEngine: 'PostgreSQL', deploymentOption: 'Multi-AZ', licenseModel: 'No license required' }, '0.3460000000', 'Hrs'],
        ['readable', 'Database Instance', { regionCode: 'eu-west-1', instanceType: 'db.m6g.large', databaseEngine: 'PostgreSQL', deploymentOption: 'Multi-AZ (readable standbys)' }, '0.5000000000', 'Hrs'],
        ['oracle', 'Database Instance', { regionCode: 'eu-west-1', instanceType: 'db.m5.large', databaseEngine: 'Oracle', deploymentOption: 'Single-AZ', licenseModel: 'License included' }, '0.4000000000', 'Hrs'],
        ['gp3', 'Database Storage', { regionCode: 'eu-west-1', volumeType: 'General Purpose-GP3', deploymentOption: 'Single-AZ' }, '0.1270000000', 'GB-Mo'],
      ],
      [
        entry('rds', 'eu-west-1', 'postgres/db.m6g.large/multi', 'hour', '0.346'),
        entry('rds', 'eu-west-1', 'storage/gp3/single', 'GB-month', '0.127'),
      ],
    ],
    [
      'AmazonElastiCache',
      [
        ['redis', 'Cache Instance', { regionCode: 'ap-southeast-2', instanceType: 'cache.t3.micro', cacheEngine: 'Redis' }, '0.0220000000', 'Hrs'],
        ['valkey', 'Cache Instance', { regionCode: 'ap-southeast-2', instanceType: 'cache.t3.micro', cacheEngine: 'Valkey' }, '0.0176000000', 'Hrs'],
      ],
      [entry('elasticache', 'ap-southeast-2', 'cache.t3.micro', 'hour', '0.022')],
    ],
  ])('%s', (offerCode, products, expected) => {
    expect(importAwsOffer(sampleOffer(offerCode, products))).toEqual({ offerCode, publicationDate: '2026-10-01', entries: expected });
  });
});

describe('importAwsOffer — errors and use', () => {
  it('rejects a file that is not an offer, or an offer tfguard does not read', () => {
    expect(() => importAwsOffer({ offerCode: 'AmazonEC2', products: {} })).toThrow(/offer\.terms must be an object/);
    expect(() => importAwsOffer(sampleOffer('AmazonSNS', []))).toThrow(/offerCode "AmazonSNS" is not one of AmazonEC2, AWSELB/);
    expect(() => importAwsOffer({ products: {} })).toThrow(/offerCode \(missing\)/);
  });

  it('produces a catalog file that fills a region the built-in catalog lacks', () => {
    const imported = importAwsOffer(
      sampleOffer('AWSELB', [['alb', 'Load Balancer-Application', { regionCode: 'eu-central-1', usagetype: 'EUC1-LoadBalancerUsage' }, '0.0270000000', 'Hrs']]),
    );
    const source = { id: 'sample-offer', title: 'sample', url: 'file://sample', asOf: '2026-10-01' };
    const catalog = parseCatalogFile(catalogFileFromEntries(imported.entries, source), 'imported');
    const plan = {
      resource_changes: [
        {
          address: 'aws_lb.web',
          mode: 'managed',
          type: 'aws_lb',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: { actions: ['create'], before: null, after: { load_balancer_type: 'application', region: 'eu-central-1' }, after_unknown: {} },
        },
      ],
    };
    expect(estimateCost(plan).notPriced).toEqual([
      { address: 'aws_lb.web', type: 'aws_lb', reason: 'region missing from catalog: eu-central-1 (elb)' },
    ]);
    const estimate = estimateCost(plan, { catalogs: [catalog] });
    // 0.027 × 730 h = 19.71 (LCU hours are usage-based: zero without a usage file).
    expect(estimate.resources[0]).toMatchObject({ after: '19.71' });
    expect(estimate.resources[0].components[0].priceSource).toBe('sample-offer');
  });
});
