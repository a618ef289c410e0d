import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogFileFromEntries, parseCatalogFile } from './catalog.js';
import { estimateCost } from './estimate.js';
import { importAwsOffer } from './offer.js';

const offerPath = fileURLToPath(new URL('../../fixtures/cost/offer-ec2-sample.json', import.meta.url));
const offer: unknown = JSON.parse(readFileSync(offerPath, 'utf8'));

describe('importAwsOffer', () => {
  it('keeps on-demand Linux shared-tenancy instance prices and skips the rest', () => {
    expect(importAwsOffer(offer, { service: 'ec2' })).toEqual([
      { service: 'ec2', region: 'eu-west-2', key: 'c5.large', unit: 'hour', price: '0.101' },
      { service: 'ec2', region: 'us-east-1', key: 'm5.large', unit: 'hour', price: '0.096' },
    ]);
  });

  it('filters regions and accepts a custom key rule', () => {
    expect(importAwsOffer(offer, { service: 'ec2', regions: ['us-east-1'] }).map((entry) => entry.key)).toEqual(['m5.large']);
    const storage = importAwsOffer(offer, {
      service: 'ebs',
      keyOf: (attributes, family) => (family === 'Storage' ? `storage:${attributes.volumeApiName}` : undefined),
    });
    expect(storage).toEqual([{ service: 'ebs', region: 'us-east-1', key: 'storage:gp3', unit: 'GB-month', price: '0.08' }]);
  });

  it('rejects a file that is not an offer', () => {
    expect(() => importAwsOffer({ products: {} }, { service: 'ec2' })).toThrow(/offer\.terms must be an object/);
  });

  it('produces a catalog file that the estimator can use', () => {
    const source = { id: 'sample-offer', title: 'sample', url: 'file://offer-ec2-sample.json', asOf: '2026-02-09' };
    const catalog = parseCatalogFile(catalogFileFromEntries(importAwsOffer(offer, { service: 'ec2' }), source), 'imported');
    const plan = {
      resource_changes: [
        {
          address: 'aws_instance.a',
          mode: 'managed',
          type: 'aws_instance',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: { actions: ['create'], before: null, after: { instance_type: 'm5.large', region: 'us-east-1' }, after_unknown: {} },
        },
      ],
    };
    const estimate = estimateCost(plan, { catalogs: [catalog] });
    expect(estimate.resources[0]).toMatchObject({ after: '70.08' });
    expect(estimate.resources[0].components[0].priceSource).toBe('sample-offer');
  });
});
